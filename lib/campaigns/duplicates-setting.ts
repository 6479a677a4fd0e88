import { z } from "zod";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { duplicatesBySchema, phoneIsKey, type DuplicatesBy } from "@/lib/records/duplicates-by";
import { getCampaignOrThrow, recordRules } from "./campaigns";

// A campaign's "duplicates by" setting. Changing it re-keys the stored customers in the same
// transaction: to "identifier only" the phones stop being keys; to "phone"/"both" the first
// customer of each phone (the one already holding it, else the oldest) becomes its holder. Later
// copies added before the rule stay, without a key: nothing is deleted.

export const duplicatesSettingSchema = z.object({ duplicatesBy: duplicatesBySchema });

export async function setDuplicatesBy(
  ctx: DomainContext,
  campaignId: string,
  duplicatesBy: DuplicatesBy,
): Promise<{ duplicatesBy: DuplicatesBy }> {
  const campaign = await getCampaignOrThrow(ctx, campaignId);
  const { schema } = recordRules(campaign);
  await db.$transaction(async (tx) => {
    await tx.campaign.update({ where: { id: campaign.id }, data: { duplicatesBy } });
    if (!phoneIsKey(schema, duplicatesBy)) {
      await tx.$executeRaw`UPDATE customers SET "uniquePhone" = NULL WHERE "campaignId" = ${campaign.id} AND "uniquePhone" IS NOT NULL`;
      return;
    }
    await tx.$executeRaw`
      UPDATE customers AS c SET "uniquePhone" = c."phoneE164"
      FROM (
        SELECT DISTINCT ON ("phoneE164") id FROM customers WHERE "campaignId" = ${campaign.id}
        ORDER BY "phoneE164", ("uniquePhone" IS NULL), "createdAt", identifier, id
      ) AS first
      WHERE c.id = first.id AND c."uniquePhone" IS NULL`;
  });
  return { duplicatesBy };
}
