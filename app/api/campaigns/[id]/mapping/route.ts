// GET|PUT /api/campaigns/{id}/mapping - the column mapping the upload wizard remembers for a campaign
import { withApi } from "@/lib/api/with-api";
import { getSavedMapping, saveMapping, saveMappingSchema } from "@/lib/upload/saved-mapping";

export const GET = withApi({ dialect: "app", auth: "credential" }, async ({ auth, params }) => {
  return { status: 200, body: { mapping: await getSavedMapping(auth.organizationId, params.id) } };
});

export const PUT = withApi({ dialect: "app", auth: "credential", body: saveMappingSchema, maxBytes: 256 * 1024 }, async ({ auth, params, body }) => {
  return { status: 200, body: { mapping: await saveMapping(auth.organizationId, params.id, body) } };
});
