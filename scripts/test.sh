#!/usr/bin/env bash
# npm test - every check: typecheck, lint, architecture rules, unused code, vitest (unit + integration on
# real Postgres), production build, Playwright (UI journeys and API contracts against the running app).
# Uses DATABASE_URL when given; otherwise an embedded Postgres in a temporary directory.
# Every step's exit code is recorded in test-results/steps.tsv; scripts/test-summary.mjs counts a failed
# step as a failure even when its runner reported no failed test.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json test-results/steps.tsv

status=0
step() { echo; echo "== $*"; }
# run_step NAME COMMAND... - runs the command, records "NAME<TAB>exit code".
run_step() {
  local name="$1"; shift
  step "$name"
  "$@"
  local rc=$?
  printf '%s\t%s\n' "$name" "$rc" >> test-results/steps.tsv
  [ "$rc" -eq 0 ] || status=1
}

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  step "installing Debian chromium (Playwright cannot download its own browser here)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium; set CHROMIUM_PATH"
fi

run_step typecheck npx tsc --noEmit
run_step lint npm run --silent lint
run_step architecture npm run --silent lint:arch
run_step unused-code npm run --silent lint:unused
run_step vitest npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

build() { npx next build > test-results/next-build.log 2>&1 || { tail -50 test-results/next-build.log; return 1; }; }
run_step build build

if [ -z "${DATABASE_URL:-}" ]; then
  # The app under test runs on its own embedded database, served on a known port so specs can query it.
  export DATA_DIR="$(mktemp -d)" EMBEDDED_DB_PORT="${EMBEDDED_DB_PORT:-54329}"
fi
export PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json
run_step playwright npx playwright test --reporter=list,json

step "summary"
node scripts/test-summary.mjs || status=1
exit $status
