// POST /api/dnc/check - what importing a file's numbers would do (per-row problems, counts); writes nothing
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { checkDncFile } from "@/lib/dnc/dnc-file";
import { dncFileSchema } from "@/lib/dnc/dnc-input";

export const POST = withApi({ dialect: appDialect, auth: "credential", body: dncFileSchema }, async ({ auth, body }) => ({
  status: 200,
  body: await checkDncFile(domainContext(auth, "ui"), body),
}));
