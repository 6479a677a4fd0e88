import { db } from "@/lib/db/client";
import type { TestOrg } from "@/lib/test/fixtures";
import { contextOf } from "@/lib/calls/calls-test-kit";
import { drainDueAttempts } from "@/lib/calls/dispatch";
import { recordCallResult } from "@/lib/calls/record-call-result";
import type { CallResultStatus } from "@/lib/calls/types";
import type { DialAttempt } from "@/lib/calls/dialer";
import type { Clock } from "@/lib/domain/clock";
import { createWorkflow } from "@/lib/workflows/workflows";
import { collectionsFollowUp } from "@/lib/workflows/ready-made";
import { runDueWorkflowSteps } from "@/lib/workflows/runner";

// Test data for workflows: the collections follow-up (call; no answer → wait 2 h and call again;
// a promise to pay → store the date, wait until the day before at 10:00, send an SMS reminder).

export function collectionsDefinition(agentId: string, templateId: string) {
  return collectionsFollowUp(agentId, templateId);
}

export async function collectionsWorkflow(org: TestOrg) {
  const template = await db.messageTemplate.create({
    data: {
      organizationId: org.id,
      name: `Reminder ${org.suffix}`,
      channel: "sms",
      body: "Dear {{first_name}}, your payment is due on {{promise_to_pay_date}}.",
    },
  });
  const workflow = await createWorkflow(contextOf(org.id), {
    name: `Collections ${org.suffix}`,
    definition: collectionsDefinition(org.agent.id, template.id),
  });
  return { workflow, template };
}

/** A dialer whose calls are answered at once by `outcome(attempt)`, recorded through the engine's results path. */
export function answeringDialer(organizationId: string, clock: Clock, outcome: (a: DialAttempt) => CallResultStatus) {
  const placed: DialAttempt[] = [];
  const dialer = {
    kind: "test",
    async place(a: DialAttempt) {
      placed.push(a);
      return { ok: true as const, providerCallId: `t_${a.callId}` };
    },
  };
  const answer = async () => {
    for (const a of placed.splice(0)) {
      const status = outcome(a);
      await recordCallResult(
        { organizationId },
        {
          providerCallId: `t_${a.callId}`,
          status,
          disposition: status === "Contacted" ? "Promise to Pay" : "No Answer",
          duration: 30,
          extractedData: status === "Contacted" ? { promise_to_pay_date: "2099-12-20" } : {},
          clock,
        },
      );
    }
  };
  return { dialerFor: () => dialer, answer };
}

/** One tick: the runner, then the dial engine, then the answers, then the runner again. */
export async function tick(organizationId: string, clock: Clock, dialer: ReturnType<typeof answeringDialer>) {
  await runDueWorkflowSteps({ clock, organizationId });
  await drainDueAttempts({ clock, dialerFor: dialer.dialerFor, organizationId });
  await dialer.answer();
  await runDueWorkflowSteps({ clock, organizationId });
}
