import { db } from "@/lib/db/client";
import { createTestCampaign } from "@/lib/test/fixtures";
import type { DomainContext } from "@/lib/domain/context";
import type { Dialer, DialAttempt, DialOutcome } from "@/lib/calls/dialer";
import { expandBatch } from "@/lib/calls/expand-batch";

// Test data for the calls domain: customers written directly (the import path has its own tests).

export function contextOf(organizationId: string): DomainContext {
  return { organizationId, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "system" };
}

/** n customers with distinct numbers +9190000xxxxx (offset shifts the range), optional time zones. */
export async function createCustomers(
  campaignId: string,
  n: number,
  options: { offset?: number; timezone?: (i: number) => string | null; phone?: (i: number) => string } = {},
) {
  const offset = options.offset ?? 0;
  const rows = Array.from({ length: n }, (_, i) => {
    const phone = options.phone?.(i) ?? `+9190${String(offset + i).padStart(8, "0")}`;
    return {
      campaignId,
      identifier: `LN${String(offset + i).padStart(8, "0")}`,
      phoneRaw: phone.slice(3),
      phoneE164: phone,
      firstName: `Customer ${offset + i}`,
      language: "hindi",
      timezone: options.timezone?.(i) ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 5_000) await db.customer.createMany({ data: rows.slice(i, i + 5_000) });
  return db.customer.findMany({
    where: { campaignId },
    orderBy: { identifier: "asc" },
    select: { id: true, identifier: true, phoneE164: true, timezone: true },
  });
}

/** A dialer that records what it was handed and answers as told (default: accepted, "t_<call id>"). */
export function testDialer(answer: (attempt: DialAttempt) => DialOutcome = (a) => ({ ok: true, providerCallId: `t_${a.callId}` })) {
  const placed: DialAttempt[] = [];
  const dialer: Dialer = {
    kind: "test",
    async place(attempt) {
      placed.push(attempt);
      return answer(attempt);
    },
  };
  return { dialer, placed, dialerFor: () => dialer };
}

/**
 * A campaign dated 2099–2100, for tests on a manual clock in 2099: a queue worker with the
 * system clock in another test file of the same database (startWorkers) never finds their
 * attempts due.
 */
export function createCallsCampaign(
  organizationId: string,
  campaignType: "emi" | "edi" | "lead" | "custom" = "emi",
  extra: Record<string, unknown> = {},
) {
  return createTestCampaign(organizationId, campaignType, { startDate: "2099-11-01", endDate: "2100-03-31", ...extra });
}

/**
 * Writes the attempts of the campaign's accepted call batches (bulk add with initiateCall) as the
 * calls-expand worker does, through the same code (expandBatch); for tests without the queue.
 */
export async function expandAcceptedBatches(campaignId: string) {
  const batches = await db.callBatch.findMany({ where: { campaignId, expandedAt: null }, select: { id: true } });
  for (const batch of batches) await expandBatch(batch.id);
  return batches.length;
}
