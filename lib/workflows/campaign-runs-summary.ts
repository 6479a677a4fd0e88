import { db } from "@/lib/db/client";

// What the campaign page shows of its workflow: which workflow (and version) new runs start on,
// and how many runs sit at each step in each state. Null when the campaign has no workflow.

export type CampaignRunsSummary = {
  workflow: { name: string; latestVersion: number };
  /** stepId null: the run went past its last step (it ended there). */
  rows: { stepId: string | null; state: string; count: number }[];
};

export async function campaignRunsSummary(
  organizationId: string,
  campaignId: string,
  workflowId: string | null,
): Promise<CampaignRunsSummary | null> {
  if (!workflowId) return null;
  const [workflow, groups] = await Promise.all([
    db.workflow.findFirst({ where: { id: workflowId, organizationId }, select: { name: true, latestVersion: true } }),
    db.workflowRun.groupBy({ by: ["stepId", "state"], where: { organizationId, campaignId }, _count: { _all: true } }),
  ]);
  if (!workflow) return null;
  return { workflow, rows: groups.map((g) => ({ stepId: g.stepId, state: g.state, count: g._count._all })) };
}
