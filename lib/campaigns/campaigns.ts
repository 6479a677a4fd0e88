import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Campaign } from "@/lib/generated/prisma/client";
import { customSchema, fieldSchemaSchema, presetSchema, type FieldSchema, type PhonePolicy } from "@/lib/campaigns/field-schema";
import {
  campaignIdSchema,
  serviceTypeOf,
  type CampaignChanges,
  type CampaignListQuery,
  type NewCampaign,
} from "@/lib/campaigns/campaign-input";
import { toFieldDefinition } from "@/lib/campaigns/crm-fields";
import type { DomainContext } from "@/lib/domain/context";
import { getOrganizationDefaults, unknownCountry } from "@/lib/organizations/organization-defaults";

// Tenant-scoped campaign access: every function takes the DomainContext, whose organization
// comes from the credential, never from a request body.

export async function createCampaign(ctx: DomainContext, input: NewCampaign) {
  const { organizationId } = ctx;
  const serviceType = serviceTypeOf(input.campaignType);
  const countryProblem = input.phoneCountry ? unknownCountry(input.phoneCountry) : null;
  if (countryProblem)
    throw new Invalid("Validation failed", {
      field: "phoneCountry",
      value: input.phoneCountry,
      issues: [`phoneCountry ${countryProblem}`],
    });
  // The body names neither (TimePay's Create Campaign documents no default): the organization's.
  const defaults = await getOrganizationDefaults(organizationId);
  const fieldSchema =
    serviceType === "custom"
      ? customSchema((input.crmFields ?? []).map(toFieldDefinition), input.identifierField ?? null)
      : presetSchema(serviceType);
  try {
    return await db.$transaction(async (tx) => {
      const workflow = await pinWorkflow(tx, organizationId, input.workflowId ?? null);
      return tx.campaign.create({
        data: {
          id: `camp_${randomBytes(8).toString("hex")}`,
          organizationId,
          name: input.name,
          description: input.description,
          serviceType,
          campaignType: input.campaignType,
          status: input.status ?? "active",
          startDate: input.startDate,
          startTime: input.startTime,
          endDate: input.endDate,
          endTime: input.endTime,
          timezone: input.timezone ?? defaults.timezone,
          phoneCountry: input.phoneCountry ?? defaults.phoneCountry,
          region: input.region,
          tags: input.tags ?? [],
          languages: input.languages,
          ...workflow,
          ...(input.maxConcurrentCalls !== undefined && { maxConcurrentCalls: input.maxConcurrentCalls }),
          ...(input.maxRetries !== undefined && { maxRetries: input.maxRetries }),
          ...(input.retryDelayMinutes !== undefined && { retryDelayMinutes: input.retryDelayMinutes }),
          fieldSchema: fieldSchema as unknown as Prisma.InputJsonValue,
        },
      });
    });
  } catch (error) {
    throw uniqueNameConflict(error) ?? error;
  }
}

export async function getCampaignOrThrow(ctx: DomainContext, id: string) {
  assertCampaignId(id);
  const campaign = await db.campaign.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign", value: id });
  return campaign;
}

/**
 * For writes that must tell "unknown" (NotFound) from "another organization's" (Forbidden,
 * resource "campaign"): TimePay's customer routes answer 404 and 403 for them.
 */
export async function getCampaignForContract(ctx: DomainContext, id: string) {
  assertCampaignId(id);
  const campaign = await db.campaign.findUnique({ where: { id } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign", value: id });
  if (campaign.organizationId !== ctx.organizationId) {
    throw new Forbidden("The campaign belongs to another organization", { resource: "campaign", value: id });
  }
  return campaign;
}

export async function getCampaignByName(ctx: DomainContext, name: string) {
  return db.campaign.findUnique({ where: { organizationId_name: { organizationId: ctx.organizationId, name } } });
}

export async function listCampaigns(ctx: DomainContext, query: CampaignListQuery) {
  const where: Prisma.CampaignWhereInput = {
    organizationId: ctx.organizationId,
    ...(query.status && { status: query.status }),
    ...(query.campaignType && { campaignType: query.campaignType }),
    ...(query.search && { name: { contains: query.search, mode: "insensitive" } }),
  };
  const [rows, total] = await Promise.all([
    db.campaign.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: { _count: { select: { customers: true } } },
    }),
    db.campaign.count({ where }),
  ]);
  return { rows, total };
}

export async function updateCampaign(ctx: DomainContext, id: string, input: CampaignChanges) {
  const campaign = await getCampaignOrThrow(ctx, id);
  const fields = Object.keys(input).filter((k) => input[k as keyof CampaignChanges] !== undefined);
  if (fields.length === 0) throw new Invalid("No valid fields provided for update", { issues: ["No valid fields provided for update"] });
  if (input.campaignType && serviceTypeOf(input.campaignType) !== campaign.serviceType) {
    throw new Invalid("Validation failed", {
      field: "campaignType",
      issues: [
        `campaignType cannot change from ${campaign.campaignType} to ${input.campaignType}: the service type (and so the record fields) would change`,
      ],
    });
  }
  const startDate = input.startDate ?? campaign.startDate;
  const endDate = input.endDate ?? campaign.endDate;
  if (startDate && endDate && endDate < startDate) {
    throw new Invalid("Validation failed", { field: "endDate", issues: ["endDate must not be before startDate"] });
  }
  const { workflowId, ...changes } = input;
  try {
    await db.$transaction(async (tx) => {
      // A new workflow (or none) only for new runs: runs already going keep the version they run on.
      const workflow =
        workflowId !== undefined && workflowId !== campaign.workflowId ? await pinWorkflow(tx, ctx.organizationId, workflowId) : {};
      await tx.campaign.update({ where: { id: campaign.id }, data: { ...changes, ...workflow } });
    });
  } catch (error) {
    throw uniqueNameConflict(error) ?? error;
  }
  return fields;
}

export async function pauseCampaign(ctx: DomainContext, id: string) {
  const campaign = await getCampaignOrThrow(ctx, id);
  if (campaign.status === "paused") return campaign;
  return db.campaign.update({ where: { id: campaign.id }, data: { status: "paused", pausedAt: new Date() } });
}

export async function deleteCampaign(ctx: DomainContext, id: string) {
  const campaign = await getCampaignOrThrow(ctx, id);
  await db.campaign.delete({ where: { id: campaign.id } });
  return campaign;
}

/** The field schema and phone rules a campaign's records are validated against. */
export function recordRules(campaign: Pick<Campaign, "fieldSchema" | "phoneCountry" | "mobileOnly">): {
  schema: FieldSchema;
  policy: PhonePolicy;
} {
  return {
    schema: fieldSchemaSchema.parse(campaign.fieldSchema),
    policy: { defaultCountry: campaign.phoneCountry, mobileOnly: campaign.mobileOnly },
  };
}

function assertCampaignId(id: string) {
  const parsed = campaignIdSchema.safeParse(id);
  if (!parsed.success) throw new Invalid("Validation failed", { field: "campaignId", issues: [parsed.error.issues[0].message] });
}

/**
 * The workflow a campaign follows, pinned to that workflow's newest version (editing the workflow
 * moves the pin on: lib/workflows/workflows.ts). Another organization's workflow is not found, as
 * every other id of theirs. FOR SHARE: an edit of the workflow committing meanwhile waits for this
 * write (and then moves this campaign's pin too), or this read waits for the edit and pins its version.
 */
async function pinWorkflow(tx: Prisma.TransactionClient, organizationId: string, workflowId: string | null) {
  if (workflowId === null) return { workflowId: null, workflowVersionId: null };
  const [workflow] = await tx.$queryRaw<{ latestVersion: number }[]>`
    SELECT "latestVersion" FROM workflows WHERE id = ${workflowId} AND "organizationId" = ${organizationId} FOR SHARE`;
  if (!workflow) throw new NotFound("Workflow not found", { resource: "workflow", field: "workflowId", value: workflowId });
  const version = await tx.workflowVersion.findUnique({
    where: { workflowId_version: { workflowId, version: workflow.latestVersion } },
    select: { id: true },
  });
  return { workflowId, workflowVersionId: version?.id ?? null };
}

function uniqueNameConflict(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new Conflict("A campaign with this name already exists", { resource: "campaign", field: "name" });
  }
  return null;
}
