import { z } from "zod";
import { CRM_FIELD_KEY, FIELD_TYPES, LANGUAGES } from "@/lib/campaigns/field-schema";

// What a valid campaign is: its fields, their rules and the rules between them, in zod, with
// each problem said relative to its field ("must be a date in YYYY-MM-DD format"). No contract
// is written here: lib/timepay/campaign-bodies.ts builds TimePay's Create/Update Campaign bodies
// from these fields (and names the field in each message), and the campaign form validates with
// `campaignSchema`, the same fields and rules. `custom` campaigns carry Flexydial-style CRM fields.

export const CAMPAIGN_TYPES = ["emi", "edi", "lead", "custom"] as const;
export const CAMPAIGN_STATUSES = ["draft", "active", "paused", "completed"] as const;

// zod calls `error` with the issue: an absent value reads "is required", a wrong one says what is expected.
const expect = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string(expect("must be a date in YYYY-MM-DD format")).superRefine((value, ctx) => {
  if (!ISO_DATE.test(value)) ctx.addIssue({ code: "custom", message: "must be a date in YYYY-MM-DD format" });
  else if (!isRealDate(value)) ctx.addIssue({ code: "custom", message: "must be a real calendar date" });
});
const time24 = z
  .string({ error: "must be a time in HH:MM (24-hour) format" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time in HH:MM (24-hour) format");
/** An IANA time zone the runtime knows ("Asia/Kolkata"); "Mars/Olympus" is refused. */
const ianaTimeZone = z
  .string(expect("must be a string"))
  .max(64, "must be at most 64 characters")
  .refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata");

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const text = (max: number) =>
  z.string(expect("must be a string")).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

const crmFieldInput = z.object({
  key: z.string(expect("must be a string")).regex(CRM_FIELD_KEY, "must look like section:field (lower-case letters, digits, _)"),
  label: z.string().max(200).optional(),
  type: z.enum(FIELD_TYPES.filter((t) => t !== "phone" && t !== "language") as [string, ...string[]]).default("string"),
  required: z.boolean().default(false),
  maxLength: z.number().int().positive().max(10_000).optional(),
  enumValues: z.array(z.string()).max(200).optional(),
});

const campaignFields = {
  name: text(200),
  description: z.string(expect("must be a string")).max(2000, "must be at most 2000 characters"),
  campaignType: z.enum(CAMPAIGN_TYPES, expect(`must be one of ${CAMPAIGN_TYPES.join(", ")}`)),
  startDate: isoDate,
  startTime: time24,
  endDate: isoDate,
  endTime: time24,
  languages: z
    .array(z.enum(LANGUAGES, { error: `must each be one of ${LANGUAGES.join(", ")}` }), expect("must be an array of languages"))
    .min(1, "must list at least one language"),
  region: text(100),
  workflowId: z.string(expect("must be a workflow id")).min(1, "must be a workflow id").max(64, "must be a workflow id").optional(),
  tags: z.array(z.string().max(100), { error: "must be an array of strings" }).max(50, "must have at most 50 tags").optional(),
  /** The dial engine's campaign settings (lib/calls): simultaneous calls and the retry policy. */
  maxConcurrentCalls: wholeNumber(1, 500).optional(),
  maxRetries: wholeNumber(0, 10).optional(),
  retryDelayMinutes: wholeNumber(1, 10_080).optional(),
};

/** A new campaign's fields. */
export const campaignShape = {
  ...campaignFields,
  timezone: ianaTimeZone.optional(),
  status: z.enum(CAMPAIGN_STATUSES, { error: `must be one of ${CAMPAIGN_STATUSES.join(", ")}` }).optional(),
  /** The country of numbers written without a country code (ISO 3166 alpha-2); default the organization's. */
  phoneCountry: z
    .string(expect("must be a string"))
    .regex(/^[A-Z]{2}$/, "must be a two-letter country code (ISO 3166 alpha-2) such as IN")
    .optional(),
  /** custom campaigns only: the CRM fields, keyed section:field. */
  crmFields: z.array(crmFieldInput).min(1, "must list at least one field").max(200).optional(),
  /** custom campaigns only: which CRM field identifies a contact (default: the phone). */
  identifierField: z.string().regex(CRM_FIELD_KEY).optional(),
};

/** What a new campaign is given, checked. */
export type NewCampaign = z.output<z.ZodObject<typeof campaignShape>>;

/** The rules between a new campaign's fields, for superRefine. */
export function campaignRules(body: NewCampaign, ctx: z.RefinementCtx) {
  const datesValid = ISO_DATE.test(body.startDate) && ISO_DATE.test(body.endDate);
  if (datesValid && body.endDate < body.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before startDate" });
  if (body.campaignType === "custom" && !body.crmFields) {
    ctx.addIssue({ code: "custom", path: ["crmFields"], message: "is required for custom campaigns" });
  }
  if (body.campaignType !== "custom" && body.crmFields) {
    ctx.addIssue({ code: "custom", path: ["crmFields"], message: "is only allowed for custom campaigns" });
  }
  if (body.identifierField && !body.crmFields?.some((f) => f.key === body.identifierField)) {
    ctx.addIssue({ code: "custom", path: ["identifierField"], message: "must be one of crmFields" });
  }
}

/** A new campaign, as the campaign form checks it; TimePay's Create Campaign body is these fields and rules. */
export const campaignSchema = z.object(campaignShape).superRefine(campaignRules);

/** The fields of a campaign that can change (its CRM fields and status cannot, here). */
export const campaignChangesShape = {
  name: campaignFields.name.optional(),
  description: campaignFields.description.optional(),
  campaignType: campaignFields.campaignType.optional(),
  startDate: isoDate.optional(),
  startTime: time24.optional(),
  endDate: isoDate.optional(),
  endTime: time24.optional(),
  timezone: ianaTimeZone.optional(),
  languages: campaignFields.languages.optional(),
  region: campaignFields.region.optional(),
  tags: campaignFields.tags,
  maxConcurrentCalls: campaignFields.maxConcurrentCalls,
  maxRetries: campaignFields.maxRetries,
  retryDelayMinutes: campaignFields.retryDelayMinutes,
  /** Another workflow for the campaign's new runs, or null: no workflow (runs already going finish on their version). */
  workflowId: z
    .string({ error: "must be a workflow id, or null for no workflow" })
    .min(1, "must be a workflow id, or null for no workflow")
    .max(64, "must be a workflow id, or null for no workflow")
    .nullable()
    .optional(),
};

/** What a campaign's update is given, checked: only the fields present change. */
export type CampaignChanges = z.output<z.ZodObject<typeof campaignChangesShape>>;

export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** One page of an organization's campaigns, newest first, optionally filtered. */
export type CampaignListQuery = {
  page: number;
  limit: number;
  status?: CampaignStatus;
  campaignType?: CampaignType;
  search?: string;
};

export function serviceTypeOf(campaignType: CampaignType) {
  if (campaignType === "lead") return "lead_generation" as const;
  if (campaignType === "custom") return "custom" as const;
  return "debt_collection" as const;
}

function isRealDate(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Campaign ids in paths: anything else is a malformed request, not an unknown campaign. */
export const campaignIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "id must be a campaign id (letters, digits, _ and -, at most 64 characters)");
