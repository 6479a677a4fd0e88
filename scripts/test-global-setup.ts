import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase } from "./temporary-database";

// Vitest runs integration tests against a real Postgres, migrated first:
// 1. DATABASE_URL when given (CI creates a fresh database);
// 2. otherwise a throwaway database on the Postgres server at ADMIN_DATABASE_URL (default
//    127.0.0.1:5432) whenever one is reachable, so the concurrency tests really overlap: the
//    embedded database serialises connections, and a race there can never happen;
// 3. only when no server is reachable, the embedded database in a temporary directory (said loudly).
let embedded: EmbeddedDatabase | null = null;
let dir: string | null = null;
let temporary: string | null = null;

export default async function setup() {
  if (!process.env.DATABASE_URL) {
    temporary = await createDatabase("dialsheet_test").catch(() => null);
    if (temporary) process.env.DATABASE_URL = temporary;
    else {
      console.warn(
        "No Postgres server reachable at ADMIN_DATABASE_URL: tests run on the embedded database, where concurrent requests never overlap.",
      );
      dir = mkdtempSync(path.join(tmpdir(), "dialsheet-test-"));
      embedded = await startEmbeddedDatabase(dir);
      process.env.DATABASE_URL = embedded.url;
    }
  }
  await migrate(process.env.DATABASE_URL!);
  return async () => {
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (temporary) await dropDatabase(temporary);
  };
}
