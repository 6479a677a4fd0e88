/** @type {import('next').NextConfig} */
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
};
export default nextConfig;

// The same default as MAX_BODY_BYTES in lib/env.ts (this file cannot import TypeScript).
function maxBodyBytes() {
  const value = Number(process.env.MAX_BODY_BYTES ?? 16 * 1024 * 1024);
  return Number.isSafeInteger(value) && value > 0 ? value : 16 * 1024 * 1024;
}
