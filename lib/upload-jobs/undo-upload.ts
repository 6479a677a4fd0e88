import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import type { UndoResult } from "./job-detail";

// "Undo this upload": removes the contacts this job created that have no calls yet, keeps the
// ones that were called (their history would go with them) and says which and why, and records
// the undo on the job — all in one transaction, so an undo is either whole or not at all. An
// update upload cannot be undone (it changed contacts that existed before it), nor can a job that
// is still running or was already undone.

const KEPT_LISTED = 200;

export async function undoUpload(ctx: DomainContext, jobId: string): Promise<UndoResult> {
  if (ctx.actor.role === "viewer") throw new Forbidden("You don't have the required permission to perform this action");
  return db.$transaction(async (tx) => {
    // The row lock makes two undo clicks (or an undo racing a resumed worker) take turns.
    const [job] = await tx.$queryRaw<{ id: string; campaignId: string; action: string; status: string; undoneAt: Date | null }[]>`
      SELECT id, "campaignId", action::text, status::text, "undoneAt" FROM upload_jobs
      WHERE id = ${jobId} AND "organizationId" = ${ctx.organizationId} FOR UPDATE`;
    if (!job) throw new NotFound("Upload job not found", { resource: "upload_job" });
    if (job.undoneAt) throw new Conflict("This upload was already undone");
    if (job.action !== "insert") throw new Invalid("An update upload cannot be undone: it changed contacts that existed before it");
    if (job.status === "pending" || job.status === "processing")
      throw new Conflict("This upload is still running; undo it once it has finished");

    const removed = await tx.$executeRaw`
      DELETE FROM customers c WHERE c."uploadJobId" = ${job.id} AND c."campaignId" = ${job.campaignId}
        AND NOT EXISTS (SELECT 1 FROM calls k WHERE k."customerId" = c.id)`;
    const kept = await tx.$queryRaw<{ id: string; identifier: string; calls: bigint }[]>`
      SELECT c.id::text AS id, c.identifier, (SELECT count(*) FROM calls k WHERE k."customerId" = c.id) AS calls
      FROM customers c WHERE c."uploadJobId" = ${job.id} AND c."campaignId" = ${job.campaignId} ORDER BY c.identifier LIMIT ${KEPT_LISTED}`;
    const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM customers WHERE "uploadJobId" = ${job.id}`;
    const result: UndoResult = {
      removed,
      kept: kept.map((k) => ({
        id: k.id,
        identifier: k.identifier,
        reason: `already called (${k.calls} call${k.calls === 1n ? "" : "s"})`,
      })),
      keptTotal: Number(n),
    };
    await tx.uploadJob.update({
      where: { id: job.id },
      data: { undoneAt: new Date(), undoneById: ctx.actor.userId, undoResult: result as unknown as Prisma.InputJsonValue },
    });
    return result;
  });
}
