import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

// The one Prisma client of the process. API key hashes are omitted globally; code that needs them
// asks explicitly. Account.password stays readable because better-auth's adapter reads it.
function createClient() {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10 });
  return new PrismaClient({
    adapter,
    omit: { apiKey: { hash: true } },
    // Prisma's defaults (2 s to get a connection, 5 s per interactive transaction) turn a busy
    // database or the embedded one under load into errors on writes that would have succeeded.
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { dialsheetDb?: Db };

export function getDb(): Db {
  globalForDb.dialsheetDb ??= createClient();
  return globalForDb.dialsheetDb;
}

/** A lazily-connected client, so importing this module never needs DATABASE_URL. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDb() {
  await globalForDb.dialsheetDb?.$disconnect();
  globalForDb.dialsheetDb = undefined;
}
