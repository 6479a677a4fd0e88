// GET|PUT|DELETE /api/settings/webhook - the organization's call-result webhook endpoint and its Bearer secret
import { appDialect } from "@/lib/api/app-dialect";
import { withApi } from "@/lib/api/with-api";
import { domainContext } from "@/lib/api/domain-context";
import { deleteWebhookEndpoint, getWebhookEndpoint, saveWebhookEndpoint, saveWebhookSchema } from "@/lib/webhooks/webhook-endpoint";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth }) => {
  const endpoint = await getWebhookEndpoint(auth.organizationId);
  // The secret is a credential: only admins, who configure the receiver, see it.
  return { status: 200, body: { endpoint: endpoint && auth.role !== "admin" ? { ...endpoint, secret: null } : endpoint } };
});

export const PUT = withApi({ dialect: appDialect, auth: "credential", body: saveWebhookSchema }, async ({ auth, body }) => ({
  status: 200,
  body: { endpoint: await saveWebhookEndpoint(domainContext(auth, "ui"), body) },
}));

export const DELETE = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth }) => {
  await deleteWebhookEndpoint(domainContext(auth, "ui"));
  return { status: 200, body: { endpoint: null } };
});
