import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { jobCounts, jobOutcome, jobProgress } from "./job-outcome";

// One upload job as its page shows it: where it came from, who sent it and when, the file, the
// counts that reconcile with it, how far a running job is, and whether it was undone. The per-row
// problems are read separately (job-problems.ts), a page at a time: a job can hold 100,000.

export async function uploadJobDetail(ctx: DomainContext, jobId: string) {
  const job = await db.uploadJob.findFirst({
    where: { id: jobId, organizationId: ctx.organizationId },
    omit: { payload: true, rowErrors: true },
    include: { campaign: { select: { id: true, name: true } } },
  });
  if (!job) throw new NotFound("Upload job not found", { resource: "upload_job" });
  const [creator, apiKey, undoneBy] = await Promise.all([
    job.createdById
      ? db.user.findFirst({ where: { id: job.createdById, organizationId: ctx.organizationId }, select: { name: true, email: true } })
      : null,
    job.apiKeyId
      ? db.apiKey.findFirst({ where: { id: job.apiKeyId, organizationId: ctx.organizationId }, select: { name: true, prefix: true } })
      : null,
    job.undoneById
      ? db.user.findFirst({ where: { id: job.undoneById, organizationId: ctx.organizationId }, select: { name: true, email: true } })
      : null,
  ]);
  return {
    id: job.id,
    campaign: job.campaign,
    source: job.source,
    action: job.action,
    status: job.status,
    outcome: jobOutcome(job),
    counts: jobCounts(job),
    progress: jobProgress(job),
    processed: job.processed,
    reference: job.reference,
    fileName: job.fileName,
    errorMessage: job.errorMessage,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    sentBy: creator ? `${creator.name} (${creator.email})` : apiKey ? `API key “${apiKey.name}” (${apiKey.prefix}…)` : null,
    undo: job.undoneAt
      ? { at: job.undoneAt, by: undoneBy ? `${undoneBy.name} (${undoneBy.email})` : null, result: job.undoResult as UndoResult | null }
      : null,
  };
}

export type UndoResult = {
  removed: number;
  kept: { id: string; identifier: string; reason: string }[];
  /** More contacts were kept than `kept` lists. */
  keptTotal: number;
};
