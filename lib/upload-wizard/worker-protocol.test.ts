import { afterEach, describe, expect, it, vi } from "vitest";
import writeXlsxFile from "write-excel-file/universal";
import { DEBT_COLLECTION_SCHEMA, LEAD_GENERATION_SCHEMA } from "@/lib/campaigns/field-schema";
import { mapColumns } from "@/lib/spreadsheet/map-columns";
import { dateChoicesOf, NUMBER_FALLBACK, valueChoicesOf } from "./cell-choices";
import { connectInMemory } from "./in-memory-worker";
import { ReviewRows } from "./review-rows";
import { UploadWorkerClient, type WorkerPort } from "./worker-client";

// The wizard's worker protocol end to end, without a browser: the client talks to the real
// handler through structuredClone, as postMessage would, transfers included.

const POLICY = { defaultCountry: "IN", mobileOnly: true };
const HEADER = "Loan ID;First name;Last name;Mobile No;Loan amount;EMI;Tenure;Current EMI;Due date;Payment status;Language";

function row(id: string, overrides: Partial<Record<"phone" | "first" | "due" | "status" | "language", string>> = {}) {
  const o = { phone: "9876543210", first: "Asha", due: "2025-01-05", status: "pending", language: "hindi", ...overrides };
  return `${id};${o.first};Verma;${o.phone};250000;12500;24;3;${o.due};${o.status};${o.language}`;
}

const CSV = [
  "Loan book export — March", // a title row above the header
  HEADER,
  row("L1"),
  row("L2", { phone: "12345" }),
  row("L3", { phone: "9.19877E+11" }),
  row("L1", { first: "Again", phone: "9876543220" }), // the same loan twice (another phone: the phone is a key too)
  row("L4", { due: "2025-02-30", language: "" }),
  row("L5", { phone: "9876543215.0" }), // a warning, still valid
].join("\r\n");

/** A stand-in for the app's routes: records each request, answers with `answer(path, body)`. */
function server(answer: (path: string, body: Record<string, unknown>) => unknown) {
  const requests: { path: string; body: Record<string, unknown> }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : {};
    requests.push({ path: String(url), body });
    return Response.json(answer(String(url), body));
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A client with the CSV opened, header confirmed and rows validated against the debt preset. */
async function reviewing(text = CSV, bytes?: ArrayBuffer, fetch?: typeof globalThis.fetch) {
  const client = connectInMemory(fetch);
  await client.call("open", { name: "march.csv", data: bytes ?? utf8WithBom(text) });
  const preview = await client.call("selectSheet", { sheet: 0 });
  const { columns } = await client.call("setHeader", { headerRow: preview.detectedHeader });
  const { mapping } = mapColumns(
    columns.map((c) => c.header),
    DEBT_COLLECTION_SCHEMA.fields,
  );
  const state = await client.call("review", { mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
  return { client, state, mapping };
}

describe("reading a file", () => {
  it("reports encoding, BOM and delimiter, previews rows and finds the header below a title", async () => {
    const client = connectInMemory();
    const file = await client.call("open", { name: "march.csv", data: utf8WithBom(CSV) });
    expect(file).toMatchObject({
      fileName: "march.csv",
      format: "delimited",
      encoding: { detected: "utf-8", used: "utf-8", hadBom: true },
      delimiter: { detected: ";", used: ";" },
      sheets: [{ name: "march.csv", rowCount: 8 }],
      problems: [],
    });
    const preview = await client.call("selectSheet", { sheet: 0 });
    expect(preview.detectedHeader).toBe(1);
    expect(preview.rows[0]).toEqual(["Loan book export — March"]);
    expect(preview.rowNumbers.slice(0, 3)).toEqual([1, 2, 3]);

    const { columns, dataRows } = await client.call("setHeader", { headerRow: 1 });
    expect(dataRows).toBe(6);
    expect(columns[3]).toEqual({ index: 3, header: "Mobile No", label: "Mobile No", samples: ["9876543210", "12345", "9.19877E+11"] });
  });

  it("detects Windows-1252, and shows what another encoding would make of it", async () => {
    const client = connectInMemory();
    const bytes = cp1252("name,phone\r\nJosé Müller,9876543210\r\n");
    const file = await client.call("open", { name: "accents.csv", data: bytes });
    expect(file.encoding).toEqual({ detected: "windows-1252", used: "windows-1252", hadBom: false });
    expect((await client.call("selectSheet", { sheet: 0 })).rows[1][0]).toBe("José Müller");

    const forced = await client.call("reopen", { encoding: "utf-8" });
    expect(forced.encoding).toEqual({ detected: "windows-1252", used: "utf-8", hadBom: false });
    expect((await client.call("selectSheet", { sheet: 0 })).rows[1][0]).toBe("Jos\uFFFD M\uFFFDller");
  });

  it("takes a delimiter override", async () => {
    const client = connectInMemory();
    await client.call("open", { name: "a.txt", data: utf8WithBom("a|b|c,d\r\n1|2|3,4\r\n") });
    const forced = await client.call("reopen", { delimiter: "," });
    expect(forced.delimiter).toEqual({ detected: "|", used: "," });
    expect((await client.call("selectSheet", { sheet: 0 })).rows[0]).toEqual(["a|b|c", "d"]);
  });

  it("lists every sheet of a workbook with its row count and refuses an empty one", async () => {
    const blob = await writeXlsxFile([
      { sheet: "Notes", data: [["Read me first"]] },
      {
        sheet: "Contacts",
        data: [
          ["phone_number", "first_name"],
          [{ value: "09876543210", type: String }, "Asha"],
          [919876543210, "Ravi"],
        ],
      },
      { sheet: "Empty", data: [[]] },
    ]).toBlob();
    const client = connectInMemory();
    const file = await client.call("open", { name: "book.xlsx", data: await blob.arrayBuffer() });
    expect(file.format).toBe("xlsx");
    expect(file.sheets).toEqual([
      { name: "Notes", rowCount: 1 },
      { name: "Contacts", rowCount: 3 },
      { name: "Empty", rowCount: 0 },
    ]);
    const contacts = await client.call("selectSheet", { sheet: 1 });
    // Phones are text: the leading zero kept, the numeric cell spelt out in full.
    expect(contacts.rows.slice(1)).toEqual([
      ["09876543210", "Asha"],
      ["919876543210", "Ravi"],
    ]);
    await expect(client.call("selectSheet", { sheet: 2 })).rejects.toThrow('The sheet "Empty" is empty. Pick another sheet.');
  });

  it("answers with messages an operator can act on", async () => {
    const client = connectInMemory();
    await expect(client.call("open", { name: "empty.csv", data: new ArrayBuffer(0) })).rejects.toThrow("This file is empty.");
    await expect(
      client.call("open", { name: "old.xls", data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).buffer }),
    ).rejects.toThrow("This is an old .xls workbook. Save it as .xlsx (or CSV UTF-8) and upload again.");
    await expect(
      client.call("review", { mapping: {}, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} }),
    ).rejects.toThrow("No file is open.");
    await client.call("open", { name: "one.csv", data: utf8WithBom("only a header\r\n") });
    await expect(client.call("setHeader", { headerRow: 0 })).rejects.toThrow("There are no rows below this header row.");
  });
});

describe("review", () => {
  it("validates every row with the core's messages and flags duplicates across the file", async () => {
    const { client, state } = await reviewing();
    expect(state.counts).toMatchObject({ rows: 6, removed: 0, valid: 2, invalid: 3, duplicates: 1, refused: 0, warnings: 1, unchecked: 2 });
    expect(state.counts.categories.map((c) => [c.label, c.count])).toEqual([
      ["Invalid phone_number", 1],
      ["phone_number destroyed by Excel", 1],
      ["Duplicate loan_id in file", 1],
      ["Invalid emi_due_date", 1],
      ["Warning on phone_number", 1],
    ]);

    const { rows } = await client.call("rows", { rows: [0, 1, 2, 3, 4, 5] });
    expect(rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [3, "valid"],
      [4, "invalid"],
      [5, "invalid"],
      [6, "duplicate"],
      [7, "invalid"],
      [8, "valid"],
    ]);
    expect(rows[1].issues.phone_number).toEqual({
      level: "error",
      code: "invalid_phone",
      message: "Invalid phone_number '12345': too short",
      source: "check",
    });
    expect(rows[2].issues.phone_number.message).toBe(
      "Invalid phone_number '9.19877E+11': was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
    );
    expect(rows[3].issues.loan_id).toEqual({
      level: "error",
      code: "duplicate_in_file",
      message: "Duplicate loan_id 'L1' in this file (first seen at row 3)",
      source: "file-duplicate",
    });
    expect(rows[4].issues.emi_due_date.message).toBe("Field 'emi_due_date' must be a real date in YYYY-MM-DD format");
    expect(rows[5].issues.phone_number).toMatchObject({
      level: "warning",
      message: "phone_number '9876543215.0' had a trailing '.0' from a spreadsheet number; read as 9876543215",
    });
    expect(rows[0].cells).toMatchObject({ loan_id: "L1", phone_number: "9876543210", language: "hindi" });
  });

  it("selects rows by status and by error type, in file order", async () => {
    const { client } = await reviewing();
    const all = await client.call("select", { filter: { status: "all", category: null } });
    expect([...all.rows]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...(await client.call("select", { filter: { status: "errors", category: null } })).rows]).toEqual([1, 2, 3, 4]);
    expect([...(await client.call("select", { filter: { status: "valid", category: null } })).rows]).toEqual([0, 5]);
    expect([...(await client.call("select", { filter: { status: "all", category: "excel:phone_number" } })).rows]).toEqual([2]);
  });

  it("a selection can bring the views of its first rows, as the rows call gives them", async () => {
    const { client } = await reviewing();
    const errors = await client.call("select", { filter: { status: "errors", category: null }, first: 3 });
    expect([...errors.rows]).toEqual([1, 2, 3, 4]);
    expect(errors.first.map((row) => row.index)).toEqual([1, 2, 3]);
    expect(errors.first).toEqual((await client.call("rows", { rows: [1, 2, 3] })).rows);
    expect((await client.call("select", { filter: { status: "valid", category: null } })).first).toEqual([]);
  });

  it("re-validates an edited row, and the file's duplicates with it; undo and redo", async () => {
    const { client } = await reviewing();
    let state = await client.call("edit", { row: 1, field: "phone_number", value: "98765 43211" });
    expect(state.counts).toMatchObject({ valid: 3, invalid: 2 });
    expect(state.history).toEqual({ undo: "Edit phone_number in row 4", redo: null });
    expect((await client.call("rows", { rows: [1] })).rows[0]).toMatchObject({ status: "valid", issues: {}, edited: ["phone_number"] });

    // Renaming the first L1 frees the second one.
    state = await client.call("edit", { row: 0, field: "loan_id", value: "L0" });
    expect(state.counts).toMatchObject({ valid: 4, duplicates: 0 });

    state = await client.call("undo", {});
    expect(state.counts).toMatchObject({ valid: 3, duplicates: 1 });
    state = await client.call("undo", {});
    expect(state.counts).toMatchObject({ valid: 2, invalid: 3 });
    expect((await client.call("rows", { rows: [1] })).rows[0].cells.phone_number).toBe("12345");
    state = await client.call("redo", {});
    expect(state.counts).toMatchObject({ valid: 3, invalid: 2 });
    expect(state.history).toEqual({ undo: "Edit phone_number in row 4", redo: "Edit loan_id in row 3" });
  });

  it("finds and replaces within a column as one undoable step", async () => {
    const { client } = await reviewing();
    const blanks = { field: "language", find: "", replace: "english", wholeCell: true, matchCase: false, onlyErrors: false };
    expect((await client.call("replace", { spec: blanks, dryRun: true })).matched).toBe(1);
    const applied = await client.call("replace", { spec: blanks, dryRun: false });
    expect(applied.matched).toBe(1);
    expect(applied.state.history.undo).toBe("Replace in language (1 cells)");

    const spec = { field: "payment_status", find: "PEND", replace: "paid", wholeCell: false, matchCase: false, onlyErrors: false };
    const paid = await client.call("replace", { spec, dryRun: false });
    expect(paid.matched).toBe(6);
    expect((await client.call("rows", { rows: [0] })).rows[0].cells.payment_status).toBe("paiding");
    // Each row counts once, under its first problem (as the done step counts): the rows whose
    // phone or due date is already wrong count there, not here.
    expect(paid.state.counts.categories.find((c) => c.key === "invalid:payment_status")?.count).toBe(3);
    const undone = await client.call("undo", {});
    expect(undone.counts.categories.find((c) => c.key === "invalid:payment_status")).toBeUndefined();
    expect((await client.call("rows", { rows: [0] })).rows[0].cells.payment_status).toBe("pending");

    const onlyBad = { field: "phone_number", find: "12345", replace: "9876543219", wholeCell: true, matchCase: true, onlyErrors: true };
    expect((await client.call("replace", { spec: onlyBad, dryRun: true })).matched).toBe(1);
  });

  it("removes rows (and brings them back on undo); a removed original frees its duplicate", async () => {
    const { client } = await reviewing();
    const state = await client.call("remove", { rows: [0, 1] });
    expect(state.structural).toBe(true);
    expect(state.counts).toMatchObject({ rows: 4, removed: 2, duplicates: 0, valid: 2 });
    expect([...(await client.call("select", { filter: { status: "all", category: null } })).rows]).toEqual([2, 3, 4, 5]);
    const undone = await client.call("undo", {});
    expect(undone).toMatchObject({ structural: true, counts: { rows: 6, removed: 0, duplicates: 1 } });
  });
});

describe("preparing the review while the operator confirms header and columns", () => {
  afterEach(() => vi.restoreAllMocks());

  async function atHeader() {
    const client = connectInMemory();
    await client.call("open", { name: "march.csv", data: utf8WithBom(CSV) });
    const preview = await client.call("selectSheet", { sheet: 0 });
    const { mapping } = mapColumns(preview.rows[preview.detectedHeader], DEBT_COLLECTION_SCHEMA.fields);
    return { client, mapping, headerRow: preview.detectedHeader };
  }

  it("validates once, in the background, and the confirmed review is that result", async () => {
    const build = vi.spyOn(ReviewRows, "build");
    const { client, mapping, headerRow } = await atHeader();
    await client.call("prepare", { headerRow, mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    await client.call("prepare", { headerRow, mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    await client.call("setHeader", { headerRow });
    const state = await client.call("review", { mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    expect(build).toHaveBeenCalledTimes(1);
    expect(state.counts).toMatchObject({ rows: 6, valid: 2, invalid: 3, duplicates: 1 });
  });

  it("validates again for a different choice, and never uses a prepared result of another file", async () => {
    const build = vi.spyOn(ReviewRows, "build");
    const { client, mapping, headerRow } = await atHeader();
    await client.call("prepare", { headerRow, mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    await client.call("setHeader", { headerRow });
    const withoutLanguage = { ...mapping, 10: null };
    const state = await client.call("review", {
      mapping: withoutLanguage,
      schema: DEBT_COLLECTION_SCHEMA,
      policy: POLICY,
      duplicatesBy: "both",
      dates: {},
    });
    expect(build).toHaveBeenCalledTimes(2);
    expect((await client.call("rows", { rows: [0] })).rows[0].cells).not.toHaveProperty("language");
    expect(state.counts.rows).toBe(6);

    await client.call("prepare", { headerRow, mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    await client.call("open", { name: "other.csv", data: utf8WithBom([HEADER, row("Z1")].join("\n")) });
    await client.call("selectSheet", { sheet: 0 });
    await client.call("setHeader", { headerRow: 0 });
    const other = await client.call("review", { mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    expect(other.counts).toMatchObject({ rows: 1, valid: 1 });
    expect((await client.call("rows", { rows: [0] })).rows[0].cells.loan_id).toBe("Z1");
  });
  it("prepares with the choices the columns step will offer, found in the file; confirmed as offered, the review is that result", async () => {
    const build = vi.spyOn(ReviewRows, "build");
    const client = connectInMemory();
    const text = [HEADER, row("D1", { due: "15/01/2025", status: "Pending." }), row("D2", { due: "28/02/2025", phone: "9876543211" })].join(
      "\n",
    );
    await client.call("open", { name: "dates.csv", data: utf8WithBom(text) });
    const preview = await client.call("selectSheet", { sheet: 0 });
    const headerRow = preview.detectedHeader;
    const { mapping } = mapColumns(preview.rows[headerRow], DEBT_COLLECTION_SCHEMA.fields);
    const rules = { schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both" as const };
    await client.call("prepare", { headerRow, mapping, ...rules, dates: {}, detect: { dayFirst: true, rememberedValues: null } });
    await client.call("setHeader", { headerRow });

    // What the columns step offers untouched: day-first dates, the folded status mapped.
    const dates = dateChoicesOf(
      (await client.call("dateColumns", { headerRow, mapping, schema: DEBT_COLLECTION_SCHEMA, dayFirst: true })).columns,
      {},
    );
    const found = await client.call("valueColumns", { headerRow, mapping, schema: DEBT_COLLECTION_SCHEMA, fallback: NUMBER_FALLBACK });
    const values = valueChoicesOf(found.enums, undefined);
    expect(dates.choices).toEqual({ emi_due_date: "dmy" });
    expect(values).toEqual({ payment_status: { pending: "pending" } });

    const state = await client.call("review", { mapping, ...rules, dates: dates.choices, values, numbers: found.numbers?.format ?? null });
    expect(build).toHaveBeenCalledTimes(1);
    expect(state.counts).toMatchObject({ rows: 2, valid: 2, invalid: 0 });
    const [first] = (await client.call("rows", { rows: [0] })).rows;
    expect(first.cells).toMatchObject({ emi_due_date: "2025-01-15", payment_status: "pending" });
  });
  it("back and forth with the same choices reuses the rows under review until an edit touches them", async () => {
    const build = vi.spyOn(ReviewRows, "build");
    const { client, mapping } = await reviewing();
    const input = { mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both" as const, dates: {} };
    const headerRow = 1;
    await client.call("prepare", { headerRow, ...input });
    expect((await client.call("review", input)).counts).toMatchObject({ rows: 6, valid: 2 });
    expect(build).toHaveBeenCalledTimes(1);

    await client.call("edit", { row: 1, field: "phone_number", value: "9876543211" });
    const again = await client.call("review", input);
    expect(build).toHaveBeenCalledTimes(2);
    // The edit was dropped with the step: the rows are the file's again.
    expect(again.counts).toMatchObject({ rows: 6, valid: 2 });
    expect((await client.call("rows", { rows: [1] })).rows[0].cells.phone_number).toBe("12345");
  });
});

describe("campaign check (validate-only)", () => {
  it("sends the unchecked valid rows and places the server's answers on them", async () => {
    const answer = {
      invalid: [],
      notWritten: [{ index: 0, id: "L1", code: "duplicate_in_campaign" as const, message: "loan_id 'L1' already exists in this campaign" }],
    };
    const route = server(() => answer);
    const { client } = await reviewing(CSV, undefined, route.fetch);
    const state = (await client.call("checkNext", { campaignId: "camp_1", limit: 100 }))!;
    expect(route.requests).toEqual([
      {
        path: "/api/uploads/check",
        body: {
          campaignId: "camp_1",
          records: [
            expect.objectContaining({ loan_id: "L1", phone_number: "9876543210" }),
            expect.objectContaining({ loan_id: "L5", phone_number: "9876543215.0" }),
          ],
        },
      },
    ]);
    expect(state.counts).toMatchObject({ valid: 1, refused: 1, unchecked: 0 });
    // Only the refused row has to be shown again.
    expect(state.changed).toEqual([0]);
    expect(state.counts.categories.find((c) => c.key === "campaign-duplicate")).toMatchObject({
      label: "Already in the campaign",
      count: 1,
    });
    expect((await client.call("rows", { rows: [0] })).rows[0].issues.loan_id).toEqual({
      level: "error",
      code: "duplicate_in_campaign",
      message: "loan_id 'L1' already exists in this campaign",
      source: "campaign-duplicate",
    });
    expect(await client.call("checkNext", { campaignId: "camp_1", limit: 100 })).toBeNull();
    expect(route.requests).toHaveLength(1);
  });

  it("goes on editing while a batch is out, keeps a row edited meanwhile unchecked, and checks it again", async () => {
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    const requests: number[] = [];
    const fetch = (async (_url: string, init?: RequestInit) => {
      requests.push(JSON.parse(String(init?.body)).records.length);
      if (requests.length === 1) await answered;
      return Response.json({ invalid: [], notWritten: [] });
    }) as unknown as typeof globalThis.fetch;
    const { client } = await reviewing(CSV, undefined, fetch);
    const checking = client.call("checkNext", { campaignId: "c", limit: 100 });
    // The edit is answered while the check still waits for the server.
    await client.call("edit", { row: 5, field: "first_name", value: "Ravi" });
    release();
    const state = (await checking)!;
    expect(state.counts.unchecked).toBe(1);
    expect((await client.call("checkNext", { campaignId: "c", limit: 100 }))?.counts.unchecked).toBe(0);
    expect(requests).toEqual([2, 1]);
  });
});

describe("submitting", () => {
  it("opens the file's job, then sends the valid rows, as typed, as the chunk's records", async () => {
    const route = server((path) =>
      path === "/api/uploads"
        ? { uploadJobId: "job_1" }
        : { uploadJobId: "job_1", received: 2, added: 2, invalid: [], notWritten: [], calls: null, workflowTriggered: null },
    );
    const { client } = await reviewing(CSV, undefined, route.fetch);
    const options = { mode: "call" as const, agentId: "agent_1", dispositionId: "disp_1" };
    const plans: number[][] = [];
    client.onEvent((e) => e.event === "submitPlan" && plans.push(e.rows));
    // One command: the worker opens the job and sends every chunk itself.
    expect(await client.call("submit", { campaignId: "camp_1", fileName: "march.csv", options, key: "k", resume: null })).toMatchObject({
      phase: "finished",
      chunks: 1,
      rows: 2,
      sent: 2,
      added: 2,
      rejected: 0,
      uploadJobId: "job_1",
    });
    expect(plans).toEqual([[0, 5]]); // the valid rows, in file order: what a resumed upload sends again
    expect(route.requests.map((r) => r.path)).toEqual(["/api/uploads", "/api/uploads/job_1/chunks"]);
    expect(route.requests[0].body).toEqual({ campaignId: "camp_1", fileName: "march.csv", total: 2, options });
    const sent = route.requests[1].body as { records: Record<string, unknown>[] };
    expect(sent).toEqual({ records: [expect.any(Object), expect.any(Object)] });
    expect(sent.records[0]).toEqual({
      loan_id: "L1",
      first_name: "Asha",
      last_name: "Verma",
      phone_number: "9876543210",
      loan_amount: "250000",
      emi_amount: "12500",
      loan_period: "24",
      current_emi: "3",
      emi_due_date: "2025-01-05",
      payment_status: "pending",
      language: "hindi",
    });
  });

  it("reconciles every row of the file: received = removed + added + duplicates + invalid + failed + not sent", async () => {
    const route = server(() => ({
      uploadJobId: "job_1",
      received: 3,
      added: 1,
      invalid: [{ index: 2, id: "A3", issues: [{ code: "forbidden_field", field: "x", message: "Field 'x' is not allowed" }] }],
      notWritten: [{ index: 1, id: "A2", code: "duplicate_in_campaign", message: "loan_id 'A2' already exists in this campaign" }],
      calls: null,
      workflowTriggered: null,
    }));
    const { client } = await reviewing(
      [
        HEADER,
        ...["A1", "A2", "A3", "A4"].map((id, i) => row(id, { phone: `987654320${i}` })),
        row("A1", { phone: "9876543209" }),
        row("B1", { phone: "1" }),
      ].join("\n"),
      undefined,
      route.fetch,
    );
    await client.call("remove", { rows: [3] });
    const last = await client.call("submit", { campaignId: "c", fileName: "f.csv", options: { mode: "add" }, key: "k", resume: null });
    expect(last).toMatchObject({ phase: "finished", sent: 3, added: 1, rejected: 2 });
    const outcome = await client.call("outcome", {});
    expect(outcome).toEqual({
      received: 6,
      removed: 1,
      added: 1,
      duplicates: {
        count: 2,
        reasons: [
          { label: "Already in the campaign", count: 1, example: "loan_id 'A2' already exists in this campaign" },
          { label: "Duplicate loan_id in file", count: 1, example: "Duplicate loan_id 'A1' in this file (first seen at row 2)" },
        ],
      },
      invalid: {
        count: 2,
        reasons: [
          { label: "Refused by the server", count: 1, example: "Field 'x' is not allowed" },
          { label: "Invalid phone_number", count: 1, example: "Invalid phone_number '1': too short" },
        ],
      },
      failed: { count: 0, reasons: [] },
      notSent: 0,
      calls: null,
      workflowTriggered: null,
    });
    expect(outcome.received).toBe(
      outcome.removed + outcome.added + outcome.duplicates.count + outcome.invalid.count + outcome.failed.count + outcome.notSent,
    );

    const report = await client.call("report", { kind: "outcome" });
    expect(report.rows).toBe(4);
    const lines = report.csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      `${HEADER.split(";")
        .map((h) => `"${h}"`)
        .join(",")},"row","errors"`,
    );
    expect(lines.slice(1).map((l) => l.split(",").slice(-2).join(","))).toEqual([
      `"3","loan_id 'A2' already exists in this campaign"`,
      `"4","Field 'x' is not allowed"`,
      `"6","Duplicate loan_id 'A1' in this file (first seen at row 2)"`,
      `"7","Invalid phone_number '1': too short"`,
    ]);
  });

  it("writes the operator's fixes into the report and escapes formulas", async () => {
    const { client } = await reviewing([HEADER, row("=HYPERLINK(1)", { phone: "12" }), row("C2", { phone: "34" })].join("\n"));
    await client.call("edit", { row: 1, field: "phone_number", value: "98765" });
    const report = await client.call("report", { kind: "review" });
    const lines = report.csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[1].startsWith(`"'=HYPERLINK(1)","Asha","Verma","12",`)).toBe(true);
    expect(lines[2]).toContain(`"C2","Asha","Verma","98765",`);
    expect(lines[2].endsWith(`"3","Invalid phone_number '98765': too short"`)).toBe(true);
  });

  it("does not count a generated lead_id as a name the server will use", async () => {
    const route = server(() => ({ invalid: [], notWritten: [] }));
    const client = connectInMemory(route.fetch);
    await client.call("open", {
      name: "leads.csv",
      data: utf8WithBom("first_name,last_name,phone_number,lead_date\nAsha,Verma,9876543210,2025-01-05\n"),
    });
    await client.call("selectSheet", { sheet: 0 });
    const { columns } = await client.call("setHeader", { headerRow: 0 });
    const { mapping } = mapColumns(
      columns.map((c) => c.header),
      LEAD_GENERATION_SCHEMA.fields,
    );
    await client.call("review", { mapping, schema: LEAD_GENERATION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    await client.call("checkNext", { campaignId: "c", limit: 10 });
    expect(route.requests[0].body.records).toEqual([
      { first_name: "Asha", last_name: "Verma", phone_number: "9876543210", lead_date: "2025-01-05" },
    ]);
  });
});

describe("the client", () => {
  it("matches answers to calls when several are in flight, and rejects all when the worker dies", async () => {
    const { client } = await reviewing();
    const [a, b] = await Promise.all([client.call("rows", { rows: [0] }), client.call("rows", { rows: [5] })]);
    expect([a.rows[0].rowNumber, b.rows[0].rowNumber]).toEqual([3, 8]);

    let fail: (event: ErrorEvent) => void = () => {};
    const silent: WorkerPort = {
      postMessage() {},
      addEventListener(type: "message" | "error", listener: (event: never) => void) {
        if (type === "error") fail = listener as (event: ErrorEvent) => void;
      },
      terminate() {},
    };
    const dead = new UploadWorkerClient(silent);
    const pending = dead.call("outcome", {});
    fail({ message: "SyntaxError" } as ErrorEvent);
    await expect(pending).rejects.toThrow("The file reader stopped: SyntaxError. Reload the page and try again.");
    await expect(dead.call("outcome", {})).rejects.toThrow("The file reader stopped");
  });
});

function utf8WithBom(text: string): ArrayBuffer {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes.buffer;
}

/** Latin-1 covers the accents used here, and is what cp1252 encodes them as. */
function cp1252(text: string): ArrayBuffer {
  return Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer;
}

describe("dates as people write them", () => {
  it("reads how each date column is written and converts it before the core judges it", async () => {
    const text = [
      HEADER,
      row("L1", { due: "15/01/2027" }),
      row("L2", { phone: "9876543211", due: "03/02/2027" }),
      row("L3", { phone: "9876543212", due: "31/02/2027" }),
    ].join("\n");
    const client = connectInMemory();
    await client.call("open", { name: "dues.csv", data: utf8WithBom(text) });
    const preview = await client.call("selectSheet", { sheet: 0 });
    const { columns } = await client.call("setHeader", { headerRow: preview.detectedHeader });
    const { mapping } = mapColumns(
      columns.map((c) => c.header),
      DEBT_COLLECTION_SCHEMA.fields,
    );
    const { columns: dates } = await client.call("dateColumns", {
      headerRow: preview.detectedHeader,
      mapping,
      schema: DEBT_COLLECTION_SCHEMA,
      dayFirst: true,
    });
    expect(dates).toEqual([
      {
        field: "emi_due_date",
        fits: ["dmy"],
        guess: "dmy",
        ambiguous: false,
        samples: [
          { raw: "15/01/2027", iso: "2027-01-15" },
          { raw: "03/02/2027", iso: "2027-02-03" },
          { raw: "31/02/2027", iso: null },
        ],
      },
    ]);
    const input = { mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both" } as const;
    expect((await client.call("review", { ...input, dates: {} })).counts).toMatchObject({ valid: 0, invalid: 3 });
    const state = await client.call("review", { ...input, dates: { emi_due_date: "dmy" } });
    expect(state.counts).toMatchObject({ valid: 2, invalid: 1 });
    const [first, , impossible] = (await client.call("rows", { rows: [0, 1, 2] })).rows;
    expect(first.cells.emi_due_date).toBe("2027-01-15");
    expect(impossible.issues.emi_due_date).toMatchObject({
      code: "invalid_date",
      message: "Field 'emi_due_date' must be a real date in YYYY-MM-DD format",
    });
  });
});

describe("bad files said plainly", () => {
  it("recognises files by content, whatever their name, and says there are no rows in a header-only file", async () => {
    const client = connectInMemory();
    const pdf = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj").buffer as ArrayBuffer;
    await expect(client.call("open", { name: "leads.csv", data: pdf })).rejects.toThrow(
      "This file is a PDF document, not a spreadsheet. Export the contacts as .xlsx or .csv and upload that file.",
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).buffer as ArrayBuffer;
    await expect(client.call("open", { name: "leads.xlsx", data: png })).rejects.toThrow("This file is a PNG image, not a spreadsheet.");
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).buffer as ArrayBuffer;
    await expect(client.call("open", { name: "leads.csv", data: ole2 })).rejects.toThrow(
      "This is an old .xls workbook. Save it as .xlsx (or CSV UTF-8) and upload again.",
    );

    await client.call("open", { name: "empty.csv", data: utf8WithBom(HEADER) });
    await expect(client.call("selectSheet", { sheet: 0 })).rejects.toThrow(
      'There are no contacts in "empty.csv": it holds only a header row.',
    );
  });
});

describe("counts that agree", () => {
  it("a repeated loan_id shows the moment it repeats, even while both copies have other errors; each row counts once", async () => {
    const text = [
      HEADER,
      row("R1", { phone: "12345" }),
      row("R1", { phone: "9876543211", due: "2025-02-30" }),
      row("R2", { phone: "9876543212" }),
    ].join("\n");
    const { client, state } = await reviewing(text);
    expect(state.counts).toMatchObject({ rows: 3, valid: 1, invalid: 2, duplicates: 0 });
    const [, second] = (await client.call("rows", { rows: [0, 1] })).rows;
    expect(second.issues.loan_id).toMatchObject({
      level: "error",
      code: "duplicate_in_file",
      message: "Duplicate loan_id 'R1' in this file (first seen at row 2)",
    });
    const errors = state.counts.categories.filter((c) => c.level === "error");
    expect(errors.reduce((sum, c) => sum + c.count, 0)).toBe(state.counts.invalid + state.counts.duplicates + state.counts.refused);
  });
});
