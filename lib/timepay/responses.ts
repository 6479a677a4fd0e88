import { z } from "zod";

// The bodies TimePay's routes answer with, as zod: the adapters in this folder build them (typed by
// these schemas), the OpenAPI document (lib/openapi) publishes them, and every contract test's
// response is validated against that document. Field order and texts are the seeds'.
// Over 300 lines on purpose: one declarative schema per documented response, in the seed's order;
// splitting them would only scatter one contract's answers over several files.

const int = z.number().int();

// ---- errors (dialect.ts) ----
export const timepayErrorSchema = z
  .object({ success: z.literal(false), error: z.string(), message: z.string() })
  .meta({ id: "TimePayError", description: "An error: its HTTP name and a sentence." });
export const timepayValidationErrorSchema = z
  .object({ success: z.literal(false), message: z.string(), errors: z.array(z.string()) })
  .meta({ id: "TimePayValidationError", description: "The request body or query failed validation; one sentence per problem." });
export const missingAgentVariablesErrorSchema = z
  .object({ success: z.literal(false), message: z.string(), errors: z.array(z.string()), missingVariables: z.array(z.string()) })
  .meta({
    id: "TimePayMissingAgentVariables",
    description: "The agent's variables (the fields its script uses) include keys the campaign's fields do not provide; nothing was done.",
  });
export const timepayMessageErrorSchema = z
  .object({ success: z.literal(false), message: z.string() })
  .meta({ id: "TimePayMessageError", description: "A missing or foreign campaign or customer." });

// ---- customers ----
export const invalidRecordSchema = z.object({ index: int, id: z.string().nullable(), errors: z.array(z.string()) }).meta({
  id: "InvalidRecord",
  description: "A record that failed validation: its position, its id (null when it has none) and each problem.",
});
export const recordErrorSchema = z
  .object({
    id: z.string(),
    error: z.enum(["DUPLICATE_IN_REQUEST", "DUPLICATE", "WRITE_FAILED"]),
    reason: z.string(),
    index: int,
  })
  .meta({ id: "RecordError", description: "A valid record that was not written." });

export const updateErrorSchema = z
  .object({
    id: z.string(),
    error: z.enum(["NOT_FOUND", "DUPLICATE_IN_REQUEST", "CONFLICT", "WRITE_FAILED"]),
    reason: z.string(),
    index: int,
  })
  .meta({ id: "UpdateError", description: "A record that was not changed." });

/** Would-be-blocked attempts per reason (validate-only answers). */
const blockedCountsSchema = z.object({
  dnc: int,
  frequencyCap: int,
  callInProgress: int,
  agentInactive: int,
  customerNotFound: int,
  campaignEnded: int,
  windowNeverOpens: int,
  missingAgentVariables: int,
});
const callResultsSchema = z.union([
  z.object({ totalRequested: int, initiated: int, failed: int, errors: z.array(z.unknown()), scheduledFor: z.string().optional() }),
  z
    .object({
      totalRequested: int,
      wouldInitiate: int,
      wouldFail: int,
      dialNow: int,
      waitForWindow: int,
      windowOpensAt: z.string().nullable(),
      waitForResume: int,
      blocked: blockedCountsSchema,
      errors: z.array(z.unknown()),
    })
    .meta({ description: "With ?validateOnly=true: what calling the records would do, per reason." }),
]);

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
    callResults: callResultsSchema.optional(),
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
  .object({
    success: z.literal(true),
    message: z.string(),
    data: z.object({ id: z.string(), status: z.string(), pausedAt: z.string().nullable() }),
  })
  .meta({ id: "PauseCampaignResponse" });
export const deleteCampaignResponseSchema = z
  .object({ success: z.literal(true), data: z.object({ id: z.string() }), message: z.string() })
  .meta({ id: "DeleteCampaignResponse" });

// ---- calls (initiate-calls.ts, call-results.ts) ----
export const callErrorSchema = z
  .object({ id: z.string().nullable(), error: z.string(), reason: z.string() })
  .meta({ id: "CallError", description: "A customer that will not be called: its loan_id / lead_id, a code and why." });
const callCountsSchema = { totalMatched: int, customersSelected: int };
/** 200 all initiated · 207 some · 500 none (POST /api/v1/initiate/{campaignId}/calls). */
export const initiateCallsResponseSchema = z
  .object({
    success: z.boolean(),
    message: z.string(),
    results: z.object({
      ...callCountsSchema,
      initiated: int,
      failed: int,
      batchesProcessed: int,
      errors: z.array(callErrorSchema),
      scheduledFor: z.string().optional(),
    }),
  })
  .meta({ id: "InitiateCallsResponse" });
/** 200 for ?validateOnly=true: what would happen, per reason; nothing written. */
export const initiateCallsPreflightSchema = z
  .object({
    success: z.boolean(),
    validateOnly: z.literal(true),
    message: z.string(),
    results: z.object({
      ...callCountsSchema,
      wouldInitiate: int,
      wouldFail: int,
      dialNow: int,
      waitForWindow: int,
      windowOpensAt: z.string().nullable(),
      waitForResume: int,
      blocked: blockedCountsSchema,
      errors: z.array(callErrorSchema),
    }),
  })
  .meta({ id: "InitiateCallsPreflight" });

// ---- lists (agents.ts, dispositions.ts, disposition-groups.ts) ----
const paginationSchema = z.object({ page: int, limit: int, total: int, totalPages: int });
const okMessageSchema = z.object({ success: z.literal(true), message: z.string() });
const updatedFieldsSchema = z.object({ success: z.literal(true), message: z.string(), updatedFields: z.array(z.string()) });

export const agentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(["ai", "human"]),
    username: z.string(),
    active: z.boolean(),
    variables: z.array(z.string()).meta({
      description:
        "Customer field keys the agent's script uses (e.g. emi_amount, emi_due_date, first_name). Initiating calls with it on a campaign without one of these fields answers 400; a customer with an empty value is not called (MISSING_AGENT_VARIABLES).",
    }),
    createdAt: z.string(),
  })
  .meta({ id: "Agent" });
export const listAgentsResponseSchema = z
  .object({ success: z.literal(true), data: z.array(agentSchema), pagination: paginationSchema })
  .meta({ id: "ListAgentsResponse" });

export const dispositionSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), priority: int, createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: "Disposition" });
export const dispositionResponseSchema = z
  .object({ success: z.literal(true), message: z.string().optional(), data: dispositionSchema })
  .meta({ id: "DispositionResponse" });
export const listDispositionsResponseSchema = z
  .object({ success: z.literal(true), data: z.array(dispositionSchema), pagination: paginationSchema })
  .meta({ id: "ListDispositionsResponse" });
export const updatedFieldsResponseSchema = updatedFieldsSchema.meta({
  id: "UpdatedFieldsResponse",
  description: "An update: the fields it changed.",
});
export const okMessageResponseSchema = okMessageSchema.meta({ id: "OkMessage" });
/** 400 of the disposition rules (in use, unknown ids): TimePay's own bodies (domain-errors.ts). */
export const dispositionRuleErrorSchema = z
  .object({ success: z.literal(false), message: z.string(), invalidIds: z.array(z.string()).optional() })
  .meta({ id: "DispositionRuleError" });

export const dispositionGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    dispositions: z.array(z.string()),
    dispositionDetails: z
      .array(z.looseObject({ id: z.string(), name: z.string() }))
      .optional()
      .meta({ description: "With ?expand=true." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "DispositionGroup" });
export const dispositionGroupResponseSchema = z
  .object({ success: z.literal(true), message: z.string().optional(), data: dispositionGroupSchema })
  .meta({ id: "DispositionGroupResponse" });
export const listDispositionGroupsResponseSchema = z
  .object({ success: z.literal(true), data: z.array(dispositionGroupSchema), pagination: paginationSchema })
  .meta({ id: "ListDispositionGroupsResponse" });

// ---- logs (logs.ts) ----
const logCommon = {
  call_id: z.string(),
  campaign_id: z.string(),
  campaign_name: z.string(),
  name: z.string().nullable(),
  loan_id: z.string().optional(),
  lead_id: z.string().optional(),
  duration: int.nullable(),
  direction: z.literal("outbound"),
  from: z.string().nullable(),
  to: z.string(),
  status: z.string(),
  disposition: z.string().nullable(),
  transcript_id: z.string().nullable(),
  recording_id: z.string().nullable(),
  extracted_data: z.record(z.string(), z.unknown()),
  summary: z.string().nullable(),
  agent_id: z.string(),
  disposition_id: z.string().nullable(),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
};
export const logItemSchema = z
  .object({ ...logCommon, date: z.string().nullable(), type: z.literal("call") })
  .meta({ id: "CallLogItem", description: "Times in India Standard Time without a zone (2026-01-17T08:33:36)." });
export const logsResponseSchema = z
  .object({
    success: z.literal(true),
    data: z.array(logItemSchema),
    pagination: z.object({ page: int, per_page: int, total: int, total_pages: int, has_next: z.boolean(), has_prev: z.boolean() }),
  })
  .meta({ id: "CallLogResponse" });
export const logsCountResponseSchema = z
  .object({ success: z.literal(true), count: int })
  .meta({ id: "CallLogCount", description: "With ?count_only=true." });
export const callDetailsResponseSchema = z
  .object({ success: z.literal(true), data: z.object(logCommon).meta({ id: "CallDetails", description: "Times in UTC ISO 8601." }) })
  .meta({ id: "CallDetailsResponse" });
