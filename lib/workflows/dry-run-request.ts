import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { dryRun } from "@/lib/workflows/dry-run";
import { parseDefinition } from "@/lib/workflows/workflows";

// The dry run for the API (and an editor): the definition checked like a saved one, played for a
// sample customer in the campaign's calling window from `start`.

export type DryRunRequest = {
  steps: unknown[];
  campaignId: string;
  /** The sample customer's fields. */
  customer: Record<string, unknown>;
  outcomes?: ("Contacted" | "No Contact" | "Failed" | "Blocked")[];
  start?: Date;
};

export async function dryRunRequest(ctx: DomainContext, body: DryRunRequest, now: Date) {
  const definition = await parseDefinition(ctx.organizationId, { steps: body.steps });
  const campaign = await db.campaign.findFirst({ where: { id: body.campaignId, organizationId: ctx.organizationId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  const templates = await db.messageTemplate.findMany({
    where: { organizationId: ctx.organizationId },
    select: { id: true, channel: true, body: true },
  });
  return dryRun({
    definition,
    campaign,
    fields: body.customer,
    outcomes: body.outcomes,
    start: body.start ?? now,
    templates: new Map(templates.map((t) => [t.id, t])),
  });
}
