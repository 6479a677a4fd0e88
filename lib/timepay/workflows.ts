import type { z } from "zod";
import type { ApiResult } from "@/lib/api/with-api";
import type { DomainContext } from "@/lib/domain/context";
import type { listQuerySchema, runsQuerySchema, workflowBodySchema, workflowUpdateSchema } from "@/lib/timepay/workflow-bodies";
import { listRuns } from "@/lib/workflows/workflow-runs";
import { createWorkflow, deleteWorkflow, getWorkflow, listWorkflows, updateWorkflow } from "@/lib/workflows/workflows";

// The workflow API in TimePay's conventions: {success, message, data}, pagination on lists.

type Workflow = Awaited<ReturnType<typeof createWorkflow>>;
const serialize = (w: Workflow) => ({
  id: w.id,
  name: w.name,
  description: w.description,
  version: w.latestVersion,
  steps: w.steps,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});
const pagination = (page: number, limit: number, total: number) => ({ page, limit, total, totalPages: Math.ceil(total / limit) });

export async function createWorkflowAnswer(ctx: DomainContext, body: z.output<typeof workflowBodySchema>): Promise<ApiResult> {
  const workflow = await createWorkflow(ctx, { name: body.name, description: body.description, definition: { steps: body.steps } });
  return { status: 201, body: { success: true, message: "Workflow created successfully", data: serialize(workflow) } };
}

export async function updateWorkflowAnswer(
  ctx: DomainContext,
  id: string,
  body: z.output<typeof workflowUpdateSchema>,
): Promise<ApiResult> {
  const workflow = await updateWorkflow(ctx, id, {
    name: body.name,
    description: body.description,
    definition: body.steps && { steps: body.steps },
  });
  return { status: 200, body: { success: true, message: "Workflow updated successfully", data: serialize(workflow) } };
}

export async function getWorkflowAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  const { workflow, versions, campaigns } = await getWorkflow(ctx, id);
  return {
    status: 200,
    body: {
      success: true,
      data: {
        ...serialize(workflow),
        versions: versions.map((v) => ({
          version: v.version,
          steps: (v.definition as { steps: unknown }).steps,
          createdAt: v.createdAt.toISOString(),
        })),
        campaigns: campaigns.map((c) => ({
          id: c.id,
          name: c.name,
          pinnedVersion: versions.find((v) => v.id === c.workflowVersionId)?.version ?? null,
        })),
      },
    },
  };
}

export async function listWorkflowsAnswer(ctx: DomainContext, q: z.output<typeof listQuerySchema>): Promise<ApiResult> {
  const { total, workflows } = await listWorkflows(ctx, q.page, q.limit);
  return { status: 200, body: { success: true, data: workflows.map(serialize), pagination: pagination(q.page, q.limit, total) } };
}

export async function deleteWorkflowAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  await deleteWorkflow(ctx, id);
  return { status: 200, body: { success: true, message: "Workflow deleted successfully", data: { id } } };
}

export async function listRunsAnswer(ctx: DomainContext, q: z.output<typeof runsQuerySchema>): Promise<ApiResult> {
  const { total, runs } = await listRuns(ctx, {
    campaignId: q.campaign_id,
    customerId: q.customer_id,
    state: q.state,
    page: q.page,
    limit: q.limit,
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    status: 200,
    body: {
      success: true,
      data: runs.map((r) => ({
        id: r.id,
        campaignId: r.campaignId,
        customerId: r.customerId,
        workflowId: r.workflowVersion.workflowId,
        version: r.workflowVersion.version,
        state: r.state,
        currentStep: r.stepId,
        stopReason: r.stopReason,
        dueAt: iso(r.dueAt),
        createdAt: iso(r.createdAt),
        finishedAt: iso(r.finishedAt),
        steps: r.steps.map((s) => ({
          seq: s.seq,
          stepId: s.stepId,
          type: s.type,
          status: s.status,
          result: s.result,
          callId: s.callId,
          messageId: s.messageId,
          startedAt: iso(s.startedAt),
          finishedAt: iso(s.finishedAt),
        })),
      })),
      pagination: pagination(q.page, q.limit, total),
    },
  };
}
