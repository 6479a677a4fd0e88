"use server";

import { acceptInvitation, acceptSchema } from "@/lib/auth/team";
import { DomainError } from "@/lib/domain/errors";

// The invite page's action: the invitee's name and password; on success they are signed in (the
// sign-in's cookie is set by better-auth's nextCookies plugin) and a member of the organization.

export async function acceptInvitationAction(
  invitationId: string,
  values: { name: string; password: string },
): Promise<{ error?: string; field?: "name" | "password" }> {
  const parsed = acceptSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: issue.message, field: issue.path[0] === "name" ? "name" : "password" };
  }
  try {
    await acceptInvitation(String(invitationId).slice(0, 100), parsed.data);
    return {};
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
}
