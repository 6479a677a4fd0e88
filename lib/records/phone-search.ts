import { getCountryCallingCode } from "libphonenumber-js/max";
import type { PhonePolicy } from "@/lib/campaigns/field-schema";
import { normalizePhone, supportedCountry } from "./phone";

// What a search box's text means as a phone number of a campaign. A whole number in any format
// ("98765 43210", "+91 98765-43210", "098765 43210") becomes its E.164 form with the campaign's
// country, as the upload did; a partial one ("98765") becomes an E.164 prefix. Both match the
// stored phoneE164, so an index can answer.

export type PhoneSearch = { e164: string } | { prefix: string };

/** Digits, spaces and the usual separators, with at least 4 digits: anything else is not a phone. */
const PHONE_LIKE = /^[\s(]*\+?[\d\s\-.()/]+$/;
const MIN_DIGITS = 4;

export function phoneSearch(text: string, policy: Pick<PhonePolicy, "defaultCountry">): PhoneSearch | null {
  const trimmed = text.trim();
  if (!PHONE_LIKE.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < MIN_DIGITS) return null;
  const whole = normalizePhone(trimmed, { defaultCountry: policy.defaultCountry, mobileOnly: false });
  if (whole.ok) return { e164: whole.e164 };
  if (trimmed.replace(/^[\s(]+/, "").startsWith("+")) return { prefix: `+${digits}` };
  const callingCode = getCountryCallingCode(supportedCountry(policy.defaultCountry));
  // A national number typed with its trunk zero ("098765") starts after the zero.
  return { prefix: `+${callingCode}${digits.replace(/^0+/, "")}` };
}
