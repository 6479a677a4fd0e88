import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCallsCampaign, createCustomers } from "@/lib/calls/calls-test-kit";
import { isInWindow } from "@/lib/calls/calling-window";
import { runDueAttempts } from "@/lib/calls/dispatch";
import { runDueWorkflowSteps } from "./runner";
import { startRuns } from "./start-runs";
import { collectionsWorkflow } from "./workflows-test-kit";

// Correctness: 1,000 customers through the collections follow-up with the simulated dialer's
// mixed outcomes, a worker process SIGKILLed mid-run, DNC entries added mid-run, simulated weeks
// on a manual clock. Every run ends in exactly one terminal state, no step runs twice, nothing is
// dialled or sent outside the window or to a DNC number, and the step histories match the calls
// and messages tables row for row.

let org: TestOrg;
beforeAll(async () => {
  await getBoss();
  org = await createTestOrg("wf-sim");
});
afterAll(async () => {
  await deleteTestOrg(org);
  await stopBoss();
});

const N = 1_000;
const HOUR = 3_600_000;

async function drain(clock: ReturnType<typeof manualClock>) {
  for (let i = 0; i < 200; i++) {
    const runner = await runDueWorkflowSteps({ clock, organizationId: org.id });
    const calls = await runDueAttempts({ clock, organizationId: org.id });
    if (runner.claimed === 0 && !calls.progressed) return;
  }
}

describe("1,000 customers through the collections workflow", () => {
  it("ends every run exactly once, with histories equal to the calls and messages tables", { timeout: 600_000 }, async () => {
    await db.callSettings.upsert({
      where: { organizationId: org.id },
      create: { organizationId: org.id, simulatedDelayMs: 0, maxConcurrentCalls: 2_000 },
      update: {},
    });
    const { workflow } = await collectionsWorkflow(org);
    const campaign = await createCallsCampaign(org.id, "emi", { workflowId: workflow.id });
    await db.campaign.update({ where: { id: campaign.id }, data: { maxRetries: 0, maxConcurrentCalls: 2_000 } });
    const customers = await createCustomers(campaign.id, N);
    const start = "2099-12-07T04:30:00Z"; // Monday 10:00 IST
    await startRuns(
      contextOf(org.id),
      campaign,
      customers.map((c) => c.id),
      new Date(start),
    );

    // A worker process runs at the start instant and is killed with SIGKILL mid-run.
    const child = spawn(process.execPath, ["--import", "tsx", "lib/workflows/simulation/wf-worker.ts", org.id, start], {
      env: process.env,
      stdio: "ignore",
    });
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 200));
      if ((await db.workflowRunStep.count({ where: { run: { campaignId: campaign.id } } })) >= 300) break;
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const stepsBeforeKill = await db.workflowRunStep.count({ where: { run: { campaignId: campaign.id } } });
    expect(stepsBeforeKill).toBeGreaterThan(0);

    const clock = manualClock(start);
    const dncAt = new Date(new Date(start).getTime() + 3 * HOUR);
    const dncCustomers = customers.filter((_, i) => i % 20 === 7);
    for (let t = 0; t < 24 * 21; t++) {
      clock.set(new Date(new Date(start).getTime() + t * HOUR + (t === 0 ? 3 * 60_000 : 0))); // first tick past the dead worker's lease
      if (clock.now().getTime() === dncAt.getTime()) {
        await db.dncEntry.createMany({
          data: dncCustomers.map((c) => ({ organizationId: org.id, scope: "", phoneRaw: c.phoneE164.slice(3), phoneE164: c.phoneE164 })),
        });
      }
      await drain(clock);
    }

    const runs = await db.workflowRun.findMany({ where: { campaignId: campaign.id }, include: { steps: { orderBy: { seq: "asc" } } } });
    expect(runs).toHaveLength(N);
    const states = new Map<string, number>();
    for (const run of runs) states.set(`${run.state}:${run.stopReason}`, (states.get(`${run.state}:${run.stopReason}`) ?? 0) + 1);
    // Every run is terminal, once: a final state, an end instant, nothing due, no lease, no call in flight.
    for (const run of runs) {
      expect(["completed", "stopped", "failed"]).toContain(run.state);
      expect(run).toMatchObject({ dueAt: null, callBatchId: null });
      expect(run.finishedAt).not.toBeNull();
      expect(run.steps.map((s) => s.seq)).toEqual(run.steps.map((_, i) => i + 1)); // no step twice, none skipped
      expect(run.steps.every((s) => s.finishedAt !== null)).toBe(true);
    }
    expect(states.get("stopped:dnc")).toBeGreaterThan(0);
    expect([...states.keys()].some((k) => k.startsWith("completed:"))).toBe(true);

    const calls = await db.call.findMany({ where: { campaignId: campaign.id } });
    const messages = await db.message.findMany({ where: { campaignId: campaign.id } });
    const dncPhones = new Set(dncCustomers.map((c) => c.phoneE164));
    for (const call of calls) {
      if (call.dialedAt) expect(isInWindow(call.dialedAt, campaign)).toBe(true);
      if (call.dialedAt && dncPhones.has(call.toPhone)) expect(call.dialedAt.getTime()).toBeLessThan(dncAt.getTime());
    }
    const sentAt = new Map(runs.flatMap((r) => r.steps.filter((s) => s.messageId).map((s) => [s.messageId!, s.startedAt] as const)));
    for (const message of messages) {
      const at = sentAt.get(message.id)!;
      expect(isInWindow(at, campaign)).toBe(true);
      if (dncPhones.has(message.toPhone)) expect(at.getTime()).toBeLessThan(dncAt.getTime());
    }
    // Row for row: each call step's call is the customer's call, each message step's message.
    const byCustomer = (rows: { customerId: string | null; id: string }[]) => {
      const map = new Map<string, string[]>();
      for (const row of rows) map.set(row.customerId!, [...(map.get(row.customerId!) ?? []), row.id].sort());
      return map;
    };
    const callsOf = byCustomer(calls);
    const messagesOf = byCustomer(messages);
    for (const run of runs) {
      const callSteps = run.steps
        .filter((s) => s.type === "call" && s.callId)
        .map((s) => s.callId!)
        .sort();
      expect(callSteps).toEqual(callsOf.get(run.customerId!) ?? []);
      expect(
        run.steps
          .filter((s) => s.messageId)
          .map((s) => s.messageId!)
          .sort(),
      ).toEqual(messagesOf.get(run.customerId!) ?? []);
    }
    console.info(
      `workflow simulation: ${runs.length} runs ${JSON.stringify(Object.fromEntries(states))}, ${calls.length} calls, ${messages.length} messages, ${stepsBeforeKill} steps before SIGKILL`,
    );
  });
});
