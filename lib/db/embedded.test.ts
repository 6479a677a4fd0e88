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
    // A fixed number of rounds on each connection, all at once; every answer must be the right one.
    const ROUNDS = 25;
    const rounds = async (run: (i: number) => Promise<unknown>) => {
      const answers = [];
      for (let i = 0; i < ROUNDS; i++) answers.push(await run(i).catch((error: Error) => `error: ${error.message}`));
      return answers;
    };
    const [largeAnswers, smallAnswers, transactionAnswers] = await Promise.all([
      rounds(
        async (i) =>
          (await large.query("SELECT cardinality($1::text[]) AS n, $2::int AS a, $3::text AS b, $4::int AS c", [values, i, "x", 2]))
            .rows[0],
      ),
      rounds(async (i) => (await small.query("SELECT $1::int + $2::int AS n", [i, 2])).rows[0].n),
      rounds(async (i) => {
        await inTransaction.query("BEGIN");
        const { rows } = await inTransaction.query("SELECT $1::int AS n", [i]);
        await inTransaction.query("COMMIT");
        return rows[0].n;
      }),
    ]);
    await Promise.all([large.end(), small.end(), inTransaction.end()]);
    const indexes = Array.from({ length: ROUNDS }, (_, i) => i);
    expect(largeAnswers).toEqual(indexes.map((i) => ({ n: 8_000, a: i, b: "x", c: 2 })));
    expect(smallAnswers).toEqual(indexes.map((i) => i + 2));
    expect(transactionAnswers).toEqual(indexes);
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
