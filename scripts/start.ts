// npm start - one command runs everything: the database (embedded unless DATABASE_URL is set),
// migrations, demo data (embedded database or SEED_DEMO=true only), the queue workers, and the
// Next.js server (scripts/next-server.ts). `--dev` runs Next.js in development mode.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { openDatabase } from "@/scripts/with-database";
import { seed } from "@/lib/seed/seed";
import { seedsDemo } from "@/lib/seed/demo-policy";
import { db, disconnectDb } from "@/lib/db/client";
import { startWorkers } from "@/lib/jobs/workers";
import { QUEUE_CONSUMERS } from "@/scripts/queue-consumers";
import { printCredentials } from "@/scripts/print-credentials";
import { env } from "@/lib/env";

const dev = process.argv.includes("--dev");
const port = env.PORT;
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first (or `npm run go`, which does both).");
  process.exit(1);
}

const { url, embedded } = await openDatabase({ port: Number(process.env.EMBEDDED_DB_PORT ?? 0) });
console.log(embedded ? `Embedded Postgres (PGlite) on ${new URL(url).host}, data in ${env.DATA_DIR}/` : "Using DATABASE_URL");
process.env.AUTH_SECRET ??= persistentSecret();

const demo = seedsDemo({ embedded: embedded !== null, seedDemo: env.SEED_DEMO, skipSeed: process.env.SKIP_SEED });
const credentials = demo ? await seed() : null;
if (!embedded && env.SEED_DEMO !== "true") await printFirstAdminHelp();
if (credentials && process.env.SEED_FILE) {
  // Test harnesses read the freshly rotated credentials from here.
  mkdirSync(path.dirname(process.env.SEED_FILE), { recursive: true });
  writeFileSync(process.env.SEED_FILE, JSON.stringify({ ...credentials, databaseUrl: url }));
}
const workers = process.env.RUN_WORKERS === "false" ? null : await startWorkers(QUEUE_CONSUMERS);

const next = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "next-server.ts"), ...(dev ? ["--dev"] : [])], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, DATABASE_URL: url, APP_URL: appUrl, RUN_WORKERS: "false", NODE_ENV: dev ? "development" : "production" },
});
next.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready in|started server|✓ Ready/i.test(chunk.toString()) && credentials) printCredentials(credentials, appUrl);
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await workers?.stop().catch(() => {});
  await disconnectDb().catch(() => {});
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
next.on("exit", (code) => void shutdown(code ?? 0));

async function printFirstAdminHelp() {
  if ((await db.user.count()) > 0) return;
  console.log(
    [
      "",
      "  This database has no users yet. Create the first admin:",
      "    npm run create-admin -- --email you@example.com --password '<at least 8 characters>' --org 'Your company'",
      "  (Demo data is only created on the embedded database, or with SEED_DEMO=true.)",
      "",
    ].join("\n"),
  );
}

// Sessions survive restarts: a random secret is kept next to the embedded data.
function persistentSecret() {
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
