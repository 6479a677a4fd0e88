-- CreateIndex
CREATE INDEX "calls_retry_of" ON "calls"("retryOfId") WHERE ("retryOfId" IS NOT NULL);
