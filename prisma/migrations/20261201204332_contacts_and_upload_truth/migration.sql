-- AlterEnum
ALTER TYPE "UploadStatus" ADD VALUE IF NOT EXISTS 'cancelled';

-- AlterTable
ALTER TABLE "upload_jobs" ADD COLUMN     "undoResult" JSONB,
ADD COLUMN     "undoneAt" TIMESTAMP(3),
ADD COLUMN     "undoneById" TEXT;

-- CreateIndex
CREATE INDEX "customers_uploadJobId_idx" ON "customers"("uploadJobId");

-- CreateIndex
CREATE INDEX "customers_campaignId_assignedTo_idx" ON "customers"("campaignId", "assignedTo");

-- CreateIndex
CREATE INDEX "customers_campaignId_lastName_firstName_idx" ON "customers"("campaignId", "lastName", "firstName");
