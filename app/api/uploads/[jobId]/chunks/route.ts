// POST /api/uploads/{jobId}/chunks - the upload wizard adds the next chunk of rows to its open upload job
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { addFileChunk } from "@/lib/customers/file-upload";
import { uploadChunkRequestSchema } from "@/lib/upload-wizard/upload-api";
import { chunkAnswer } from "../../answers";
import { callAddedCustomers } from "@/lib/calls/call-added-customers";
import { systemClock } from "@/lib/domain/clock";
import { wizardUploadCallsKey } from "@/lib/calls/upload-call-keys";

export const POST = withApi(
  { dialect: appDialect, auth: "credential", body: uploadChunkRequestSchema, idempotent: true },
  async ({ auth, params, body }) => {
    const ctx = domainContext(auth, "ui");
    const outcome = await addFileChunk(ctx, params.jobId, body.records);
    const config = outcome.callOptions.initiateCall ? outcome.callOptions.callConfig : undefined;
    const calls = config
      ? await callAddedCustomers(ctx, {
          campaignId: outcome.campaignId,
          ...config,
          customerIds: outcome.addedCustomers.flatMap((c) => (c.customerId ? [c.customerId] : [])),
          requestKey: wizardUploadCallsKey(params.jobId),
          clock: systemClock,
        })
      : null;
    return { status: 200, body: chunkAnswer(outcome, body.records.length, calls) };
  },
);
