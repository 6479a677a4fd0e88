import { notFound } from "next/navigation";
import { requireOperator } from "@/lib/auth/session";
import type { DomainContext } from "@/lib/domain/context";
import { DomainError } from "@/lib/domain/errors";

// Server components call the domain as the signed-in operator; a resource the domain does not
// find (another organization's id included) renders the 404 page.

export async function pageContext() {
  const { user, organization } = await requireOperator();
  const ctx: DomainContext = { organizationId: organization.id, actor: { userId: user.id, apiKeyId: null, role: user.role }, source: "ui" };
  return { ctx, user, organization, canWrite: user.role !== "viewer" };
}

export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
}
