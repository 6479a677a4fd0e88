-- CreateEnum
CREATE TYPE "DncAction" AS ENUM ('added', 'deactivated', 'reactivated', 'deleted');

-- AlterTable
ALTER TABLE "dnc_entries" ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "dnc_events" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "phoneE164" TEXT NOT NULL,
    "phoneRaw" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "campaignName" TEXT,
    "action" "DncAction" NOT NULL,
    "status" "DncStatus" NOT NULL,
    "reason" TEXT,
    "source" TEXT NOT NULL,
    "userId" TEXT,
    "apiKeyId" TEXT,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dnc_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dnc_events_organizationId_createdAt_idx" ON "dnc_events"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "dnc_events_entryId_createdAt_idx" ON "dnc_events"("entryId", "createdAt");

-- AddForeignKey
ALTER TABLE "dnc_events" ADD CONSTRAINT "dnc_events_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
