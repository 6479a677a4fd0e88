import { dncBlocked, isDnc } from "@/lib/calls/call-checks";
import { db } from "@/lib/db/client";
import type { ClaimedRun } from "@/lib/workflows/claim-runs";
import { definitionSchema, type WorkflowDefinition } from "@/lib/workflows/definition";
import type { Campaign, Customer, Template } from "@/lib/workflows/plan-run";

// Everything a pass needs for its claimed runs, a few queries for the whole batch. Definitions are
// immutable per version, so they are cached for the life of the process.

const definitions = new Map<string, WorkflowDefinition>();

export type PassData = {
  definitions: Map<string, WorkflowDefinition>;
  campaigns: Map<string, Campaign>;
  customers: Map<string, Customer>;
  /** "<campaignId>|<phone>" of active DNC entries (global ones listed under every campaign). */
  dnc: Set<string>;
  templates: Map<string, Template>;
  groupsByDisposition: Map<string, Map<string, Set<string>>>;
};

export async function loadPass(runs: ClaimedRun[]): Promise<PassData> {
  const versionIds = [...new Set(runs.map((r) => r.workflowVersionId))].filter((id) => !definitions.has(id));
  const campaignIds = [...new Set(runs.map((r) => r.campaignId))];
  const customerIds = runs.map((r) => r.customerId).filter((id): id is string => id !== null);
  const orgIds = [...new Set(runs.map((r) => r.organizationId))];
  const [versions, campaignRows, customerRows, templateRows, groupRows] = await Promise.all([
    db.workflowVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, definition: true } }),
    db.campaign.findMany({ where: { id: { in: campaignIds } } }),
    db.customer.findMany({
      where: { id: { in: customerIds } },
      select: { id: true, phoneE164: true, timezone: true, data: true, firstName: true, lastName: true, language: true, identifier: true },
    }),
    db.messageTemplate.findMany({ where: { organizationId: { in: orgIds } }, select: { id: true, channel: true, body: true } }),
    db.dispositionGroupMember.findMany({
      where: { group: { organizationId: { in: orgIds } } },
      select: { group: { select: { name: true, organizationId: true } }, disposition: { select: { name: true } } },
    }),
  ]);
  for (const v of versions) definitions.set(v.id, definitionSchema.parse(v.definition));
  const campaigns = new Map(campaignRows.map((c) => [c.id, c as Campaign]));
  const customers = new Map(
    customerRows.map((c) => [
      c.id,
      {
        id: c.id,
        phoneE164: c.phoneE164,
        timezone: c.timezone,
        data: {
          identifier: c.identifier,
          first_name: c.firstName,
          last_name: c.lastName,
          language: c.language,
          ...(c.data as Record<string, unknown>),
        },
      },
    ]),
  );
  const dnc = new Set<string>();
  for (const org of orgIds) {
    const orgCampaigns = campaignRows.filter((c) => c.organizationId === org).map((c) => c.id);
    const phones = runs
      .filter((r) => r.organizationId === org && r.customerId)
      .map((r) => customers.get(r.customerId!)?.phoneE164)
      .filter((p): p is string => !!p);
    const keys = await dncBlocked(db, org, orgCampaigns, phones);
    for (const r of runs) {
      const phone = r.customerId ? customers.get(r.customerId)?.phoneE164 : undefined;
      if (r.organizationId === org && phone && isDnc(keys, r.campaignId, phone)) dnc.add(`${r.campaignId}|${phone}`);
    }
  }
  const groupsByDisposition = new Map<string, Map<string, Set<string>>>();
  for (const row of groupRows) {
    const byName = groupsByDisposition.get(row.group.organizationId) ?? new Map<string, Set<string>>();
    groupsByDisposition.set(row.group.organizationId, byName);
    const key = row.disposition.name.toLowerCase();
    byName.set(key, (byName.get(key) ?? new Set()).add(row.group.name));
  }
  return { definitions, campaigns, customers, dnc, templates: new Map(templateRows.map((t) => [t.id, t])), groupsByDisposition };
}
