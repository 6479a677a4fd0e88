-- A freshly scheduled attempt (dialedAt, finishedAt, providerCallId all null) enters none of the
-- indexes on those columns any more: each is partial on its column, and every query on them
-- filters on it. (state, notBefore) goes: the dispatcher claims per organization
-- ([organizationId, state, notBefore]); attempts being dialled across organizations are read from
-- calls_one_call_in_progress_per_phone (only those rows).

-- DropIndex
DROP INDEX "calls_agentId_dialedAt_idx";

-- DropIndex
DROP INDEX "calls_campaignId_dialedAt_idx";

-- DropIndex
DROP INDEX "calls_campaignId_finishedAt_idx";

-- DropIndex
DROP INDEX "calls_organizationId_dialedAt_idx";

-- DropIndex
DROP INDEX "calls_organizationId_providerCallId_key";

-- DropIndex
DROP INDEX "calls_organizationId_toPhone_dialedAt_idx";

-- DropIndex
DROP INDEX "calls_state_notBefore_idx";

-- CreateIndex
CREATE INDEX "calls_organizationId_toPhone_dialedAt_idx" ON "calls"("organizationId", "toPhone", "dialedAt") WHERE ("dialedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "calls_campaignId_finishedAt_idx" ON "calls"("campaignId", "finishedAt") WHERE ("finishedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "calls_organizationId_dialedAt_idx" ON "calls"("organizationId", "dialedAt" DESC) WHERE ("dialedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "calls_campaignId_dialedAt_idx" ON "calls"("campaignId", "dialedAt" DESC) WHERE ("dialedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "calls_agentId_dialedAt_idx" ON "calls"("agentId", "dialedAt" DESC) WHERE ("dialedAt" IS NOT NULL);

-- CreateIndex
CREATE UNIQUE INDEX "calls_organizationId_providerCallId_key" ON "calls"("organizationId", "providerCallId") WHERE ("providerCallId" IS NOT NULL);
