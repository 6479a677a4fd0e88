import { z } from "zod";
import {
  dncRemoveRequestSchema,
  dncUploadRequestSchema,
  flexydialDetailSchema,
  flexydialErrorsSchema,
  invalidDataSchema,
  tokenErrorSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  uploadAcceptedSchema,
  uploadRequestSchema,
  uploadStatusSchema,
} from "@/lib/flexydial/responses";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// Flexydial's routes (Authorization: Token <key>), with the vendor documents' examples
// (seeds/flexydial-bulk-contact-upload.md, reference/api-contracts.md Part 1).

const OOPS = "Oops Something went wrong, Please contact Administrator";
const unauthorized: ResponseDoc = {
  description: "No or an unknown token (Django REST Framework's wording).",
  schema: flexydialDetailSchema,
  examples: { missing: { detail: "Authentication credentials were not provided." }, invalid: { detail: "Invalid token." } },
};
const errors = (description: string, examples?: Record<string, unknown>): ResponseDoc => ({
  description,
  schema: flexydialErrorsSchema,
  examples,
});
const detail = (description: string, examples?: Record<string, unknown>): ResponseDoc => ({
  description,
  schema: flexydialDetailSchema,
  examples,
});
const accepted = (description: string): ResponseDoc => ({
  description,
  schema: uploadAcceptedSchema,
  examples: { seed: { success: "Reference/Phonebook Name:<UNIQUEID_OF_UPLOAD>", job_id: "<job_id>" } },
});
/** Every route is throttled (per API key; generate-token per IP and account), in DRF's words, with Retry-After. */
const throttled = detail("Too many requests (Retry-After says when to retry).", {
  seed: { detail: "Request was throttled. Expected available in 60 seconds." },
});
const jobParams = z.object({ job_id: z.string().meta({ description: "The upload's job_id." }) });

const statusRoute = (method: "get" | "post"): RouteDoc => ({
  method,
  path: "/api/bulkphonebookupload/status/{job_id}/",
  family: "Flexydial",
  summary: `Upload status (${method.toUpperCase()})`,
  description: "The vendor's document says POST in its heading and GET in its text: both answer the same.",
  params: jobParams,
  responses: {
    200: {
      description: "Completed, or still pending.",
      schema: uploadStatusSchema,
      examples: { Completed: { status: "Completed" }, Pending: { status: "Pending state. Please check with Administrator!" } },
    },
    401: unauthorized,
    429: throttled,
    500: {
      description: "Rows were not written (Invalid Data), the job is unknown or another organization's, or the job failed.",
      schema: z.union([invalidDataSchema, flexydialErrorsSchema]),
      examples: {
        "Invalid Data": {
          status: "Invalid Data",
          improper_data: [{ numeric: "12345", user: "priya", description: "Invalid numeric '12345': too short" }],
        },
        "Job not found": { errors: "Job not found." },
        Failed: { errors: OOPS },
      },
    },
  },
});

export const flexydialRoutes: RouteDoc[] = [
  {
    method: "post",
    path: "/api/generate-token/",
    family: "Flexydial",
    summary: "Generate a token",
    description: "Exchanges an operator's username (email) and password for an API key, sent as `Authorization: Token <key>`.",
    auth: "none",
    body: tokenRequestSchema,
    responses: {
      200: { description: "The key.", schema: tokenResponseSchema },
      400: {
        description: "Wrong credentials, or a field missing.",
        schema: z.union([tokenErrorSchema, flexydialErrorsSchema]),
        examples: {
          credentials: { non_field_errors: ["Unable to log in with provided credentials."] },
          missing: { errors: "password: This field is required." },
        },
      },
      413: errors("The body is larger than 16 KB."),
      415: errors("Content-Type is not application/json."),
      429: throttled,
      500: errors("Anything unexpected.", { seed: { errors: OOPS } }),
    },
  },
  {
    method: "post",
    path: "/api/bulkphonebookupload/v1/",
    family: "Flexydial",
    summary: "Bulk contact upload, update or reassignment",
    description:
      "Checks the request, answers with a job_id at once; a queue worker writes the rows. Poll the status route for the outcome.",
    body: uploadRequestSchema,
    bodyExample: { campaign: "Flexy Phonebook", bulk_data: [{ numeric: "9876543210", user: "priya", "customer_info:customer_id": "C1" }] },
    responses: {
      200: accepted("Insert accepted."),
      201: accepted("Update or reassignment accepted."),
      400: errors("A request the vendor's documents refuse.", {
        "Insert with reference_field": { errors: "Insert operation cannot have reference_field." },
        "Invalid request structure": { errors: "Invalid request structure" },
        "reference_field missing": { errors: "reference_field is missing in the request!" },
        "Not uniform": { errors: "All items in bulk_data must have uniform structure" },
      }),
      401: unauthorized,
      403: detail("The key's role may not write (Django REST Framework's wording)."),
      404: errors("No campaign of that name.", { "Campaign not found": { errors: "Campaign not found." } }),
      409: errors("A request with this Idempotency-Key is still in progress."),
      413: errors("The body is larger than MAX_BODY_BYTES."),
      415: errors("Content-Type is not application/json."),
      422: errors("The Idempotency-Key was already used with a different request body."),
      429: throttled,
      500: errors(
        "Code 500 of the seed: headers that are not the campaign's CRM fields, an update without campaign or bulk_data, or anything unexpected.",
        {
          "Headers not matching": { errors: "Headers are not matching with Campaign CRM Fields. Please refer to the sample CSV" },
          Oops: { errors: OOPS },
        },
      ),
    },
  },
  statusRoute("get"),
  statusRoute("post"),
  ...(["upload", "remove"] as const).map(
    (kind): RouteDoc => ({
      method: "post",
      path: kind === "upload" ? "/api/upload-dnc/" : "/api/remove-dnc/",
      family: "Flexydial",
      summary: kind === "upload" ? "Add numbers to the DNC list" : "Remove numbers from the DNC list",
      description: "All or nothing: one bad item and nothing is written.",
      body: kind === "upload" ? dncUploadRequestSchema : dncRemoveRequestSchema,
      responses: {
        200: detail("Done.", { seed: { detail: kind === "upload" ? "Data processed successfully" : "DNC numbers removed successfully" } }),
        400: detail("An item the list refuses, named by its position or number."),
        401: unauthorized,
        403: detail("The key's role may not write."),
        409: detail("A request with this Idempotency-Key is still in progress."),
        413: detail("The body is larger than MAX_BODY_BYTES."),
        415: detail("Content-Type is not application/json."),
        422: detail("The Idempotency-Key was already used with a different request body."),
        429: throttled,
        500: detail("Anything unexpected.", { seed: { detail: OOPS } }),
      },
    }),
  ),
];
