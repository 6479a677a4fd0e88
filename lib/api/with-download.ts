import { appDialect } from "@/lib/api/app-dialect";
import { authenticate, type AuthContext } from "@/lib/api/authenticate";
import { assertAcceptableText } from "@/lib/api/json-guard";
import { errorResponse } from "@/lib/api/with-api";

// withApi's twin for GET routes that answer with a file instead of JSON (exports, error
// reports): the same credential check and the app's error shape, then the file as an attachment.

export type Download = { fileName: string; contentType: string; body: BodyInit };

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function withDownload(
  handler: (ctx: { auth: AuthContext; params: Record<string, string>; query: URLSearchParams }) => Promise<Download>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const auth = await authenticate(request, appDialect);
      const raw = (await context.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const query = new URL(request.url).searchParams;
      // As withApi: text Postgres refuses (NUL, lone surrogates) is a 400, never a 500.
      assertAcceptableText(Object.entries(params), "path");
      assertAcceptableText(query.entries(), "query");
      const file = await handler({ auth, params, query });
      return new Response(file.body, {
        status: 200,
        headers: {
          "Content-Type": file.contentType,
          "Content-Disposition": `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, "_")}"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      return errorResponse(appDialect, error, request);
    }
  };
}
