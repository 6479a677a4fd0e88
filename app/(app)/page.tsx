import { OrganizationHome } from "@/components/dashboard/organization-home";
import { FirstRunChecklist } from "@/components/dashboard/first-run-checklist";
import { requireOperator } from "@/lib/auth/session";
import { firstRunProgress } from "@/lib/dashboard/first-run";

export default async function Home() {
  const { organization, user } = await requireOperator();
  const firstRun = await firstRunProgress(organization.id);
  return (
    <OrganizationHome
      organizationId={organization.id}
      organizationName={organization.name}
      firstRun={firstRun.finished ? null : <FirstRunChecklist steps={firstRun.steps} campaignId={firstRun.campaignId} role={user.role} />}
    />
  );
}
