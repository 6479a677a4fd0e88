// POST /api/dnc/import - add every valid number of a file to the DNC list in one transaction; answers the counts
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { importDncFile } from "@/lib/dnc/dnc-file";
import { dncFileSchema } from "@/lib/dnc/dnc-input";

export const POST = withApi({ dialect: appDialect, auth: "credential", body: dncFileSchema }, async ({ auth, body }) => ({
  status: 200,
  body: { imported: await importDncFile(domainContext(auth, "ui"), body) },
}));
