/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // proxy.ts handles trailing slashes (Flexydial paths end in "/").
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  // Server-only packages that must stay outside the bundle.
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/adapter-pg"],
};
export default nextConfig;
