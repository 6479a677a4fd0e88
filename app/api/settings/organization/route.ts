// GET|PUT /api/settings/organization - the organization defaults: phone country (ISO 3166 alpha-2) and time zone (IANA) of new campaigns and global DNC numbers
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { organizationDefaultsSchema } from "@/lib/organizations/organization-defaults-input";
import { getOrganizationDefaults, updateOrganizationDefaults } from "@/lib/organizations/organization-defaults";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth }) => ({
  status: 200,
  body: { defaults: await getOrganizationDefaults(auth.organizationId) },
}));

export const PUT = withApi({ dialect: appDialect, auth: "credential", body: organizationDefaultsSchema }, async ({ auth, body }) => ({
  status: 200,
  body: { defaults: await updateOrganizationDefaults(domainContext(auth, "ui"), body) },
}));
