-- CreateIndex
CREATE INDEX "calls_by_batch_placed" ON "calls"("batchId", "dialedAt" DESC);
