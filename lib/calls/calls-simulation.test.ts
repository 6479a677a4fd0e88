import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createDatabase, dropDatabase } from "@/scripts/temporary-database";
import { createTestCampaign, createTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCustomers } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { nextDueAt } from "./dispatch";
import { checkWindow, effectiveZone } from "./calling-window";
import { pauseCampaignCalls, resumeCampaignCalls } from "./campaign-calls";
import { CAP_WINDOW_MS } from "./call-checks";
import { INTERRUPTED_MESSAGE } from "./recover-attempts";
import { createSimTables, listener, readDials, setControl, workersDone } from "./simulation/sim-tables";

// The correctness simulation. Four campaigns, ~6,500 customers (200 numbers shared by two
// campaigns), >10,000 attempts with retries, over simulated days driven by a manual clock: the
// calling windows open and close (two zones, two legal windows), DNC entries are added mid-run,
// a campaign is paused and resumed, another reaches its end date, and two worker processes
// dispatch at once — one of them SIGKILLed in the middle of a batch. At the end: no dial outside
// the window, none to an active DNC number, none twice, none to a number already in a call, no
// attempt lost, and every count reconciles with the database. Own database (the workers dispatch
// every organization in it).

const H = 3_600_000;
const START = new Date("2026-12-06T18:30:00Z"); // Monday 2026-12-07 00:00 IST
const IST = (day: number, hour: number, minute = 0) => new Date(START.getTime() + day * 24 * H + hour * H + minute * 60_000);
const ORG_CAP = 300;

let url: string;
let logDir: string;
let previousUrl: string | undefined;
let org: TestOrg;
const children: ChildProcess[] = [];

beforeAll(async () => {
  url = await createDatabase("dialsheet_calls_sim");
  logDir = mkdtempSync(path.join(tmpdir(), "calls-sim-"));
  await migrate(url);
  await stopBoss();
  await disconnectDb();
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  await createSimTables();
  org = await createTestOrg("sim");
  await db.callSettings.create({
    data: { organizationId: org.id, maxConcurrentCalls: ORG_CAP, frequencyCap: 3, simulatedDelayMs: 30 * 60_000, simulatedContactedPct: 45, simulatedNoContactPct: 40, simulatedFailedPct: 15, simulatedSeed: "sim" },
  });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await stopBoss();
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  await dropDatabase(url);
  rmSync(logDir, { recursive: true, force: true });
});

describe("calls simulation", () => {
  it("10,000+ attempts over simulated days: 0 dials outside the window, to DNC, twice; 0 lost", { timeout: 300_000 }, async () => {
    const ctx = contextOf(org.id);
    const window = { startDate: "2026-12-01", endDate: "2027-01-31", startTime: "09:00", endTime: "19:00" };
    const debt = await createTestCampaign(org.id, "emi", { ...window, name: "Sim debt" });
    const lead = await createTestCampaign(org.id, "lead", { ...window, startTime: "08:00", endTime: "20:00", name: "Sim lead" });
    const paused = await createTestCampaign(org.id, "emi", { ...window, name: "Sim paused" });
    const ending = await createTestCampaign(org.id, "lead", { ...window, endDate: "2026-12-08", name: "Sim ending" });
    await db.campaign.update({ where: { id: debt.id }, data: { maxConcurrentCalls: 120 } });
    await db.campaign.update({ where: { id: lead.id }, data: { maxConcurrentCalls: 100 } });
    await db.campaign.update({ where: { id: paused.id }, data: { maxConcurrentCalls: 80 } });
    await db.campaign.update({ where: { id: ending.id }, data: { maxConcurrentCalls: 10, retryDelayMinutes: 180 } });

    const debtCustomers = await createCustomers(debt.id, 2_000, { offset: 0 });
    // Half of the lead customers live in Dubai (their own zone wins); 200 share a number with a debt customer.
    const leadCustomers = await createCustomers(lead.id, 2_000, {
      offset: 10_000,
      timezone: (i) => (i % 2 === 0 ? "Asia/Dubai" : null),
      phone: (i) => (i < 200 ? debtCustomers[i * 3].phoneE164 : `+9190${String(10_000 + i).padStart(8, "0")}`),
    });
    const pausedCustomers = await createCustomers(paused.id, 1_500, { offset: 20_000 });
    const endingCustomers = await createCustomers(ending.id, 1_000, { offset: 30_000 });
    const campaigns = new Map([debt, lead, paused, ending].map((c) => [c.id, c]));
    const zoneOf = new Map([...debtCustomers, ...leadCustomers, ...pausedCustomers, ...endingCustomers].map((c) => [c.id, c.timezone]));

    const clock = manualClock(START);
    const schedule = (campaignId: string, customers: { id: string }[], requestKey?: string) =>
      scheduleCalls(ctx, { campaignId, customerIds: customers.map((c) => c.id), agentId: org.agent.id, dispositionId: org.disposition.id, requestKey, clock });
    const results = [
      await schedule(debt.id, debtCustomers, "debt-1"),
      await schedule(lead.id, leadCustomers.slice(0, 1_500), "lead-1"),
      await schedule(paused.id, pausedCustomers),
      await schedule(ending.id, endingCustomers),
    ];
    // The window is closed at midnight: everything waits for 09:00 IST (Dubai's 09:00 is later).
    expect(results.map((r) => r.scheduledFor)).toEqual([IST(0, 9), IST(0, 9), IST(0, 9), IST(0, 9)]);
    // A retried request adds nobody.
    const retried = await schedule(debt.id, debtCustomers, "debt-1");
    expect(retried).toMatchObject({ totalRequested: 2_000, initiated: 2_000, failed: 0 });

    // The script: DNC mid-run, a pause and a resume, a late batch, the kill.
    const dncPhones = debtCustomers.filter((_, i) => i % 7 === 3).map((c) => c.phoneE164);
    const campaignDncPhones = leadCustomers.filter((_, i) => i % 11 === 5 && i >= 200).map((c) => c.phoneE164);
    const inactiveDncPhone = debtCustomers[11].phoneE164;
    const dncAt = IST(0, 11);
    const pauseAt = IST(0, 10);
    const resumeAt = IST(1, 12);
    const lateBatchAt = IST(0, 14);
    const killAt = IST(0, 9, 20);
    let lateBatch: Awaited<ReturnType<typeof schedule>> | null = null;
    const events: { at: Date; run: () => Promise<unknown> }[] = [
      { at: pauseAt, run: () => pauseCampaignCalls(ctx, paused.id, clock) },
      {
        at: dncAt,
        run: () =>
          db.dncEntry.createMany({
            data: [
              ...dncPhones.map((phone) => ({ organizationId: org.id, scope: "", phoneRaw: phone.slice(3), phoneE164: phone, status: "active" as const })),
              ...campaignDncPhones.map((phone) => ({ organizationId: org.id, campaignId: lead.id, scope: lead.id, phoneRaw: phone.slice(3), phoneE164: phone, status: "active" as const })),
              { organizationId: org.id, campaignId: debt.id, scope: debt.id, phoneRaw: inactiveDncPhone.slice(3), phoneE164: inactiveDncPhone, status: "inactive" as const },
            ],
          }),
      },
      { at: lateBatchAt, run: async () => (lateBatch = await schedule(lead.id, leadCustomers.slice(1_500), "lead-2")) },
      { at: resumeAt, run: () => resumeCampaignCalls(ctx, paused.id, clock) },
    ];

    const doneSignals = await listener("sim_done");
    const workers = [startWorker("a", 15), startWorker("b", 0)];
    let alive = ["a", "b"];
    let killed = false;
    let tick = 0;
    const loopStarted = performance.now();
    for (let now = START; ; tick++) {
      clock.set(now);
      for (const event of events.filter((e) => e.at.getTime() === now.getTime())) await event.run();
      await setControl(tick, now);
      // Wait for the live workers to finish this instant; kill "a" once it is inside a batch.
      const baseline = killed ? 0 : await dialsBy("a");
      for (;;) {
        if (!killed && now >= killAt && (await dialsBy("a")) > baseline + 5) {
          workers[0].kill("SIGKILL");
          await once(workers[0], "exit");
          killed = true;
          alive = ["b"];
        }
        const done = await workersDone(tick);
        if (alive.every((w) => done.includes(w))) break;
        // Before the kill, watch the victim's dial log closely; afterwards just wait to be told.
        if (!killed && now >= killAt) await new Promise((resolve) => setTimeout(resolve, 3));
        else await doneSignals.next(250);
      }
      const due = await nextDueAt(org.id, now);
      const pending = events.map((e) => e.at).filter((at) => at > now);
      const candidates = [...(due ? [due] : []), ...pending];
      if (candidates.length === 0) break;
      now = new Date(Math.min(...candidates.map((d) => d.getTime())));
      expect(tick).toBeLessThan(5_000);
    }
    const loopMs = performance.now() - loopStarted;
    console.log(`simulation loop: ${tick} ticks in ${Math.round(loopMs)} ms`);
    await setControl(tick + 1, clock.now(), true);
    await doneSignals.close();
    await once(workers[1], "exit");
    expect(killed).toBe(true);

    // ---- Reconciliation ----
    // The killed worker's lost batch is not a failing provider: no campaign paused itself.
    expect((await db.campaign.findMany({ where: { autoPausedReason: { not: null } } })).map((c) => c.name)).toEqual([]);
    const calls = await db.call.findMany();
    const dials = [...readDials(logDir, "a"), ...readDials(logDir, "b")];
    expect(calls.length).toBeGreaterThanOrEqual(10_000);

    // Every attempt in exactly one final state; initiated attempts are all there.
    const left = calls.filter((c) => c.state === "scheduled" || c.state === "dialing");
    expect(left.slice(0, 5).map((c) => ({ state: c.state, campaign: campaigns.get(c.campaignId)!.name, notBefore: c.notBefore, wait: c.waitReason, dialedAt: c.dialedAt, provider: c.providerCallId, attempt: c.attempt })), `${left.length} attempts left, last tick at ${clock.now().toISOString()}`).toEqual([]);
    const initiated = [...results, lateBatch!].reduce((sum, r) => sum + r.initiated, 0);
    expect(calls.filter((c) => c.attempt === 1).length).toBe(initiated);
    // The late batch met the campaign DNC entries added before it: those customers failed at once.
    expect(lateBatch!.failed).toBeGreaterThan(0);
    expect(lateBatch!.errors.every((e) => e.error === "DNC_BLOCKED")).toBe(true);
    expect(initiated).toBe(6_500 - lateBatch!.failed);
    const byState = (state: string) => calls.filter((c) => c.state === state).length;
    expect(byState("completed") + byState("failed") + byState("blocked") + byState("cancelled")).toBe(calls.length);

    // Violations are collected and asserted once per rule (fast, and the message lists them all).
    const callById = new Map(calls.map((c) => [c.id, c]));
    const dialled = new Map<string, (typeof dials)[number]>();
    const twice: string[] = [];
    for (const d of dials) {
      if (dialled.has(d.call_id)) twice.push(d.call_id);
      dialled.set(d.call_id, d);
    }
    // No attempt dialled twice; every dial is an attempt claimed at that instant.
    expect(twice).toEqual([]);
    expect(dials.filter((d) => callById.get(d.call_id)?.dialedAt?.getTime() !== d.at.getTime())).toEqual([]);
    // Claimed but never answered for: only the killed worker's batch, ended failed, retried by policy.
    const interrupted = calls.filter((c) => c.errorMessage === INTERRUPTED_MESSAGE);
    expect(interrupted.length).toBeGreaterThan(0);
    expect(interrupted.every((c) => c.state === "failed" && c.outcome === "Failed")).toBe(true);
    expect(calls.filter((c) => c.dialedAt && !c.providerCallId && c.errorMessage !== INTERRUPTED_MESSAGE).map((c) => c.id)).toEqual([]);
    expect(calls.filter((c) => c.providerCallId && !dialled.has(c.id)).map((c) => c.id)).toEqual([]);

    // 0 dials outside the window (campaign dates and hours ∩ legal hours, customer's zone first).
    expect(
      dials.filter((d) => {
        const call = callById.get(d.call_id)!;
        const campaign = campaigns.get(call.campaignId)!;
        return !checkWindow(d.at, campaign, effectiveZone(zoneOf.get(call.customerId), campaign.timezone)).open;
      }),
    ).toEqual([]);
    // Dubai customers were dialled, and only from 09:00 Dubai (10:30 IST).
    const dubai = dials.filter((d) => zoneOf.get(callById.get(d.call_id)!.customerId) === "Asia/Dubai");
    expect(dubai.length).toBeGreaterThan(0);
    expect(Math.min(...dubai.map((d) => d.at.getTime()))).toBeGreaterThanOrEqual(new Date("2026-12-07T05:00:00Z").getTime());

    // 0 dials to an active DNC number after it was added; those attempts ended blocked "dnc".
    const blockedGlobally = new Set(dncPhones);
    const blockedInLead = new Set(campaignDncPhones);
    expect(dials.filter((d) => d.at >= dncAt && (blockedGlobally.has(d.phone) || (d.campaign_id === lead.id && blockedInLead.has(d.phone))))).toEqual([]);
    const dncBlocked = calls.filter((c) => c.blockedReason === "dnc");
    expect(dncBlocked.length).toBeGreaterThan(0);
    expect(dncBlocked.filter((c) => !blockedGlobally.has(c.toPhone) && !(c.campaignId === lead.id && blockedInLead.has(c.toPhone)))).toEqual([]);
    // An inactive entry blocks nothing.
    expect(calls.filter((c) => c.toPhone === inactiveDncPhone && c.blockedReason === "dnc")).toEqual([]);

    // The paused campaign placed no call while paused, and finished after the resume.
    expect(dials.filter((d) => d.campaign_id === paused.id && d.at >= pauseAt && d.at < resumeAt)).toEqual([]);
    expect(dials.filter((d) => d.campaign_id === paused.id && d.at >= resumeAt).length).toBeGreaterThan(0);
    // The campaign that ended: what was left is blocked with the reason, not dropped.
    expect(dials.filter((d) => d.campaign_id === ending.id && d.at >= IST(2, 0))).toEqual([]);
    expect(calls.filter((c) => c.campaignId === ending.id && c.blockedReason === "window_closed_campaign_ended").length).toBeGreaterThan(0);

    // Never two calls to one number at once; at most 3 dials per number per rolling 24 h.
    const byPhone = new Map<string, typeof calls>();
    for (const c of calls) if (c.dialedAt) byPhone.set(c.toPhone, [...(byPhone.get(c.toPhone) ?? []), c]);
    const overlapping: string[] = [];
    const overCap: string[] = [];
    for (const [phone, list] of byPhone) {
      list.sort((x, y) => x.dialedAt!.getTime() - y.dialedAt!.getTime());
      for (let i = 1; i < list.length; i++) if (list[i].dialedAt! < list[i - 1].finishedAt!) overlapping.push(phone);
      for (let i = 3; i < list.length; i++) if (list[i].dialedAt!.getTime() - list[i - 3].dialedAt!.getTime() <= CAP_WINDOW_MS) overCap.push(phone);
    }
    expect(overlapping).toEqual([]);
    expect(overCap).toEqual([]);
    expect(calls.some((c) => c.blockedReason === "frequency_cap")).toBe(true);

    // Concurrency: at every dial instant, calls in progress within the campaign and organization caps.
    const caps = new Map([[debt.id, 120], [lead.id, 100], [paused.id, 80], [ending.id, 10]]);
    const dialledCalls = calls.filter((c) => c.dialedAt);
    const overConcurrency: string[] = [];
    let peak = 0;
    for (const t of new Set(dials.map((d) => d.at.getTime()))) {
      const live = dialledCalls.filter((c) => c.dialedAt!.getTime() <= t && c.finishedAt!.getTime() > t);
      peak = Math.max(peak, live.length);
      if (live.length > ORG_CAP) overConcurrency.push(`${new Date(t).toISOString()} organization ${live.length}`);
      for (const [id, cap] of caps) {
        const n = live.filter((c) => c.campaignId === id).length;
        if (n > cap) overConcurrency.push(`${new Date(t).toISOString()} ${campaigns.get(id)!.name} ${n}`);
      }
    }
    expect(overConcurrency).toEqual([]);
    expect(peak).toBe(ORG_CAP);

    // Retries: exactly one per retryable result under the campaign's limit, never before its delay.
    const retriesOf = new Map<string, typeof calls>();
    for (const c of calls) if (c.retryOfId) retriesOf.set(c.retryOfId, [...(retriesOf.get(c.retryOfId) ?? []), c]);
    const retryProblems: string[] = [];
    for (const c of calls.filter((c) => c.outcome === "No Contact" || c.outcome === "Failed")) {
      const retries = retriesOf.get(c.id) ?? [];
      if (retries.length !== (c.attempt < 3 ? 1 : 0)) retryProblems.push(`${c.id}: ${retries.length} retries after attempt ${c.attempt}`);
      for (const r of retries) {
        if (r.attempt !== c.attempt + 1) retryProblems.push(`${r.id}: attempt ${r.attempt}`);
        const delay = (c.campaignId === ending.id ? 180 : 120) * 60_000;
        if (r.dialedAt && r.dialedAt.getTime() - c.finishedAt!.getTime() < delay) retryProblems.push(`${r.id}: dialled early`);
      }
    }
    expect(retryProblems).toEqual([]);
    expect(calls.filter((c) => c.retryOfId && !["No Contact", "Failed"].includes(callById.get(c.retryOfId)!.outcome ?? "")).map((c) => c.id)).toEqual([]);
    expect(calls.filter((c) => c.attempt === 3).length).toBeGreaterThan(0);

    // Outbox: one call.result per result, one call.blocked per block; the customers' last outcome.
    const events_ = await db.callEvent.groupBy({ by: ["type"], _count: true });
    const count = (type: string) => events_.find((e) => e.type === type)?._count ?? 0;
    expect(count("call.result")).toBe(calls.filter((c) => c.outcome).length);
    expect(count("call.blocked")).toBe(byState("blocked"));
    const customers = await db.customer.findMany({ where: { campaign: { organizationId: org.id } }, select: { id: true, lastCallId: true, lastCallStatus: true } });
    const latest = new Map<string, (typeof calls)[number]>();
    for (const c of calls.filter((c) => c.outcome)) {
      const seen = latest.get(c.customerId);
      if (!seen || seen.finishedAt! < c.finishedAt!) latest.set(c.customerId, c);
    }
    for (const customer of customers) expect(customer.lastCallStatus ?? null).toBe(latest.get(customer.id)?.outcome ?? null);
    console.log(
      `simulation: ${tick} ticks in ${Math.round(loopMs)} ms, reconciled in ${Math.round(performance.now() - loopStarted - loopMs)} ms, ` +
        `${tick} ticks, ${calls.length} attempts, ${dials.length} dials (${dials.filter((d) => d.worker === "a").length} by the killed worker, ${interrupted.length} interrupted, peak ${peak} in progress), ` +
        `states ${JSON.stringify(Object.fromEntries(["completed", "failed", "blocked", "cancelled"].map((s) => [s, byState(s)])))}, ` +
        `blocked ${JSON.stringify(Object.fromEntries([...new Set(calls.map((c) => c.blockedReason).filter(Boolean))].map((r) => [r, calls.filter((c) => c.blockedReason === r).length])))}`,
    );
  });
});

async function dialsBy(worker: string) {
  return readDials(logDir, worker).length;
}

// `node --import tsx`, not `npx tsx`: SIGKILL must reach the worker itself, not a wrapper.
function startWorker(id: string, dialDelayMs: number): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/calls/simulation/sim-worker.ts", id, String(dialDelayMs), logDir], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal === null) console.error(`sim worker ${id} exited with ${code}:\n${output}`);
  });
  children.push(child);
  return child;
}
