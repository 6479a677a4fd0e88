import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { errorOutcome, type Dialect } from "@/lib/api/dialects";
import { DomainError } from "@/lib/domain/errors";
import { readJsonBody } from "@/lib/api/read-body";
import { abandonIdempotent, beginIdempotent, completeIdempotent } from "@/lib/api/idempotency";
import { authenticate, type AuthContext } from "@/lib/api/authenticate";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";

// The one wrapper every route handler goes through: authentication and organization scope,
// Content-Type, a body size limit enforced while reading, JSON and zod parsing, Idempotency-Key,
// and error mapping — so handler bodies hold no try/catch and nothing internal leaks. ApiErrors
// (from here) and DomainErrors (from the domain) are written by the route's Dialect.

export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

type Options<S extends z.ZodType | undefined> = {
  /** How errors are written: timepayDialect, flexydialDialect, flexydialDncDialect, appDialect. */
  dialect: Dialect;
  /** "credential": API key (Bearer or Token) or a signed-in operator; "none": public. */
  auth: "credential" | "none";
  body?: S;
  maxBytes?: number;
  /** Honour Idempotency-Key (POSTs that write). */
  idempotent?: boolean;
  /** Map zod issues to this contract's messages; default "<path>: <message>". */
  formatIssues?: (issues: z.core.$ZodIssue[]) => string[];
};

type Context<S extends z.ZodType | undefined, A> = {
  request: Request;
  params: Record<string, string>;
  query: URLSearchParams;
  body: S extends z.ZodType ? z.output<S> : undefined;
  rawBody: unknown;
  auth: A;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function withApi<S extends z.ZodType | undefined = undefined>(
  options: Options<S> & { auth: "credential" },
  handler: (ctx: Context<S, AuthContext>) => Promise<ApiResult>,
): (request: Request, context: RouteContext) => Promise<Response>;
export function withApi<S extends z.ZodType | undefined = undefined>(
  options: Options<S> & { auth: "none" },
  handler: (ctx: Context<S, null>) => Promise<ApiResult>,
): (request: Request, context: RouteContext) => Promise<Response>;
export function withApi<S extends z.ZodType | undefined>(
  options: Options<S>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads above type it
  handler: (ctx: Context<S, any>) => Promise<ApiResult>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    let idempotency: { organizationId: string; key: string } | null = null;
    try {
      const auth = options.auth === "credential" ? await authenticate(request, options.dialect) : null;
      const params = await flattenParams(context);
      const query = new URL(request.url).searchParams;

      let rawBody: unknown = undefined;
      let rawText = "";
      if (options.body) {
        const read = await readJsonBody(request, options.maxBytes ?? env.MAX_BODY_BYTES);
        rawBody = read.value;
        rawText = read.raw;
      }

      const key = request.headers.get("idempotency-key");
      if (options.idempotent && key && auth) {
        const replay = await beginIdempotent(auth.organizationId, key, `${request.method} ${new URL(request.url).pathname}?${query}\n${rawText}`);
        if (replay) return json(replay.status, replay.body, { "Idempotent-Replayed": "true" });
        idempotency = { organizationId: auth.organizationId, key };
      }

      let body: unknown = undefined;
      if (options.body) {
        const parsed = options.body.safeParse(rawBody);
        if (!parsed.success) {
          const messages = (options.formatIssues ?? defaultIssues)(parsed.error.issues);
          throw new ApiError("validation", "Validation failed", { errors: messages });
        }
        body = parsed.data;
      }

      const result = await handler({ request, params, query, body: body as never, rawBody, auth });
      if (idempotency) await completeIdempotent(idempotency.organizationId, idempotency.key, result.status, result.body);
      return json(result.status, result.body, result.headers);
    } catch (error) {
      if (idempotency) await abandonIdempotent(idempotency.organizationId, idempotency.key).catch(() => {});
      return errorResponse(options.dialect, error, request);
    }
  };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function errorResponse(dialect: Dialect, error: unknown, request?: Request): Response {
  const apiError = error instanceof ApiError ? error : error instanceof DomainError ? dialect.fromDomain(error) : null;
  if (!apiError) logError("unhandled route error", error, { method: request?.method, url: request?.url });
  const { status, body } = errorOutcome(dialect, apiError);
  const headers: Record<string, string> = {};
  if (status === 401) headers["WWW-Authenticate"] = dialect.challenge;
  return json(status, body, headers);
}

function defaultIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
}

async function flattenParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}
