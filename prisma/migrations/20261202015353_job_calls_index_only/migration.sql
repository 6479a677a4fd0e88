-- DropIndex
DROP INDEX "calls_by_batch_placed";

-- CreateIndex
CREATE INDEX "calls_by_batch_placed" ON "calls"("batchId", "dialedAt" DESC, "state", "outcome");
