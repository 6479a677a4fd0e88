// npm run migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database with
// every existing migration applied to what schema.prisma describes. Needs a Postgres server
// (ADMIN_DATABASE_URL, default the local one); uses a throwaway database on it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { diffDatabaseToSchema, isEmptyMigration } from "@/lib/db/schema-engine";
import { withTemporaryDatabase } from "@/scripts/temporary-database";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run migration:new -- <name>");
  process.exit(2);
}

await withTemporaryDatabase(async (url) => {
  await migrate(url);
  const script = await diffDatabaseToSchema(url);
  if (isEmptyMigration(script)) {
    console.log("schema.prisma and the migrations already agree; nothing to write");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), script);
  console.log(`wrote ${dir}/migration.sql`);
});
