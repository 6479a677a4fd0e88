import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

// The embedded database serves several connections at once (the app's pool, the queue, the
// launcher): a large query on one must not be split by small ones on another.

let dir: string;
let embedded: EmbeddedDatabase;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "dialsheet-embedded-"));
  embedded = await startEmbeddedDatabase(dir);
});
afterAll(async () => {
  await embedded.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("embedded database", () => {
  it("keeps a large extended query whole while other connections query", { timeout: 60_000 }, async () => {
    const large = new pg.Client({ connectionString: embedded.url });
    const small = new pg.Client({ connectionString: embedded.url });
    const inTransaction = new pg.Client({ connectionString: embedded.url });
    await Promise.all([large.connect(), small.connect(), inTransaction.connect()]);
    // ~400 KB of parameters: the Bind arrives over many socket reads.
    const values = Array.from({ length: 8_000 }, (_, i) => `value-${i}-${"x".repeat(40)}`);
    const errors: string[] = [];
    const counts = { large: 0, small: 0, transactions: 0 };
    const until = Date.now() + 3_000;
    const loop = async (name: keyof typeof counts, run: () => Promise<unknown>) => {
      while (Date.now() < until) {
        await run().then(() => counts[name]++, (error: Error) => errors.push(`${name}: ${error.message}`));
      }
    };
    await Promise.all([
      loop("large", () => large.query("SELECT cardinality($1::text[]) AS n, $2::int AS a, $3::text AS b, $4::int AS c", [values, 1, "x", 2])),
      loop("small", () => small.query("SELECT $1::int + $2::int AS n", [1, 2])),
      loop("transactions", async () => {
        await inTransaction.query("BEGIN");
        await inTransaction.query("SELECT $1::int AS n", [1]);
        await inTransaction.query("COMMIT");
      }),
    ]);
    await Promise.all([large.end(), small.end(), inTransaction.end()]);
    expect(errors).toEqual([]);
    expect(Math.min(counts.large, counts.small, counts.transactions)).toBeGreaterThan(10);
  });
});

describe("embedded database connections", () => {
  it("accepts more connections than one process's pools hold (two Prisma pools, pg-boss, LISTEN)", async () => {
    const clients = Array.from({ length: 40 }, () => new pg.Client({ connectionString: embedded.url }));
    await Promise.all(clients.map((c) => c.connect()));
    const results = await Promise.all(clients.map((c, i) => c.query("SELECT $1::int AS n", [i])));
    expect(results.map((r) => r.rows[0].n)).toEqual(clients.map((_, i) => i));
    await Promise.all(clients.map((c) => c.end()));
  });
});
