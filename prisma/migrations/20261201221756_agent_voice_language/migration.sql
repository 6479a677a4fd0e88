-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "language" TEXT,
ADD COLUMN     "voice" TEXT;
