// POST /api/v1/dialer/results/{organizationId} - the HTTP dialer's provider reports a call result (Standard Webhooks signature)
import { appDialect } from "@/lib/api/app-dialect";
import { ApiError, validationFailed } from "@/lib/api/errors";
import { readTextBody } from "@/lib/api/read-body";
import { withApi } from "@/lib/api/with-api";
import { receiveProviderResult } from "@/lib/calls/provider-results";
import { systemClock } from "@/lib/domain/clock";
import { ensureCallResultWebhooks } from "@/lib/webhooks/call-result-hook";

const MAX_BYTES = 256 * 1024;

export const POST = withApi({ dialect: appDialect, auth: "none" }, async ({ request, params }) => {
  const raw = await readTextBody(request, MAX_BYTES);
  await ensureCallResultWebhooks();
  const result = await receiveProviderResult(params.organizationId, raw, request.headers, systemClock);
  switch (result.kind) {
    case "unauthorized":
      throw new ApiError("unauthorized", "Invalid or missing webhook signature");
    case "invalid":
      throw validationFailed(result.issues);
    case "not_found":
      throw new ApiError("not_found", `No call with provider_call_id '${result.providerCallId}'`);
    case "recorded":
      return { status: 200, body: { received: true, call_id: result.outcome.callId, result: result.outcome.outcome } };
  }
});
