import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as remove, PATCH as changeRole } from "@/app/api/team/members/[memberId]/route";
import { getAuth } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";

// Two admins demoting (or removing) each other at the same moment: better-auth's plugin counts the
// admins before it writes, so both counts see two admins. The members_keep_an_admin trigger makes
// the database decide: exactly one change goes through, the other is a 409, one admin remains.
// Only meaningful on a real Postgres server (the embedded one serialises connections).

const password = "correct horse battery";
const orgs: TestOrg[] = [];

async function admins(label: string) {
  const org = await createTestOrg(label);
  orgs.push(org);
  const pair = [];
  for (const name of ["first", "second"]) {
    const email = `${name}-${org.suffix}@race.test`;
    const user = await db.user.create({
      data: { email, name, organizationId: org.id, membership: { create: { organizationId: org.id, role: "admin" } } },
    });
    await db.account.create({
      data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
    });
    const { headers } = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const memberId = (await db.member.findUniqueOrThrow({ where: { userId: user.id } })).id;
    pair.push({ cookie, memberId });
  }
  return { org, pair };
}

const adminCount = (organizationId: string) => db.member.count({ where: { organizationId, role: "admin" } });

beforeAll(() => {
  expect(process.env.DATABASE_URL ?? "").not.toMatch(/embedded|pglite/i);
});
afterAll(async () => {
  for (const org of orgs) await deleteTestOrg(org);
  await db.user.deleteMany({ where: { email: { endsWith: "@race.test" } } });
});

describe("the last admin, under concurrency", () => {
  it("two admins demoting each other at once: one succeeds, the other is refused, one admin remains", async () => {
    for (let round = 0; round < 3; round++) {
      const { org, pair } = await admins(`race-demote-${round}`);
      const [a, b] = pair;
      const answers = await Promise.all([
        call(changeRole, { method: "PATCH", headers: { cookie: a.cookie }, params: { memberId: b.memberId }, body: { role: "operator" } }),
        call(changeRole, { method: "PATCH", headers: { cookie: b.cookie }, params: { memberId: a.memberId }, body: { role: "viewer" } }),
      ]);
      // The refused one either met the other's demotion in the database (409, the trigger), or
      // started after it committed and found its caller no longer an admin (403). Never both 200.
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      const refused = answers.find((r) => r.status !== 200);
      expect([403, 409]).toContain(refused?.status);
      if (refused?.status === 409)
        expect((refused.json as { error: { message: string } }).error.message).toBe(
          "The team needs at least one admin: make someone else an admin first",
        );
      expect(await adminCount(org.id)).toBe(1);
    }
  });

  it("two admins removing each other at once: one is removed, one admin remains", async () => {
    for (let round = 0; round < 3; round++) {
      const { org, pair } = await admins(`race-remove-${round}`);
      const [a, b] = pair;
      const answers = await Promise.all([
        call(remove, { method: "DELETE", headers: { cookie: a.cookie }, params: { memberId: b.memberId } }),
        call(remove, { method: "DELETE", headers: { cookie: b.cookie }, params: { memberId: a.memberId } }),
      ]);
      // The second may also find its caller already removed (401/403): never both 200.
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(await adminCount(org.id)).toBe(1);
      expect(await db.member.count({ where: { organizationId: org.id } })).toBe(1);
    }
  });

  it("the database itself refuses to take the last admin away, whoever writes", async () => {
    const { org, pair } = await admins("race-direct");
    await db.member.update({ where: { id: pair[0].memberId }, data: { role: "operator" } });
    await expect(db.member.update({ where: { id: pair[1].memberId }, data: { role: "viewer" } })).rejects.toThrow(/members_keep_an_admin/);
    await expect(db.member.delete({ where: { id: pair[1].memberId } })).rejects.toThrow(/members_keep_an_admin/);
    expect(await adminCount(org.id)).toBe(1);
    // Deleting the organization takes its members with it.
    await db.organization.delete({ where: { id: org.id } });
    expect(await db.member.count({ where: { organizationId: org.id } })).toBe(0);
  });
});
