// POST /api/uploads/{jobId}/chunks - the upload wizard adds the next chunk of rows to its open upload job
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { addFileChunk } from "@/lib/customers/file-upload";
import { uploadChunkRequestSchema } from "@/lib/upload-wizard/upload-api";
import { chunkAnswer } from "../../answers";

export const POST = withApi(
  { dialect: appDialect, auth: "credential", body: uploadChunkRequestSchema, idempotent: true },
  async ({ auth, params, body }) => {
    const outcome = await addFileChunk(domainContext(auth, "ui"), params.jobId, body.records);
    return { status: 200, body: chunkAnswer(outcome, body.records.length) };
  },
);
