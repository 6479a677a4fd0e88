import { assertCallTargets, recordedCallOptions, type CallOptions } from "@/lib/calls/call-options";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { createUploadJob, finishUploadJob, reopenUploadJob } from "@/lib/upload-jobs/upload-jobs";
import { addCustomers, type AddCustomersOutcome } from "./add-customers";
import { customerCampaign } from "./customer-campaign";

// A spreadsheet sent by the upload wizard: one upload job for the whole file, opened with its
// name and row count, then filled chunk by chunk through the same addCustomers as TimePay's bulk
// add. Only the operator who opened a job can add to it.

export type FileUploadInput = { campaignId: string; fileName: string; total: number; callOptions: CallOptions };

export async function openFileUpload(ctx: DomainContext, input: FileUploadInput): Promise<{ uploadJobId: string }> {
  const campaign = await customerCampaign(ctx, input.campaignId);
  await assertCallTargets(ctx.organizationId, campaign, input.callOptions);
  const job = await createUploadJob(ctx, {
    campaignId: campaign.id,
    fileName: input.fileName.trim().slice(0, 255) || null,
    total: input.total,
    options: recordedCallOptions(input.callOptions),
    status: "processing",
  });
  return { uploadJobId: job.id };
}

export type FileChunkOutcome = AddCustomersOutcome & { callOptions: CallOptions; campaignId: string };

export async function addFileChunk(ctx: DomainContext, uploadJobId: string, records: readonly unknown[]): Promise<FileChunkOutcome> {
  const job = await openJobOf(ctx, uploadJobId);
  const campaign = await customerCampaign(ctx, job.campaignId);
  const callOptions = callOptionsOf(job.options);
  const outcome = await addCustomers(ctx, campaign, { records, callOptions, validateOnly: false, chunkOf: { jobId: job.id } });
  return { ...outcome, callOptions, campaignId: campaign.id };
}

/** What adding `records` would do, writing nothing: every check, duplicates in the campaign included. */
export async function checkFileRows(ctx: DomainContext, campaignId: string, records: readonly unknown[]): Promise<AddCustomersOutcome> {
  const campaign = await customerCampaign(ctx, campaignId);
  return addCustomers(ctx, campaign, { records, callOptions: {}, validateOnly: true });
}

/** The operator stopped before the last chunk: the job keeps what was sent. */
export async function finishFileUpload(ctx: DomainContext, uploadJobId: string): Promise<void> {
  const job = await openJobOf(ctx, uploadJobId);
  await finishUploadJob(job.id);
}

/**
 * The wizard resumes an upload that was stopped when its page went away (closed, reloaded): a
 * job its operator cancelled takes chunks again. An open or completed job stays as it is; a job
 * that failed or was undone does not come back.
 */
export async function reopenFileUpload(ctx: DomainContext, uploadJobId: string): Promise<void> {
  const job = await db.uploadJob.findFirst({
    where: { id: uploadJobId, organizationId: ctx.organizationId, createdById: ctx.actor.userId, source: "ui", action: "insert" },
    select: { id: true, status: true, undoneAt: true },
  });
  if (!job) throw new NotFound("No upload of yours has this id", { resource: "upload_job", value: uploadJobId });
  if (job.undoneAt !== null || job.status === "failed" || job.status === "pending")
    throw new Conflict("This upload cannot be resumed: it failed or was undone. Start a new upload.");
  if (job.status === "cancelled") await reopenUploadJob(job.id);
}

async function openJobOf(ctx: DomainContext, id: string) {
  const job = await db.uploadJob.findFirst({
    where: { id, organizationId: ctx.organizationId, createdById: ctx.actor.userId, source: "ui", action: "insert", status: "processing" },
    select: { id: true, campaignId: true, options: true },
  });
  if (!job) throw new NotFound("No upload of yours in progress has this id", { resource: "upload_job", value: id });
  return job;
}

function callOptionsOf(options: unknown): CallOptions {
  const o = (options ?? {}) as {
    initiateCall?: boolean;
    callConfig?: { agentId: string; dispositionId: string } | null;
    useWorkflow?: boolean;
  };
  return { initiateCall: o.initiateCall === true, callConfig: o.callConfig ?? undefined, useWorkflow: o.useWorkflow === true };
}
