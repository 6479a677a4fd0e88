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
export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  invalid: "Invalid",
  duplicate: "Duplicate",
  dnc: "Blocked by DNC",
  failed: "Failed to write",
};

export const problemFiltersSchema = z.object({
  problem: z
    .enum(["", ...PROBLEM_KINDS])
    .catch("")
    .default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type ProblemFilters = z.output<typeof problemFiltersSchema>;

export const PROBLEMS_PAGE_SIZE = 100;

type ProblemRow = { index: number; id: string | null; errors: string[]; row: Record<string, unknown> | null; kind: ProblemKind };

export async function jobProblems(ctx: DomainContext, jobId: string, filters: ProblemFilters) {
  await assertJob(ctx, jobId);
  // One pass over the job's rowErrors: the counts by kind and the requested page together.
  const kind = filters.problem ? Prisma.sql`WHERE kind = ${filters.problem}` : Prisma.empty;
  const [result] = await db.$queryRaw<{ counts: Record<string, number> | null; rows: { value: StoredProblem; kind: ProblemKind }[] }[]>`
    WITH e AS MATERIALIZED (
      SELECT e.value, e.ord, ${KIND} AS kind FROM upload_jobs j, jsonb_array_elements(j."rowErrors") WITH ORDINALITY AS e(value, ord), ${TEXT}
      WHERE j.id = ${jobId}
    )
    SELECT (SELECT jsonb_object_agg(kind, n) FROM (SELECT kind, count(*) AS n FROM e GROUP BY kind) c) AS counts,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('value', p.value, 'kind', p.kind) ORDER BY p.ord), '[]'::jsonb)
              FROM (SELECT * FROM e ${kind} ORDER BY ord LIMIT ${PROBLEMS_PAGE_SIZE} OFFSET ${(filters.page - 1) * PROBLEMS_PAGE_SIZE}) p) AS rows`;
  const counts: Record<ProblemKind, number> = { invalid: 0, duplicate: 0, dnc: 0, failed: 0 };
  for (const [k, n] of Object.entries(result.counts ?? {})) counts[k as ProblemKind] = Number(n);
  return {
    rows: result.rows.map(
      (r): ProblemRow => ({
        index: r.value.index,
        id: r.value.id ?? null,
        errors: r.value.errors ?? [],
        row: r.value.row ?? null,
        kind: r.kind,
      }),
    ),
    counts,
    total: filters.problem ? counts[filters.problem] : Object.values(counts).reduce((a, b) => a + b, 0),
    pageSize: PROBLEMS_PAGE_SIZE,
  };
}

type StoredProblem = { index: number; id?: string | null; errors?: string[]; row?: Record<string, unknown> | null };

/** Every problem row of a job, in row order (for the downloadable report). */
export async function allJobProblems(ctx: DomainContext, jobId: string, problem: ProblemKind | "") {
  const job = await assertJob(ctx, jobId);
  const kind = problem ? Prisma.sql`AND ${KIND} = ${problem}` : Prisma.empty;
  const rows = await db.$queryRaw<{ value: StoredProblem }[]>`
    SELECT e.value FROM upload_jobs j, jsonb_array_elements(j."rowErrors") WITH ORDINALITY AS e(value, ord), ${TEXT}
    WHERE j.id = ${jobId} ${kind} ORDER BY e.ord`;
  return {
    job,
    rows: rows.map((r) => ({ index: r.value.index, id: r.value.id ?? null, errors: r.value.errors ?? [], row: r.value.row ?? null })),
  };
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
// "This number is blocked …"); everything else is a validation problem. LIKE, not a regex: it
// runs once per problem row, 100,000 of them for a large file.
const TEXT = Prisma.sql`LATERAL (SELECT (e.value->'errors')::text AS t) x`;
const KIND = Prisma.sql`(CASE
  WHEN e.value->>'kind' IN ('invalid', 'duplicate', 'dnc', 'failed') THEN e.value->>'kind'
  WHEN x.t LIKE '%blocked globally%' OR x.t LIKE '%blocked in this campaign%' THEN 'dnc'
  WHEN x.t LIKE '%uplicate%' OR x.t LIKE '%already exist%' THEN 'duplicate'
  WHEN x.t LIKE '%database refused%' OR x.t LIKE '%WRITE_FAILED%' THEN 'failed'
  ELSE 'invalid' END)`;
