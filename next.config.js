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
  experimental: {
    // proxy.ts buffers every body it sees (the trailing-slash API rewrite); past this limit Next cuts
    // the body short, dropping the whole socket chunk that crosses it. 1 MiB over MAX_BODY_BYTES
    // (socket chunks are 64 KiB at most), so the route's own reader still sees more than
    // MAX_BODY_BYTES and answers 413 instead of "Malformed JSON".
    proxyClientMaxBodySize: maxBodyBytes() + 1024 * 1024,
  },
  // Server-only packages that must stay outside the bundle.
  serverExternalPackages: ["pino", "pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/adapter-pg"],
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

// The same default as MAX_BODY_BYTES in lib/env.ts (this file cannot import TypeScript).
function maxBodyBytes() {
  const value = Number(process.env.MAX_BODY_BYTES ?? 16 * 1024 * 1024);
  return Number.isSafeInteger(value) && value > 0 ? value : 16 * 1024 * 1024;
}
