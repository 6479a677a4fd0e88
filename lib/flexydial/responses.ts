import { z } from "zod";

// Flexydial's bodies as zod: what its routes answer (built by the adapters in this folder) and, for
// the routes that check their bodies by hand in the vendor's order (upload-request.ts,
// dnc-request.ts), the request shapes they accept. Published by the OpenAPI document (lib/openapi);
// every contract test's response is validated against it.

// ---- errors (dialect.ts) ----
export const flexydialErrorsSchema = z
  .object({ errors: z.string() })
  .meta({ id: "FlexydialErrors", description: "An upload or status error, in the vendor's words." });
export const flexydialDetailSchema = z
  .object({ detail: z.string() })
  .meta({ id: "FlexydialDetail", description: "A DNC answer or error, or an authentication failure (Django REST Framework's wording)." });

// ---- generate-token ----
export const tokenRequestSchema = z.object({ username: z.string().min(1), password: z.string().min(1) }).meta({ id: "TokenRequest" });
export const tokenResponseSchema = z.object({ token: z.string() }).meta({ id: "TokenResponse" });
export const tokenErrorSchema = z
  .object({ non_field_errors: z.array(z.string()) })
  .meta({ id: "TokenError", description: "Django REST Framework's obtain_auth_token wording for wrong credentials." });

// ---- bulk phonebook upload ----
const contactRow = z
  .record(z.string(), z.unknown())
  .meta({ description: "`numeric` (the phone), `user` (an agent's username) and the campaign's CRM fields keyed `section:field`." });
export const uploadRequestSchema = z
  .object({
    campaign: z.string().meta({ description: "The campaign's name." }),
    action_type: z.string().optional().meta({ description: '"update" for an update or reassignment; absent or "insert" for an insert.' }),
    reference_field: z.string().optional().meta({ description: "Updates only: `numeric` or a CRM field that finds the contact." }),
    bulk_data: z.array(contactRow).min(1),
  })
  .meta({ id: "BulkPhonebookUpload" });
export const uploadAcceptedSchema = z
  .object({ success: z.string().meta({ description: "Reference/Phonebook Name:<UNIQUEID_OF_UPLOAD>" }), job_id: z.string() })
  .meta({ id: "UploadAccepted" });

// ---- status ----
export const uploadStatusSchema = z
  .object({ status: z.string() })
  .meta({ id: "UploadStatus", description: '"Completed" or "Pending state. Please check with Administrator!"' });
export const invalidDataSchema = z
  .object({ status: z.string().meta({ description: '"Invalid Data"' }), improper_data: z.array(z.record(z.string(), z.unknown())) })
  .meta({ id: "InvalidData", description: "The rows not written, each as sent plus its `description`." });

// ---- DNC ----
export const dncUploadRequestSchema = z
  .array(
    z.object({
      numeric: z.union([z.string(), z.number()]),
      campaign: z.string().optional(),
      global_dnc: z.union([z.string(), z.boolean()]).optional(),
      status: z.string().optional(),
    }),
  )
  .min(1)
  .meta({ id: "DncUpload" });
export const dncRemoveRequestSchema = z
  .array(z.object({ numeric: z.union([z.string(), z.number()]), campaign: z.string().optional() }))
  .min(1)
  .meta({ id: "DncRemove" });
