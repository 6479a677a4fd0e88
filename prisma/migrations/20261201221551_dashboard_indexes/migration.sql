-- CreateIndex
CREATE INDEX "calls_dashboard_kpis" ON "calls"("campaignId", "state", "outcome", "blockedReason", "duration");

-- CreateIndex
CREATE INDEX "calls_dashboard_results_by_day" ON "calls"("campaignId", "finishedAt", "outcome", "outcomeDisposition");

-- CreateIndex
CREATE INDEX "calls_dashboard_promises" ON "calls"("campaignId", "customerId") WHERE ((outcome = 'Contacted'::text) AND ("extractedData" ? 'promise_to_pay_date'::text));

-- CreateIndex
CREATE INDEX "customers_dashboard_kpis" ON "customers"("campaignId", "lastCallStatus", "lastCallAt");
