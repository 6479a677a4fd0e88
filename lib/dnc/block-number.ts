import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { actorName, recordDncEvents } from "./dnc-events";

// Puts one E.164 number on the organization's Do-Not-Call list — for one campaign or globally —
// from the app (a contact's "Add to DNC"). An entry that exists but is inactive is switched back
// on; one that is already active stays as it is. One statement, so two clicks cannot make two;
// the history event is written in the same transaction.

export type BlockScope = "campaign" | "global";

export async function blockNumber(
  ctx: DomainContext,
  input: { phoneE164: string; phoneRaw: string; campaignId: string; scope: BlockScope },
) {
  const campaignId = input.scope === "campaign" ? input.campaignId : null;
  const scope = campaignId ?? "";
  const actor = await actorName(ctx);
  const created = await db.$transaction(async (tx) => {
    // The WHERE leaves an active entry alone: no row comes back, and nothing is recorded.
    const [row] = await tx.$queryRaw<{ id: string; phoneRaw: string; reason: string | null; created: boolean }[]>`
      INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status, "createdAt")
      VALUES (${`dnc_${crypto.randomUUID().replace(/-/g, "")}`}, ${ctx.organizationId}, ${campaignId}, ${scope}, ${input.phoneRaw}, ${input.phoneE164}, 'active', now())
      ON CONFLICT ("organizationId", scope, "phoneE164") DO UPDATE SET status = 'active' WHERE dnc_entries.status <> 'active'
      RETURNING id, "phoneRaw", reason, (xmax = 0) AS created`;
    if (!row) return false;
    await recordDncEvents(tx, ctx, actor, [
      {
        entryId: row.id,
        phoneE164: input.phoneE164,
        phoneRaw: row.phoneRaw,
        scope,
        action: row.created ? "added" : "reactivated",
        status: "active",
        reason: row.reason,
      },
    ]);
    return row.created;
  });
  return { scope: input.scope, created };
}
