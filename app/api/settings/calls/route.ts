// GET|PUT /api/settings/calls - the organization's dialer (simulated or HTTP provider) and call defaults (frequency cap, concurrency, caller id)
import { appDialect } from "@/lib/api/app-dialect";
import { withApi } from "@/lib/api/with-api";
import { domainContext } from "@/lib/api/domain-context";
import { callSettingsPatchSchema, getCallSettings, updateCallSettings } from "@/lib/calls/call-settings";
import { callSettingsView } from "@/lib/calls/call-settings-view";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth }) => ({
  status: 200,
  body: { settings: callSettingsView(await getCallSettings(auth.organizationId), auth.role) },
}));

export const PUT = withApi({ dialect: appDialect, auth: "credential", body: callSettingsPatchSchema }, async ({ auth, body }) => ({
  status: 200,
  body: { settings: callSettingsView(await updateCallSettings(domainContext(auth, "ui"), body), auth.role) },
}));
