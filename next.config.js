/** @type {import('next').NextConfig} */

// Headers on every response (pages, API routes, build assets, Next's own 404s). Pages also get a
// nonce-based Content-Security-Policy from proxy.ts (lib/security/headers.ts); API responses
// are data, so their policy forbids everything. HSTS only when the request came over HTTPS
// (x-forwarded-proto is set from the socket or the trusted proxy by scripts/next-server.ts).
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig = {
  poweredByHeader: false,
  // proxy.ts handles trailing slashes (Flexydial paths end in "/").
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  // Server-only packages that must stay outside the bundle.
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
};
export default nextConfig;
