import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// Test data for the calls domain: customers written directly (the import path has its own tests).

export function contextOf(organizationId: string): DomainContext {
  return { organizationId, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "system" };
}

/** n customers with distinct numbers +9190000xxxxx (offset shifts the range), optional time zones. */
export async function createCustomers(campaignId: string, n: number, options: { offset?: number; timezone?: (i: number) => string | null; phone?: (i: number) => string } = {}) {
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
  return db.customer.findMany({ where: { campaignId }, orderBy: { identifier: "asc" }, select: { id: true, identifier: true, phoneE164: true, timezone: true } });
}
