import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as dryRunRoute } from "@/app/api/v1/workflows/dry-run/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { createCallsCampaign } from "@/lib/calls/calls-test-kit";
import { collectionsFollowUp } from "./ready-made";

// The dry run plays the runner's own planning on a timeline and shows where the window delays.

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("wf-dry");
});
afterAll(async () => {
  await deleteTestOrg(org);
});

describe("dry run", () => {
  it("plays the collections follow-up: a call delayed to the window, the retry after 2 h, the reminder the day before", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const template = await db.messageTemplate.create({
      data: { organizationId: org.id, name: `R ${org.suffix}`, channel: "sms", body: "Hi {{first_name}}" },
    });
    const res = await call(dryRunRoute, {
      apiKey: org.apiKey,
      body: {
        steps: collectionsFollowUp(org.agent.id, template.id).steps,
        campaignId: campaign.id,
        customer: { first_name: "Asha" },
        start: "2099-12-07T01:00:00Z",
      }, // 06:30 IST: before the window
    });
    expect(res.status).toBe(200);
    const timeline = res.json.data.timeline as { at: string; stepId: string; summary: string; delayedUntil?: string }[];
    expect(timeline.map((e) => [e.stepId, e.at, e.summary, e.delayedUntil ?? null])).toEqual([
      [
        "call1",
        "2099-12-07T03:30:00.000Z",
        "call: No Contact — due 06:30 IST, held 2 h 30 min by the calling window (09:00–19:00 IST)",
        "2099-12-07T03:30:00.000Z",
      ], // waits for 09:00 IST
      ["check1", "2099-12-07T03:35:00.000Z", "branch: rule none (otherwise) → wait2h", null],
      ["wait2h", "2099-12-07T05:35:00.000Z", "waited 2 h, until Mon 7 Dec, 11:05 IST", null],
      ["call2", "2099-12-07T05:35:00.000Z", "call: Contacted", null],
      ["check2", "2099-12-07T05:40:00.000Z", "branch: rule 0 → ptp", null],
      ["ptp", "2099-12-07T05:40:00.000Z", "set promise_to_pay_date = 2099-12-10 (Thu 10 Dec 2099)", null],
      ["wait-ptp", "2099-12-09T04:30:00.000Z", "waited 1 d 22 h, until Wed 9 Dec, 10:00 IST", null],
      ["remind", "2099-12-09T04:30:00.000Z", "sms sent", null],
    ]);
    expect(res.json.data.zone).toBe("Asia/Kolkata");
    expect(res.json.data.end).toEqual({ state: "completed", reason: "end_of_workflow" });
    expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(0);
  });
});
