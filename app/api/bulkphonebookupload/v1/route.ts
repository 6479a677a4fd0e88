// POST /api/bulkphonebookupload/v1/ - Flexydial bulk contact insert, or update and reassignment; a worker does the rows
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { recordRules } from "@/lib/campaigns/campaigns";
import { checkHeaders } from "@/lib/flexydial/check-headers";
import { getFlexydialCampaign } from "@/lib/flexydial/flexydial-campaign";
import { parseUploadRequest } from "@/lib/flexydial/upload-request";
import { acceptFlexydialUpload } from "@/lib/imports/flexydial-upload";

export const POST = withApi(
  { dialect: "flexydial", auth: "credential", body: z.unknown(), idempotent: true },
  async ({ auth, rawBody }) => {
    const request = parseUploadRequest(rawBody);
    const campaign = await getFlexydialCampaign(auth.organizationId, request.campaign);
    checkHeaders(request, recordRules(campaign).schema);
    const upload = await acceptFlexydialUpload(auth, campaign, request);
    // The insert document says 200, the update document 201: each action answers as its document says.
    return {
      status: request.action === "update" ? 201 : 200,
      body: { success: `Reference/Phonebook Name:${upload.reference}`, job_id: upload.jobId },
    };
  },
);
