// PATCH /api/team/members/{memberId} - change a member's role; DELETE - remove them (admins; never the last admin)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { changeMemberRole, removeMember, roleChangeSchema } from "@/lib/auth/team";

export const PATCH = withApi(
  { dialect: appDialect, auth: "credential", body: roleChangeSchema },
  async ({ auth, request, params, body }) => ({
    status: 200,
    body: { member: await changeMemberRole(domainContext(auth, "ui"), request.headers, params.memberId, body.role) },
  }),
);

export const DELETE = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, request, params }) => {
  await removeMember(domainContext(auth, "ui"), request.headers, params.memberId);
  return { status: 200, body: { removed: true } };
});
