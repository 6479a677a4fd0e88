// PUT /api/campaigns/{id}/duplicates - sets what makes two customers of the campaign the same person
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { duplicatesSettingSchema, setDuplicatesBy } from "@/lib/campaigns/duplicates-setting";

export const PUT = withApi({ dialect: appDialect, auth: "credential", body: duplicatesSettingSchema }, async ({ auth, params, body }) => {
  return { status: 200, body: await setDuplicatesBy(domainContext(auth, "ui"), params.id, body.duplicatesBy) };
});
