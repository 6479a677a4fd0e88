import { z } from "zod";

// The bodies TimePay's routes answer with, as zod: the adapters in this folder build them (typed by
// these schemas), the OpenAPI document (lib/openapi) publishes them, and every contract test's
// response is validated against that document. Field order and texts are the seeds'.

const int = z.number().int();

// ---- errors (dialect.ts) ----
export const timepayErrorSchema = z
  .object({ success: z.literal(false), error: z.string(), message: z.string() })
  .meta({ id: "TimePayError", description: "An error: its HTTP name and a sentence." });
export const timepayValidationErrorSchema = z
  .object({ success: z.literal(false), message: z.string(), errors: z.array(z.string()) })
  .meta({ id: "TimePayValidationError", description: "The request body or query failed validation; one sentence per problem." });
export const timepayMessageErrorSchema = z
  .object({ success: z.literal(false), message: z.string() })
  .meta({ id: "TimePayMessageError", description: "A missing or foreign campaign or customer." });

// ---- customers ----
export const invalidRecordSchema = z
  .object({ index: int, id: z.string().nullable(), errors: z.array(z.string()) })
  .meta({ id: "InvalidRecord", description: "A record that failed validation: its position, its id (null when it has none) and each problem." });
export const recordErrorSchema = z
  .object({
    id: z.string(),
    error: z.enum(["DUPLICATE_IN_REQUEST", "DUPLICATE", "WRITE_FAILED"]),
    reason: z.string(),
    index: int,
  })
  .meta({ id: "RecordError", description: "A valid record that was not written." });

export const updateErrorSchema = z
  .object({ id: z.string(), error: z.enum(["NOT_FOUND", "DUPLICATE_IN_REQUEST", "CONFLICT", "WRITE_FAILED"]), reason: z.string(), index: int })
  .meta({ id: "UpdateError", description: "A record that was not changed." });

/** Validate-only with initiateCall: what calling the records would do (lib/timepay/customer-calls.ts). */
const callPreflightSchema = z.looseObject({ totalRequested: int, wouldInitiate: int, wouldFail: int });
const callResultsSchema = z.object({ totalRequested: int, initiated: int, failed: int, errors: z.array(z.unknown()), scheduledFor: z.string().optional() });

export const bulkAddResultsSchema = z
  .object({
    total: int,
    valid: int,
    invalid: int,
    successful: int,
    failed: int,
    batchesProcessed: int,
    errors: z.array(recordErrorSchema),
    invalidRecords: z.array(invalidRecordSchema).optional(),
    warnings: z.array(z.string()).optional(),
  })
  .meta({ id: "BulkAddResults" });

/** 201 / 207 / 400 "Added N of M records", and 200 for ?validateOnly=true. */
export const bulkAddResponseSchema = z
  .object({
    success: z.boolean(),
    validateOnly: z.literal(true).optional(),
    message: z.string(),
    results: bulkAddResultsSchema,
    callResults: z.union([callResultsSchema, callPreflightSchema]).optional(),
    workflowTriggered: z.boolean().optional(),
    workflowRunsWouldStart: int.optional().meta({ description: "Validate-only with useWorkflow: the runs that would start." }),
    uploadJobId: z.string().optional().meta({ description: "Upload wizard only." }),
  })
  .meta({ id: "BulkAddResponse" });

/** 400 "No valid records to add" (and "No valid records to update"). */
export const noValidRecordsSchema = z
  .object({
    success: z.literal(false),
    message: z.string(),
    invalidRecords: z.array(invalidRecordSchema),
    uploadJobId: z.string().optional().meta({ description: "Upload wizard only." }),
  })
  .meta({ id: "NoValidRecords" });

export const addCustomerResponseSchema = z
  .object({
    success: z.literal(true),
    message: z.string(),
    data: z.object({ id: z.string(), campaignId: z.string() }),
    callInitiated: z.boolean().optional(),
    /** When the call waits for the calling window: until when (ISO 8601). */
    scheduledFor: z.string().optional(),
    callError: z.string().optional(),
    /** useWorkflow: the customer's run was written with it. */
    workflowTriggered: z.boolean().optional(),
  })
  .meta({ id: "AddCustomerResponse" });

export const updateCustomerResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), data: z.object({ id: z.string(), result: z.literal("updated") }) })
  .meta({ id: "UpdateCustomerResponse" });

export const bulkUpdateResponseSchema = z
  .object({
    success: z.boolean(),
    message: z.string(),
    results: z.object({
      total: int,
      valid: int,
      invalid: int,
      successful: int,
      failed: int,
      retried: int,
      batchesProcessed: int,
      errors: z.array(updateErrorSchema),
      invalidRecords: z.array(invalidRecordSchema).optional(),
      warnings: z.array(z.string()).optional(),
    }),
    uploadJobId: z.string().optional().meta({ description: "Upload wizard only." }),
  })
  .meta({ id: "BulkUpdateResponse" });

// ---- campaigns ----
export const campaignSchema = z
  .object({
    id: z.string(),
    tableId: z.string(),
    rowsLen: int,
    createdAt: z.string(),
    updatedAt: z.string(),
    org_id: z.string().optional(),
    name: z.string(),
    description: z.string(),
    startDate: z.string().nullable(),
    startTime: z.string().nullable(),
    endDate: z.string().nullable(),
    endTime: z.string().nullable(),
    collection_type: z.string(),
    region: z.string().nullable(),
    tags: z.array(z.string()),
    languages: z.array(z.string()),
    status: z.string(),
    service_type: z.string(),
    timezone: z.string(),
    workflowId: z.string().nullable(),
    pausedAt: z.string().nullable(),
    fields: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: "Campaign" });

export const createCampaignResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), data: z.object({ id: z.string(), name: z.string() }) })
  .meta({ id: "CreateCampaignResponse" });
export const listCampaignsResponseSchema = z
  .object({
    success: z.literal(true),
    data: z.array(campaignSchema),
    pagination: z.object({ page: int, limit: int, total: int, totalPages: int }),
  })
  .meta({ id: "CampaignList" });
export const getCampaignResponseSchema = z.object({ success: z.literal(true), data: campaignSchema }).meta({ id: "CampaignResponse" });
export const updateCampaignResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), updatedFields: z.array(z.string()) })
  .meta({ id: "UpdateCampaignResponse" });
export const pauseCampaignResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), data: z.object({ id: z.string(), status: z.string(), pausedAt: z.string().nullable() }) })
  .meta({ id: "PauseCampaignResponse" });
export const deleteCampaignResponseSchema = z
  .object({ success: z.literal(true), data: z.object({ id: z.string() }), message: z.string() })
  .meta({ id: "DeleteCampaignResponse" });
