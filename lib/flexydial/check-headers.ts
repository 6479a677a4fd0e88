import type { FieldSchema } from "@/lib/campaigns/field-schema";
import { uploadErrors as m } from "./messages";
import { uploadError, type UploadRequest } from "./upload-request";

// Every key of every bulk_data item must be one of the campaign's fields: `numeric`, `user` and
// its CRM fields (the columns of its sample CSV). A subset is fine: a missing required column
// becomes a per-row problem, which the status check reports. The vendor documents this error
// under Code 500, and we answer 500 so clients written against Flexydial see what they expect.
export function checkHeaders(request: UploadRequest, schema: FieldSchema) {
  const allowed = new Set(schema.fields.map((field) => field.key));
  const seen = new Set<string>();
  for (const row of request.rows) {
    for (const key of Object.keys(row)) {
      if (seen.has(key)) continue;
      if (!allowed.has(key)) throw uploadError(m.headersNotMatching, 500);
      seen.add(key);
    }
  }
  if (request.action === "update" && request.referenceField === schema.agentKey) {
    throw uploadError(m.referenceNotSearchable(request.referenceField));
  }
}
