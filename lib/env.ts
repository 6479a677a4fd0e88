import { z } from "zod";

// The only module that reads process.env; everything else imports `env`.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  /** Secret for session cookies. A fixed development value is used when unset outside production. */
  AUTH_SECRET: z.string().min(16).optional(),
  /** Public base URL of the app (cookies, links). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Largest JSON body any route accepts, in bytes (10,000 realistic records fit in ~3 MB). */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  /** Where the embedded database keeps its files. */
  DATA_DIR: z.string().default(".data"),
  /** Run queue consumers inside the web process (`npm start` does; `npm run worker` is the scale-out path). */
  RUN_WORKERS: z.enum(["true", "false"]).default("false"),
  /** pino level; "silent" by default under vitest so test output stays readable. */
  LOG_LEVEL: z
    .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])
    .default(process.env.VITEST ? "silent" : "info"),
  /** How long a running request holds its Idempotency-Key before a retry may take it over (renewed while it runs). */
  IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Requests one API key may make per minute, over all web nodes (429 with Retry-After beyond). */
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: clients connect directly). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Create and refresh the demo organizations on a real DATABASE_URL (always on the embedded database). */
  SEED_DEMO: z.enum(["true", "false"]).default("false"),
});

export type Env = z.infer<typeof envSchema>;

export const env: Env = envSchema.parse(process.env);

export function databaseUrl(): string {
  // Read at call time: the launcher sets DATABASE_URL after starting the embedded server.
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (start the app with `npm start` to use the embedded database)");
  return url;
}

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    // The launcher always provides one; reaching this means a misconfigured deployment.
    console.warn("AUTH_SECRET is not set; using the development secret");
  }
  return "dialsheet-development-secret-change-me";
}
