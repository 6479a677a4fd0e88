import { defineConfig } from "@playwright/test";

// E2E runs against the production build (`npm run build` first) started by the same launcher users
// run, on its own port and database. Debian's chromium: Playwright's download cannot work here.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  // Kept apart from test-results/, which also holds the vitest report and the seed credentials.
  outputDir: "test-results/playwright",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Demo data on whatever database the tests use (CI passes a real DATABASE_URL).
    env: { PORT: String(port), APP_URL: baseURL, SEED_FILE: "test-results/seed.json", SEED_DEMO: "true" },
  },
});
