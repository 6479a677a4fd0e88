import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { getAuth } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/passwords";
import { createTestCampaign } from "@/lib/test/fixtures";

// Records and helpers shared by the customer route tests (test-only).

/** A valid debt-collection record; `n` makes the loan id and the phone distinct. */
export function loan(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    loan_id: `LN${n}`,
    first_name: "Rahul",
    last_name: "Sharma",
    phone_number: String(9_800_000_000 + n),
    loan_amount: 50000,
    emi_amount: 2500,
    loan_period: 12,
    current_emi: 5,
    emi_due_date: "2025-03-15",
    payment_status: "pending",
    language: "hindi",
    ...overrides,
  };
}

export function lead(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { first_name: "Priya", last_name: "Iyer", phone_number: String(9_700_000_000 + n), lead_date: "2025-01-10", ...overrides };
}

/**
 * A campaign keyed by its contacts' phone, as the campaigns API creates one: `custom`, with no
 * identifierField (its phone field is `numeric`) and one numeric CRM field `customer_info:amount`.
 */
export function createPhoneKeyedCampaign(organizationId: string) {
  return createTestCampaign(organizationId, "custom", {
    crmFields: [{ key: "customer_info:amount", type: "number", required: true }],
    identifierField: undefined,
  });
}

/** A session cookie of a new operator of `organizationId`: the upload wizard's credential. */
export async function operatorCookie(organizationId: string): Promise<{ cookie: string; userId: string }> {
  const email = `operator-${randomBytes(4).toString("hex")}@test.local`;
  const password = "correct horse battery";
  const user = await db.user.create({
    data: { email, name: "Operator", organizationId, membership: { create: { organizationId, role: "operator" } } },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
  });
  const { headers } = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  return { cookie: headers.get("set-cookie")!.split(";")[0], userId: user.id };
}

export async function customersOf(campaignId: string) {
  return db.customer.findMany({ where: { campaignId }, orderBy: { identifier: "asc" } });
}

export async function countCustomers(campaignId: string) {
  return db.customer.count({ where: { campaignId } });
}
