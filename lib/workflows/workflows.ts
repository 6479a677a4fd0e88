import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkReferences } from "@/lib/workflows/check-references";
import { definitionSchema, issueLines, type WorkflowDefinition } from "@/lib/workflows/definition";

// Workflows per organization, versioned: create writes version 1, every update of the steps a new
// version (the old ones stay, with the runs on them) and moves the campaigns that follow the
// workflow on to it, for their new runs. Deleting is refused while a campaign uses it.

export type WorkflowInput = { name: string; description?: string; definition: unknown };

export async function parseDefinition(organizationId: string, raw: unknown): Promise<WorkflowDefinition> {
  const parsed = definitionSchema.safeParse(raw);
  if (!parsed.success) throw new Invalid("Invalid workflow definition", { issues: issueLines(parsed.error) });
  const problems = await checkReferences(organizationId, parsed.data);
  if (problems.length) throw new Invalid("Invalid workflow definition", { issues: problems });
  return parsed.data;
}

export async function createWorkflow(ctx: DomainContext, input: WorkflowInput) {
  const definition = await parseDefinition(ctx.organizationId, input.definition);
  try {
    return await db.$transaction(async (tx) => {
      const workflow = await tx.workflow.create({
        data: {
          organizationId: ctx.organizationId,
          name: input.name,
          description: input.description ?? "",
          steps: definition.steps,
          latestVersion: 1,
        },
      });
      await tx.workflowVersion.create({ data: { workflowId: workflow.id, version: 1, definition } });
      return workflow;
    });
  } catch (error) {
    throw duplicateName(error, input.name);
  }
}

export async function updateWorkflow(ctx: DomainContext, id: string, input: Partial<WorkflowInput>) {
  const existing = await findWorkflow(ctx, id);
  const definition = input.definition === undefined ? null : await parseDefinition(ctx.organizationId, input.definition);
  try {
    return await db.$transaction(async (tx) => {
      // The conditional update makes two concurrent edits take consecutive versions.
      const workflow = await tx.workflow.update({
        where: { id: existing.id },
        data: {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
          ...(definition && { steps: definition.steps, latestVersion: { increment: 1 } }),
        },
      });
      if (definition) {
        const version = await tx.workflowVersion.create({ data: { workflowId: workflow.id, version: workflow.latestVersion, definition } });
        // The campaigns that follow this workflow start their new runs on the new version; runs
        // already going finish on the version they started on.
        await tx.campaign.updateMany({ where: { workflowId: workflow.id }, data: { workflowVersionId: version.id } });
      }
      return workflow;
    });
  } catch (error) {
    throw duplicateName(error, input.name ?? existing.name);
  }
}

export async function deleteWorkflow(ctx: DomainContext, id: string) {
  const workflow = await findWorkflow(ctx, id);
  const campaigns = await db.campaign.findMany({ where: { workflowId: workflow.id }, select: { name: true }, orderBy: { name: "asc" } });
  if (campaigns.length) {
    throw new Conflict(`Cannot delete: Workflow is used by campaign(s): ${campaigns.map((c) => c.name).join(", ")}`, {
      resource: "workflow",
      value: workflow.id,
    });
  }
  await db.workflow.delete({ where: { id: workflow.id } });
}

export async function findWorkflow(ctx: DomainContext, id: string) {
  const workflow = await db.workflow.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!workflow) throw new NotFound("Workflow not found", { resource: "workflow", value: id });
  return workflow;
}

export async function getWorkflow(ctx: DomainContext, id: string) {
  const workflow = await findWorkflow(ctx, id);
  const [versions, campaigns] = await Promise.all([
    db.workflowVersion.findMany({
      where: { workflowId: workflow.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, definition: true, createdAt: true },
    }),
    db.campaign.findMany({ where: { workflowId: workflow.id }, select: { id: true, name: true, workflowVersionId: true } }),
  ]);
  return { workflow, versions, campaigns };
}

export async function listWorkflows(ctx: DomainContext, page: number, limit: number) {
  const where = { organizationId: ctx.organizationId };
  const [total, workflows] = await Promise.all([
    db.workflow.count({ where }),
    db.workflow.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * limit, take: limit }),
  ]);
  return { total, workflows };
}

/** The version a campaign's new runs start on: its pinned one, else its workflow's latest. */
export async function campaignWorkflowVersion(campaign: { workflowId: string | null; workflowVersionId: string | null }) {
  if (!campaign.workflowId) return null;
  if (campaign.workflowVersionId) return db.workflowVersion.findUnique({ where: { id: campaign.workflowVersionId } });
  return db.workflowVersion.findFirst({ where: { workflowId: campaign.workflowId }, orderBy: { version: "desc" } });
}

function duplicateName(error: unknown, name: string): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new Conflict(`A workflow named "${name}" already exists`, { resource: "workflow", field: "name", value: name });
  }
  return error;
}
