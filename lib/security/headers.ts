import { NextResponse, type NextRequest } from "next/server";

// Security headers of pages (called by proxy.ts): a Content-Security-Policy with a fresh nonce
// per request, which Next.js puts on its own scripts (it reads the policy from the request
// headers while rendering; every page renders dynamically, see app/layout.tsx). The headers
// every response gets (nosniff, Referrer-Policy, Permissions-Policy, X-Frame-Options, HSTS over
// HTTPS, and a locked-down CSP for /api) are in next.config.js.

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next.js loads from its nonced ones run; nothing else does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes need 'unsafe-inline' for styles (scripts stay nonce-only).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The upload wizard parses files in a Web Worker.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Passes a page request on with its nonce and answers with the matching policy. */
export function withPageSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}
