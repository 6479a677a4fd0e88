import { OrganizationHome } from "@/components/dashboard/organization-home";
import { requireOperator } from "@/lib/auth/session";

export default async function Home() {
  const { organization } = await requireOperator();
  return <OrganizationHome organizationId={organization.id} organizationName={organization.name} />;
}
