import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { findWorkflow } from "@/lib/workflows/workflows";

// Read models of the workflows screen and its editor: the organization's workflows with their
// version, the campaigns using them and their runs; the choices a step offers (agents,
// dispositions, groups, templates) and the campaigns a dry run can play in.

export type WorkflowSummary = {
  id: string;
  name: string;
  description: string;
  version: number;
  campaigns: { id: string; name: string }[];
  runs: number;
  updatedAt: string;
};

export async function workflowSummaries(organizationId: string): Promise<WorkflowSummary[]> {
  const workflows = await db.workflow.findMany({
    where: { organizationId },
    orderBy: { name: "asc" },
    include: { campaigns: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
  });
  const counts = await db.$queryRaw<{ workflowId: string; runs: bigint }[]>`
    SELECT v."workflowId", count(r.id) AS runs FROM workflow_runs r
    JOIN workflow_versions v ON v.id = r."workflowVersionId"
    WHERE r."organizationId" = ${organizationId}
    GROUP BY v."workflowId"`;
  const runsOf = new Map(counts.map((c) => [c.workflowId, Number(c.runs)]));
  return workflows.map((w) => ({
    id: w.id,
    name: w.name,
    description: w.description,
    version: w.latestVersion,
    campaigns: w.campaigns,
    runs: runsOf.get(w.id) ?? 0,
    updatedAt: w.updatedAt.toISOString(),
  }));
}

export type EditorOptions = {
  agents: { id: string; name: string; active: boolean }[];
  dispositions: { id: string; name: string }[];
  groups: string[];
  templates: { id: string; name: string; channel: string }[];
  campaigns: { id: string; name: string; timezone: string; fields: string[] }[];
};

export async function editorOptions(organizationId: string): Promise<EditorOptions> {
  const where = { organizationId };
  const [agents, dispositions, groups, templates, campaigns] = await Promise.all([
    db.agent.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true, active: true } }),
    db.disposition.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.dispositionGroup.findMany({ where, orderBy: { name: "asc" }, select: { name: true } }),
    db.messageTemplate.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true, channel: true } }),
    db.campaign.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true, timezone: true, fieldSchema: true } }),
  ]);
  return {
    agents,
    dispositions,
    groups: groups.map((g) => g.name),
    templates,
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      timezone: c.timezone,
      fields: ((c.fieldSchema as { fields?: { key: string }[] } | null)?.fields ?? []).map((f) => f.key),
    })),
  };
}

export type EditorWorkflow = {
  id: string;
  name: string;
  description: string;
  version: number;
  steps: unknown[];
  campaigns: { id: string; name: string; pinnedVersion: number | null }[];
  runs: number;
};

export async function workflowForEditor(ctx: DomainContext, id: string): Promise<EditorWorkflow> {
  const workflow = await findWorkflow(ctx, id);
  const [campaigns, runs] = await Promise.all([
    db.campaign.findMany({
      where: { workflowId: workflow.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, workflowVersion: { select: { version: true } } },
    }),
    db.workflowRun.count({ where: { workflowVersion: { workflowId: workflow.id } } }),
  ]);
  return {
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    version: workflow.latestVersion,
    steps: workflow.steps as unknown[],
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, pinnedVersion: c.workflowVersion?.version ?? null })),
    runs,
  };
}
