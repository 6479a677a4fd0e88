// Benchmark of the upload wizard's worker side in Node (never part of the tests): the same
// 100,000-row file as bench/upload-wizard.ts, through the real worker handler (in-memory, with
// the structured clone postMessage would do), in the order the page makes its calls — the header
// step's early validation, the columns step's date and value columns, the columns step's own
// prepare after its 300 ms settle, the review, the first rows of the table — timed per phase.
// Where the browser bench says how long, this says where. No server, no browser.
//
//   npx tsx bench/upload-wizard-worker.ts        (ROWS, RUNS, DATES as for bench/upload-wizard.ts)
import { DEBT_COLLECTION_SCHEMA } from "@/lib/campaigns/field-schema";
import { mapColumns } from "@/lib/spreadsheet/map-columns";
import { dateChoicesOf, NUMBER_FALLBACK, valueChoicesOf } from "@/lib/upload-wizard/cell-choices";
import { connectInMemory } from "@/lib/upload-wizard/in-memory-worker";
import { generateCsv } from "./upload-wizard-csv";

const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const DATES = process.env.DATES === "iso" ? "iso" : "dmy";
const schema = DEBT_COLLECTION_SCHEMA;
const rules = { schema, policy: { defaultCountry: "IN", mobileOnly: true }, duplicatesBy: "both" as const };

const bytes = new TextEncoder().encode(generateCsv(ROWS, DATES)).buffer as ArrayBuffer;
const totals: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const worker = connectInMemory();
  const phases: [string, number][] = [];
  const started = performance.now();
  let last = started;
  const lap = (name: string) => {
    const now = performance.now();
    phases.push([name, now - last]);
    last = now;
  };

  await worker.call("open", { name: "bench.csv", data: bytes.slice(0) });
  const preview = await worker.call("selectSheet", { sheet: 0 });
  lap("read (decode, parse)");
  const headerRow = preview.detectedHeader;
  const { mapping } = mapColumns(preview.rows[headerRow], schema.fields);
  void worker.call("prepare", { headerRow, mapping, ...rules, dates: {}, detect: { dayFirst: true, rememberedValues: null } });
  await worker.call("setHeader", { headerRow });
  lap("header confirmed");
  const [dates, values] = await Promise.all([
    worker.call("dateColumns", { headerRow, mapping, schema, dayFirst: true }),
    worker.call("valueColumns", { headerRow, mapping, schema, fallback: NUMBER_FALLBACK }),
  ]);
  lap("date and value columns");
  const choices = {
    dates: dateChoicesOf(dates.columns, {}).choices,
    values: valueChoicesOf(values.enums, undefined),
    numbers: values.numbers?.format ?? null,
  };
  await new Promise((resolve) => setTimeout(resolve, 300));
  void worker.call("prepare", { headerRow, mapping, ...rules, ...choices });
  lap("columns settle (300 ms)");
  const review = await worker.call("review", { mapping, ...rules, ...choices });
  lap("validation ready");
  const { rows } = await worker.call("select", { filter: { status: "all", category: null } });
  await worker.call("rows", { rows: Array.from(rows.slice(0, 40)) });
  lap("first rows");
  const total = performance.now() - started;
  totals.push(total);
  console.log(
    `run ${run}: ${total.toFixed(0)} ms, ${review.counts.rows.toLocaleString("en-US")} rows (${review.counts.invalid} invalid) — ` +
      phases.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(", "),
  );
}
console.log(`median: ${totals.sort((a, b) => a - b)[Math.floor(totals.length / 2)].toFixed(0)} ms`);
