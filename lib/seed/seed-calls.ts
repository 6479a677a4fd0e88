import { db } from "@/lib/db/client";
import { manualClock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { scheduleCalls } from "@/lib/calls/schedule-calls";
import { drainDueAttempts } from "@/lib/calls/dispatch";
import { createSimulatedDialer } from "@/lib/calls/simulated-dialer";

// Demo calls: contacts in two campaigns, called through the real path — scheduleCalls, the
// dispatch loop and the simulated dialer's results — on a clock set to yesterday morning (India
// time), inside the calling window, so the retries play out too. One number goes on the DNC list
// after it was scheduled and is blocked at dial time. Idempotent: each campaign's request has a fixed key, so a second run
// schedules nothing, and customers are only added once.

const FIRST = [
  "Rahul",
  "Priya",
  "Amit",
  "Sneha",
  "Vikram",
  "Anjali",
  "Rohan",
  "Kavya",
  "Arjun",
  "Meera",
  "Karan",
  "Divya",
  "Sanjay",
  "Pooja",
  "Nikhil",
  "Lakshmi",
];
const LAST = ["Sharma", "Iyer", "Patel", "Reddy", "Singh", "Nair", "Gupta", "Rao", "Mehta", "Das", "Kumar", "Menon"];

type Org = { id: string };
type Ref = { id: string; name: string };

export async function seedDemoCalls(
  org: Org,
  campaigns: Ref[],
  agents: Ref[],
  dispositions: Ref[],
  plan: { collections: number; leads: number },
) {
  const ctx: DomainContext = { organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "system" };
  const collections = campaigns.find((c) => c.name === "Loan Recovery - Nov");
  const leads = campaigns.find((c) => c.name === "Home Loan Leads" || c.name === "Other Leads");
  const promise = dispositions.find((d) => d.name === "Promise to Pay") ?? dispositions[0];
  const clock = manualClock(yesterdayAt(10));
  const requests: { campaign: Ref; customerIds: string[]; agent: Ref }[] = [];
  let dncCustomer: string | null = null;

  if (collections && plan.collections > 0) {
    const customers = await ensureCustomers(collections.id, plan.collections, "debt", org.id);
    requests.push({ campaign: collections, customerIds: customers, agent: agents[0] });
    dncCustomer = customers[customers.length - 1];
  }
  if (leads && plan.leads > 0) {
    requests.push({
      campaign: leads,
      customerIds: await ensureCustomers(leads.id, plan.leads, "lead", org.id),
      agent: agents[1] ?? agents[0],
    });
  }

  for (const request of requests) {
    await scheduleCalls(ctx, {
      campaignId: request.campaign.id,
      customerIds: request.customerIds,
      agentId: request.agent.id,
      dispositionId: promise?.id ?? null,
      requestKey: `seed-demo-calls:${request.campaign.id}`,
      clock,
    });
  }
  // Added after scheduling, as happens in real life: the attempt is blocked when it is due, reason kept.
  if (dncCustomer) {
    const blocked = await db.customer.findUniqueOrThrow({ where: { id: dncCustomer }, select: { phoneE164: true, phoneRaw: true } });
    await db.dncEntry.upsert({
      where: { organizationId_scope_phoneE164: { organizationId: org.id, scope: "", phoneE164: blocked.phoneE164 } },
      update: {},
      create: { organizationId: org.id, scope: "", phoneRaw: blocked.phoneRaw, phoneE164: blocked.phoneE164 },
    });
  }
  // First attempts, then the two retry rounds (2 h apart by default), each with its results.
  const dialer = createSimulatedDialer({ delayMs: 0 });
  for (let round = 0; round < 3; round++) {
    // Small passes keep each results transaction short, also on a slow embedded database.
    await drainDueAttempts({ clock, organizationId: org.id, dialerFor: () => dialer, limit: 12 });
    clock.advance(2 * 60 * 60 * 1000 + 5 * 60 * 1000);
  }
  return db.call.count({ where: { organizationId: org.id } });
}

async function ensureCustomers(campaignId: string, n: number, kind: "debt" | "lead", orgId: string) {
  const salt = orgId.charCodeAt(orgId.length - 1) % 10;
  const rows = Array.from({ length: n }, (_, i) => {
    const phone = `+91987${kind === "debt" ? 6 : 5}${salt}${String(i).padStart(5, "0")}`;
    const firstName = FIRST[i % FIRST.length];
    const lastName = LAST[(i * 7) % LAST.length];
    const identifier = kind === "debt" ? `DEMO-LN-${String(1001 + i)}` : `00000000-0000-4000-8000-${String(100000000000 + i)}`;
    const data =
      kind === "debt"
        ? {
            loan_amount: 150000 + i * 12500,
            emi_amount: 5000 + (i % 6) * 1250,
            loan_period: 24,
            current_emi: 3 + (i % 12),
            emi_due_date: "2026-12-05",
            payment_status: ["pending", "bounced", "partial"][i % 3],
          }
        : { lead_date: "2026-11-20" };
    return {
      campaignId,
      identifier,
      phoneRaw: phone.slice(3),
      phoneE164: phone,
      firstName,
      lastName,
      language: i % 3 === 0 ? "hindi" : "english",
      data,
    };
  });
  await db.customer.createMany({ data: rows, skipDuplicates: true });
  const customers = await db.customer.findMany({
    where: { campaignId, identifier: { in: rows.map((r) => r.identifier) } },
    orderBy: { identifier: "asc" },
    select: { id: true },
  });
  return customers.map((c) => c.id);
}

/** Yesterday at `hour`:00 India time: always in the past, and inside every demo calling window. */
function yesterdayAt(hour: number) {
  const ist = new Date(Date.now() + 5.5 * 3_600_000);
  const day = new Date(Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate() - 1, hour, 0, 0));
  return new Date(day.getTime() - 5.5 * 3_600_000);
}
