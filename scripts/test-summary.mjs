// Prints one closing line for every check `npm test` ran: "Total: N passed, N failed".
// Counted as failed: each failed test; each vitest file that failed without a failed test (import
// error, throwing beforeAll/afterAll: its tests are reported skipped or not at all); each Playwright
// top-level error (config, webServer, global setup); a Playwright run that found no test; each step
// of scripts/test.sh that exited non-zero (typecheck, lint, architecture, build, ...) unless its runner
// already counted a failure; a runner whose results are missing. Skipped tests are listed by name.
// Reads TEST_RESULTS_DIR (default test-results/).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.env.TEST_RESULTS_DIR ?? "test-results";
const read = (file) => {
  const full = path.join(dir, file);
  if (!existsSync(full)) return null;
  try {
    return JSON.parse(readFileSync(full, "utf8"));
  } catch {
    return { unreadable: true };
  }
};

/** Step name -> exit code, from scripts/test.sh. Empty when run outside it. */
function readSteps() {
  const file = path.join(dir, "steps.tsv");
  if (!existsSync(file)) return new Map();
  const rows = readFileSync(file, "utf8").split("\n").filter(Boolean);
  return new Map(rows.map((row) => row.split("\t")).map(([name, rc]) => [name, Number(rc)]));
}

function summarizeVitest(report) {
  const out = { passed: 0, failed: 0, skipped: [], notes: [] };
  for (const file of report.testResults ?? []) {
    const name = path.relative(process.cwd(), file.name);
    const tests = file.assertionResults ?? [];
    const failedTests = tests.filter((t) => t.status === "failed").length;
    out.passed += tests.filter((t) => t.status === "passed").length;
    out.failed += failedTests;
    for (const t of tests)
      if (["skipped", "pending", "todo", "disabled"].includes(t.status)) out.skipped.push(`${name} > ${t.fullName ?? t.title}`);
    if (file.status === "failed" && failedTests === 0) {
      out.failed += 1;
      const why = (file.message || "failed outside any test").split("\n")[0];
      out.notes.push(`${name}: file failed (${why})`);
    }
  }
  return out;
}

function walkSpecs(suite, visit) {
  for (const spec of suite.specs ?? []) visit(spec, suite);
  for (const child of suite.suites ?? []) walkSpecs(child, visit);
}

function summarizePlaywright(report) {
  const s = report.stats ?? {};
  const out = { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: [], notes: [] };
  for (const error of report.errors ?? []) {
    out.failed += 1;
    out.notes.push(`top-level error: ${(error.message ?? String(error)).split("\n")[0]}`);
  }
  for (const suite of report.suites ?? []) {
    walkSpecs(suite, (spec) => {
      for (const test of spec.tests ?? []) if (test.status === "skipped") out.skipped.push(`${spec.file}:${spec.line} > ${spec.title}`);
    });
  }
  const ran = (s.expected ?? 0) + (s.unexpected ?? 0) + (s.flaky ?? 0) + (s.skipped ?? 0);
  if (ran === 0) {
    out.failed += 1;
    out.notes.push("no test found");
  }
  return out;
}

const steps = readSteps();
let passed = 0;
let failed = 0;
const runners = [
  ["vitest", "vitest.json", summarizeVitest],
  ["playwright", "playwright.json", summarizePlaywright],
];

for (const [name, file, summarize] of runners) {
  const report = read(file);
  const rc = steps.get(name);
  if (!report || report.unreadable) {
    failed += 1;
    console.log(`${name}: no results (${report ? "unreadable report" : "did not run"}${rc !== undefined ? `, exit ${rc}` : ""})`);
    continue;
  }
  const r = summarize(report);
  // The runner exited non-zero but counted no failure (unhandled error, teardown failure): still a failure.
  if (rc !== undefined && rc !== 0 && r.failed === 0) {
    r.failed = 1;
    r.notes.push(`exited ${rc} without a failed test`);
  }
  passed += r.passed;
  failed += r.failed;
  console.log(`${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped.length} skipped`);
  for (const note of r.notes) console.log(`  ! ${note}`);
  for (const skipped of r.skipped) console.log(`  skipped: ${skipped}`);
}

for (const [name, rc] of steps) {
  if (runners.some(([runner]) => runner === name)) continue;
  if (rc === 0) console.log(`${name}: ok`);
  else {
    failed += 1;
    console.log(`${name}: FAILED (exit ${rc})`);
  }
}

console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
