// Prints one closing line for all runners: "Total: N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = 0;

const vitest = read("test-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numTotalTests - vitest.numPassedTests - vitest.numFailedTests - (vitest.numPendingTests ?? 0) - (vitest.numTodoTests ?? 0));
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  failed += 1;
  console.log("vitest: no results (did not run)");
}

const pw = read("test-results/playwright.json");
if (pw) {
  const s = pw.stats;
  const pwFailed = (s.unexpected ?? 0) + (s.flaky ?? 0);
  passed += s.expected ?? 0;
  failed += pwFailed;
  console.log(`playwright: ${s.expected ?? 0} passed, ${pwFailed} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`);
} else {
  failed += 1;
  console.log("playwright: no results (did not run)");
}

console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
