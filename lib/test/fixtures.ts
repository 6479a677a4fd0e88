import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/auth/api-keys";
import { campaignSchema } from "@/lib/campaigns/campaign-input";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { systemContext } from "@/lib/domain/context";

// Test data: each test file makes its own organizations, so files run in parallel on one database
// and clean up after themselves (deleting the organization cascades to everything it owns).

export type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;

export async function createTestOrg(label = "org") {
  const suffix = randomBytes(4).toString("hex");
  const org = await db.organization.create({ data: { name: `Test ${label} ${suffix}`, slug: `test-${label}-${suffix}` } });
  const key = await createApiKey({ organizationId: org.id, name: "test" });
  const agent = await db.agent.create({ data: { organizationId: org.id, name: "Test agent", username: `agent-${suffix}`, kind: "ai" } });
  const disposition = await db.disposition.create({ data: { organizationId: org.id, name: "Promise to Pay" } });
  return { org, id: org.id, apiKey: key.secret, agent, disposition, suffix };
}

export async function deleteTestOrg(org: { id: string } | undefined) {
  if (org) await db.organization.delete({ where: { id: org.id } }).catch(() => {});
}

export const CAMPAIGN_WINDOW = { startDate: "2026-11-01", startTime: "09:00", endDate: "2027-03-31", endTime: "19:00" };

export async function createTestCampaign(
  organizationId: string,
  campaignType: "emi" | "edi" | "lead" | "custom" = "emi",
  extra: Record<string, unknown> = {},
) {
  const input = campaignSchema.parse({
    name: `Campaign ${randomBytes(4).toString("hex")}`,
    description: "test",
    campaignType,
    ...CAMPAIGN_WINDOW,
    languages: ["hindi", "english"],
    region: "south",
    ...(campaignType === "custom" && {
      crmFields: [{ key: "customer_info:customer_id", required: true }, { key: "customer_info:customer_name" }],
      identifierField: "customer_info:customer_id",
    }),
    ...extra,
  });
  return createCampaign(systemContext(organizationId), input);
}
