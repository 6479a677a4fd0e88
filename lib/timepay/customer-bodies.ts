import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { callOptionsFields, refineCallOptions } from "./call-options";

// Request bodies of TimePay's customer routes. Messages name their field first, as the seed's
// "campaignId is required and must be a string" does. Records themselves are judged by the
// validation core, one by one, so a bad record never fails the whole request.

export const MAX_RECORDS = 10_000;

const BODY_OBJECT = { error: "Request body must be a JSON object" };

const campaignId = z
  .string({ error: "campaignId is required and must be a string" })
  .trim()
  .min(1, { message: "campaignId is required and must be a string", abort: true })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "campaignId must be a campaign id (letters, digits, _ and -, at most 64 characters)");

const records = z
  .array(z.unknown(), { error: "records is required and must be an array of records" })
  .min(1, "records must contain at least 1 record")
  .max(MAX_RECORDS, `records must contain at most ${MAX_RECORDS.toLocaleString("en-US")} records per request`);

// z.custom keeps the client's object as it is: copying it key by key (z.record) would turn a
// "__proto__" key into a prototype instead of a field the core can refuse.
const dataObject = (what: string) =>
  z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
    error: `${what} is required and must be an object of fields`,
  });

/** POST /api/v1/customers/add/bulk */
export const bulkAddBodySchema = z
  .object(
    {
      campaignId,
      records,
      ...callOptionsFields,
      validateOnly: z.boolean({ error: "validateOnly must be true or false" }).optional(),
    },
    BODY_OBJECT,
  )
  .superRefine(refineCallOptions);
export type BulkAddBody = z.output<typeof bulkAddBodySchema>;

/** POST /api/v1/customers/add */
export const addCustomerBodySchema = z
  .object({ campaignId, data: dataObject("data"), ...callOptionsFields }, BODY_OBJECT)
  .superRefine(refineCallOptions);
export type AddCustomerBody = z.output<typeof addCustomerBodySchema>;

const identifierValue = z.union([z.string().trim().min(1).max(100), z.number().finite()], {
  error: "must be a non-empty string of at most 100 characters",
});

/** PUT /api/v1/customers/update: the customer is named by loan_id, lead_id, or (any campaign) id. */
export const updateCustomerBodySchema = z
  .object(
    {
      campaignId,
      loan_id: identifierValue.optional(),
      lead_id: identifierValue.optional(),
      id: identifierValue.optional(),
      data: dataObject("data").refine((data) => Object.keys(data).length > 0, "data must contain at least one field to update"),
    },
    BODY_OBJECT,
  )
  .superRefine((body, ctx) => {
    if (body.loan_id === undefined && body.lead_id === undefined && body.id === undefined) {
      ctx.addIssue({ code: "custom", path: ["loan_id"], message: "loan_id or lead_id is required" });
    }
  });
export type UpdateCustomerBody = z.output<typeof updateCustomerBodySchema>;

/** PUT /api/v1/customer-data/bulk: each record is { id, data }, checked one by one. */
export const bulkUpdateBodySchema = z.object({ campaignId, records }, BODY_OBJECT);
export type BulkUpdateBody = z.output<typeof bulkUpdateBodySchema>;

/** `?validateOnly=true` (or the body's "validateOnly": true). */
export function validateOnlyOf(query: URLSearchParams, body: { validateOnly?: boolean }): boolean {
  const param = query.get("validateOnly");
  if (param === null) return body.validateOnly === true;
  const value = param.trim().toLowerCase();
  if (value !== "true" && value !== "false" && value !== "1" && value !== "0") {
    throw new ApiError("validation", "Validation failed", { errors: ["validateOnly must be true or false"] });
  }
  return value === "true" || value === "1" || body.validateOnly === true;
}
