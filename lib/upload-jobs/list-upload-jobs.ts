import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { jobOutcomeSchema, UPLOAD_SOURCES, type JobOutcome } from "./job-outcome";

// The Uploads list, filtered by campaign, source and outcome (the URL carries them). An outcome
// is a condition on the stored row (job-outcome.ts says what each one means).

export const uploadListFiltersSchema = z.object({
  campaign: z.string().trim().max(100).catch("").default(""),
  source: z
    .enum(["", ...UPLOAD_SOURCES])
    .catch("")
    .default(""),
  status: z
    .union([z.literal(""), jobOutcomeSchema])
    .catch("")
    .default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type UploadListFilters = z.output<typeof uploadListFiltersSchema>;

export const UPLOADS_PAGE_SIZE = 50;

export async function listUploadJobs(ctx: DomainContext, filters: UploadListFilters) {
  const where: Prisma.UploadJobWhereInput = {
    organizationId: ctx.organizationId,
    ...(filters.campaign && { campaignId: filters.campaign }),
    ...(filters.source && { source: filters.source }),
    ...(filters.status && outcomeWhere(filters.status)),
  };
  const [jobs, total] = await Promise.all([
    db.uploadJob.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * UPLOADS_PAGE_SIZE,
      take: UPLOADS_PAGE_SIZE,
      omit: { payload: true, rowErrors: true, options: true, undoResult: true },
      include: { campaign: { select: { name: true } } },
    }),
    db.uploadJob.count({ where }),
  ]);
  return { jobs, total, pageSize: UPLOADS_PAGE_SIZE };
}

function outcomeWhere(outcome: JobOutcome): Prisma.UploadJobWhereInput {
  switch (outcome) {
    case "running":
      return { status: { in: ["pending", "processing"] } };
    case "failed":
      return { status: "failed" };
    case "cancelled":
      return { status: "cancelled" };
    case "completed":
      return { status: "completed", successful: { gte: db.uploadJob.fields.total } };
    case "partial":
      return { status: "completed", successful: { lt: db.uploadJob.fields.total } };
  }
}

export async function uploadFilterOptions(ctx: DomainContext) {
  return db.campaign.findMany({
    where: { organizationId: ctx.organizationId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
