#!/usr/bin/env bash
# npm test - every test: typecheck, vitest (unit + integration on real Postgres), production build,
# Playwright (UI journeys and API contracts against the running app).
# Uses DATABASE_URL when given; otherwise an embedded Postgres in a temporary directory.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json

status=0
step() { echo; echo "== $*"; }

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  step "installing Debian chromium (Playwright cannot download its own browser here)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium; set CHROMIUM_PATH"
fi

step "typecheck"
npx tsc --noEmit || status=1

step "vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1

step "next build"
npx next build > test-results/next-build.log 2>&1 || { tail -50 test-results/next-build.log; status=1; }

step "playwright"
if [ -z "${DATABASE_URL:-}" ]; then
  # The app under test runs on its own embedded database, served on a known port so specs can query it.
  export DATA_DIR="$(mktemp -d)" EMBEDDED_DB_PORT="${EMBEDDED_DB_PORT:-54329}"
fi
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json || status=1

step "summary"
node scripts/test-summary.mjs || status=1
exit $status
