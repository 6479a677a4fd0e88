import { z } from "zod";
import { db } from "@/lib/db/client";

// The dashboard's lists: the campaign's latest call results (optionally one outcome) and its
// upload jobs that are running or finished recently (the live widget polls these).

export const RESULT_FILTERS = ["Contacted", "No Contact", "Failed"] as const;
export type ResultFilter = (typeof RESULT_FILTERS)[number];

export type RecentResult = {
  id: string;
  customerName: string;
  toPhone: string;
  outcome: string;
  disposition: string | null;
  duration: number | null;
  finishedAt: Date;
  promiseToPayDate: string | null;
};

export async function recentResults(campaignId: string, outcome?: ResultFilter, limit = 10): Promise<RecentResult[]> {
  const rows = await db.call.findMany({
    where: { campaignId, outcome: outcome ?? { not: null }, finishedAt: { not: null } },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      toPhone: true,
      outcome: true,
      outcomeDisposition: true,
      duration: true,
      finishedAt: true,
      extractedData: true,
      customer: { select: { firstName: true, lastName: true, identifier: true } },
    },
  });
  return rows.map((r) => {
    const extracted = (r.extractedData ?? {}) as Record<string, unknown>;
    const name = [r.customer.firstName, r.customer.lastName].filter(Boolean).join(" ");
    return {
      id: r.id,
      customerName: name || r.customer.identifier,
      toPhone: r.toPhone,
      outcome: r.outcome ?? "",
      disposition: r.outcomeDisposition,
      duration: r.duration,
      finishedAt: r.finishedAt as Date,
      promiseToPayDate: typeof extracted.promise_to_pay_date === "string" ? extracted.promise_to_pay_date : null,
    };
  });
}

export const liveJobSchema = z
  .object({
    id: z.string(),
    source: z.enum(["ui", "timepay_api", "flexydial_api"]),
    status: z.enum(["pending", "processing", "completed", "failed", "cancelled"]),
    reference: z.string(),
    fileName: z.string().nullable(),
    total: z.number().int(),
    processed: z.number().int(),
    successful: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    failed: z.number().int(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "LiveUploadJob" });
export const liveJobsAnswerSchema = z.object({ jobs: z.array(liveJobSchema) });
export type LiveJob = z.infer<typeof liveJobSchema>;

/** Jobs running now plus those created in the last 24 hours (newest first, at most 5). */
export async function liveUploadJobs(campaign: { id: string; organizationId: string }, now: Date): Promise<LiveJob[]> {
  const jobs = await db.uploadJob.findMany({
    where: {
      organizationId: campaign.organizationId,
      campaignId: campaign.id,
      OR: [{ status: { in: ["pending", "processing"] } }, { createdAt: { gte: new Date(now.getTime() - 86_400_000) } }],
    },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: {
      id: true,
      source: true,
      status: true,
      reference: true,
      fileName: true,
      total: true,
      processed: true,
      successful: true,
      invalid: true,
      duplicates: true,
      failed: true,
      createdAt: true,
      completedAt: true,
    },
  });
  return jobs.map((j) => ({ ...j, createdAt: j.createdAt.toISOString(), completedAt: j.completedAt?.toISOString() ?? null }));
}
