import { assertCallTargets, type CallOptions } from "@/lib/calls/call-options";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid } from "@/lib/domain/errors";
import { validateRecords } from "@/lib/records/validate-records";
import { assignableAgents } from "./assignees";
import type { CustomerCampaign } from "./customer-campaign";
import { customerKeyLabel, duplicateOptions, phoneExistsReason } from "./duplicate-policy";
import { insertCustomers } from "./insert-customers";
import { runStartFor } from "@/lib/workflows/start-runs";
import { wakeWorkflowRunner } from "@/lib/workflows/workflows-queue";
import { logError } from "@/lib/log";

// One customer, on the same core and write path as many: Invalid with the record's problems,
// Conflict when the campaign already holds it.

export type AddedCustomer = { id: string; customerId: string };

export async function addCustomer(
  ctx: DomainContext,
  campaign: CustomerCampaign,
  input: { data: Record<string, unknown>; callOptions: CallOptions },
): Promise<AddedCustomer> {
  await assertCallTargets(ctx.organizationId, campaign, input.callOptions);
  const validation = validateRecords([input.data], campaign.schema, campaign.policy, {
    ...duplicateOptions(campaign.schema, campaign.duplicatesBy),
    agents: await assignableAgents(ctx.organizationId, campaign.schema),
  });
  if (validation.invalid.length > 0) throw new Invalid("Validation failed", { issues: validation.invalid[0].issues.map((i) => i.message) });

  const record = validation.valid[0];
  // useWorkflow: the customer's run is written by the customer's own INSERT.
  const workflow = input.callOptions.useWorkflow ? await runStartFor(ctx.organizationId, campaign) : null;
  const written = await insertCustomers({
    campaignId: campaign.id,
    uploadJobId: null,
    schema: campaign.schema,
    records: [record],
    workflow,
  });
  if (written.existing.length > 0) {
    throw new Conflict(`A customer with ${customerKeyLabel(campaign.schema)} '${record.id}' already exists in this campaign`, {
      resource: "customer",
    });
  }
  if (written.samePhone.length > 0)
    throw new Conflict(phoneExistsReason(campaign.schema.phoneKey, record.phoneE164), { resource: "customer" });
  if (written.failed.length > 0) throw new Error("The customer insert was refused by the database");
  if (workflow)
    await wakeWorkflowRunner().catch((error: unknown) => logError("workflow runner not woken", error, { campaignId: campaign.id }));
  return { id: record.id, customerId: written.inserted[0].customerId };
}
