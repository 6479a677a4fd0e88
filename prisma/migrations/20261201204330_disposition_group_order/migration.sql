-- AlterTable
ALTER TABLE "disposition_group_members" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "disposition_group_members_dispositionId_idx" ON "disposition_group_members"("dispositionId");
