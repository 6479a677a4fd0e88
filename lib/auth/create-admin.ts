import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/passwords";

// A new organization with its first admin (the create-admin script; production has no demo data).
export async function createOrganizationAdmin(input: { email: string; password: string; organizationName: string; name?: string }) {
  const base =
    input.organizationName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "org";
  const slug = `${base}-${randomBytes(3).toString("hex")}`;
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name: input.organizationName, slug } });
    const email = input.email.toLowerCase();
    const user = await tx.user.create({
      data: {
        email,
        name: input.name ?? email,
        emailVerified: true,
        organizationId: organization.id,
        membership: { create: { organizationId: organization.id, role: "admin" } },
      },
    });
    await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password: passwordHash } });
    return { organization, user };
  });
}
