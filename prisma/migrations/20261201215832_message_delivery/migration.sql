-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "agentId" TEXT,
ADD COLUMN     "providerMessageId" TEXT,
ADD COLUMN     "sentAt" TIMESTAMP(3);
