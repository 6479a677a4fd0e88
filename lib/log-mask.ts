// What a log line may not carry: phone numbers and people's names (PII). Values under a personal
// key are masked whole; any run of 7+ digits anywhere else (an error message quoting a phone) keeps
// only its last two digits. Iterative, so a deep context object cannot overflow the stack.

const PERSONAL_KEY = /phone|mobile|msisdn|numeric|contact|^(first_?|last_?|full_?|customer_?|user_?)?name$|^username$|email/i;
const DIGIT_RUN = /\+?\d[\d ().-]{5,}\d/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Identifiers (requestId, organizationId, uploadJobId, job_id): opaque, never personal. */
const ID_KEY = /(^id|Id|_id)$/;

export function maskText(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    if (ISO_DATE.test(run)) return run;
    const digits = run.replace(/\D/g, "");
    return digits.length < 7 ? run : `${"*".repeat(digits.length - 2)}${digits.slice(-2)}`;
  });
}

function maskPersonal(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return text.length === 0 ? "" : `${text[0]}***`;
}

export function maskLogObject<T extends Record<string, unknown>>(object: T): T {
  const root: Record<string, unknown> = {};
  const stack: [Record<string, unknown>, Record<string, unknown>, number][] = [[object, root, 0]];
  while (stack.length) {
    const [from, to, depth] = stack.pop()!;
    for (const [key, value] of Object.entries(from)) {
      if (ID_KEY.test(key) && typeof value === "string") to[key] = value;
      else if (PERSONAL_KEY.test(key) && value !== null && value !== undefined && typeof value !== "object") to[key] = maskPersonal(value);
      else if (typeof value === "string") to[key] = maskText(value);
      else if (value instanceof Error)
        to[key] = { name: value.name, message: maskText(value.message), stack: value.stack && maskText(value.stack) };
      else if (typeof value === "object" && value !== null && depth < 8) {
        const copy: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
        to[key] = copy;
        stack.push([value as Record<string, unknown>, copy, depth + 1]);
      } else if (typeof value === "object" && value !== null) to[key] = "[deep]";
      else to[key] = value;
    }
  }
  return root as T;
}
