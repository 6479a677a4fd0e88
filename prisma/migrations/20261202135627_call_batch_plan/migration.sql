-- AlterTable
ALTER TABLE "call_batches" ADD COLUMN     "expandedAt" TIMESTAMP(3),
ADD COLUMN     "plannedCustomerIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "plannedNotBefore" TIMESTAMP(3)[] DEFAULT ARRAY[]::TIMESTAMP(3)[],
ADD COLUMN     "plannedWaitReasons" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "call_batches_unexpanded" ON "call_batches"("createdAt") WHERE ("expandedAt" IS NULL AND cardinality("plannedCustomerIds") > 0);
