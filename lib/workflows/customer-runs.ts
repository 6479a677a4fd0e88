import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// One contact's workflow runs for its detail page, newest first: the workflow and version it runs
// on, where it stands (state, current step, when it is due, why it ended) and every step it
// executed, in order. The caller has already checked that the customer belongs to the organization.

export async function customerWorkflowRuns(ctx: DomainContext, customerId: string) {
  const runs = await db.workflowRun.findMany({
    where: { organizationId: ctx.organizationId, customerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 10,
    select: {
      id: true,
      state: true,
      stepId: true,
      stepSeq: true,
      dueAt: true,
      stopReason: true,
      createdAt: true,
      finishedAt: true,
      workflowVersion: { select: { version: true, workflow: { select: { id: true, name: true } } } },
      steps: {
        orderBy: { seq: "asc" },
        select: { seq: true, stepId: true, type: true, status: true, result: true, callId: true, startedAt: true, finishedAt: true },
      },
    },
  });
  return runs.map(({ workflowVersion, steps, ...run }) => ({
    ...run,
    workflow: { id: workflowVersion.workflow.id, name: workflowVersion.workflow.name, version: workflowVersion.version },
    steps: steps.map((s) => ({ ...s, result: (s.result ?? {}) as Record<string, unknown> })),
  }));
}

export type CustomerWorkflowRun = Awaited<ReturnType<typeof customerWorkflowRuns>>[number];
