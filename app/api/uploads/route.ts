// POST /api/uploads - the upload wizard opens a file's upload job (name, rows to send, what to do with them)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { openFileUpload } from "@/lib/customers/file-upload";
import { openUploadAnswerSchema, openUploadRequestSchema } from "@/lib/upload-wizard/upload-api";
import { callOptionsOf } from "./answers";

export const POST = withApi(
  { dialect: appDialect, auth: "credential", body: openUploadRequestSchema, idempotent: true },
  async ({ auth, body }) => {
    const opened = await openFileUpload(domainContext(auth, "ui"), { ...body, callOptions: callOptionsOf(body.options) });
    return { status: 201, body: openUploadAnswerSchema.parse(opened) };
  },
);
