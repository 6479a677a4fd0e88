// DELETE /api/team/invitations/{invitationId} - cancel a pending invitation; its link stops working (admins)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { cancelInvitation } from "@/lib/auth/team";

export const DELETE = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, request, params }) => {
  await cancelInvitation(domainContext(auth, "ui"), request.headers, params.invitationId);
  return { status: 200, body: { canceled: true } };
});
