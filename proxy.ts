import { NextResponse, type NextRequest } from "next/server";
import { withPageSecurityHeaders } from "@/lib/security/headers";

// Flexydial's paths end in "/" (`/api/bulkphonebookupload/v1/`) and its clients do not follow
// redirects on POST, so API paths are served with or without the trailing slash. Pages keep the
// usual redirect to the slash-less URL. Pages also get their nonce-based CSP here.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.replace(/\/+$/, "");
    return pathname.startsWith("/api/") ? NextResponse.rewrite(url) : NextResponse.redirect(url, 308);
  }
  return withPageSecurityHeaders(request);
}

// Static: Next.js reads the matcher at build time, so it cannot be imported.
export const config = {
  matcher: [
    "/:path*/",
    {
      // /docs/api sets its own policy (Scalar needs it; see app/docs/api/route.ts).
      source: "/((?!api/|docs/api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
