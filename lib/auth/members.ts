import type { Role } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

// A user's role has one home: `members.role`, the row better-auth's organization plugin keeps per
// membership. Every check (pages, the app's routes with a session, API keys made by a user,
// Flexydial's generate-token) reads it here. A user counts only as a member of their own
// organization (users.organizationId); a user with no member row (being removed) has no access.

export async function memberRole(userId: string, organizationId: string): Promise<Role | null> {
  const member = await db.member.findFirst({ where: { userId, organizationId }, select: { role: true } });
  return member?.role ?? null;
}
