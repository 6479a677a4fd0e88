import { randomBytes } from "node:crypto";
import pg from "pg";

// A throwaway database on a Postgres server, dropped afterwards.
export const ADMIN_DATABASE_URL = process.env.ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function createDatabase(prefix = "dialsheet_tmp"): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(connectionString: string) {
  const name = new URL(connectionString).pathname.slice(1);
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

export async function withTemporaryDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const url = await createDatabase();
  try {
    return await fn(url);
  } finally {
    await dropDatabase(url);
  }
}
