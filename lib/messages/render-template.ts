// Message templates hold {{field}} placeholders: a customer's field (first_name, loan_amount, …)
// or one of its columns. placeholders() lists them so a template can be checked against a
// campaign's fields before it is used; a field the customer lacks renders empty.

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_:.-]+)\s*\}\}/g;

export function placeholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export function renderTemplate(body: string, customer: { phoneE164: string; data: Record<string, unknown> }): string {
  return body.replace(PLACEHOLDER, (_, field: string) => {
    const value = field === "phone_number" ? customer.phoneE164 : customer.data[field];
    return value === undefined || value === null ? "" : String(value);
  });
}

/** The fields a template may name for a campaign: its field schema's keys, plus identifier and phone_number. */
export function templateFieldProblems(body: string, fieldKeys: string[]): string[] {
  const known = new Set([...fieldKeys, "identifier", "phone_number"]);
  return placeholders(body)
    .filter((p) => !known.has(p))
    .map((p) => `template placeholder {{${p}}} is not a field of the campaign (fields: ${[...known].join(", ")})`);
}

/** A customer row as template fields: its columns under their field names, then its other fields. */
export function customerFields(c: {
  identifier: string;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
  data: unknown;
}) {
  return {
    identifier: c.identifier,
    first_name: c.firstName,
    last_name: c.lastName,
    language: c.language,
    ...(c.data as Record<string, unknown>),
  };
}
