import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";

// The calls an upload started: "add and start calls" of the wizard and TimePay's bulk add with
// initiateCall schedule the customers the job added under one call batch per job, keyed by the
// job's id (so a retried chunk or request calls nobody twice). Retries stay in their batch, so
// the batch's attempts are every call the upload started. Used by the job page and the Calls
// page's ?job= filter.

/** The request key of the call batch of a wizard upload ("add and start calls"). */
export const wizardUploadCallsKey = (jobId: string) => `upload:${jobId}`;
/** The request key of the call batch of a bulk add with initiateCall. */
export const bulkAddCallsKey = (jobId: string) => `bulk-add:${jobId}`;

/**
 * The Calls page's and the job page's condition: attempts of the job's call batches. The batches
 * are looked up first, so the planner sees the batch id and walks calls_by_batch_placed.
 */
export async function uploadCallsWhere(ctx: DomainContext, jobId: string): Promise<Prisma.CallWhereInput> {
  const batches = await db.callBatch.findMany({
    where: { organizationId: ctx.organizationId, requestKey: { in: [wizardUploadCallsKey(jobId), bulkAddCallsKey(jobId)] } },
    select: { id: true },
  });
  const ids = batches.map((b) => b.id);
  // The batches were found within the organization, so their calls are its own: no organizationId
  // test on the calls, which lets the job page's counts be an index-only scan (calls_by_batch_placed).
  return { batchId: ids.length === 1 ? ids[0] : { in: ids } };
}
