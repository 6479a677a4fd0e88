import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Campaign } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { getBoss, QUEUES, sendInTransaction } from "@/lib/jobs/boss";
import { newUploadJobId } from "@/lib/upload-jobs/upload-jobs";
import type { UploadRequest } from "./upload-request";

// Accepting a Flexydial upload: the UploadJob (holding the rows as its payload) and its queue
// message (holding only the job id) are written in one transaction, so there is never a job
// without a message nor a message without a job, whatever crashes when.

export type AcceptedUpload = { jobId: string; reference: string };

export async function acceptFlexydialUpload(
  ctx: DomainContext,
  campaign: Pick<Campaign, "id">,
  request: UploadRequest,
): Promise<AcceptedUpload> {
  // Started before the transaction: the first use installs pg-boss's schema, which takes a while.
  await getBoss();
  const jobId = newUploadJobId();
  const reference = phonebookName();
  const options = request.action === "update" ? { referenceField: request.referenceField } : {};
  await db.$transaction(
    async (tx) => {
      // Raw SQL: Prisma's Json serialisation of a 10,000-row payload costs ~0.3 s, this ~0.05 s.
      await tx.$executeRaw`
        INSERT INTO upload_jobs (id, "organizationId", "campaignId", source, action, status, reference, total, options, payload, "createdById", "apiKeyId")
        VALUES (${jobId}, ${ctx.organizationId}, ${campaign.id}, 'flexydial_api', ${request.action}::"UploadAction", 'pending', ${reference},
                ${request.rows.length}, ${JSON.stringify(options)}::jsonb, ${JSON.stringify(request.rows)}::jsonb, ${ctx.actor.userId}, ${ctx.actor.apiKeyId})`;
      await sendInTransaction(tx, QUEUES.flexydialUpload, { uploadJobId: jobId });
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  return { jobId, reference };
}

/** Flexydial's "Reference/Phonebook Name": readable, sortable, unique. */
function phonebookName(): string {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  return `API_${stamp}_${randomBytes(3).toString("hex")}`;
}
