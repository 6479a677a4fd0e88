import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { errorOutcome, type Dialect } from "@/lib/api/dialects";
import { DomainError } from "@/lib/domain/errors";
import { readJsonBody } from "@/lib/api/read-body";
import { abandonIdempotent, beginIdempotent, completeIdempotent } from "@/lib/api/idempotency";
import { authenticate, type AuthContext } from "@/lib/api/authenticate";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { assertAcceptableJson, assertAcceptableText } from "@/lib/api/json-guard";
import { logRequest, requestIdOf, routeOf } from "@/lib/api/request-log";

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
  /** A POST that only reads (e.g. Flexydial's status): allowed to read-only credentials. */
  readOnly?: boolean;
  /** Honour Idempotency-Key (POSTs that write). */
  idempotent?: boolean;
  /** Answers not kept under the Idempotency-Key (rows that failed to write): a retry runs again. */
  releaseKeyWhen?: (result: ApiResult) => boolean;
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
  // biome-ignore lint/suspicious/noExplicitAny: the overloads above type it
  handler: (ctx: Context<S, any>) => Promise<ApiResult>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const trace: Trace = { startedAt: performance.now(), requestId: requestIdOf(request), organizationId: null, params: {} };
    const response = await run(options, handler, request, context, trace);
    response.headers.set("X-Request-Id", trace.requestId);
    const { requestId, organizationId, startedAt } = trace;
    logRequest({
      requestId,
      organizationId,
      startedAt,
      method: request.method,
      route: routeOf(request, trace.params),
      status: response.status,
    });
    return response;
  };
}

/** What the request log needs to know about a request, filled in as the wrapper learns it. */
type Trace = { startedAt: number; requestId: string; organizationId: string | null; params: Record<string, string> };

async function run<S extends z.ZodType | undefined>(
  options: Options<S>,
  handler: (ctx: Context<S, AuthContext | null>) => Promise<ApiResult>,
  request: Request,
  context: RouteContext,
  trace: Trace,
): Promise<Response> {
  let idempotency: { organizationId: string; key: string } | null = null;
  try {
    const auth = options.auth === "credential" ? await authenticate(request, options.dialect, options.readOnly) : null;
    trace.organizationId = auth?.organizationId ?? null;
    const params = await flattenParams(context);
    trace.params = params;
    const query = new URL(request.url).searchParams;
    // Text Postgres refuses never gets past the wrapper (lib/api/json-guard.ts).
    assertAcceptableText(Object.entries(params), "path");
    assertAcceptableText(query.entries(), "query");

    let rawBody: unknown;
    let rawText = "";
    if (options.body) {
      const read = await readJsonBody(request, options.maxBytes ?? env.MAX_BODY_BYTES);
      rawBody = read.value;
      rawText = read.raw;
      assertAcceptableJson(rawBody);
    }

    const key = request.headers.get("idempotency-key");
    if (options.idempotent && key && auth) {
      const replay = await beginIdempotent(
        auth.organizationId,
        key,
        `${request.method} ${new URL(request.url).pathname}?${query}\n${rawText}`,
      );
      if (replay) return json(replay.status, replay.body, { "Idempotent-Replayed": "true" });
      idempotency = { organizationId: auth.organizationId, key };
    }

    let body: unknown;
    if (options.body) {
      const parsed = options.body.safeParse(rawBody);
      if (!parsed.success) {
        const messages = (options.formatIssues ?? defaultIssues)(parsed.error.issues);
        throw new ApiError("validation", "Validation failed", { errors: messages });
      }
      body = parsed.data;
    }

    const result = await handler({ request, params, query, body: body as never, rawBody, auth });
    if (idempotency && options.releaseKeyWhen?.(result)) {
      const { organizationId, key: released } = idempotency;
      idempotency = null;
      await abandonIdempotent(organizationId, released).catch((error) =>
        logError("idempotency key not released", error, { requestId: trace.requestId }),
      );
    } else if (idempotency) {
      const { organizationId, key: stored } = idempotency;
      idempotency = null;
      // The handler's writes are committed: failing to store the replay must not turn them into a
      // 500. The key stays in progress until its lease lapses; the caller still gets the truth.
      await completeIdempotent(organizationId, stored, result.status, result.body).catch((error) =>
        logError("idempotency key not completed", error, { requestId: trace.requestId }),
      );
    }
    return json(result.status, result.body, result.headers);
  } catch (error) {
    if (idempotency) await abandonIdempotent(idempotency.organizationId, idempotency.key).catch(() => {});
    return errorResponse(options.dialect, error, request, trace.requestId);
  }
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function errorResponse(dialect: Dialect, error: unknown, request?: Request, requestId?: string): Response {
  const apiError = error instanceof ApiError ? error : error instanceof DomainError ? dialect.fromDomain(error) : null;
  if (!apiError)
    logError("unhandled route error", error, { requestId, method: request?.method, path: request && new URL(request.url).pathname });
  const { status, body } = errorOutcome(dialect, apiError);
  const headers: Record<string, string> = { ...apiError?.details?.headers };
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
