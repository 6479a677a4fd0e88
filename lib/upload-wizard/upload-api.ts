import { z } from "zod";
import { ISSUE_CODES } from "@/lib/records/issues";

// The upload wizard's own routes (app/api/uploads/**), one zod schema per request and answer:
// the routes build their answers with these, the browser reads them with the same. Errors are
// the app's shape, `{ error: { code, message, errors? } }` (lib/api/app-dialect.ts).

/** The bulk-add path takes at most 10,000 records per request; so does a chunk. */
export const MAX_CHUNK_ROWS = 10_000;

export const submitOptionsSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("add") }),
  z.object({ mode: z.literal("call"), agentId: z.string().min(1), dispositionId: z.string().min(1) }),
  z.object({ mode: z.literal("workflow") }),
]);
export type SubmitOptions = z.infer<typeof submitOptionsSchema>;

const campaignId = z.string().trim().min(1).max(64);
const records = z.array(z.unknown()).min(1).max(MAX_CHUNK_ROWS);

const issueSchema = z.object({ code: z.enum(ISSUE_CODES), field: z.string().nullable(), message: z.string() });
/** A row the validation core refused; `index` is its position in the request. */
const invalidRowSchema = z.object({ index: z.number().int().nonnegative(), id: z.string().nullable(), issues: z.array(issueSchema) });
/** A valid row that was not written. */
const notWrittenSchema = z.object({
  index: z.number().int().nonnegative(),
  id: z.string(),
  code: z.enum(["duplicate_in_file", "duplicate_phone_in_file", "duplicate_in_campaign", "duplicate_phone_in_campaign", "write_failed"]),
  message: z.string(),
});
export type NotWrittenRow = z.infer<typeof notWrittenSchema>;

/** POST /api/uploads: opens the file's upload job. `total`: the rows that will be sent. */
export const openUploadRequestSchema = z.object({
  campaignId,
  fileName: z.string().max(255),
  total: z.number().int().min(1).max(1_000_000),
  options: submitOptionsSchema,
});
export const openUploadAnswerSchema = z.object({ uploadJobId: z.string() });

/** POST /api/uploads/{jobId}/chunks: the next rows of the file. */
export const uploadChunkRequestSchema = z.object({ records });
export const uploadChunkAnswerSchema = z.object({
  uploadJobId: z.string(),
  received: z.number().int(),
  added: z.number().int(),
  invalid: z.array(invalidRowSchema),
  notWritten: z.array(notWrittenSchema),
  /** Asked to call: what became of it (no dialler yet, so nothing was placed), each reason once. */
  calls: z.object({ requested: z.number(), initiated: z.number(), failed: z.number(), notes: z.array(z.string()) }).nullable(),
  workflowTriggered: z.boolean().nullable(),
});
export type UploadChunkAnswer = z.infer<typeof uploadChunkAnswerSchema>;

/** POST /api/uploads/check: what adding these rows would do; nothing is written. */
export const checkRowsRequestSchema = z.object({ campaignId, records });
export const checkRowsAnswerSchema = z.object({ invalid: z.array(invalidRowSchema), notWritten: z.array(notWrittenSchema) });
export type CheckRowsAnswer = z.infer<typeof checkRowsAnswerSchema>;

/** POST /api/uploads/{jobId}/finish: the operator stopped early; answers the job id. */
export const finishUploadAnswerSchema = z.object({ uploadJobId: z.string() });
