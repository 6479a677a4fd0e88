import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign } from "@/lib/test/fixtures";
import { POST as uploadRoute } from "@/app/api/bulkphonebookupload/v1/route";
import { GET as statusGet, POST as statusPost } from "@/app/api/bulkphonebookupload/status/[job_id]/route";

// Shared by the Flexydial tests: a campaign shaped like the seed's "Flexy Phonebook", its agents,
// and the two routes called the way a Flexydial client calls them (Token auth, trailing slash).

export const CRM_FIELDS = [
  { key: "customer_info:customer_id", label: "Customer ID", required: true },
  { key: "customer_info:customer_name", label: "Customer name" },
  { key: "customer_info:city", label: "City" },
  { key: "loan_info:amount_due", label: "Amount due", type: "number" },
];

export async function createFlexyCampaign(organizationId: string) {
  await db.agent.createMany({
    data: ["priya", "vikram"].map((username) => ({ organizationId, username, name: username })),
    skipDuplicates: true,
  });
  return createTestCampaign(organizationId, "custom", { crmFields: CRM_FIELDS, identifierField: "customer_info:customer_id" });
}

export function upload(apiKey: string, body: unknown, headers: Record<string, string> = {}) {
  return call(uploadRoute, { method: "POST", path: "/api/bulkphonebookupload/v1/", apiKey, scheme: "Token", body, headers });
}

export function jobStatus(apiKey: string, jobId: string, method: "GET" | "POST" = "POST") {
  return call(method === "GET" ? statusGet : statusPost, {
    method,
    path: `/api/bulkphonebookupload/status/${jobId}/`,
    apiKey,
    scheme: "Token",
    params: { job_id: jobId },
  });
}

/** A valid contact row; `n` picks a distinct customer id and mobile number. */
export function contact(n: number, extra: Record<string, unknown> = {}) {
  return {
    numeric: `98${String(76543210 + n).padStart(8, "0")}`,
    user: "priya",
    "customer_info:customer_id": `C${n}`,
    "customer_info:customer_name": `Customer ${n}`,
    ...extra,
  };
}

export function customersOf(campaignId: string) {
  return db.customer.findMany({ where: { campaignId }, orderBy: { identifier: "asc" } });
}
