import { Metadata, type CountryCode } from "libphonenumber-js/max";

// libphonenumber-js rebuilds `new RegExp(pattern)` on every match (helpers/matchesEntirely.js),
// and India's mobile pattern is ~900 characters: a full parse + isValid + getType costs ~45 µs,
// i.e. ~450 ms for a 10,000-record upload. This module answers the overwhelmingly common case
// — a plain mobile number of the campaign's own country — with the SAME metadata compiled
// once. It only ever says "yes, this is a valid mobile with this E.164"; anything else returns
// undefined and phone.ts asks the library. `phone-fast-path.test.ts` sweeps every Indian
// 4-digit mobile prefix in every input form and checks the answers equal the library's.

/**
 * E.164 of `digits` when it is certainly a valid mobile number of `country`, else undefined.
 * `digits` holds only ASCII digits; `plus` says whether the input started with "+".
 */
export function fastMobileE164(digits: string, plus: boolean, country: CountryCode): string | undefined {
  const plan = compiledPlan(country);
  if (!plan) return undefined;
  const national = nationalNumberOf(digits, plus, plan);
  if (national === undefined || !isMobile(national, plan)) return undefined;
  return `+${plan.callingCode}${national}`;
}

/**
 * Shortest and longest national mobile number of `country`, when its plan is simple enough to
 * have a fast path; lets phone.ts say "too short" for a 9-digit Indian number that the library
 * only calls "invalid" (India also has 8-13 digit non-mobile numbers).
 */
export function mobileLengthRange(country: CountryCode): { callingCode: string; min: number; max: number } | undefined {
  const plan = compiledPlan(country);
  if (!plan || plan.mobileLengths.length === 0) return undefined;
  return { callingCode: plan.callingCode, min: Math.min(...plan.mobileLengths), max: Math.max(...plan.mobileLengths) };
}

interface CompiledPlan {
  callingCode: string;
  nationalPrefix: string | undefined;
  iddPrefix: string;
  general: RegExp;
  mobile: RegExp;
  mobileLengths: number[];
}

// The parts of the library's numbering plan we read. `type()` and `nationalPrefix*()` exist at
// runtime (the library's own getNumberType uses them) but are missing from its .d.ts; every
// accessor is feature-checked so a library change disables the fast path instead of breaking it.
interface PlanInternals {
  callingCode(): string;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  nationalPrefix?(): string | undefined;
  nationalPrefixForParsing?(): string | undefined;
  nationalPrefixTransformRule?(): string | undefined;
  type?(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const plans = new Map<string, CompiledPlan | null>();

function compiledPlan(country: CountryCode): CompiledPlan | null {
  let plan = plans.get(country);
  if (plan === undefined) {
    plan = compilePlan(country);
    plans.set(country, plan);
  }
  return plan;
}

// Only "simple" plans get a fast path: one country per calling code (no +1/+44 sharing, where
// the library picks the exact country by pattern), a literal national prefix without transform
// rules, and a literal IDD prefix. India, Pakistan, the UAE, Bangladesh, Nepal, Sri Lanka qualify.
function compilePlan(country: CountryCode): CompiledPlan | null {
  const metadata = new Metadata() as Metadata & { getCountryCodesForCallingCode?(cc: string): string[] | undefined };
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan as unknown as PlanInternals | undefined;
  if (!plan || typeof plan.type !== "function" || typeof plan.nationalPrefix !== "function") return null;
  if (typeof plan.nationalPrefixForParsing !== "function" || typeof plan.nationalPrefixTransformRule !== "function") return null;
  if (typeof metadata.getCountryCodesForCallingCode !== "function") return null;

  const callingCode = plan.callingCode();
  const nationalPrefix = plan.nationalPrefix() || undefined;
  const mobileType = plan.type("MOBILE");
  const mobilePattern = mobileType?.pattern();
  const simple =
    metadata.getCountryCodesForCallingCode(callingCode)?.length === 1 &&
    (nationalPrefix === undefined || (/^\d+$/.test(nationalPrefix) && !callingCode.startsWith(nationalPrefix))) &&
    (plan.nationalPrefixForParsing() || undefined) === nationalPrefix &&
    !plan.nationalPrefixTransformRule() &&
    /^\d+$/.test(plan.IDDPrefix()) &&
    !!mobilePattern;
  if (!simple || !mobileType || !mobilePattern) return null;

  return {
    callingCode,
    nationalPrefix,
    iddPrefix: plan.IDDPrefix(),
    general: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
    mobile: new RegExp(`^(?:${mobilePattern})$`),
    mobileLengths: mobileType.possibleLengths() ?? [],
  };
}

// Mirrors the library's parse order (IDD prefix, calling code without "+", national prefix) and
// gives up whenever the library could take another branch.
function nationalNumberOf(digits: string, plus: boolean, plan: CompiledPlan): string | undefined {
  const { callingCode, nationalPrefix } = plan;
  let national: string;
  if (plus) {
    if (!digits.startsWith(callingCode)) return undefined;
    national = digits.slice(callingCode.length);
  } else if (digits.startsWith(plan.iddPrefix)) {
    return undefined;
  } else if (digits.startsWith(callingCode) && !plan.general.test(digits)) {
    // "919876543210": the library strips a leading calling code only when the whole digit
    // string is not itself a valid national number.
    national = digits.slice(callingCode.length);
  } else if (nationalPrefix !== undefined && digits.startsWith(nationalPrefix)) {
    if (digits.startsWith(callingCode) || plan.general.test(digits)) return undefined;
    national = digits.slice(nationalPrefix.length);
  } else {
    national = digits;
  }
  if (nationalPrefix !== undefined && national.startsWith(nationalPrefix)) return undefined;
  return national;
}

function isMobile(national: string, plan: CompiledPlan): boolean {
  return plan.mobileLengths.includes(national.length) && plan.general.test(national) && plan.mobile.test(national);
}
