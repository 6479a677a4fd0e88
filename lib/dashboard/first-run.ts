import { db } from "@/lib/db/client";

// The first-run checklist of a new organization (the home page): create a campaign, upload
// contacts, start calls, invite a colleague. Each step is done when the database says so.

export type FirstRunStep = { key: "campaign" | "contacts" | "calls" | "team"; done: boolean };

export async function firstRunProgress(organizationId: string) {
  const [campaign, contact, call, members] = await Promise.all([
    db.campaign.findFirst({ where: { organizationId }, select: { id: true }, orderBy: { createdAt: "asc" } }),
    db.customer.findFirst({ where: { campaign: { organizationId } }, select: { campaignId: true } }),
    db.call.findFirst({ where: { organizationId }, select: { id: true } }),
    db.member.count({ where: { organizationId } }),
  ]);
  const steps: FirstRunStep[] = [
    { key: "campaign", done: campaign !== null },
    { key: "contacts", done: contact !== null },
    { key: "calls", done: call !== null },
    { key: "team", done: members > 1 },
  ];
  // Calling is what the checklist leads to: once calls have started, it is no longer shown.
  return { steps, finished: steps.slice(0, 3).every((s) => s.done), campaignId: contact?.campaignId ?? campaign?.id ?? null };
}
