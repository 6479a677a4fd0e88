import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/passwords";
import { campaignSchema, type NewCampaign } from "@/lib/campaigns/campaign-input";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { systemContext } from "@/lib/domain/context";
import { seedDemoCalls } from "@/lib/seed/seed-calls";
import { logError } from "@/lib/log";
import { seedWorkflows } from "@/lib/seed/seed-workflows";

// Idempotent demo data: two organizations (so isolation can be tried), an admin and a read-only
// viewer each, agents, dispositions, one campaign of every service type and calls placed through
// the simulated dialer (lib/seed/seed-calls.ts). Each run rotates the seed API keys,
// because only their hashes are stored and the new secret has to be printed.

export const DEMO_PASSWORD = "dialsheet-demo";

type OrgSpec = {
  slug: string;
  name: string;
  adminEmail: string;
  viewerEmail: string;
  campaigns: NewCampaign[];
  /** How many demo contacts get called in the collections and lead campaigns. */
  calls: { collections: number; leads: number };
  /** The organization's outbound numbers (caller ids). */
  callerNumbers: { phoneE164: string; label: string }[];
};

const window = { startDate: "2026-11-01", startTime: "09:00", endDate: "2027-03-31", endTime: "19:00" };

const base = (name: string, campaignType: NewCampaign["campaignType"], extra: Record<string, unknown> = {}) =>
  campaignSchema.parse({
    name,
    description: `${name} (demo)`,
    campaignType,
    ...window,
    languages: ["hindi", "english", "tamil"],
    region: "south",
    tags: ["demo"],
    ...extra,
  });

const flexyFields = {
  crmFields: [
    { key: "customer_info:customer_id", label: "Customer ID", required: true },
    { key: "customer_info:customer_name", label: "Customer name" },
    { key: "customer_info:city", label: "City" },
    { key: "loan_info:amount_due", label: "Amount due", type: "number" },
  ],
  identifierField: "customer_info:customer_id",
};

const ORGS: OrgSpec[] = [
  {
    slug: "demo",
    name: "Demo Lending Co",
    adminEmail: "admin@demo.dialsheet.local",
    viewerEmail: "viewer@demo.dialsheet.local",
    calls: { collections: 24, leads: 8 },
    callerNumbers: [
      { phoneE164: "+918035450801", label: "Bengaluru line 1" },
      { phoneE164: "+918035450802", label: "Bengaluru line 2" },
    ],
    campaigns: [
      base("Loan Recovery - Nov", "emi"),
      base("EDI Collections", "edi"),
      base("Home Loan Leads", "lead"),
      base("Flexy Phonebook", "custom", flexyFields),
    ],
  },
  {
    slug: "other",
    name: "Other Finance Ltd",
    adminEmail: "admin@other.dialsheet.local",
    viewerEmail: "viewer@other.dialsheet.local",
    calls: { collections: 4, leads: 0 },
    callerNumbers: [
      { phoneE164: "+911140001001", label: "Delhi line 1" },
      { phoneE164: "+911140001002", label: "Delhi line 2" },
    ],
    campaigns: [base("Loan Recovery - Nov", "emi"), base("Other Leads", "lead"), base("Flexy Phonebook", "custom", flexyFields)],
  },
];

// The AI agents' variables are fields their campaigns have (Priya calls the loan recovery
// campaign, Vikram the leads and any TimePay campaign): every demo customer has a value for each.
const AGENTS = [
  { username: "priya", name: "Priya (AI voice agent)", kind: "ai" as const, variables: ["first_name", "emi_amount", "emi_due_date"] },
  { username: "vikram", name: "Vikram (AI voice agent)", kind: "ai" as const, variables: ["first_name", "last_name"] },
  { username: "arjun", name: "Arjun Mehta", kind: "human" as const, variables: [] },
];

const DISPOSITIONS = [
  { name: "Promise to Pay", priority: 10 },
  { name: "Paid", priority: 20 },
  { name: "Call Back", priority: 100 },
  { name: "No Answer", priority: 400 },
  { name: "Busy", priority: 400 },
  { name: "Not Interested", priority: 600 },
  { name: "Wrong Number", priority: 700 },
];

export async function seed() {
  const out = [];
  for (const spec of ORGS) out.push(await seedOrganization(spec));
  return { password: DEMO_PASSWORD, organizations: out, demo: out[0], other: out[1] };
}

async function seedOrganization(spec: OrgSpec) {
  const org = await db.organization.upsert({ where: { slug: spec.slug }, update: {}, create: { slug: spec.slug, name: spec.name } });
  const admin = await ensureUser(org.id, spec.adminEmail, "admin");
  const viewer = await ensureUser(org.id, spec.viewerEmail, "viewer");

  await db.apiKey.updateMany({ where: { organizationId: org.id, name: "Seed key", revokedAt: null }, data: { revokedAt: new Date() } });
  const apiKey = await createApiKey({ organizationId: org.id, name: "Seed key" });

  const agents = [];
  for (const agent of AGENTS) {
    agents.push(
      await db.agent.upsert({
        where: { organizationId_username: { organizationId: org.id, username: agent.username } },
        update: {},
        create: { ...agent, organizationId: org.id },
      }),
    );
  }
  // Two outbound numbers (from_phone): the dialer takes them in turn.
  await db.callerNumber.createMany({
    data: spec.callerNumbers.map((n) => ({ organizationId: org.id, ...n })),
    skipDuplicates: true,
  });
  const dispositions = [];
  for (const d of DISPOSITIONS) {
    dispositions.push(
      await db.disposition.upsert({
        where: { organizationId_name: { organizationId: org.id, name: d.name } },
        update: {},
        create: { ...d, organizationId: org.id },
      }),
    );
  }
  const group = await db.dispositionGroup.upsert({
    where: { organizationId_name: { organizationId: org.id, name: "Call Back" } },
    update: {},
    create: { organizationId: org.id, name: "Call Back", description: "Outcomes that need another call" },
  });
  await db.dispositionGroupMember.createMany({
    data: dispositions
      .filter((d) => ["Call Back", "No Answer", "Busy"].includes(d.name))
      .map((d) => ({ groupId: group.id, dispositionId: d.id })),
    skipDuplicates: true,
  });
  await db.workflow.upsert({
    where: { organizationId_name: { organizationId: org.id, name: "Reminder then call" } },
    update: {},
    create: { organizationId: org.id, name: "Reminder then call", steps: [{ type: "wait", minutes: 0 }, { type: "call" }] },
  });

  const campaigns = [];
  for (const input of spec.campaigns) {
    const existing = await db.campaign.findUnique({ where: { organizationId_name: { organizationId: org.id, name: input.name } } });
    const campaign = existing ?? (await createCampaign(systemContext(org.id), input));
    campaigns.push({ id: campaign.id, name: campaign.name, campaignType: campaign.campaignType, serviceType: campaign.serviceType });
  }
  const collections = campaigns.find((c) => c.serviceType === "debt_collection");
  if (collections) await seedWorkflows(org.id, collections.id, agents[0].id);

  // Demo calls are a nicety: if placing them fails (a slow embedded database), the app still starts.
  const calls = await seedDemoCalls(org, campaigns, agents, dispositions, spec.calls).catch((error) => {
    logError("demo calls could not be placed; the demo data has no calls", error, { organization: org.slug });
    return 0;
  });

  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    admin: { id: admin.id, email: admin.email, password: DEMO_PASSWORD },
    viewer: { id: viewer.id, email: viewer.email, password: DEMO_PASSWORD },
    calls,
    apiKey: apiKey.secret,
    campaigns,
    agents: agents.map((a) => ({ id: a.id, username: a.username, name: a.name, kind: a.kind })),
    dispositions: dispositions.map((d) => ({ id: d.id, name: d.name })),
    dispositionGroup: { id: group.id, name: group.name },
  };
}

async function ensureUser(organizationId: string, email: string, role: "admin" | "viewer") {
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing;
  const user = await db.user.create({
    data: {
      email,
      name: role === "admin" ? "Demo Admin" : "Demo Viewer",
      emailVerified: true,
      organizationId,
      membership: { create: { organizationId, role } },
    },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(DEMO_PASSWORD) },
  });
  return user;
}
