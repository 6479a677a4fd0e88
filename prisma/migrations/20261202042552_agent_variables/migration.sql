-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "variables" TEXT[] DEFAULT ARRAY[]::TEXT[];
