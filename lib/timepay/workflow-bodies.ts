import { z } from "zod";

// The bodies and queries of TimePay's workflow and template routes. The steps themselves are
// checked by the one definition schema (lib/workflows/definition.ts) in the domain, so the API,
// the editor and the runner refuse exactly the same things with the same words.

export const workflowBodySchema = z.object({
  name: z.string({ error: "name is required and must be a string" }).trim().min(1, "name is required and must be a string").max(200),
  description: z.string().max(2000).optional(),
  steps: z.array(z.unknown(), { error: "steps is required and must be an array" }),
});

export const workflowUpdateSchema = z
  .object({
    name: workflowBodySchema.shape.name.optional(),
    description: workflowBodySchema.shape.description,
    steps: workflowBodySchema.shape.steps.optional(),
  })
  .refine((b) => b.name !== undefined || b.description !== undefined || b.steps !== undefined, {
    message: "No valid fields provided for update",
  });

const page = z.coerce.number().int().min(1).default(1);
const limit = z.coerce.number().int().min(1).max(100).default(10);

export const listQuerySchema = z.object({ page, limit });
export const runsQuerySchema = z
  .object({
    page,
    limit,
    campaign_id: z.string().min(1).optional(),
    customer_id: z.string().uuid().optional(),
    state: z.enum(["active", "waiting_call", "completed", "stopped", "failed"]).optional(),
  })
  .refine((q) => q.campaign_id || q.customer_id, { message: "campaign_id or customer_id is required" });

/** POST /api/v1/workflows/dry-run */
export const dryRunBodySchema = z.object({
  steps: z.array(z.unknown(), { error: "steps is required and must be an array" }),
  campaignId: z.string({ error: "campaignId is required and must be a string" }).min(1, "campaignId is required and must be a string"),
  customer: z.record(z.string(), z.unknown()).default({}),
  outcomes: z
    .array(z.enum(["Contacted", "No Contact", "Failed", "Blocked"]))
    .max(50)
    .optional(),
  start: z.coerce.date({ error: "start must be an ISO date-time" }).optional(),
});

/** POST /api/v1/templates */
export const templateBodySchema = z.object({
  name: z.string({ error: "name is required and must be a string" }).trim().min(1, "name is required and must be a string").max(200),
  channel: z.enum(["sms", "whatsapp"], { error: "channel must be sms or whatsapp" }),
  body: z.string({ error: "body is required and must be a string" }).min(1, "body is required and must be a string").max(4096),
  campaignId: z.string().min(1).optional(),
});
