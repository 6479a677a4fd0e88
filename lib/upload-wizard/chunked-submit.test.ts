import { describe, expect, it } from "vitest";
import { DEBT_COLLECTION_SCHEMA } from "@/lib/campaigns/field-schema";
import { mapColumns } from "@/lib/spreadsheet/map-columns";
import type { SubmitProgress } from "./chunked-submit";
import { UPLOADS_PATH } from "./submission-phase";
import { connectInMemory } from "./in-memory-worker";
import { chunkSize } from "./submit-ledger";
import { MAX_CHUNK_ROWS, uploadChunkAnswerSchema } from "./upload-api";

// The submit loop against stand-ins of the wizard's upload routes that keep Idempotency-Keys the
// way the real ones do: the same key and body replays the stored answer and adds nothing.

const HEADER = "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,loan_period,current_emi,emi_due_date,payment_status";

/** A reviewed file of `rows` rows in a worker whose requests go to `route`. */
async function reviewed(rows: number, route: ReturnType<typeof fakeRoute>) {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(`L${i},Asha,Verma,98765${String(i).padStart(5, "0")},250000,12500,24,3,2025-01-05,pending`);
  const client = connectInMemory(route.fetch);
  await client.call("open", { name: "book.csv", data: new TextEncoder().encode(lines.join("\n")).buffer as ArrayBuffer });
  await client.call("selectSheet", { sheet: 0 });
  const { columns } = await client.call("setHeader", { headerRow: 0 });
  const { mapping } = mapColumns(
    columns.map((c) => c.header),
    DEBT_COLLECTION_SCHEMA.fields,
  );
  await client.call("review", {
    mapping,
    schema: DEBT_COLLECTION_SCHEMA,
    policy: { defaultCountry: "IN", mobileOnly: true },
    duplicatesBy: "both",
    dates: {},
  });
  return client;
}

/**
 * The upload routes in miniature: POST /api/uploads opens job_1; its chunks route is idempotent,
 * adds every record once and records what it saw (`script` decides each chunk call's fate).
 */
function fakeRoute(script: (call: number) => "ok" | "drop-after-write" | "offline" | { status: number; body: unknown } = () => "ok") {
  const stored = new Map<string, { body: string; answer: unknown }>();
  const added = new Set<string>();
  const calls: { key: string; body: Record<string, unknown> }[] = [];
  const opened: Record<string, unknown>[] = [];
  const finished: string[] = [];
  const reopened: string[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    if (String(url) === UPLOADS_PATH) {
      opened.push(JSON.parse(String(init?.body)));
      return Response.json({ uploadJobId: "job_1" }, { status: 201 });
    }
    if (String(url) === `${UPLOADS_PATH}/job_1/finish`) {
      finished.push("job_1");
      return Response.json({ uploadJobId: "job_1" });
    }
    if (String(url) === `${UPLOADS_PATH}/job_1/reopen`) {
      reopened.push("job_1");
      return Response.json({ uploadJobId: "job_1" });
    }
    expect(String(url)).toBe(`${UPLOADS_PATH}/job_1/chunks`);
    const key = new Headers(init?.headers).get("Idempotency-Key")!;
    const body = String(init?.body);
    const parsed = JSON.parse(body);
    calls.push({ key, body: parsed });
    const step = script(calls.length - 1);
    if (step === "offline") throw new TypeError("Failed to fetch");
    if (typeof step === "object") return Response.json(step.body, { status: step.status });
    let answer = stored.get(key)?.body === body ? stored.get(key)!.answer : undefined;
    if (answer === undefined) {
      const records = parsed.records as { loan_id: string }[];
      const fresh = records.filter((r) => !added.has(r.loan_id));
      for (const r of fresh) added.add(r.loan_id);
      const n = records.length;
      const notWritten = records.flatMap((r, index) =>
        fresh.includes(r) ? [] : [{ index, id: r.loan_id, code: "duplicate_in_campaign", message: "already there" }],
      );
      answer = uploadChunkAnswerSchema.parse({
        uploadJobId: "job_1",
        received: n,
        added: fresh.length,
        invalid: [],
        notWritten,
        calls: null,
        workflowTriggered: null,
      });
      stored.set(key, { body, answer });
    }
    if (step === "drop-after-write") throw new TypeError("network connection was lost");
    return Response.json(answer);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls, added, opened, finished, reopened };
}

/** The page's side: one "submit" command, the progress as events, one "submitCancel". */
function submission(client: Awaited<ReturnType<typeof reviewed>>, resume: { plan: number[] } | null = null) {
  const seen: SubmitProgress[] = [];
  const plans: number[][] = [];
  client.onEvent((e) => (e.event === "submitProgress" ? seen.push(e.progress) : plans.push(e.rows)));
  const input = { campaignId: "camp_1", options: { mode: "add" as const }, fileName: "book.csv", key: "sub-1", resume };
  const run = {
    start: () => client.call("submit", input),
    retry: () => client.call("submitRetry", {}),
    cancel: () => client.call("submitCancel", {}),
  };
  return { run, seen, plans, last: () => seen.at(-1)! };
}

describe("chunk size", () => {
  it("aims at ten chunks, at least 1,000 rows each and never over the route's 10,000", () => {
    expect([chunkSize(3), chunkSize(2_500), chunkSize(20_000), chunkSize(100_000), chunkSize(250_000)]).toEqual([
      1000,
      1000,
      2000,
      10000,
      MAX_CHUNK_ROWS,
    ]);
  });
});

describe("ChunkedSubmission", () => {
  it("sends every valid row once, a chunk at a time, with one Idempotency-Key per chunk", async () => {
    const route = fakeRoute();
    const client = await reviewed(2_500, route);
    const { run, last, seen } = submission(client);
    await run.start();
    expect(route.calls.map((c) => [c.key, (c.body.records as unknown[]).length])).toEqual([
      ["sub-1-0", 1000],
      ["sub-1-1", 1000],
      ["sub-1-2", 500],
    ]);
    // One upload job for the file, opened with its name and the rows to send; every chunk joins it.
    expect(route.opened).toEqual([{ campaignId: "camp_1", fileName: "book.csv", total: 2500, options: { mode: "add" } }]);
    expect(route.calls.every((c) => Object.keys(c.body).join() === "records")).toBe(true);
    expect(last()).toEqual({
      phase: "finished",
      chunk: 3,
      chunks: 3,
      rows: 2500,
      sent: 2500,
      added: 2500,
      rejected: 0,
      error: null,
      uploadJobId: "job_1",
    });
    expect(seen.filter((p) => p.phase === "sending").map((p) => p.sent)).toEqual([0, 0, 1000, 2000, 2500]);
    expect(route.added.size).toBe(2500);
  });

  it("pauses on a lost connection and retries the same chunk with the same key, adding nothing twice", async () => {
    const route = fakeRoute((call) => (call === 1 ? "drop-after-write" : "ok"));
    const client = await reviewed(2_500, route);
    const { run, last } = submission(client);
    await run.start();
    expect(last()).toMatchObject({ phase: "paused", chunk: 1, sent: 1000, added: 1000 });
    expect(last().error).toBe(
      "The connection failed while sending chunk 2 of 3 (network connection was lost). Retrying is safe: the chunk is sent with the same Idempotency-Key, so rows already added are not added twice.",
    );
    await run.retry();
    expect(route.calls.map((c) => c.key)).toEqual(["sub-1-0", "sub-1-1", "sub-1-1", "sub-1-2"]);
    expect(JSON.stringify(route.calls[2].body)).toBe(JSON.stringify(route.calls[1].body));
    expect(last()).toMatchObject({ phase: "finished", sent: 2500, added: 2500, rejected: 0 });
    expect(route.added.size).toBe(2500);

    const outcome = await client.call("outcome", {});
    expect(outcome).toMatchObject({ received: 2500, added: 2500, notSent: 0, failed: { count: 0 } });
  });

  it("pauses with the server's message on a 500 or a 409, and stops for good on a refused request", async () => {
    const crash = fakeRoute(() => ({ status: 500, body: { error: { code: "internal", message: "An unexpected error occurred" } } }));
    const a = submission(await reviewed(10, crash));
    await a.run.start();
    expect(a.last()).toMatchObject({ phase: "paused", chunk: 0 });
    expect(a.last().error).toMatch(/^An unexpected error occurred\. Retrying is safe/);

    const busy = fakeRoute(() => ({
      status: 409,
      body: { error: { code: "conflict", message: "A request with this Idempotency-Key is still in progress" } },
    }));
    const b = submission(await reviewed(10, busy));
    await b.run.start();
    expect(b.last()).toMatchObject({
      phase: "paused",
      error: expect.stringMatching(/^A request with this Idempotency-Key is still in progress\./),
    });

    const refused = fakeRoute(() => ({
      status: 400,
      body: {
        error: {
          code: "validation",
          message: "Validation failed",
          errors: ["callConfig.agentId does not match an agent of your organization"],
        },
      },
    }));
    const c = submission(await reviewed(10, refused));
    await c.run.start();
    expect(c.last()).toMatchObject({
      phase: "failed",
      error: "Validation failed: callConfig.agentId does not match an agent of your organization",
    });
    await c.run.retry();
    expect(refused.calls).toHaveLength(1);
  });

  it("cancels after the chunk in flight, and counts the rest as not sent", async () => {
    let cancel = () => {};
    const route = fakeRoute((call) => {
      if (call === 0) cancel();
      return "ok";
    });
    const client = await reviewed(2_500, route);
    const { run, last } = submission(client);
    cancel = () => void run.cancel();
    await run.start();
    expect(route.calls).toHaveLength(1);
    expect(last()).toMatchObject({ phase: "cancelled", chunk: 1, sent: 1000, added: 1000 });
    expect(route.finished).toEqual(["job_1"]); // the job keeps what was sent
    expect(await client.call("outcome", {})).toMatchObject({ received: 2500, added: 1000, notSent: 1500 });
    const report = await client.call("report", { kind: "outcome" });
    expect(report.rows).toBe(1500);
    expect(report.csv).toContain("Not sent: the upload was cancelled before this row's chunk");
  });

  it("cancels a paused upload at once", async () => {
    const { run, last } = submission(
      await reviewed(
        10,
        fakeRoute(() => "offline"),
      ),
    );
    await run.start();
    expect(last().phase).toBe("paused");
    expect((await run.cancel()).phase).toBe("cancelled");
    expect(last().phase).toBe("cancelled");
  });

  it("resumes after a reload with the same key and plan: sent chunks replay, the rest are added, every row once", async () => {
    let cancel = () => {};
    const route = fakeRoute((call) => {
      if (call === 0) cancel();
      return "ok";
    });
    const first = submission(await reviewed(2_500, route));
    cancel = () => void first.run.cancel();
    await first.run.start();
    expect(first.last()).toMatchObject({ phase: "cancelled", sent: 1000 });
    expect(first.plans).toHaveLength(1);

    // The page came back: a new worker, the same file and review, the plan and key it kept.
    const again = await reviewed(2_500, route);
    const resumed = submission(again, { plan: first.plans[0] });
    expect(await resumed.run.start()).toMatchObject({ phase: "finished", sent: 2500, added: 2500 });
    expect(route.reopened).toEqual(["job_1"]);
    expect(route.calls.map((c) => c.key)).toEqual(["sub-1-0", "sub-1-0", "sub-1-1", "sub-1-2"]);
    expect(route.added.size).toBe(2500);
    expect(await again.call("outcome", {})).toMatchObject({ received: 2500, added: 2500, notSent: 0 });
  });
});
