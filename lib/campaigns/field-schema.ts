import { z } from "zod";

// The single source of truth for what a record of a campaign is. Stored as JSON on
// Campaign.fieldSchema; read by the validation core (browser and server alike).

export const LANGUAGES = [
  "hindi",
  "english",
  "bengali",
  "telugu",
  "marathi",
  "tamil",
  "gujarati",
  "kannada",
  "malayalam",
  "punjabi",
  "odia",
  "assamese",
] as const;

export const PAYMENT_STATUSES = ["bounced", "pending", "partial", "paid", "received"] as const;

export const SERVICE_TYPES = ["debt_collection", "lead_generation", "custom"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const FIELD_TYPES = [
  "string", // free text, trimmed
  "phone", // normalised to E.164 with the campaign's default country
  "number", // finite, >= 0 unless min says otherwise
  "integer", // whole number
  "date", // YYYY-MM-DD, a real calendar date
  "datetime", // ISO 8601
  "enum", // one of enumValues, case-insensitive
  "language", // one of LANGUAGES, case-insensitive
  "email",
  "boolean",
] as const;

export const fieldDefinitionSchema = z.object({
  key: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  enumValues: z.array(z.string()).optional(),
  unique: z.boolean().optional(),
  /** Column-name synonyms the spreadsheet mapper recognises ("mobile", "cell", ...). */
  synonyms: z.array(z.string()).optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/** Cross-field rules that a single field cannot express. */
export const fieldRuleSchema = z.object({
  kind: z.literal("lte"),
  field: z.string(),
  other: z.string(),
});
export type FieldRule = z.infer<typeof fieldRuleSchema>;

export const fieldSchemaSchema = z.object({
  fields: z.array(fieldDefinitionSchema).min(1),
  /** The record identifier (loan_id, lead_id, or a CRM field). */
  identifierKey: z.string().nullable(),
  /** Generate a UUID identifier when the record has none (lead generation). */
  generateIdentifier: z.boolean().default(false),
  /** Which field is the phone number (phone_number, numeric). */
  phoneKey: z.string(),
  /** Which field allocates the contact to an agent (Flexydial `user`), if any. */
  agentKey: z.string().nullable().default(null),
  rules: z.array(fieldRuleSchema).default([]),
});
export type FieldSchema = z.infer<typeof fieldSchemaSchema>;

/** Phone rules of a campaign, next to its field schema. */
export const phonePolicySchema = z.object({
  defaultCountry: z.string().length(2).default("IN"),
  mobileOnly: z.boolean().default(true),
});
export type PhonePolicy = z.infer<typeof phonePolicySchema>;

const languageField: FieldDefinition = {
  key: "language",
  label: "Language",
  type: "language",
  required: false,
  synonyms: ["preferred language", "lang"],
};

const nameFields: FieldDefinition[] = [
  {
    key: "first_name",
    label: "First name",
    type: "string",
    required: true,
    maxLength: 100,
    synonyms: ["first", "firstname", "given name", "fname"],
  },
  {
    key: "last_name",
    label: "Last name",
    type: "string",
    required: true,
    maxLength: 100,
    synonyms: ["last", "lastname", "surname", "family name", "lname"],
  },
  {
    key: "phone_number",
    label: "Phone number",
    type: "phone",
    required: true,
    synonyms: [
      "phone",
      "mobile",
      "mobile number",
      "mobile no",
      "cell",
      "cell phone",
      "contact",
      "contact no",
      "contact number",
      "numeric",
      "msisdn",
      "telephone",
      "tel",
    ],
  },
];

export const DEBT_COLLECTION_SCHEMA: FieldSchema = {
  identifierKey: "loan_id",
  generateIdentifier: false,
  phoneKey: "phone_number",
  agentKey: null,
  fields: [
    {
      key: "loan_id",
      label: "Loan ID",
      type: "string",
      required: true,
      maxLength: 100,
      unique: true,
      synonyms: ["loan", "loan no", "loan number", "account", "account no", "loan account"],
    },
    ...nameFields,
    { key: "loan_amount", label: "Loan amount", type: "number", required: true, min: 0, synonyms: ["principal", "loan amt"] },
    {
      key: "emi_amount",
      label: "EMI amount",
      type: "number",
      required: true,
      min: 0,
      synonyms: ["emi", "emi amt", "instalment amount", "installment amount"],
    },
    {
      key: "loan_period",
      label: "Loan period (months)",
      type: "integer",
      required: true,
      min: 1,
      synonyms: ["tenure", "term", "loan tenure"],
    },
    {
      key: "current_emi",
      label: "Current EMI number",
      type: "integer",
      required: true,
      min: 1,
      synonyms: ["emi number", "current instalment", "current installment"],
    },
    { key: "emi_due_date", label: "EMI due date", type: "date", required: true, synonyms: ["due date", "due", "emi date"] },
    {
      key: "payment_status",
      label: "Payment status",
      type: "enum",
      required: true,
      enumValues: [...PAYMENT_STATUSES],
      synonyms: ["status", "payment"],
    },
    languageField,
  ],
  rules: [{ kind: "lte", field: "current_emi", other: "loan_period" }],
};

export const LEAD_GENERATION_SCHEMA: FieldSchema = {
  identifierKey: "lead_id",
  generateIdentifier: true,
  phoneKey: "phone_number",
  agentKey: null,
  fields: [
    {
      key: "lead_id",
      label: "Lead ID",
      type: "string",
      required: false,
      maxLength: 100,
      unique: true,
      synonyms: ["lead", "lead no", "lead number"],
    },
    ...nameFields,
    { key: "lead_date", label: "Lead date", type: "date", required: true, synonyms: ["date", "captured on", "created"] },
    languageField,
  ],
  rules: [],
};

/** Flexydial-style custom campaign: `numeric`, `user` and CRM fields keyed `section:field`. */
export function customSchema(crmFields: FieldDefinition[], identifierKey: string | null): FieldSchema {
  return {
    identifierKey,
    generateIdentifier: false,
    phoneKey: "numeric",
    agentKey: "user",
    fields: [
      {
        key: "numeric",
        label: "Phone number",
        type: "phone",
        required: true,
        synonyms: ["phone", "phone number", "mobile", "mobile number", "cell", "contact no", "contact number"],
      },
      { key: "user", label: "Agent", type: "string", required: false, maxLength: 150, synonyms: ["agent", "assigned to", "owner"] },
      ...crmFields,
    ],
    rules: [],
  };
}

export const CRM_FIELD_KEY = /^[a-z0-9_]+:[a-z0-9_]+$/;

export function presetSchema(serviceType: Exclude<ServiceType, "custom">): FieldSchema {
  return serviceType === "debt_collection" ? DEBT_COLLECTION_SCHEMA : LEAD_GENERATION_SCHEMA;
}
