import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db/client";
import { authSecret, env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";

// Operators sign in with email and password; better-auth owns hashing and sessions.
function createAuth() {
  return betterAuth({
    appName: "Dialsheet",
    secret: authSecret(),
    baseURL: env.APP_URL,
    trustedOrigins: (request) => (request ? [new URL(request.url).origin] : []),
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    // No cookie cache: every request checks the session row, so sign-out (or revoking a session)
    // ends it at once, whatever cached session-data cookie a client still sends.
    session: { expiresIn: 60 * 60 * 24 * 7, cookieCache: { enabled: false } },
    // Sign-in is rate-limited in Postgres by /api/auth's route (lib/auth/auth-route-guard.ts), per
    // trusted client IP and per account; better-auth's own limiter would trust X-Forwarded-For.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: env.APP_URL.startsWith("https:"),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "operator", input: false },
        organizationId: { type: "string", required: true, input: false },
      },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { dialsheetAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.dialsheetAuth ??= createAuth();
  return globalForAuth.dialsheetAuth;
}
