-- CreateEnum
CREATE TYPE "DuplicatesBy" AS ENUM ('identifier', 'phone', 'both');

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "duplicatesBy" "DuplicatesBy" NOT NULL DEFAULT 'both';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "uniquePhone" TEXT;

-- Customers stored before the rule: the first of each (campaign, phone) holds the key; later
-- copies keep none (they stay, nothing is deleted), so the index can be built.
UPDATE "customers" AS c SET "uniquePhone" = c."phoneE164"
FROM (SELECT DISTINCT ON ("campaignId", "phoneE164") id FROM "customers" ORDER BY "campaignId", "phoneE164", "createdAt", identifier, id) AS first
WHERE c.id = first.id;

-- CreateIndex
CREATE UNIQUE INDEX "customers_campaignId_uniquePhone_key" ON "customers"("campaignId", "uniquePhone");

-- The campaign's duplicatesBy decides, in the database, whether a new customer's phone is a key:
-- every insert path (TimePay, the upload wizard, Flexydial) then meets the unique index above and
-- its ON CONFLICT DO NOTHING, never a check-then-insert. An update that changes the phone never
-- fails over it (the update contracts decide that); the key follows the phone when it is free.
CREATE FUNCTION customers_unique_phone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT CASE WHEN "duplicatesBy" = 'identifier' THEN NULL ELSE NEW."phoneE164" END INTO NEW."uniquePhone"
    FROM "campaigns" WHERE id = NEW."campaignId";
  ELSIF NEW."phoneE164" IS DISTINCT FROM OLD."phoneE164" AND OLD."uniquePhone" IS NOT NULL THEN
    NEW."uniquePhone" := CASE WHEN EXISTS (
      SELECT 1 FROM "customers" WHERE "campaignId" = NEW."campaignId" AND "uniquePhone" = NEW."phoneE164" AND id <> NEW.id
    ) THEN NULL ELSE NEW."phoneE164" END;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER customers_unique_phone BEFORE INSERT OR UPDATE OF "phoneE164" ON "customers"
FOR EACH ROW EXECUTE FUNCTION customers_unique_phone();
