import { describe, expect, it } from "vitest";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { diffDatabaseToSchema, isEmptyMigration } from "@/lib/db/schema-engine";
import { withTemporaryDatabase } from "@/scripts/temporary-database";

// Needs a Postgres server (ADMIN_DATABASE_URL, default the local one): the schema engine cannot
// introspect the embedded database.
describe("migrations", () => {
  it("produce exactly the schema that schema.prisma describes", async () => {
    await withTemporaryDatabase(async (url) => {
      const first = await migrate(url);
      expect(first.applied.length).toBeGreaterThan(0);
      const diff = await diffDatabaseToSchema(url);
      expect(isEmptyMigration(diff), `schema drift:\n${diff}`).toBe(true);
    });
  });

  it("are recorded in Prisma's _prisma_migrations table and applied once", async () => {
    await withTemporaryDatabase(async (url) => {
      const first = await migrate(url);
      const second = await migrate(url);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toBe(first.applied.length);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = await client.query(
        "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
      );
      await client.end();
      expect(rows.rows.map((r) => r.migration_name)).toEqual(first.applied);
      for (const row of rows.rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.applied_steps_count).toBe(1);
      }
    });
  });

  it("detects drift when the database differs from schema.prisma", async () => {
    await withTemporaryDatabase(async (url) => {
      await migrate(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('ALTER TABLE customers DROP COLUMN "assignedTo"');
      await client.end();
      const diff = await diffDatabaseToSchema(url);
      expect(isEmptyMigration(diff)).toBe(false);
      expect(diff).toContain("assignedTo");
    });
  });
});
