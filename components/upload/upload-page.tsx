import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOperator } from "@/lib/auth/session";
import { recordRules } from "@/lib/campaigns/campaigns";
import { db } from "@/lib/db/client";
import { parseSavedMapping } from "@/lib/campaigns/saved-mapping";
import { ServiceTypeBadge, StatusBadge } from "@/components/campaigns/badges";
import { UploadWizard } from "@/components/upload/upload-wizard";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

// The upload wizard for one campaign: everything the browser needs to validate rows exactly as
// the server will (field schema, phone policy), the remembered mapping, and the call options.
export async function UploadPage({ campaignId }: { campaignId: string }) {
  const { organization } = await requireOperator();
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, organizationId: organization.id },
    include: { workflow: { select: { name: true } } },
  });
  if (!campaign) notFound();

  const [agents, dispositions] = await Promise.all([
    db.agent.findMany({
      where: { organizationId: organization.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, username: true, kind: true },
    }),
    db.disposition.findMany({
      where: { organizationId: organization.id },
      orderBy: [{ priority: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  const { schema, policy } = recordRules(campaign);
  const wizardCampaign: WizardCampaign = {
    id: campaign.id,
    name: campaign.name,
    schema,
    policy,
    duplicatesBy: campaign.duplicatesBy,
    savedMapping: parseSavedMapping(campaign.savedMapping),
    workflowName: campaign.workflow?.name ?? null,
  };

  return (
    <>
      <header className="page-header">
        <div>
          <div className="breadcrumbs">
            <Link href="/campaigns">Campaigns</Link> / <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link> /
          </div>
          <h1>Upload contacts</h1>
          <p className="muted">
            to <strong>{campaign.name}</strong> <ServiceTypeBadge serviceType={campaign.serviceType} campaignType={campaign.campaignType} />{" "}
            <StatusBadge status={campaign.status} />
          </p>
        </div>
        <Link href="/upload" className="btn btn-sm">
          Choose another campaign
        </Link>
      </header>
      <UploadWizard campaign={wizardCampaign} agents={agents} dispositions={dispositions} />
    </>
  );
}
