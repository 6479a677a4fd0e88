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
