import { expect, test } from "@playwright/test";
import { apiAuth, createCampaign, deleteCampaign, query, type TestCampaign } from "./upload-helpers";

// TimePay's "201 All Added with Calls" (seeds/timepay-bulk-add-customers.md) over real HTTP,
// byte for byte, and the calls it initiated really reach the (simulated) dialer and end.

/** A fixed-offset zone in which it is now `hour` o'clock: the campaign's window is open. */
function zoneWithLocalHour(hour: number) {
  let offset = hour - new Date().getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

test.describe("customers API with calls (TimePay)", () => {
  const run = `E2EC${Date.now().toString(36)}`;
  const loan = (n: number) => ({
    loan_id: `${run}-${n}`,
    first_name: "Rahul",
    last_name: "Sharma",
    phone_number: String(9_810_000_000 + Math.floor(Math.random() * 80_000_000) + n),
    loan_amount: 50000,
    emi_amount: 2500,
    loan_period: 12,
    current_emi: 5,
    emi_due_date: "2025-03-15",
    payment_status: "pending",
    language: "hindi",
  });
  let campaign: TestCampaign | undefined;
  test.afterAll(async ({ request }) => deleteCampaign(request, campaign));

  test("201 All Added with Calls, byte for byte; the calls are dialled and end", async ({ request }) => {
    campaign = await createCampaign(request, "emi", { timezone: zoneWithLocalHour(12) });
    const [agent] = await query<{ id: string }>(
      `SELECT id FROM agents WHERE "organizationId" = (SELECT "organizationId" FROM campaigns WHERE id = $1) AND active ORDER BY "createdAt" LIMIT 1`,
      [campaign.id],
    );
    const [disposition] = await query<{ id: string }>(
      `SELECT id FROM dispositions WHERE "organizationId" = (SELECT "organizationId" FROM campaigns WHERE id = $1) ORDER BY priority LIMIT 1`,
      [campaign.id],
    );
    const response = await request.post("/api/v1/customers/add/bulk", {
      headers: apiAuth(),
      data: {
        campaignId: campaign.id,
        records: [loan(1), loan(2), loan(3)],
        initiateCall: true,
        callConfig: { agentId: agent.id, dispositionId: disposition.id },
      },
    });
    expect(response.status()).toBe(201);
    expect(await response.text()).toBe(
      JSON.stringify({
        success: true,
        message: "Added 3 of 3 records | Calls initiated for 3 customers",
        results: { total: 3, valid: 3, invalid: 0, successful: 3, failed: 0, batchesProcessed: 1, errors: [] },
        callResults: { totalRequested: 3, initiated: 3, failed: 0, errors: [] },
      }),
    );
    const calls = () =>
      query<{ state: string; agentId: string }>(`SELECT state::text, "agentId" FROM calls WHERE "campaignId" = $1`, [campaign!.id]);
    // The answer is final; the app's calls-expand worker writes the attempts right after it.
    await expect.poll(async () => (await calls()).map((c) => c.agentId), { timeout: 15_000 }).toEqual([agent.id, agent.id, agent.id]);
    // The app's workers dial them through the simulated dialer, whose results end them.
    await expect
      .poll(async () => (await calls()).filter((c) => c.state !== "scheduled" && c.state !== "dialing").length, { timeout: 45_000 })
      .toBeGreaterThanOrEqual(3);
  });
});
