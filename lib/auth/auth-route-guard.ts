import { env } from "@/lib/env";
import { clientIp, servedOverHttps } from "@/lib/security/client-ip";
import { beginSignInAttempt, recordSignInFailure } from "@/lib/security/rate-limits";

// What /api/auth/* (better-auth) adds around its handler:
// - the organization plugin's own endpoints answer 404 (the team has its own routes);
// - sign-in is limited per client IP and per account (lib/security/rate-limits.ts), 429 with
//   Retry-After in better-auth's own error shape {code, message};
// - no response body carries a session token (the session lives in the httpOnly cookie only);
// - cookies are Secure when the app is served over HTTPS (APP_URL, or the trusted proxy's header).

type Handler = (request: Request) => Promise<Response>;

const MAX_SIGN_IN_BYTES = 16 * 1024;

export async function guardAuthRequest(request: Request, handle: Handler): Promise<Response> {
  // The organization plugin's endpoints are not served over HTTP: the team is managed through the
  // app's /api/team routes (lib/auth/team.ts), which call the plugin server-side.
  if (/\/organization(\/|$)/.test(new URL(request.url).pathname)) return authError(404, "NOT_FOUND", "Not found");
  const signIn = request.method === "POST" && new URL(request.url).pathname.endsWith("/sign-in/email");
  let account = "";
  if (signIn) {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_SIGN_IN_BYTES)
      return authError(413, "PAYLOAD_TOO_LARGE", "Request body is too large");
    account = await request
      .clone()
      .json()
      .then((body: { email?: unknown }) => (typeof body?.email === "string" ? body.email : ""))
      .catch(() => "");
    const throttled = await beginSignInAttempt(clientIp(request.headers), account);
    if (throttled) {
      return authError(429, "TOO_MANY_REQUESTS", `Too many sign-in attempts; try again in ${throttled.retryAfterSeconds} seconds`, {
        "Retry-After": String(throttled.retryAfterSeconds),
      });
    }
  }
  const response = await handle(request);
  if (signIn && response.status === 401 && account) await recordSignInFailure(account);
  return secureCookies(request, await withoutTokens(response));
}

async function withoutTokens(response: Response): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(dropTokens(body, 0)), { status: response.status, statusText: response.statusText, headers });
}

// better-auth returns the session token in sign-in, get-session and list-sessions bodies.
function dropTokens(value: unknown, depth: number): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => dropTokens(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "token")
      .map(([k, v]) => [k, dropTokens(v, depth + 1)]),
  );
}

function secureCookies(request: Request, response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0 || !servedOverHttps(request.headers, env.APP_URL)) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function authError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ code, message }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
