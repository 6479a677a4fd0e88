import Link from "next/link";
import { notFound } from "next/navigation";
import { pageContext } from "@/lib/auth/page-context";
import { requireOperator } from "@/lib/auth/session";
import { campaignForEdit } from "@/lib/campaigns/campaign-edit-view";
import { recordRules } from "@/lib/campaigns/campaigns";
import { CAMPAIGN_TYPES } from "@/lib/campaigns/campaign-input";
import type { LANGUAGES } from "@/lib/campaigns/field-schema";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { CampaignDelete } from "@/components/campaigns/campaign-delete";
import { DuplicatesForm } from "@/components/campaigns/duplicates-form";
import { getOrganizationDefaults } from "@/lib/organizations/organization-defaults";
import { workflowSummaries } from "@/lib/workflows/editor-view";

// /campaigns/new and /campaigns/{id}/edit: the campaign form, and on edit the delete panel.

const NEW_CAMPAIGN = {
  name: "",
  description: "",
  campaignType: "emi",
  status: "active",
  startDate: "",
  startTime: "09:00",
  endDate: "",
  endTime: "18:00",
  languages: ["english"],
  region: "",
  tags: [],
  maxConcurrentCalls: 10,
  maxRetries: 2,
  retryDelayMinutes: 120,
} as const;

export async function NewCampaignPage() {
  const { user, organization } = await requireOperator();
  const [summaries, defaults] = await Promise.all([workflowSummaries(organization.id), getOrganizationDefaults(organization.id)]);
  const workflows = summaries.map((w) => ({ id: w.id, name: w.name }));
  return (
    <>
      <Header title="New campaign" />
      <CampaignForm
        initial={{ ...NEW_CAMPAIGN, ...defaults, languages: [...NEW_CAMPAIGN.languages], tags: [] }}
        canWrite={user.role !== "viewer"}
        workflows={workflows}
      />
    </>
  );
}

export async function EditCampaignPage({ id }: { id: string }) {
  const { ctx, user } = await pageContext();
  const [found, workflows] = await Promise.all([campaignForEdit(ctx, id), workflowSummaries(ctx.organizationId)]);
  if (!found) notFound();
  const { campaign, counts } = found;
  const { schema } = recordRules(campaign);
  const custom = campaign.campaignType === "custom";
  const canWrite = user.role !== "viewer";
  const initial = {
    name: campaign.name,
    description: campaign.description,
    campaignType: (CAMPAIGN_TYPES as readonly string[]).includes(campaign.campaignType)
      ? (campaign.campaignType as (typeof CAMPAIGN_TYPES)[number])
      : "emi",
    startDate: campaign.startDate ?? "",
    startTime: campaign.startTime ?? "",
    endDate: campaign.endDate ?? "",
    endTime: campaign.endTime ?? "",
    timezone: campaign.timezone,
    phoneCountry: campaign.phoneCountry,
    languages: campaign.languages as (typeof LANGUAGES)[number][],
    region: campaign.region ?? "",
    tags: campaign.tags,
    maxConcurrentCalls: campaign.maxConcurrentCalls,
    maxRetries: campaign.maxRetries,
    retryDelayMinutes: campaign.retryDelayMinutes,
    workflowId: campaign.workflowId ?? undefined,
    ...(custom && {
      crmFields: schema.fields
        .filter((f) => f.key.includes(":"))
        .map((f) => ({ key: f.key, label: f.label, type: f.type as string, required: f.required })),
      identifierField: schema.identifierKey ?? undefined,
    }),
  };
  return (
    <>
      <Header title={`Edit ${campaign.name}`} back={{ href: `/campaigns/${campaign.id}`, label: campaign.name }} />
      <CampaignForm
        campaignId={campaign.id}
        initial={initial}
        canWrite={canWrite}
        workflows={workflows.map((w) => ({ id: w.id, name: w.name }))}
      />
      {custom && (
        <section className="card">
          <h2>CRM fields</h2>
          <p className="muted small">Fixed once the campaign exists; the upload template lists them.</p>
          <ul className="mono small">
            {schema.fields.map((f) => (
              <li key={f.key}>
                {f.key}
                {f.required ? " (required)" : ""}
                {f.key === schema.identifierKey ? " — identifies a contact" : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
      {canWrite && (
        <section className="card">
          <h2>The same person</h2>
          <DuplicatesForm campaignId={campaign.id} initial={campaign.duplicatesBy} />
        </section>
      )}
      {canWrite && <CampaignDelete id={campaign.id} name={campaign.name} counts={counts} />}
    </>
  );
}

function Header({ title, back = { href: "/campaigns", label: "Campaigns" } }: { title: string; back?: { href: string; label: string } }) {
  return (
    <header className="page-header">
      <div>
        <nav className="breadcrumbs" aria-label="Breadcrumb">
          <Link href={back.href}>{back.label}</Link>
        </nav>
        <h1>{title}</h1>
      </div>
    </header>
  );
}
