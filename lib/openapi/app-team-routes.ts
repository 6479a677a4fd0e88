import { z } from "zod";
import { inviteSchema, roleChangeSchema } from "@/lib/auth/team";
import { appErrorSchema } from "./app-routes";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// The team screen's routes (better-auth's organization plugin underneath; app's error shape).
// Reading works with any credential; changes need a signed-in admin (an API key gets 403).

const error = (description: string): ResponseDoc => ({ description, schema: appErrorSchema });
const common: Record<number, ResponseDoc> = {
  401: error("Not signed in and no API key."),
  429: error("Too many requests for this API key (Retry-After)."),
  500: error("Anything unexpected."),
};
const adminOnly = { 403: error("Only a signed-in admin manages the team (operators, viewers and API keys cannot).") };
const bodyErrors = { 400: error("Invalid body."), 413: error("Body too large."), 415: error("Not JSON.") };
const role = z.enum(["admin", "operator", "viewer"]);
const member = z.object({ id: z.string(), userId: z.string(), name: z.string(), email: z.string(), role, joinedAt: z.string() });
const pending = z.object({
  id: z.string(),
  email: z.string(),
  role,
  expiresAt: z.string(),
  invitedBy: z.string(),
  link: z.string().nullable().meta({ description: "The one-time invite link's path (/invite/{id}); null unless the caller is an admin." }),
});
const invitation = z.object({ id: z.string(), email: z.string(), role, expiresAt: z.string(), link: z.string() });
const memberParams = z.object({ memberId: z.string().meta({ description: "The member id (GET /api/team)." }) });
const invitationParams = z.object({ invitationId: z.string().meta({ description: "The invitation id (GET /api/team)." }) });

export const appTeamRoutes: RouteDoc[] = [
  {
    method: "get",
    path: "/api/team",
    family: "App",
    summary: "The organization's members and pending invitations (team screen)",
    responses: {
      200: {
        description: "Members and pending invitations.",
        schema: z.object({ members: z.array(member), invitations: z.array(pending) }),
      },
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/team/invitations",
    family: "App",
    summary: "Invite a colleague as operator, viewer or admin; answers the one-time invite link (no mail is sent)",
    body: inviteSchema,
    responses: {
      201: { description: "The invitation and its link (valid once, for 7 days).", schema: z.object({ invitation }) },
      ...bodyErrors,
      ...adminOnly,
      409: error("This email is already on the team or has an account."),
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/team/invitations/{invitationId}",
    family: "App",
    summary: "Cancel a pending invitation: its link stops working",
    params: invitationParams,
    responses: {
      200: { description: "Cancelled.", schema: z.object({ canceled: z.literal(true) }) },
      ...adminOnly,
      404: error("No such pending invitation in this organization."),
      ...common,
    },
  },
  {
    method: "patch",
    path: "/api/team/members/{memberId}",
    family: "App",
    summary: "Change a member's role (the last admin cannot be demoted)",
    params: memberParams,
    body: roleChangeSchema,
    responses: {
      200: { description: "The member.", schema: z.object({ member }) },
      ...bodyErrors,
      ...adminOnly,
      404: error("No such member in this organization."),
      409: error("The team needs at least one admin."),
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/team/members/{memberId}",
    family: "App",
    summary: "Remove a member: their account, sessions and keys go (the last admin cannot be removed)",
    params: memberParams,
    responses: {
      200: { description: "Removed.", schema: z.object({ removed: z.literal(true) }) },
      ...adminOnly,
      404: error("No such member in this organization."),
      409: error("The team needs at least one admin."),
      ...common,
    },
  },
];
