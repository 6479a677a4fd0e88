import type { ApiResult } from "@/lib/api/with-api";
import type { DomainContext } from "@/lib/domain/context";
import { countCallLog, getLoggedCall, listCallLog, logStatus, type CallLogFilter, type CallLogRow } from "@/lib/calls/call-log";
import { inTimepayTerms } from "@/lib/timepay/domain-errors";
import type { LogsQuery } from "@/lib/timepay/log-query";

// GET /api/v1/logs and GET /api/v1/communication/call/{call_id} (§2.6). The log shows times as
// India Standard Time without a zone ("2026-01-17T08:33:36"), call details as UTC ISO 8601, the
// customer's number nationally ("9999999999") and the caller's number in E.164 — as TimePay does.

export const LOGS_PER_PAGE = 10;

export async function getLogs(ctx: DomainContext, query: LogsQuery): Promise<ApiResult> {
  // Only calls are logged here: WhatsApp messages are not sent by Dialsheet, so that type is empty.
  if (query.type === "whatsapp") return query.count_only ? countBody(0) : page(query.page, [], 0);
  const filter: CallLogFilter = {
    campaignId: query.campaign_id,
    agentId: query.agent_id,
    status: query.status,
    disposition: query.disposition,
    fromPhone: query.from_phone,
    toPhone: query.phone,
    from: query.start_time,
    to: query.end_time,
  };
  if (query.count_only) return countBody(await countCallLog(ctx, filter));
  const { rows, total } = await listCallLog(ctx, filter, { page: query.page, perPage: LOGS_PER_PAGE });
  return page(query.page, rows.map(logItem), total);
}

export function getCallDetails(ctx: DomainContext, callId: string): Promise<ApiResult> {
  return inTimepayTerms(async () => ({ status: 200, body: { success: true, data: callDetails(await getLoggedCall(ctx, callId)) } }));
}

function logItem(call: CallLogRow) {
  const started = call.startedAt ?? call.dialedAt;
  return {
    call_id: call.id,
    date: started ? istLocal(started).slice(0, 10) : null,
    start_time: started ? istLocal(started) : null,
    end_time: call.endedAt ? istLocal(call.endedAt) : null,
    campaign_name: call.campaign.name,
    campaign_id: call.campaignId,
    name: customerName(call),
    ...identifierField(call),
    duration: call.duration,
    direction: "outbound",
    from: call.fromPhone,
    to: nationalNumber(call.toPhone),
    status: logStatus(call),
    disposition: call.outcomeDisposition,
    transcript_id: call.transcriptId,
    recording_id: call.recordingId,
    extracted_data: call.extractedData ?? {},
    summary: call.summary,
    agent_id: call.agentId,
    disposition_id: call.outcomeDispositionId,
    type: "call",
  };
}

function callDetails(call: CallLogRow) {
  return {
    call_id: call.id,
    name: customerName(call),
    campaign_id: call.campaignId,
    campaign_name: call.campaign.name,
    agent_id: call.agentId,
    ...identifierField(call),
    from: call.fromPhone,
    to: nationalNumber(call.toPhone),
    direction: "outbound",
    status: logStatus(call),
    disposition: call.outcomeDisposition,
    disposition_id: call.outcomeDispositionId,
    duration: call.duration,
    start_time: (call.startedAt ?? call.dialedAt)?.toISOString() ?? null,
    end_time: call.endedAt?.toISOString() ?? null,
    recording_id: call.recordingId,
    transcript_id: call.transcriptId,
    summary: call.summary,
    extracted_data: call.extractedData ?? {},
  };
}

function page(current: number, data: unknown[], total: number): ApiResult {
  const totalPages = Math.ceil(total / LOGS_PER_PAGE);
  return {
    status: 200,
    body: {
      success: true,
      data,
      pagination: {
        page: current,
        per_page: LOGS_PER_PAGE,
        total,
        total_pages: totalPages,
        has_next: current < totalPages,
        has_prev: current > 1,
      },
    },
  };
}

/** TimePay does not show this response; Dialsheet answers `{ success, count }`. */
function countBody(count: number): ApiResult {
  return { status: 200, body: { success: true, count } };
}

/** loan_id for collections (and custom campaigns), lead_id for lead generation. */
function identifierField(call: CallLogRow) {
  return call.campaign.serviceType === "lead_generation" ? { lead_id: call.customer.identifier } : { loan_id: call.customer.identifier };
}

function customerName(call: CallLogRow) {
  return [call.customer.firstName, call.customer.lastName].filter(Boolean).join(" ") || null;
}

/** "+919999999999" -> "9999999999"; other countries keep E.164. */
export function nationalNumber(e164: string) {
  return /^\+91\d{10}$/.test(e164) ? e164.slice(3) : e164;
}

const IST_MS = 5.5 * 60 * 60 * 1000;
/** "2026-01-17T08:33:36": the instant in India Standard Time, without a zone. */
export function istLocal(at: Date) {
  return new Date(at.getTime() + IST_MS).toISOString().slice(0, 19);
}
