import { describe, expect, it } from "vitest";
import { campaignSchema } from "@/lib/campaigns/campaign-input";
import { createCampaignBodySchema } from "./campaign-bodies";
import { fieldIssues } from "./field-issues";

// The campaign form validates with campaignSchema; TimePay's Create Campaign body is built from
// the same fields and rules, so both refuse the same input with the same problems.

const issues = (schema: typeof campaignSchema | typeof createCampaignBodySchema, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : fieldIssues(parsed.error.issues);
};

const valid = {
  name: "Collections",
  description: "",
  campaignType: "emi",
  startDate: "2026-11-01",
  startTime: "09:00",
  endDate: "2027-03-31",
  endTime: "19:00",
  languages: ["hindi"],
  region: "south",
};

describe("the Create Campaign body and the campaign form", () => {
  it("refuse the same input with the same words", () => {
    const inputs = [
      valid,
      {},
      { ...valid, startDate: "2026-02-30", endTime: "25:00", timezone: "Mars/Olympus" },
      { ...valid, endDate: "2026-10-01", crmFields: [{ key: "bad" }] },
      { ...valid, campaignType: "custom", maxRetries: 11 },
    ];
    for (const input of inputs) expect(issues(campaignSchema, input)).toEqual(issues(createCampaignBodySchema, input));
    expect(issues(createCampaignBodySchema, { ...valid, endDate: "2026-10-01" })).toEqual(["endDate must not be before startDate"]);
    expect(issues(createCampaignBodySchema, {})).toContain("name is required");
  });

  it("words a body that is not an object the TimePay way", () => {
    expect(issues(createCampaignBodySchema, [])).toEqual(["Request body must be a JSON object"]);
  });
});
