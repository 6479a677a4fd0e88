import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";

// The signed-in operator of a server component, with their organization; sends others to sign in.
export async function requireOperator() {
  const requestHeaders = await headers(); // first: marks the page dynamic before any database access
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) redirect("/sign-in");
  const user = session.user as typeof session.user & { organizationId: string; role: "admin" | "operator" | "viewer" };
  const organization = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
  return { user, organization };
}
