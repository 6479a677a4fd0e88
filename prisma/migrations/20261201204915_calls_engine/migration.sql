-- CreateEnum
CREATE TYPE "CallState" AS ENUM ('scheduled', 'dialing', 'completed', 'failed', 'blocked', 'cancelled');

-- CreateEnum
CREATE TYPE "DialerKind" AS ENUM ('simulated', 'http');

-- DropIndex
DROP INDEX "calls_batchId_customerId_key";

-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "call_batches" ADD COLUMN     "agentId" TEXT,
ADD COLUMN     "dispositionId" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'system';

-- AlterTable
ALTER TABLE "calls" DROP COLUMN "status",
ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "blockedReason" TEXT,
ADD COLUMN     "dialErrors" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dialedAt" TIMESTAMP(3),
ADD COLUMN     "errorMessage" TEXT,
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "outcomeDispositionId" TEXT,
ADD COLUMN     "recordingId" TEXT,
ADD COLUMN     "resultDueAt" TIMESTAMP(3),
ADD COLUMN     "retryOfId" UUID,
ADD COLUMN     "state" "CallState" NOT NULL DEFAULT 'scheduled',
ADD COLUMN     "transcriptId" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "waitReason" TEXT;

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "autoPausedReason" TEXT,
ADD COLUMN     "maxConcurrentCalls" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "maxRetries" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "resumedAt" TIMESTAMP(3),
ADD COLUMN     "retryDelayMinutes" INTEGER NOT NULL DEFAULT 120;

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "lastCallAt" TIMESTAMP(3),
ADD COLUMN     "lastCallDisposition" TEXT,
ADD COLUMN     "lastCallId" UUID,
ADD COLUMN     "lastCallStatus" TEXT,
ADD COLUMN     "timezone" TEXT;

-- DropEnum
DROP TYPE "CallStatus";

-- CreateTable
CREATE TABLE "call_events" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "callId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_settings" (
    "organizationId" TEXT NOT NULL,
    "frequencyCap" INTEGER NOT NULL DEFAULT 3,
    "maxConcurrentCalls" INTEGER NOT NULL DEFAULT 50,
    "dialerKind" "DialerKind" NOT NULL DEFAULT 'simulated',
    "providerUrl" TEXT,
    "providerSecret" TEXT,
    "providerTimeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "simulatedDelayMs" INTEGER NOT NULL DEFAULT 5000,
    "simulatedContactedPct" INTEGER NOT NULL DEFAULT 60,
    "simulatedNoContactPct" INTEGER NOT NULL DEFAULT 30,
    "simulatedFailedPct" INTEGER NOT NULL DEFAULT 10,
    "simulatedSeed" TEXT NOT NULL DEFAULT 'dialsheet',
    "fromPhone" TEXT NOT NULL DEFAULT '+918035450808',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_settings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "call_events_organizationId_id_idx" ON "call_events"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "call_events_callId_type_key" ON "call_events"("callId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "call_batches_organizationId_requestKey_key" ON "call_batches"("organizationId", "requestKey");

-- CreateIndex
CREATE INDEX "calls_state_notBefore_idx" ON "calls"("state", "notBefore");

-- CreateIndex
CREATE INDEX "calls_organizationId_toPhone_dialedAt_idx" ON "calls"("organizationId", "toPhone", "dialedAt");

-- CreateIndex
CREATE INDEX "calls_campaignId_finishedAt_idx" ON "calls"("campaignId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "calls_batchId_customerId_attempt_key" ON "calls"("batchId", "customerId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "calls_organizationId_providerCallId_key" ON "calls"("organizationId", "providerCallId");

-- CreateIndex
CREATE UNIQUE INDEX "calls_one_live_attempt_per_customer" ON "calls"("customerId") WHERE (state = ANY (ARRAY['scheduled'::"CallState", 'dialing'::"CallState"]));

-- CreateIndex
CREATE UNIQUE INDEX "calls_one_call_in_progress_per_phone" ON "calls"("organizationId", "toPhone") WHERE (state = 'dialing');

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_retryOfId_fkey" FOREIGN KEY ("retryOfId") REFERENCES "calls"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_settings" ADD CONSTRAINT "call_settings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
