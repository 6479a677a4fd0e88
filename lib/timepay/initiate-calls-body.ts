import { z } from "zod";

// The body of TimePay's Initiate Call(s) (reference/api-contracts.md §2.4). Every problem is
// named with its field; filter keys other than the documented five are refused, so a typo
// ("payment_stauts") never silently widens the selection to every customer.

export const PAYMENT_STATUSES = ["bounced", "pending", "partial", "paid", "received"] as const;

const MAX_IDS = 10_000;

const idList = (name: string) =>
  z
    .array(z.string({ error: `${name} must be an array of strings` }).trim().min(1, `${name} must not contain empty strings`).max(100, `${name} entries must be at most 100 characters`), {
      error: `${name} must be an array of strings`,
    })
    .max(MAX_IDS, `${name} must contain at most ${MAX_IDS.toLocaleString("en-US")} entries`);

const paymentStatus = z.enum(PAYMENT_STATUSES, { error: `filters.payment_status must be one of ${PAYMENT_STATUSES.join(", ")}` });

const customValue = z.union([z.string(), z.number().finite(), z.boolean()]);

const filters = z
  .object(
    {
      ids: idList("filters.ids").optional(),
      exclude_ids: idList("filters.exclude_ids").optional(),
      payment_status: z
        .union([paymentStatus, z.array(paymentStatus, { error: "filters.payment_status must be a status or an array of statuses" }).min(1, "filters.payment_status must not be an empty array")], {
          error: `filters.payment_status must be one of ${PAYMENT_STATUSES.join(", ")} or an array of them`,
        })
        .optional(),
      language: z
        .array(z.string({ error: "filters.language must be an array of strings" }).trim().min(1, "filters.language must not contain empty strings"), {
          error: "filters.language must be an array of strings",
        })
        .optional(),
      custom: z
        .record(
          z.string().trim().min(1, "filters.custom keys must not be empty"),
          z.union([customValue, z.array(customValue).min(1)], { error: "filters.custom values must be a string, number, boolean or an array of them" }),
          { error: "filters.custom must be an object of field: value" },
        )
        .optional(),
    },
    { error: "filters must be an object" },
  )
  .strict();

export const initiateCallsBodySchema = z.object(
  {
    agentId: z.string({ error: "agentId is required and must be a string" }).trim().min(1, "agentId is required and must be a string"),
    dispositionId: z.string({ error: "dispositionId is required and must be a string" }).trim().min(1, "dispositionId is required and must be a string"),
    limit: z
      .number({ error: "limit must be a positive integer" })
      .int("limit must be a positive integer")
      .min(1, "limit must be a positive integer")
      .max(1_000_000, "limit must be at most 1,000,000")
      .optional(),
    filters: filters.optional(),
  },
  { error: "Request body must be a JSON object" },
);
export type InitiateCallsBody = z.output<typeof initiateCallsBodySchema>;

/** zod's issues as TimePay validation messages: unknown filter keys named one by one. */
export function initiateIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => `filters.${key} is not a supported filter (use ids, exclude_ids, payment_status, language, custom)`);
    const field = issue.path.map(String).join(".");
    if (!field || issue.message.startsWith(field.split(".")[0])) return [issue.message];
    return [`${field} ${issue.message}`];
  });
}
