// PATCH /api/dnc/{id} - remove a number from the DNC list (active: false; the entry stays, inactive) or re-activate it
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { setDncActiveSchema } from "@/lib/dnc/dnc-input";
import { setDncEntryActive } from "@/lib/dnc/dnc-writes";

export const PATCH = withApi(
  { dialect: appDialect, auth: "credential", body: setDncActiveSchema, maxBytes: 4096 },
  async ({ auth, params, body }) => ({
    status: 200,
    body: { entry: await setDncEntryActive(domainContext(auth, "ui"), params.id, body.active) },
  }),
);
