import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins/organization";
import { ac, teamRoles } from "@/lib/auth/access";
import { getDb } from "@/lib/db/client";
import { authSecret, env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";

/** An invite link works for 7 days (and once). */
export const INVITATION_EXPIRES_IN_SECONDS = 7 * 24 * 60 * 60;

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
        organizationId: { type: "string", required: true, input: false },
      },
    },
    telemetry: { enabled: false },
    plugins: [
      // Members and invitations (prisma models Member, Invitation); its organization model is the
      // app's Organization table. Organizations are made by `npm run create-admin`, never over HTTP;
      // the plugin's /api/auth/organization/* endpoints are closed (auth-route-guard.ts): the team
      // screen calls them server-side through lib/auth/team.ts.
      organization({
        ac,
        roles: teamRoles,
        creatorRole: "admin", // the plugin refuses to remove or demote the last admin
        allowUserToCreateOrganization: false,
        invitationExpiresIn: INVITATION_EXPIRES_IN_SECONDS,
        cancelPendingInvitationsOnReInvite: true,
        organizationHooks: {
          // A user belongs to one organization: removing the member removes the account (and with it
          // its sessions and API keys), so their access ends at once.
          afterRemoveMember: async ({ user }) => {
            await getDb().user.deleteMany({ where: { id: user.id } });
          },
        },
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { dialsheetAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.dialsheetAuth ??= createAuth();
  return globalForAuth.dialsheetAuth;
}
