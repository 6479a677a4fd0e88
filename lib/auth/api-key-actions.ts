"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOperator } from "@/lib/auth/session";
import { createApiKey, roleAtMost, type Role } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";

// Settings page actions. Admins create organization keys with a role no higher than their own;
// admins revoke any key, everyone may revoke their own (e.g. their generate-token key). The
// secret is returned once and never stored.

const nameSchema = z.string().trim().min(1, "Give the key a name").max(100, "Keep the name under 100 characters");
const roleSchema = z.enum(["admin", "operator", "viewer"], "Pick the key's role: admin, operator or viewer");

export async function createApiKeyAction(name: string, role: string = "admin"): Promise<{ secret?: string; error?: string }> {
  const { user, organization } = await requireOperator();
  if (user.role !== "admin") return { error: "Only admins can create API keys" };
  const parsed = nameSchema.safeParse(name);
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const parsedRole = roleSchema.safeParse(role);
  if (!parsedRole.success) return { error: parsedRole.error.issues[0].message };
  if (!roleAtMost(parsedRole.data, user.role as Role)) return { error: "A key cannot have more rights than you" };
  const { secret } = await createApiKey({ organizationId: organization.id, name: parsed.data, role: parsedRole.data });
  revalidatePath("/settings");
  return { secret };
}

export async function revokeApiKeyAction(id: string): Promise<{ error?: string }> {
  const { user, organization } = await requireOperator();
  const mine = user.role === "admin" ? {} : { userId: user.id };
  const result = await db.apiKey.updateMany({ where: { id, organizationId: organization.id, revokedAt: null, ...mine }, data: { revokedAt: new Date() } });
  if (result.count === 0) return { error: user.role === "admin" ? "That key does not exist or is already revoked" : "You can revoke only your own keys" };
  revalidatePath("/settings");
  return {};
}
