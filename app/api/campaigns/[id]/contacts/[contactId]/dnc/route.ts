// POST /api/campaigns/{id}/contacts/{contactId}/dnc - put the contact's number on the DNC list, for this campaign or globally
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { blockCustomer } from "@/lib/customers/block-customer";

const body = z.object({ scope: z.enum(["campaign", "global"]) });

export const POST = withApi({ dialect: appDialect, auth: "credential", body, maxBytes: 4096 }, async ({ auth, params, body }) => {
  const result = await blockCustomer(domainContext(auth, "ui"), params.id, params.contactId, body.scope);
  return { status: result.created ? 201 : 200, body: result };
});
