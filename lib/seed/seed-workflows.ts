import { db } from "@/lib/db/client";
import { manualClock } from "@/lib/domain/clock";
import { runDueAttempts } from "@/lib/calls/dispatch";
import { collectionsFollowUp } from "@/lib/workflows/ready-made";
import { runDueWorkflowSteps } from "@/lib/workflows/runner";
import { startRuns } from "@/lib/workflows/start-runs";
import { createWorkflow } from "@/lib/workflows/workflows";

// Demo workflows: each organization's first debt-collection campaign gets the collections
// follow-up, a dozen demo customers and their runs, played through the simulated dialer from
// this morning's calling window, so a new user finds runs completed, waiting for a promised
// date, waiting to call again and stopped by DNC. Only once per campaign (idempotent).

const DEMO_CUSTOMERS = 12;

export async function seedWorkflows(organizationId: string, campaignId: string, agentId: string) {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  if ((await db.workflowRun.count({ where: { campaignId } })) > 0) return;
  const ctx = { organizationId, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source: "system" as const };
  const template =
    (await db.messageTemplate.findFirst({ where: { organizationId, name: "Payment reminder" } })) ??
    (await db.messageTemplate.create({
      data: {
        organizationId,
        name: "Payment reminder",
        channel: "sms",
        body: "Dear {{first_name}}, a reminder: you promised to pay on {{promise_to_pay_date}}.",
      },
    }));
  // A WhatsApp template too, so the editor's lead-nurture starting point has one to pick.
  if (!(await db.messageTemplate.findFirst({ where: { organizationId, name: "Welcome (WhatsApp)" } }))) {
    await db.messageTemplate.create({
      data: { organizationId, name: "Welcome (WhatsApp)", channel: "whatsapp", body: "Hello {{first_name}}, thanks for your interest!" },
    });
  }
  const workflow =
    (await db.workflow.findFirst({ where: { organizationId, name: "Collections follow-up" } })) ??
    (await createWorkflow(ctx, {
      name: "Collections follow-up",
      description: "Call, retry once after 2 h, remind the day before a promise to pay",
      definition: collectionsFollowUp(agentId, template.id),
    }));
  await db.campaign.update({
    where: { id: campaignId },
    data: { workflowId: workflow.id, status: campaign.status === "draft" ? "active" : campaign.status },
  });

  const rows = Array.from({ length: DEMO_CUSTOMERS }, (_, i) => ({
    campaignId,
    identifier: `WF-DEMO-${String(i + 1).padStart(3, "0")}`,
    phoneRaw: `98450${String(10_000 + i)}`,
    phoneE164: `+9198450${String(10_000 + i)}`,
    firstName: ["Asha", "Ravi", "Meena", "Arjun", "Divya", "Karthik"][i % 6],
    lastName: "Demo",
    language: "hindi",
    // A whole EMI record: the workflow's agent speaks its emi_amount and emi_due_date (its variables).
    data: {
      loan_amount: 25_000 + i * 1_000,
      emi_amount: 2_500 + (i % 4) * 500,
      loan_period: 12,
      current_emi: 2 + (i % 6),
      emi_due_date: "2026-12-10",
      payment_status: ["pending", "bounced", "partial"][i % 3],
    },
  }));
  await db.customer.createMany({ data: rows, skipDuplicates: true });
  const customers = await db.customer.findMany({
    where: { campaignId, identifier: { startsWith: "WF-DEMO-" } },
    select: { id: true, phoneE164: true },
  });
  await db.dncEntry.createMany({
    data: [{ organizationId, scope: campaignId, campaignId, phoneRaw: rows[5].phoneRaw, phoneE164: rows[5].phoneE164 }],
    skipDuplicates: true,
  });
  // This morning at 11:00 IST (yesterday's when that is still ahead), then two hours later.
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 5, 30));
  if (at > now) at.setUTCDate(at.getUTCDate() - 1);
  await startRuns(
    ctx,
    { id: campaignId, workflowId: workflow.id },
    customers.map((c) => c.id),
    at,
  );
  const clock = manualClock(at);
  for (const hours of [0, 2]) {
    clock.set(new Date(at.getTime() + hours * 3_600_000));
    for (let i = 0; i < 10; i++) {
      await runDueWorkflowSteps({ clock, organizationId });
      await runDueAttempts({ clock, organizationId });
      clock.advance(60_000); // the simulated dialer answers a few seconds after dialling
    }
  }
}
