import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";

// DATABASE_URL when given; otherwise the embedded database under DATA_DIR. Either way, migrated.
export async function openDatabase(options: { port?: number } = {}): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const opened = await openDatabaseUnmigrated(options);
  await migrate(opened.url);
  return opened;
}

export async function openDatabaseUnmigrated(options: { port?: number } = {}): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase(env.DATA_DIR, options.port ?? 0);
    process.env.DATABASE_URL = embedded.url;
  }
  return { url: process.env.DATABASE_URL!, embedded };
}
