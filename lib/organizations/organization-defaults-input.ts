import { z } from "zod";

// An organization's defaults (Settings → Organization defaults), as the form and the route check
// them. The form checks the shape; the server also checks the values against its own lists
// (libphonenumber's countries, the runtime's IANA zones: organization-defaults.ts) and says so at
// the field.

// A new organization's defaults are the columns' (organizations.defaultPhoneCountry "IN",
// defaultTimezone "Asia/Kolkata").

export const organizationDefaultsSchema = z
  .object({
    /** The country of numbers written without a country code: new campaigns, global DNC entries. */
    phoneCountry: z
      .string({ error: "must be a string" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "must be a two-letter country code (ISO 3166 alpha-2) such as IN"),
    /** New campaigns' time zone. */
    timezone: z
      .string({ error: "must be a string" })
      .trim()
      .min(1, "must be an IANA time zone such as Asia/Kolkata")
      .max(64, "must be at most 64 characters"),
  })
  .strict();

export type OrganizationDefaults = z.output<typeof organizationDefaultsSchema>;
