import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";

// The organization plugin's access control with Dialsheet's three roles. Only admins manage the
// team (invite, cancel an invitation, change a role, remove a member); operators and viewers hold
// no team permission. The app's own write checks (viewer reads only, settings and keys admin-only)
// read the same role from `members.role` (lib/auth/members.ts).

export const ac = createAccessControl(defaultStatements);

export const teamRoles = {
  admin: ac.newRole({ organization: ["update"], member: ["create", "update", "delete"], invitation: ["create", "cancel"] }),
  operator: ac.newRole({}),
  viewer: ac.newRole({}),
};

export const ROLES = ["admin", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];
