import { randomUUID } from "node:crypto";
import { APIError } from "better-auth";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/access";
import { getAuth } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain/errors";

// The team: members and invitations through better-auth's organization plugin (its access control
// lets only admins invite, change roles and remove; creatorRole "admin" makes it refuse to remove or
// demote the last admin; the members_keep_an_admin trigger holds that rule when two admins act at
// once, see plugin()). The plugin acts for a signed-in user, so the team is managed from a
// session, never with an API key. There is no mail server: an invitation's id is its one-time link
// (/invite/<id>), shown to the admin who made it.

export const inviteSchema = z.object({
  email: z.email("Enter the colleague's email address").max(254, "Keep the email under 254 characters"),
  role: z.enum(["operator", "viewer", "admin"], "Pick a role: operator, viewer or admin"),
});
export const roleChangeSchema = z.object({ role: z.enum(ROLES, "Pick a role: admin, operator or viewer") });
export const acceptSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Keep your name under 100 characters"),
  password: z.string().min(8, "Use at least 8 characters").max(128, "Keep the password under 128 characters"),
});

export type TeamMember = { id: string; userId: string; name: string; email: string; role: Role; joinedAt: string };
export type PendingInvitation = { id: string; email: string; role: Role; expiresAt: string; invitedBy: string; link: string | null };

export function invitationLink(id: string) {
  return `/invite/${id}`;
}

/** Pending links are secrets: only an admin (`withLinks`) gets them. */
export async function teamView(organizationId: string, withLinks = false, now = new Date()) {
  const [members, invitations] = await Promise.all([
    db.member.findMany({ where: { organizationId }, include: { user: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.invitation.findMany({
      where: { organizationId, status: "pending", expiresAt: { gt: now } },
      include: { inviter: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    members: members.map(
      (m): TeamMember => ({
        id: m.id,
        userId: m.userId,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        joinedAt: m.createdAt.toISOString(),
      }),
    ),
    invitations: invitations.map(
      (i): PendingInvitation => ({
        id: i.id,
        email: i.email,
        role: i.role,
        expiresAt: i.expiresAt.toISOString(),
        invitedBy: i.inviter.name,
        link: withLinks ? invitationLink(i.id) : null,
      }),
    ),
  };
}

function requireAdminSession(ctx: DomainContext) {
  if (ctx.actor.role !== "admin") throw new Forbidden("Only admins can manage the team");
  if (ctx.actor.apiKeyId || !ctx.actor.userId) throw new Forbidden("The team is managed by a signed-in admin, not with an API key");
}

export async function inviteMember(ctx: DomainContext, headers: Headers, input: z.infer<typeof inviteSchema>) {
  requireAdminSession(ctx);
  const email = input.email.toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { organizationId: true } });
  if (existing)
    throw new Conflict(
      existing.organizationId === ctx.organizationId ? "This person is already on the team" : "This email already has a Dialsheet account",
      { field: "email", value: email },
    );
  const invitation = await plugin(() =>
    getAuth().api.createInvitation({ headers, body: { email, role: input.role, organizationId: ctx.organizationId } }),
  );
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role as Role,
    expiresAt: new Date(invitation.expiresAt).toISOString(),
    link: invitationLink(invitation.id),
  };
}

export async function cancelInvitation(ctx: DomainContext, headers: Headers, invitationId: string) {
  requireAdminSession(ctx);
  const found = await db.invitation.findFirst({ where: { id: invitationId, organizationId: ctx.organizationId, status: "pending" } });
  if (!found) throw new NotFound("That invitation does not exist or is no longer pending", { resource: "invitation" });
  await plugin(() => getAuth().api.cancelInvitation({ headers, body: { invitationId } }));
}

export async function changeMemberRole(ctx: DomainContext, headers: Headers, memberId: string, role: Role) {
  requireAdminSession(ctx);
  await memberOf(ctx, memberId);
  await plugin(() => getAuth().api.updateMemberRole({ headers, body: { memberId, role, organizationId: ctx.organizationId } }));
  return (await teamView(ctx.organizationId)).members.find((m) => m.id === memberId);
}

export async function removeMember(ctx: DomainContext, headers: Headers, memberId: string) {
  requireAdminSession(ctx);
  await memberOf(ctx, memberId);
  await plugin(() => getAuth().api.removeMember({ headers, body: { memberIdOrEmail: memberId, organizationId: ctx.organizationId } }));
}

async function memberOf(ctx: DomainContext, memberId: string) {
  const member = await db.member.findFirst({ where: { id: memberId, organizationId: ctx.organizationId } });
  if (!member) throw new NotFound("That member is not on this team", { resource: "member" });
  return member;
}

/** What the invite page shows; null when the link was used, cancelled, has expired or never existed. */
export async function openInvitation(invitationId: string, now = new Date()) {
  if (invitationId.length > 100) return null;
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, include: { organization: { select: { name: true } } } });
  if (invitation?.status !== "pending" || invitation.expiresAt <= now) return null;
  return { email: invitation.email, role: invitation.role, organizationName: invitation.organization.name };
}

/**
 * The invitee sets a name and password: the account is made in the invitation's organization, signed
 * in, and the plugin accepts the invitation (pending → accepted, once), which makes the membership.
 * Returns the sign-in's Set-Cookie headers.
 */
export async function acceptInvitation(invitationId: string, input: z.infer<typeof acceptSchema>) {
  const open = await openInvitation(invitationId);
  if (!open)
    throw new NotFound("This invite link has been used, was cancelled or has expired. Ask your admin for a new one.", {
      resource: "invitation",
    });
  const invitation = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
  if (await db.user.findUnique({ where: { email: invitation.email } }))
    throw new Conflict("An account with this email already exists: sign in instead", { field: "email" });
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.user
    .create({
      data: {
        id,
        email: invitation.email,
        name: input.name,
        emailVerified: true,
        organizationId: invitation.organizationId,
        accounts: { create: { accountId: id, providerId: "credential", password: passwordHash } },
      },
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2002")
        throw new Conflict("An account with this email already exists: sign in instead", { field: "email" });
      throw error;
    });
  try {
    const auth = getAuth();
    const signedIn = await auth.api.signInEmail({ body: { email: invitation.email, password: input.password }, returnHeaders: true });
    const cookies = signedIn.headers.getSetCookie();
    const cookie = cookies.map((c) => c.split(";")[0]).join("; ");
    await plugin(() => auth.api.acceptInvitation({ headers: new Headers({ cookie }), body: { invitationId } }));
    return { userId: id, organizationId: invitation.organizationId, cookies };
  } catch (error) {
    // The link stays unused if accepting failed (e.g. it was used a moment earlier): no half account.
    await db.user.deleteMany({ where: { id } });
    throw error;
  }
}

const LAST_ADMIN = new Set(["YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER", "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER"]);

// The plugin's refusals, as domain errors.
async function plugin<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (keptLastAdmin(error)) throw lastAdmin();
    if (!(error instanceof APIError)) throw error;
    const code = String((error.body as { code?: string } | undefined)?.code ?? "");
    const message = error.body?.message ?? error.message;
    if (LAST_ADMIN.has(code)) throw lastAdmin();
    if (code === "INVITATION_NOT_FOUND")
      throw new NotFound("This invite link has been used, was cancelled or has expired", { resource: "invitation" });
    if (code === "MEMBER_NOT_FOUND") throw new NotFound("That member is not on this team", { resource: "member" });
    if (code.startsWith("USER_IS_ALREADY")) throw new Conflict(message, { field: "email" });
    if (error.status === "FORBIDDEN" || error.status === "UNAUTHORIZED") throw new Forbidden(message);
    throw new Invalid(message, { issues: [message] });
  }
}

function lastAdmin() {
  return new Conflict("The team needs at least one admin: make someone else an admin first", { resource: "member" });
}

/**
 * The members_keep_an_admin trigger's refusal (migration organization_defaults): the plugin counted
 * the admins before a concurrent demotion or removal committed, and the database said no.
 */
function keptLastAdmin(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (String((e as { message?: unknown }).message ?? "").includes("members_keep_an_admin")) return true;
  }
  return false;
}
