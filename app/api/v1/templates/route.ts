// GET /api/v1/templates - the organization's message templates; POST - create one ({{field}} placeholders checked against campaignId's fields)
import { withApi } from "@/lib/api/with-api";
import { createTemplate, listTemplates } from "@/lib/messages/templates";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { templateBodySchema } from "@/lib/timepay/workflow-bodies";

const serialize = (t: Awaited<ReturnType<typeof createTemplate>>) => ({
  id: t.id,
  name: t.name,
  channel: t.channel,
  body: t.body,
  createdAt: t.createdAt.toISOString(),
});

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth }) => ({
  status: 200,
  body: { success: true, data: (await listTemplates(timepayContext(auth))).map(serialize) },
}));

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: templateBodySchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => ({
    status: 201,
    body: { success: true, message: "Template created successfully", data: serialize(await createTemplate(timepayContext(auth), body)) },
  }),
);
