import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { CallOptionsRefused } from "@/lib/calls/call-options";
import { definitionSchema } from "@/lib/workflows/definition";
import { campaignWorkflowVersion } from "@/lib/workflows/workflows";

// Runs start on the campaign's pinned workflow version (or its workflow's latest), one per
// (customer, version): the unique key makes starting twice a no-op. New customers' runs are
// written by the customers' own INSERT statement (lib/customers/insert-customers.ts), so a customer
// is added exactly when its run is; startRuns serves customers that already exist.

export type RunStart = { organizationId: string; versionId: string; firstStepId: string };

/** What a campaign's new runs start on; CallOptionsRefused when it has no workflow or the workflow no steps. */
export async function runStartFor(organizationId: string, campaign: { id: string; workflowId: string | null }): Promise<RunStart> {
  const row = await db.campaign.findUnique({ where: { id: campaign.id }, select: { workflowId: true, workflowVersionId: true } });
  if (!row?.workflowId) throw new CallOptionsRefused([{ code: "no_workflow" }]);
  const version = await campaignWorkflowVersion(row);
  if (!version) throw new CallOptionsRefused([{ code: "workflow_without_steps", value: row.workflowId }]);
  const definition = definitionSchema.parse(version.definition);
  return { organizationId, versionId: version.id, firstStepId: definition.steps[0].id };
}

export async function startRuns(
  ctx: DomainContext,
  campaign: { id: string; workflowId: string | null },
  customerIds: string[],
  dueAt: Date = new Date(),
): Promise<number> {
  const start = await runStartFor(ctx.organizationId, campaign);
  if (customerIds.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO workflow_runs ("organizationId", "campaignId", "customerId", "workflowVersionId", "stepId", "dueAt", "updatedAt")
    SELECT ${ctx.organizationId}, ${campaign.id}, c.id, ${start.versionId}, ${start.firstStepId}, ${dueAt}, now()
    FROM customers c WHERE c."campaignId" = ${campaign.id} AND c.id = ANY(${customerIds}::uuid[])
    ON CONFLICT ("customerId", "workflowVersionId") DO NOTHING`;
}
