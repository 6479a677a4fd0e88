import { NextResponse, type NextRequest } from "next/server";

// Flexydial's paths end in "/" (`/api/bulkphonebookupload/v1/`) and its clients do not follow
// redirects on POST, so API paths are served with or without the trailing slash. Pages keep the
// usual redirect to the slash-less URL.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.replace(/\/+$/, "");
    return pathname.startsWith("/api/") ? NextResponse.rewrite(url) : NextResponse.redirect(url, 308);
  }
  return NextResponse.next();
}

export const config = { matcher: "/:path*/" };
