import { hashPassword, verifyPassword } from "better-auth/crypto";
import { db } from "@/lib/db/client";

// Password checks for Flexydial's token endpoint reuse better-auth's own hashing.

export async function verifyOperatorPassword(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) {
    await hashPassword(password); // same cost whether or not the user exists
    return null;
  }
  const account = await db.account.findFirst({
    where: { userId: user.id, providerId: "credential" },
  });
  if (!account?.password) return null;
  return (await verifyPassword({ hash: account.password, password })) ? user : null;
}

export { hashPassword };
