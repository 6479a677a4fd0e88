// GET /api/team - the organization's members and pending invitations (team screen)
import { appDialect } from "@/lib/api/app-dialect";
import { withApi } from "@/lib/api/with-api";
import { teamView } from "@/lib/auth/team";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth }) => ({
  status: 200,
  body: await teamView(auth.organizationId, auth.role === "admin"),
}));
