import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";

// The signed-in operator of a server component, with their organization; sends others to sign in.
export async function requireOperator() {
  const requestHeaders = await headers(); // first: marks the page dynamic before any database access
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) redirect("/sign-in");
  const sessionUser = session.user as typeof session.user & { organizationId: string };
  // The role comes from the membership (lib/auth/members.ts), read with the organization.
  const member = await db.member.findFirst({
    where: { userId: sessionUser.id, organizationId: sessionUser.organizationId },
    include: { organization: true },
  });
  if (!member) redirect("/sign-in?removed=1");
  return { user: { ...sessionUser, role: member.role }, organization: member.organization };
}
