-- CreateIndex
CREATE INDEX "calls_organizationId_state_notBefore_idx" ON "calls"("organizationId", "state", "notBefore");
