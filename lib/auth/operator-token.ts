import { createApiKey } from "@/lib/auth/api-keys";
import { verifyOperatorPassword } from "@/lib/auth/passwords";

// Flexydial's generate-token: a valid login gets a fresh Token key scoped to the operator's
// organization. Keys are stored hashed, so the previous one cannot be handed back (DRF would).
export async function issueOperatorToken(username: string, password: string): Promise<string | null> {
  const user = await verifyOperatorPassword(username, password);
  if (!user) return null;
  const { secret } = await createApiKey({ organizationId: user.organizationId, userId: user.id, name: `Token for ${user.email}` });
  return secret;
}
