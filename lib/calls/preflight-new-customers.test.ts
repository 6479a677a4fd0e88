import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "@/lib/domain/clock";
import { stopBoss } from "@/lib/jobs/boss";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { acceptNewCustomerCalls } from "./accept-new-customers";
import { preflightNewCustomers } from "./preflight-new-customers";
import { contextOf, createCallsCampaign, createCustomers } from "./calls-test-kit";

// Bulk add's validate-only preview of its calls (preflightNewCustomers) and the acceptance of the
// same records (acceptNewCustomerCalls) give one verdict per record, from one verdict chain: a
// record's own timezone wins over the campaign's in both.

const clock = () => manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST, Sunday 23:30 in New York

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("preflight-new");
});
afterAll(async () => {
  await deleteTestOrg(org);
  await stopBoss();
});

describe("preflightNewCustomers", () => {
  it("a record in New York at night waits for its own window, in the preview and in the acceptance alike", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const [local, abroad] = await createCustomers(campaign.id, 2);
    const values = [{}, { timezone: "America/New_York" }];
    const records = [local, abroad].map((c, i) => ({ ...c, values: values[i] }));

    const preview = await preflightNewCustomers(contextOf(org.id), {
      campaignId: campaign.id,
      agentId: org.agent.id,
      customers: records.map((c) => ({ id: c.identifier, phoneE164: c.phoneE164, values: c.values })),
      clock: clock(),
    });
    const accepted = await acceptNewCustomerCalls(contextOf(org.id), {
      campaignId: campaign.id,
      customers: records.map((c) => ({ customerId: c.id, identifier: c.identifier, phoneE164: c.phoneE164, values: c.values })),
      agentId: org.agent.id,
      dispositionId: org.disposition.id,
      requestKey: `preflight-new-${org.suffix}`,
      clock: clock(),
    });

    expect(preview).toMatchObject({ totalRequested: 2, wouldInitiate: 2, wouldFail: 0, dialNow: 1, waitForWindow: 1 });
    expect(accepted).toMatchObject({ totalRequested: 2, initiated: 2, failed: 0 });
    // The campaign's daily hours in New York open Monday 09:00 EST, 14:00 UTC (the campaign's own
    // zone, Kolkata, is open: a preview that ignored the record's zone would say dial now for both).
    expect(preview.windowOpensAt?.toISOString()).toBe("2099-12-07T14:00:00.000Z");
    expect(accepted.scheduledFor?.toISOString()).toBe(preview.windowOpensAt?.toISOString());
  });
});
