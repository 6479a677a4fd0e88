import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authRoute } from "@/app/api/auth/[...all]/route";
import { GET as team } from "@/app/api/team/route";
import { POST as invite } from "@/app/api/team/invitations/route";
import { DELETE as cancel } from "@/app/api/team/invitations/[invitationId]/route";
import { DELETE as remove, PATCH as changeRole } from "@/app/api/team/members/[memberId]/route";
import { POST as createCampaign } from "@/app/api/v1/campaigns/create/route";
import { createApiKey, verifyApiKey } from "@/lib/auth/api-keys";
import { getAuth } from "@/lib/auth/auth";
import { memberRole } from "@/lib/auth/members";
import { hashPassword } from "@/lib/auth/passwords";
import { acceptInvitation, openInvitation } from "@/lib/auth/team";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { CAMPAIGN_WINDOW, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";

// The team over better-auth's organization plugin: invitations (a one-time link), roles in
// members.role, the last-admin rule, and who may do what. Real Postgres, real sessions.

const password = "correct horse battery";
let a: TestOrg;
let b: TestOrg;

async function addUser(org: TestOrg, label: string, role: "admin" | "operator" | "viewer") {
  const email = `${label}-${org.suffix}@team.test`;
  const user = await db.user.create({
    data: { email, name: label, organizationId: org.id, membership: { create: { organizationId: org.id, role } } },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
  });
  return { ...user, memberId: (await db.member.findUniqueOrThrow({ where: { userId: user.id } })).id };
}

async function cookieOf(email: string, pw = password) {
  const { headers } = await getAuth().api.signInEmail({ body: { email, password: pw }, returnHeaders: true });
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

let admin: Awaited<ReturnType<typeof addUser>>;
let operator: Awaited<ReturnType<typeof addUser>>;
let adminCookie: string;
let operatorCookie: string;

beforeAll(async () => {
  a = await createTestOrg("team-a");
  b = await createTestOrg("team-b");
  admin = await addUser(a, "admin", "admin");
  operator = await addUser(a, "operator", "operator");
  adminCookie = await cookieOf(admin.email);
  operatorCookie = await cookieOf(operator.email);
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
  await db.user.deleteMany({ where: { email: { endsWith: "@team.test" } } });
});

async function inviteAs(cookie: string, email: string, role = "operator") {
  return call(invite, { headers: { cookie }, body: { email, role } });
}

describe("invitations", () => {
  it("an admin's invitation is a one-time link; the invitee sets a password and joins with the role", async () => {
    const email = `newop-${a.suffix}@team.test`;
    const res = await inviteAs(adminCookie, email.toUpperCase());
    expect(res.status).toBe(201);
    const { invitation } = res.json as { invitation: { id: string; link: string; email: string; role: string } };
    expect(invitation).toMatchObject({ email, role: "operator", link: `/invite/${invitation.id}` });
    expect(invitation.id).toMatch(/^[A-Za-z0-9]{32}$/); // better-auth's random id: the link's secret
    expect(await openInvitation(invitation.id)).toEqual({ email, role: "operator", organizationName: a.org.name });

    const joined = await acceptInvitation(invitation.id, { name: "New Operator", password: "a long password" });
    expect(joined.organizationId).toBe(a.id);
    expect(await memberRole(joined.userId, a.id)).toBe("operator");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("accepted");
    expect((await db.user.findUniqueOrThrow({ where: { id: joined.userId } })).name).toBe("New Operator");
    // The new account signs in with the password it set.
    expect(await cookieOf(email, "a long password")).toContain("session_token");

    // Used once: the link is dead, and nothing more is created.
    expect(await openInvitation(invitation.id)).toBeNull();
    await expect(acceptInvitation(invitation.id, { name: "Again", password: "another password" })).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("an expired or cancelled link does not work", async () => {
    const expired = (await inviteAs(adminCookie, `late-${a.suffix}@team.test`)).json as { invitation: { id: string } };
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openInvitation(expired.invitation.id)).toBeNull();
    await expect(acceptInvitation(expired.invitation.id, { name: "Late", password: "a long password" })).rejects.toMatchObject({
      kind: "not_found",
    });

    const cancelled = (await inviteAs(adminCookie, `cancelled-${a.suffix}@team.test`)).json as { invitation: { id: string } };
    expect(
      (await call(cancel, { method: "DELETE", headers: { cookie: adminCookie }, params: { invitationId: cancelled.invitation.id } }))
        .status,
    ).toBe(200);
    expect(await openInvitation(cancelled.invitation.id)).toBeNull();
    await expect(acceptInvitation(cancelled.invitation.id, { name: "C", password: "a long password" })).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(await db.user.count({ where: { email: { in: [`late-${a.suffix}@team.test`, `cancelled-${a.suffix}@team.test`] } } })).toBe(0);
    // The pending list shows neither.
    const view = (await call(team, { headers: { cookie: adminCookie } })).json as { invitations: { id: string }[] };
    expect(view.invitations.map((i) => i.id)).not.toContain(expired.invitation.id);
    expect(view.invitations.map((i) => i.id)).not.toContain(cancelled.invitation.id);
  });

  it("only a signed-in admin invites: an operator, a viewer and an API key get 403, and nothing is stored", async () => {
    const viewer = await addUser(a, "viewer-inv", "viewer");
    const email = `nope-${a.suffix}@team.test`;
    expect((await inviteAs(operatorCookie, email)).status).toBe(403);
    expect((await inviteAs(await cookieOf(viewer.email), email)).status).toBe(403);
    expect((await call(invite, { apiKey: a.apiKey, body: { email, role: "operator" } })).status).toBe(403);
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("refuses a role outside admin/operator/viewer and an email already on the team", async () => {
    expect((await inviteAs(adminCookie, `owner-${a.suffix}@team.test`, "owner")).status).toBe(400);
    expect((await inviteAs(adminCookie, operator.email)).status).toBe(409);
  });

  it("the plugin's own HTTP endpoints are closed (the team routes are the only door)", async () => {
    const res = await call(authRoute, {
      path: "/api/auth/organization/invite-member",
      headers: { cookie: adminCookie, origin: "http://localhost" },
      body: { email: `direct-${a.suffix}@team.test`, role: "admin", organizationId: a.id },
    });
    expect(res.status).toBe(404);
    expect(await db.invitation.count({ where: { email: `direct-${a.suffix}@team.test` } })).toBe(0);
  });
});

describe("roles and removal", () => {
  it("an admin changes a role; members.role is what every check reads (pages, routes, the user's keys)", async () => {
    const member = await addUser(a, "promote", "operator");
    const key = await createApiKey({ organizationId: a.id, userId: member.id, name: "mine", role: "operator" });
    const res = await call(changeRole, {
      method: "PATCH",
      headers: { cookie: adminCookie },
      params: { memberId: member.memberId },
      body: { role: "viewer" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ member: { id: member.memberId, role: "viewer" } });
    expect(await memberRole(member.id, a.id)).toBe("viewer");
    expect((await verifyApiKey(key.secret))?.role).toBe("viewer");
    const body = { name: "x", description: "", campaignType: "lead", ...CAMPAIGN_WINDOW, languages: ["english"], region: "west" };
    expect((await call(createCampaign, { headers: { cookie: await cookieOf(member.email) }, body })).status).toBe(403);
  });

  it("an operator cannot change roles or remove anyone (403, unchanged)", async () => {
    expect(
      (
        await call(changeRole, {
          method: "PATCH",
          headers: { cookie: operatorCookie },
          params: { memberId: operator.memberId },
          body: { role: "admin" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(remove, { method: "DELETE", headers: { cookie: operatorCookie }, params: { memberId: admin.memberId } })).status,
    ).toBe(403);
    expect(await memberRole(operator.id, a.id)).toBe("operator");
    expect(await memberRole(admin.id, a.id)).toBe("admin");
  });

  it("the last admin can be neither demoted nor removed; with a second admin, they can", async () => {
    const solo = await createTestOrg("team-solo");
    try {
      const only = await addUser(solo, "only", "admin");
      const cookie = await cookieOf(only.email);
      const demote = await call(changeRole, {
        method: "PATCH",
        headers: { cookie },
        params: { memberId: only.memberId },
        body: { role: "operator" },
      });
      expect(demote.status).toBe(409);
      expect((demote.json as { error: { message: string } }).error.message).toMatch(/at least one admin/);
      expect((await call(remove, { method: "DELETE", headers: { cookie }, params: { memberId: only.memberId } })).status).toBe(409);
      expect(await memberRole(only.id, solo.id)).toBe("admin");

      const second = await addUser(solo, "second", "admin");
      expect(
        (await call(changeRole, { method: "PATCH", headers: { cookie }, params: { memberId: only.memberId }, body: { role: "operator" } }))
          .status,
      ).toBe(200);
      // Now `second` is the last admin.
      const secondCookie = await cookieOf(second.email);
      expect(
        (await call(remove, { method: "DELETE", headers: { cookie: secondCookie }, params: { memberId: second.memberId } })).status,
      ).toBe(409);
    } finally {
      await deleteTestOrg(solo);
    }
  });

  it("removing a member removes their account: their session and keys stop working at once", async () => {
    const gone = await addUser(a, "gone", "operator");
    const goneCookie = await cookieOf(gone.email);
    const key = await createApiKey({ organizationId: a.id, userId: gone.id, name: "theirs", role: "operator" });
    expect((await call(team, { headers: { cookie: goneCookie } })).status).toBe(200);
    expect((await call(remove, { method: "DELETE", headers: { cookie: adminCookie }, params: { memberId: gone.memberId } })).status).toBe(
      200,
    );
    expect(await db.user.findUnique({ where: { id: gone.id } })).toBeNull();
    expect((await call(team, { headers: { cookie: goneCookie } })).status).toBe(401);
    expect(await verifyApiKey(key.secret)).toBeNull();
  });

  it("another organization's admin cannot touch this team (404, unchanged)", async () => {
    const other = await addUser(b, "other-admin", "admin");
    const cookie = await cookieOf(other.email);
    expect(
      (await call(changeRole, { method: "PATCH", headers: { cookie }, params: { memberId: operator.memberId }, body: { role: "viewer" } }))
        .status,
    ).toBe(404);
    expect((await call(remove, { method: "DELETE", headers: { cookie }, params: { memberId: operator.memberId } })).status).toBe(404);
    const view = (await call(team, { headers: { cookie } })).json as { members: { id: string }[] };
    expect(view.members.map((m) => m.id)).toEqual([other.memberId]);
    expect(await memberRole(operator.id, a.id)).toBe("operator");
  });
});
