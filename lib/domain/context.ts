// Who is acting, for which organization, through which door. Every domain function that writes
// takes one; the organization always comes from the credential, never from a request body.

export type Role = "admin" | "operator" | "viewer";

/** Where a write came from; stored on upload jobs and call batches. */
export type Source = "ui" | "timepay_api" | "flexydial_api" | "workflow" | "system";

export type Actor = {
  userId: string | null;
  apiKeyId: string | null;
  role: Role;
};

export type DomainContext = {
  organizationId: string;
  actor: Actor;
  source: Source;
};

/** The app itself acting for an organization (seed data, fixtures, benches): no user, no key. */
export function systemContext(organizationId: string): DomainContext {
  return { organizationId, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "system" };
}
