// GET|POST /api/dnc - the DNC screen: the list (search, scope, status, page) and adding one number
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { validationFailed } from "@/lib/api/errors";
import { withApi } from "@/lib/api/with-api";
import { addDncSchema, dncListQuerySchema } from "@/lib/dnc/dnc-input";
import { listDnc } from "@/lib/dnc/dnc-list";
import { addDncEntry } from "@/lib/dnc/dnc-writes";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, query }) => {
  const parsed = dncListQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return { status: 200, body: await listDnc(domainContext(auth, "ui"), parsed.data) };
});

export const POST = withApi(
  { dialect: appDialect, auth: "credential", body: addDncSchema, maxBytes: 16 * 1024 },
  async ({ auth, body }) => ({
    status: 201,
    body: { entry: await addDncEntry(domainContext(auth, "ui"), body) },
  }),
);
