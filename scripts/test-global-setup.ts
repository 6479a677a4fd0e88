import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Vitest runs integration tests against a real Postgres: DATABASE_URL when given (CI creates a fresh
// database), otherwise an embedded one in a temporary directory. Either way it is migrated first.
let embedded: EmbeddedDatabase | null = null;
let dir: string | null = null;

export default async function setup() {
  if (!process.env.DATABASE_URL) {
    dir = mkdtempSync(path.join(tmpdir(), "dialsheet-test-"));
    embedded = await startEmbeddedDatabase(dir);
    process.env.DATABASE_URL = embedded.url;
  }
  await migrate(process.env.DATABASE_URL!);
  return async () => {
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
