import { db } from "@/lib/db/client";
import { campaignWorkflowVersion } from "@/lib/workflows/workflows";

// What the campaign page shows of its workflow: which workflow (and version) new runs start on,
// and how many runs sit at each step in each state, per workflow version (after an edit or a change
// of workflow, the runs already going finish on theirs). Null when the campaign has no workflow and no runs.

export type CampaignRunsSummary = {
  /** What new runs start on; null: the campaign follows no workflow any more. */
  workflow: { id: string; name: string; version: number } | null;
  rows: { version: string; stepId: string; state: string; count: number }[];
};

/** The step of a run that has ended (it has no next step). */
const ENDED = "(ended)";

export async function campaignRunsSummary(organizationId: string, campaignId: string): Promise<CampaignRunsSummary | null> {
  const [campaign, groups] = await Promise.all([
    db.campaign.findFirst({
      where: { id: campaignId, organizationId },
      select: { workflowId: true, workflowVersionId: true, workflow: { select: { name: true } } },
    }),
    db.workflowRun.groupBy({ by: ["workflowVersionId", "stepId", "state"], where: { organizationId, campaignId }, _count: { _all: true } }),
  ]);
  if (!campaign || (!campaign.workflowId && groups.length === 0)) return null;
  const [current, versions] = await Promise.all([
    campaignWorkflowVersion(campaign),
    db.workflowVersion.findMany({
      where: { id: { in: [...new Set(groups.map((g) => g.workflowVersionId))] } },
      select: { id: true, version: true, workflow: { select: { name: true } } },
    }),
  ]);
  const label = new Map(versions.map((v) => [v.id, `${v.workflow.name} v${v.version}`]));
  return {
    workflow:
      campaign.workflowId && campaign.workflow
        ? { id: campaign.workflowId, name: campaign.workflow.name, version: current?.version ?? 0 }
        : null,
    rows: groups
      .map((g) => ({ version: label.get(g.workflowVersionId) ?? "—", stepId: g.stepId ?? ENDED, state: g.state, count: g._count._all }))
      .sort(
        (a, b) =>
          b.version.localeCompare(a.version) || Number(a.stepId === ENDED) - Number(b.stepId === ENDED) || a.stepId.localeCompare(b.stepId),
      ),
  };
}
