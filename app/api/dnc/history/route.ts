// GET /api/dnc/history - changes to the DNC list, newest first: who added, removed or re-activated which number, when
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { validationFailed } from "@/lib/api/errors";
import { withApi } from "@/lib/api/with-api";
import { dncHistoryQuerySchema } from "@/lib/dnc/dnc-input";
import { dncHistory } from "@/lib/dnc/dnc-list";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, query }) => {
  const parsed = dncHistoryQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const { entry, ...rest } = parsed.data;
  return { status: 200, body: await dncHistory(domainContext(auth, "ui"), { ...rest, entryId: entry }) };
});
