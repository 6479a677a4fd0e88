import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { databaseUrl, env } from "@/lib/env";

// Rate limits kept in Postgres (rate-limiter-flexible's Postgres store, table rate_limits), so
// they hold across every web node of one database:
//   sign-in and generate-token: SIGN_IN_PER_IP_PER_MINUTE attempts per client IP, and
//     SIGN_IN_FAILURES_PER_ACCOUNT failed attempts per account within a minute lock the account
//     for SIGN_IN_LOCKOUT_SECONDS (successes do not count);
//   every API key: API_KEY_REQUESTS_PER_MINUTE requests.

export const SIGN_IN_PER_IP_PER_MINUTE = 20;
export const SIGN_IN_FAILURES_PER_ACCOUNT = 5;
export const SIGN_IN_LOCKOUT_SECONDS = 300;

export type Throttled = { retryAfterSeconds: number };

type Limiters = { ip: RateLimiterPostgres; account: RateLimiterPostgres; apiKey: RateLimiterPostgres; pool: pg.Pool };
const holder = globalThis as unknown as { dialsheetLimiters?: Limiters };

function limiters(): Limiters {
  if (holder.dialsheetLimiters) return holder.dialsheetLimiters;
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 3, application_name: "dialsheet-rate-limits" });
  pool.on("error", () => {}); // a dropped idle connection is replaced on next use
  const store = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true } as const;
  holder.dialsheetLimiters = {
    pool,
    ip: new RateLimiterPostgres({ ...store, keyPrefix: "signin-ip", points: SIGN_IN_PER_IP_PER_MINUTE, duration: 60 }),
    account: new RateLimiterPostgres({ ...store, keyPrefix: "signin-account", points: SIGN_IN_FAILURES_PER_ACCOUNT, duration: 60 }),
    apiKey: new RateLimiterPostgres({ ...store, keyPrefix: "api-key", points: env.API_KEY_REQUESTS_PER_MINUTE, duration: 60 }),
  };
  return holder.dialsheetLimiters;
}

export async function closeRateLimits() {
  const current = holder.dialsheetLimiters;
  holder.dialsheetLimiters = undefined;
  await current?.pool.end().catch(() => {});
}

const accountKey = (account: string) => createHash("sha256").update(account.trim().toLowerCase()).digest("hex");

/**
 * Before checking a password: counts the attempt against the client IP and refuses a locked
 * account. Returns null when the attempt may go ahead.
 */
export async function beginSignInAttempt(ip: string, account: string): Promise<Throttled | null> {
  const { ip: byIp, account: byAccount } = limiters();
  const locked = await byAccount.get(accountKey(account));
  if (locked && locked.consumedPoints >= SIGN_IN_FAILURES_PER_ACCOUNT) return throttled(locked);
  return consume(byIp, ip);
}

/** After a wrong password: one more failure for the account; the last one allowed locks it. */
export async function recordSignInFailure(account: string): Promise<void> {
  const { account: byAccount } = limiters();
  const key = accountKey(account);
  const res = await byAccount.penalty(key, 1);
  if (res.consumedPoints >= SIGN_IN_FAILURES_PER_ACCOUNT) await byAccount.block(key, SIGN_IN_LOCKOUT_SECONDS);
}

export async function throttleApiKey(apiKeyId: string): Promise<Throttled | null> {
  return consume(limiters().apiKey, apiKeyId);
}

async function consume(limiter: RateLimiterPostgres, key: string): Promise<Throttled | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return throttled(rejection);
    throw rejection;
  }
}

function throttled(res: RateLimiterRes): Throttled {
  return { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}
