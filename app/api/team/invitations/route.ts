// POST /api/team/invitations - invite a colleague; answers the one-time invite link (admins, signed in)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { inviteMember, inviteSchema } from "@/lib/auth/team";

export const POST = withApi({ dialect: appDialect, auth: "credential", body: inviteSchema }, async ({ auth, request, body }) => ({
  status: 201,
  body: { invitation: await inviteMember(domainContext(auth, "ui"), request.headers, body) },
}));
