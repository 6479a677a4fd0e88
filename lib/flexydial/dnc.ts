import type { ApiResult } from "@/lib/api/with-api";
import { removeDnc, uploadDnc } from "@/lib/dnc/dnc-entries";
import type { DomainContext } from "@/lib/domain/context";
import { parseDncRemove, parseDncUpload } from "./dnc-request";
import { dncMessages } from "./messages";

// POST /api/upload-dnc/ and /api/remove-dnc/ (§1.11). The list's errors are worded by flexydialDncDialect.

export async function uploadDncAnswer(ctx: DomainContext, body: unknown): Promise<ApiResult> {
  await uploadDnc(ctx, parseDncUpload(body));
  return { status: 200, body: { detail: dncMessages.processed } };
}

export async function removeDncAnswer(ctx: DomainContext, body: unknown): Promise<ApiResult> {
  await removeDnc(ctx, parseDncRemove(body));
  return { status: 200, body: { detail: dncMessages.removed } };
}
