-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "defaultPhoneCountry" TEXT NOT NULL DEFAULT 'IN',
ADD COLUMN     "defaultTimezone" TEXT NOT NULL DEFAULT 'Asia/Kolkata';

-- An organization never ends without an admin. better-auth's organization plugin refuses to demote
-- or remove the last admin, but it counts the admins and then writes, so two admins demoting each
-- other at the same moment would both pass its count. Here the database decides: a change that
-- takes an admin away first locks the organization's row (FOR NO KEY UPDATE: inserts that only
-- reference the organization are not held up), so such changes run one after the other, and each
-- then counts the other admins on a fresh snapshot. Deleting the organization itself (its members
-- go with it) finds no row to lock and passes.
CREATE FUNCTION members_keep_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role <> 'admin' OR (TG_OP = 'UPDATE' AND NEW.role = 'admin' AND NEW."organizationId" = OLD."organizationId") THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  PERFORM 1 FROM "organizations" WHERE id = OLD."organizationId" FOR NO KEY UPDATE;
  IF FOUND AND NOT EXISTS (
    SELECT 1 FROM "members" WHERE "organizationId" = OLD."organizationId" AND role = 'admin' AND id <> OLD.id
  ) THEN
    RAISE EXCEPTION 'members_keep_an_admin: organization % would have no admin', OLD."organizationId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'members_keep_an_admin';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER members_keep_an_admin BEFORE UPDATE OF role, "organizationId" OR DELETE ON "members"
FOR EACH ROW EXECUTE FUNCTION members_keep_an_admin();
