"use server";

import { revalidatePath } from "next/cache";
import { requireOperator } from "@/lib/auth/session";
import { addCallerNumber, setCallerNumberActive } from "@/lib/calls/caller-numbers";
import type { DomainContext } from "@/lib/domain/context";
import { DomainError } from "@/lib/domain/errors";

// The settings screen's caller numbers (no API route): add and (de)activate, admins only — the
// domain checks the role; a refusal comes back as the domain's own words.

async function context(): Promise<DomainContext> {
  const { organization, user } = await requireOperator();
  return { organizationId: organization.id, actor: { userId: user.id, apiKeyId: null, role: user.role }, source: "ui" };
}

async function run(action: (ctx: DomainContext) => Promise<unknown>): Promise<{ error?: string }> {
  try {
    await action(await context());
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const issues = error.details.issues;
    return { error: issues?.length ? `${error.message}: ${issues.join("; ")}` : error.message };
  }
  revalidatePath("/settings");
  return {};
}

export async function addCallerNumberAction(phone: string, label: string): Promise<{ error?: string }> {
  return run((ctx) => addCallerNumber(ctx, { phone: String(phone), label: String(label) }));
}

export async function setCallerNumberActiveAction(id: string, active: boolean): Promise<{ error?: string }> {
  return run((ctx) => setCallerNumberActive(ctx, String(id), active === true));
}
