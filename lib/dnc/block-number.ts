import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// Puts one E.164 number on the organization's Do-Not-Call list — for one campaign or globally —
// from the app (a contact's "Add to DNC"). An entry that exists but is inactive is switched back
// on; one that is already active stays as it is. One statement, so two clicks cannot make two.

export type BlockScope = "campaign" | "global";

export async function blockNumber(
  ctx: DomainContext,
  input: { phoneE164: string; phoneRaw: string; campaignId: string; scope: BlockScope },
) {
  const campaignId = input.scope === "campaign" ? input.campaignId : null;
  const scope = campaignId ?? "";
  const [row] = await db.$queryRaw<{ created: boolean }[]>`
    INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status, "createdAt")
    VALUES (${`dnc_${crypto.randomUUID().replace(/-/g, "")}`}, ${ctx.organizationId}, ${campaignId}, ${scope}, ${input.phoneRaw}, ${input.phoneE164}, 'active', now())
    ON CONFLICT ("organizationId", scope, "phoneE164") DO UPDATE SET status = 'active'
    RETURNING (xmax = 0) AS created`;
  return { scope: input.scope, created: row.created };
}
