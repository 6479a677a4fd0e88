import type { ApiResult } from "@/lib/api/with-api";
import { recordRules } from "@/lib/campaigns/campaigns";
import type { DomainContext } from "@/lib/domain/context";
import { acceptFlexydialUpload } from "./accept-upload";
import { getFlexydialCampaign } from "./campaign";
import { checkHeaders } from "./check-headers";
import type { z } from "zod";
import type { uploadAcceptedSchema } from "./responses";
import { parseUploadRequest } from "./upload-request";

// POST /api/bulkphonebookupload/v1/: checks the request, then hands its rows to the queue worker.

export async function acceptUpload(ctx: DomainContext, body: unknown): Promise<ApiResult> {
  const request = parseUploadRequest(body);
  const campaign = await getFlexydialCampaign(ctx, request.campaign);
  checkHeaders(request, recordRules(campaign).schema);
  const upload = await acceptFlexydialUpload(ctx, campaign, request);
  // The insert document says 200, the update document 201: each action answers as its document says.
  return {
    status: request.action === "update" ? 201 : 200,
    body: { success: `Reference/Phonebook Name:${upload.reference}`, job_id: upload.jobId } satisfies z.input<typeof uploadAcceptedSchema>,
  };
}
