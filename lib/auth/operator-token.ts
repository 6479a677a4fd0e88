import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/auth/api-keys";
import { memberRole } from "@/lib/auth/members";
import { verifyOperatorPassword } from "@/lib/auth/passwords";

// Flexydial's generate-token: a valid login gets the user's one "generate-token" key, with the
// user's role, rotated on every call: the previous generate-token key of that user is revoked in
// the same transaction (keys are stored hashed, so it cannot be handed back as DRF would). The key
// is listed on the settings screen and can be revoked there; other keys are untouched.

export const GENERATE_TOKEN_PURPOSE = "generate-token";

export async function issueOperatorToken(username: string, password: string): Promise<string | null> {
  const user = await verifyOperatorPassword(username, password);
  if (!user) return null;
  const role = await memberRole(user.id, user.organizationId);
  if (!role) return null;
  return rotateGenerateTokenKey({ ...user, role });
}

export async function rotateGenerateTokenKey(user: { id: string; organizationId: string; role: "admin" | "operator" | "viewer" }) {
  return db.$transaction(async (tx) => {
    // One rotation at a time per user: concurrent logins end with exactly one live key.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id} FOR UPDATE`;
    await tx.apiKey.updateMany({
      where: { userId: user.id, purpose: GENERATE_TOKEN_PURPOSE, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const { secret } = await createApiKey(
      {
        organizationId: user.organizationId,
        userId: user.id,
        name: GENERATE_TOKEN_PURPOSE,
        role: user.role,
        purpose: GENERATE_TOKEN_PURPOSE,
      },
      tx,
    );
    return secret;
  });
}
