import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// The closing line of `npm test` must never say "0 failed" after anything failed. Reports below have
// the shapes vitest's and Playwright's JSON reporters write (trimmed to the fields the summary reads).
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Files = { steps?: Record<string, number>; vitest?: unknown; playwright?: unknown };
function summarize(files: Files): { code: number; out: string; total: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "test-summary-"));
  dirs.push(dir);
  if (files.steps)
    writeFileSync(
      path.join(dir, "steps.tsv"),
      Object.entries(files.steps)
        .map(([name, rc]) => `${name}\t${rc}\n`)
        .join(""),
    );
  if (files.vitest) writeFileSync(path.join(dir, "vitest.json"), JSON.stringify(files.vitest));
  if (files.playwright) writeFileSync(path.join(dir, "playwright.json"), JSON.stringify(files.playwright));
  let code = 0;
  let out = "";
  try {
    out = execFileSync(process.execPath, ["scripts/test-summary.mjs"], {
      env: { ...process.env, TEST_RESULTS_DIR: dir },
      encoding: "utf8",
    });
  } catch (error) {
    const e = error as { status: number; stdout: string };
    code = e.status;
    out = e.stdout;
  }
  const total = out.trim().split("\n").at(-1) ?? "";
  return { code, out, total };
}

const vitestFile = (name: string, status: string, tests: string[], message = "") => ({
  name: path.resolve(name),
  status,
  message,
  assertionResults: tests.map((s, i) => ({ status: s, title: `t${i}`, fullName: `t${i}` })),
});
const greenVitest = { testResults: [vitestFile("lib/a.test.ts", "passed", ["passed", "passed"])] };
const pwSpec = (status: string) => ({ file: "a.spec.ts", line: 3, title: "journey", tests: [{ status }] });
const greenPlaywright = {
  stats: { expected: 1, unexpected: 0, flaky: 0, skipped: 0 },
  errors: [],
  suites: [{ specs: [pwSpec("expected")] }],
};
const allSteps = { typecheck: 0, lint: 0, architecture: 0, "unused-code": 0, vitest: 0, build: 0, playwright: 0 };

describe("test summary", () => {
  it("passes when every step and test passed", () => {
    const r = summarize({ steps: allSteps, vitest: greenVitest, playwright: greenPlaywright });
    expect(r.total).toBe("Total: 3 passed, 0 failed");
    expect(r.code).toBe(0);
  });

  it.each(["typecheck", "lint", "architecture", "unused-code", "build"])("counts a failed %s step", (step) => {
    const r = summarize({ steps: { ...allSteps, [step]: 1 }, vitest: greenVitest, playwright: greenPlaywright });
    expect(r.total).toBe("Total: 3 passed, 1 failed");
    expect(r.out).toContain(`${step}: FAILED (exit 1)`);
    expect(r.code).toBe(1);
  });

  it("counts a vitest file that failed to import or whose beforeAll threw, and lists skipped tests", () => {
    const vitest = {
      testResults: [
        vitestFile("lib/a.test.ts", "passed", ["passed", "skipped"]),
        vitestFile("lib/import.test.ts", "failed", [], "Cannot find module './gone'"),
        vitestFile("lib/hook.test.ts", "failed", ["skipped", "skipped"], "database down"),
      ],
    };
    const r = summarize({ steps: { ...allSteps, vitest: 1 }, vitest, playwright: greenPlaywright });
    expect(r.total).toBe("Total: 2 passed, 2 failed");
    expect(r.out).toContain("lib/import.test.ts: file failed (Cannot find module './gone')");
    expect(r.out).toContain("skipped: lib/hook.test.ts > t0");
  });

  it("counts a runner that exited non-zero without a failed test", () => {
    const r = summarize({ steps: { ...allSteps, vitest: 1 }, vitest: greenVitest, playwright: greenPlaywright });
    expect(r.total).toBe("Total: 3 passed, 1 failed");
  });

  it("fails Playwright top-level errors and a run that found no test, and lists skipped specs", () => {
    const playwright = {
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: "Error: Process from config.webServer was not able to start." }],
    };
    const r = summarize({ steps: { ...allSteps, playwright: 1 }, vitest: greenVitest, playwright });
    expect(r.total).toBe("Total: 2 passed, 2 failed");
    expect(r.out).toContain("no test found");
    const skipped = {
      ...greenPlaywright,
      stats: { ...greenPlaywright.stats, skipped: 1 },
      suites: [{ specs: [pwSpec("expected"), pwSpec("skipped")] }],
    };
    expect(summarize({ steps: allSteps, vitest: greenVitest, playwright: skipped }).out).toContain("skipped: a.spec.ts:3 > journey");
  });

  it("counts a runner whose report is missing", () => {
    const r = summarize({ steps: allSteps, playwright: greenPlaywright });
    expect(r.total).toBe("Total: 1 passed, 1 failed");
  });
});
