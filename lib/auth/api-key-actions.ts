"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOperator } from "@/lib/auth/session";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";

// Settings page actions. Only admins manage keys; the secret is returned once and never stored.

const nameSchema = z.string().trim().min(1, "Give the key a name").max(100, "Keep the name under 100 characters");

export async function createApiKeyAction(name: string): Promise<{ secret?: string; error?: string }> {
  const { user, organization } = await requireOperator();
  if (user.role !== "admin") return { error: "Only admins can create API keys" };
  const parsed = nameSchema.safeParse(name);
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const { secret } = await createApiKey({ organizationId: organization.id, name: parsed.data });
  revalidatePath("/settings");
  return { secret };
}

export async function revokeApiKeyAction(id: string): Promise<{ error?: string }> {
  const { user, organization } = await requireOperator();
  if (user.role !== "admin") return { error: "Only admins can revoke API keys" };
  const result = await db.apiKey.updateMany({ where: { id, organizationId: organization.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (result.count === 0) return { error: "That key does not exist or is already revoked" };
  revalidatePath("/settings");
  return {};
}
