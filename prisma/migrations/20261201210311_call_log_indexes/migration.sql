-- CreateIndex
CREATE INDEX "calls_organizationId_dialedAt_idx" ON "calls"("organizationId", "dialedAt" DESC);

-- CreateIndex
CREATE INDEX "calls_campaignId_dialedAt_idx" ON "calls"("campaignId", "dialedAt" DESC);

-- CreateIndex
CREATE INDEX "calls_agentId_dialedAt_idx" ON "calls"("agentId", "dialedAt" DESC);
