import { db } from "@/lib/db/client";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { templateFieldProblems } from "@/lib/messages/render-template";

// Message templates per organization, with {{field}} placeholders. A template is checked against
// a campaign's fields when it is created for one (campaignId) and every time it is sent to one.

/** A new template; with campaignId its placeholders are checked against that campaign's fields. */
export type NewTemplate = { name: string; channel: "sms" | "whatsapp"; body: string; campaignId?: string };

export async function createTemplate(ctx: DomainContext, input: NewTemplate) {
  if (input.campaignId) await assertTemplateFits(ctx, input.body, input.campaignId);
  try {
    return await db.messageTemplate.create({
      data: { organizationId: ctx.organizationId, name: input.name, channel: input.channel, body: input.body },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new Conflict(`A template named "${input.name}" already exists`, { resource: "template", field: "name", value: input.name });
    }
    throw error;
  }
}

export function listTemplates(ctx: DomainContext) {
  return db.messageTemplate.findMany({ where: { organizationId: ctx.organizationId }, orderBy: { createdAt: "asc" } });
}

export async function findTemplate(ctx: DomainContext, id: string, channel?: "sms" | "whatsapp") {
  const template = await db.messageTemplate.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!template) throw new NotFound("Template not found", { resource: "template", field: "templateId", value: id });
  if (channel && template.channel !== channel)
    throw new Invalid("Validation failed", { issues: [`templateId is a ${template.channel} template, not ${channel}`] });
  return template;
}

/** Invalid naming every placeholder the campaign has no field for. */
export async function assertTemplateFits(ctx: DomainContext, body: string, campaignId: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, organizationId: ctx.organizationId },
    select: { fieldSchema: true },
  });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign", value: campaignId });
  const problems = templateFieldProblems(
    body,
    (campaign.fieldSchema as unknown as FieldSchema).fields.map((f) => f.key),
  );
  if (problems.length) throw new Invalid("Validation failed", { issues: problems });
}
