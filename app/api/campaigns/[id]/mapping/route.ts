// GET|PUT /api/campaigns/{id}/mapping - the column mapping the upload wizard remembers for a campaign
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { getSavedMapping, saveMapping, saveMappingSchema } from "@/lib/campaigns/saved-mapping";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  return { status: 200, body: { mapping: await getSavedMapping(domainContext(auth, "ui"), params.id) } };
});

export const PUT = withApi(
  { dialect: appDialect, auth: "credential", body: saveMappingSchema, maxBytes: 256 * 1024 },
  async ({ auth, params, body }) => {
    return { status: 200, body: { mapping: await saveMapping(domainContext(auth, "ui"), params.id, body) } };
  },
);
