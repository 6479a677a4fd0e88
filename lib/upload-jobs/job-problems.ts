import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";

// The rows of an upload job that were not added, with their reasons, read straight out of the
// job's rowErrors in the database: filtered by kind of problem, a page at a time. The kind is
// the row's own `kind` when it has one, else read from its message (one wording per door).

export const PROBLEM_KINDS = ["invalid", "duplicate", "dnc", "failed"] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export const PROBLEM_LABELS: Record<ProblemKind, string> = { invalid: "Invalid", duplicate: "Duplicate", dnc: "Blocked by DNC", failed: "Failed to write" };

export const problemFiltersSchema = z.object({
  problem: z.enum(["", ...PROBLEM_KINDS]).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type ProblemFilters = z.output<typeof problemFiltersSchema>;

export const PROBLEMS_PAGE_SIZE = 100;

export type ProblemRow = { index: number; id: string | null; errors: string[]; row: Record<string, unknown> | null; kind: ProblemKind };

export async function jobProblems(ctx: DomainContext, jobId: string, filters: ProblemFilters) {
  await assertJob(ctx, jobId);
  const kind = filters.problem ? Prisma.sql`AND ${KIND} = ${filters.problem}` : Prisma.empty;
  const [rows, counts] = await Promise.all([
    db.$queryRaw<{ value: ProblemRow & { kind?: string }; kind: ProblemKind }[]>`
      SELECT e.value, ${KIND} AS kind FROM upload_jobs j, jsonb_array_elements(j."rowErrors") WITH ORDINALITY AS e(value, ord)
      WHERE j.id = ${jobId} ${kind} ORDER BY e.ord LIMIT ${PROBLEMS_PAGE_SIZE} OFFSET ${(filters.page - 1) * PROBLEMS_PAGE_SIZE}`,
    problemCounts(jobId),
  ]);
  return {
    rows: rows.map((r) => ({ index: r.value.index, id: r.value.id ?? null, errors: r.value.errors ?? [], row: r.value.row ?? null, kind: r.kind })),
    counts,
    total: filters.problem ? counts[filters.problem] : Object.values(counts).reduce((a, b) => a + b, 0),
    pageSize: PROBLEMS_PAGE_SIZE,
  };
}

/** Every problem row of a job, in row order (for the downloadable report). */
export async function allJobProblems(ctx: DomainContext, jobId: string, problem: ProblemKind | "") {
  const job = await assertJob(ctx, jobId);
  const kind = problem ? Prisma.sql`AND ${KIND} = ${problem}` : Prisma.empty;
  const rows = await db.$queryRaw<{ value: ProblemRow }[]>`
    SELECT e.value FROM upload_jobs j, jsonb_array_elements(j."rowErrors") WITH ORDINALITY AS e(value, ord)
    WHERE j.id = ${jobId} ${kind} ORDER BY e.ord`;
  return { job, rows: rows.map((r) => ({ index: r.value.index, id: r.value.id ?? null, errors: r.value.errors ?? [], row: r.value.row ?? null })) };
}

async function problemCounts(jobId: string): Promise<Record<ProblemKind, number>> {
  const rows = await db.$queryRaw<{ kind: ProblemKind; n: bigint }[]>`
    SELECT ${KIND} AS kind, count(*) AS n FROM upload_jobs j, jsonb_array_elements(j."rowErrors") AS e(value) WHERE j.id = ${jobId} GROUP BY 1`;
  const counts = { invalid: 0, duplicate: 0, dnc: 0, failed: 0 };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}

async function assertJob(ctx: DomainContext, jobId: string) {
  const job = await db.uploadJob.findFirst({
    where: { id: jobId, organizationId: ctx.organizationId },
    select: { id: true, fileName: true, reference: true, campaign: { select: { fieldSchema: true } } },
  });
  if (!job) throw new NotFound("Upload job not found", { resource: "upload_job" });
  return job;
}

// The wording of each door's messages: TimePay ("already exists", "Duplicate … in request",
// "The database refused …"), Flexydial ("This row is duplicated in file", "is already exist",
// "This number is blocked …"); everything else is a validation problem.
const KIND = Prisma.sql`(CASE
  WHEN e.value->>'kind' IN ('invalid', 'duplicate', 'dnc', 'failed') THEN e.value->>'kind'
  WHEN (e.value->'errors')::text ~* 'blocked (globally|in this campaign)' THEN 'dnc'
  WHEN (e.value->'errors')::text ~* '(duplicat|already exist)' THEN 'duplicate'
  WHEN (e.value->'errors')::text ~* '(database refused|WRITE_FAILED)' THEN 'failed'
  ELSE 'invalid' END)`;
