import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { verifyPassword } from "better-auth/crypto";
import { migrate } from "@/lib/db/migrate";
import { seedsDemo } from "@/lib/seed/demo-policy";
import { createDatabase, dropDatabase } from "@/scripts/temporary-database";

// Production-safe start: no demo data on a real database unless asked, and a script that
// creates the first admin instead (run as users run it, against a database of its own).

const run = promisify(execFile);
let url: string;
beforeAll(async () => {
  url = await createDatabase("dialsheet_create_admin");
  await migrate(url);
});
afterAll(() => dropDatabase(url));

const createAdmin = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", ...args], { env: { ...process.env, DATABASE_URL: url } });

describe("demo data", () => {
  it("is seeded on the embedded database, and on a real one only with SEED_DEMO=true", () => {
    expect(seedsDemo({ embedded: true, seedDemo: undefined, skipSeed: undefined })).toBe(true);
    expect(seedsDemo({ embedded: false, seedDemo: undefined, skipSeed: undefined })).toBe(false);
    expect(seedsDemo({ embedded: false, seedDemo: "false", skipSeed: undefined })).toBe(false);
    expect(seedsDemo({ embedded: false, seedDemo: "true", skipSeed: undefined })).toBe(true);
    expect(seedsDemo({ embedded: true, seedDemo: "true", skipSeed: "true" })).toBe(false);
  });
});

describe("npm run create-admin", () => {
  it("creates an organization and its admin with a working password, and prints no key", async () => {
    const { stdout } = await createAdmin(["--email", "Founder@Example.com", "--password", "a long password", "--org", "Acme Lending"]);
    expect(stdout).toMatch(/^Created Acme Lending \(\w+\) and its admin founder@example\.com\./);
    expect(stdout).not.toMatch(/dsk_/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT m.role, o.name, a.password FROM users u JOIN organizations o ON o.id = u."organizationId" JOIN members m ON m."userId" = u.id AND m."organizationId" = o.id JOIN accounts a ON a."userId" = u.id WHERE u.email = 'founder@example.com'`,
    );
    const keys = await client.query("SELECT count(*)::int AS n FROM api_keys");
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: "admin", name: "Acme Lending" });
    expect(await verifyPassword({ hash: rows[0].password, password: "a long password" })).toBe(true);
    expect(keys.rows[0].n).toBe(0);
  });

  it("refuses bad arguments and an existing email with a message", async () => {
    await expect(createAdmin(["--email", "nope", "--password", "short", "--org", "X"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--email must be an email address\n--password must be at least 8 characters"),
    });
    await expect(createAdmin(["--email", "founder@example.com", "--password", "another long one", "--org", "Y"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("A user with the email founder@example.com already exists."),
    });
  });
});
