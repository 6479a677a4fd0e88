import { expect, type APIRequestContext, type Cookie, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { seedData } from "./seed-data";

// Shared steps of the upload wizard journeys: sign in, a throwaway campaign per test (deleted
// afterwards, which removes its customers and upload jobs), files dropped from memory, and a
// direct look into Postgres to check what really landed.

/**
 * Signs in through the form once per worker, then reuses the session. Sign-in is rate limited
 * (per IP and account, lib/security/rate-limits.ts; other specs may have used some): a refusal is waited out.
 */
export async function signIn(page: Page) {
  if (session) return page.context().addCookies(session);
  const { demo } = seedData();
  for (let attempt = 0; attempt < 4 && !session; attempt++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demo.admin.email);
    await page.getByLabel("Password").fill(demo.admin.password);
    await page.keyboard.press("Enter");
    const limited = page.getByText(/Too many (requests|sign-in attempts)/);
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 }).or(limited)).toBeVisible();
    if (await limited.isVisible()) await page.waitForTimeout(11_000);
    else session = await page.context().cookies();
  }
  await expect(page).toHaveURL(/\/campaigns$/);
}

let session: Cookie[] | null = null;

export type TestCampaign = { id: string; name: string };

export async function createCampaign(request: APIRequestContext, campaignType: "emi" | "lead" | "custom" = "emi", extra: Record<string, unknown> = {}): Promise<TestCampaign> {
  const name = `Upload e2e ${campaignType} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const response = await request.post("/api/v1/campaigns/create", {
    headers: apiAuth(),
    data: {
      name,
      description: "created by the upload wizard e2e suite",
      campaignType,
      startDate: "2026-12-01",
      startTime: "09:00",
      endDate: "2027-03-31",
      endTime: "19:00",
      languages: ["hindi", "english"],
      region: "south",
      ...extra,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).data;
}

export async function deleteCampaign(request: APIRequestContext, campaign: TestCampaign | undefined) {
  if (campaign) await request.delete(`/api/v1/campaigns/${campaign.id}`, { headers: apiAuth() });
}

export function apiAuth() {
  return { Authorization: `Bearer ${seedData().demo.apiKey}` };
}

/** Rows straight from the app's Postgres. */
export async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const seed = seedData() as ReturnType<typeof seedData> & { databaseUrl?: string };
  const client = new pg.Client({ connectionString: seed.databaseUrl ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function customersOf(campaignId: string) {
  return query<{ identifier: string; phoneRaw: string; phoneE164: string; firstName: string | null; lastName: string | null; data: Record<string, unknown>; uploadJobId: string | null }>(
    `SELECT identifier, "phoneRaw", "phoneE164", "firstName", "lastName", data, "uploadJobId" FROM customers WHERE "campaignId" = $1 ORDER BY identifier`,
    [campaignId],
  );
}

export async function uploadJobsOf(campaignId: string) {
  return query<{ id: string; source: string; status: string; fileName: string | null; total: number; successful: number; failed: number; invalid: number; duplicates: number }>(
    `SELECT id, source, status, "fileName", total, successful, failed, invalid, duplicates FROM upload_jobs WHERE "campaignId" = $1 ORDER BY "createdAt"`,
    [campaignId],
  );
}

export async function openWizard(page: Page, campaign: TestCampaign) {
  await page.goto(`/campaigns/${campaign.id}/upload`);
  await expect(page.getByRole("heading", { name: "Upload contacts", level: 1 })).toBeVisible();
}

export async function drop(page: Page, name: string, content: Buffer | string, mimeType = "text/csv") {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: typeof content === "string" ? Buffer.from(content) : content });
}

/** Header row as detected, columns as matched: straight to the review table. */
export async function acceptHeaderAndColumns(page: Page) {
  await page.getByRole("button", { name: "Continue to columns" }).click();
  await page.getByRole("button", { name: /^Check [\d,]+ rows?$/ }).click();
  await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
}

/** The number shown under a figure of the review summary ("Ready to add", "With errors" ...). */
export function figure(page: Page, label: string): Locator {
  return page.locator(".figure").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
}

export function cell(page: Page, text: string): Locator {
  return page.getByRole("grid", { name: "Rows to review" }).getByRole("gridcell").filter({ hasText: text });
}

export async function submitJustAdd(page: Page, rows: number) {
  await page.getByRole("button", { name: "Continue to submit" }).click();
  await page.getByRole("button", { name: `Add ${rows} contacts` }).click();
}

/** Debt-collection rows in the campaign's own column names. */
export const DEBT_HEADER = "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,loan_period,current_emi,emi_due_date,payment_status,language";

export function debtRow(id: string, over: Partial<Record<"first" | "last" | "phone" | "due" | "status", string>> = {}) {
  const o = { first: "Asha", last: "Verma", phone: "9876543210", due: "2025-01-05", status: "pending", ...over };
  return `${id},${o.first},${o.last},${o.phone},250000,12500,24,3,${o.due},${o.status},hindi`;
}

export const csv = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;
