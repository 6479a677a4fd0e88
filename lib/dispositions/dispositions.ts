import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { DispositionInUse } from "@/lib/dispositions/errors";

// Dispositions: the outcomes a call can be classified with. Names are unique per organization;
// priority 0 is the highest. Every function is scoped to the caller's organization: another
// organization's id is simply not found.

export type DispositionInput = { name: string; description?: string; priority?: number };
export type DispositionChanges = Partial<DispositionInput>;

export const DEFAULT_PRIORITY = 500;
export const DISPOSITIONS_PER_PAGE = 20;

export async function createDisposition(ctx: DomainContext, input: DispositionInput) {
  try {
    return await db.disposition.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name,
        description: input.description ?? "",
        priority: input.priority ?? DEFAULT_PRIORITY,
      },
    });
  } catch (error) {
    throw duplicateName(error) ?? error;
  }
}

export async function listDispositions(ctx: DomainContext, query: { page: number; search?: string }) {
  const where: Prisma.DispositionWhereInput = { organizationId: ctx.organizationId, ...(query.search && { OR: searchIn(query.search) }) };
  const [rows, total] = await Promise.all([
    db.disposition.findMany({
      where,
      orderBy: [{ priority: "asc" }, { name: "asc" }],
      skip: (query.page - 1) * DISPOSITIONS_PER_PAGE,
      take: DISPOSITIONS_PER_PAGE,
    }),
    db.disposition.count({ where }),
  ]);
  return { rows, total, limit: DISPOSITIONS_PER_PAGE };
}

export async function getDisposition(ctx: DomainContext, id: string) {
  const disposition = await db.disposition.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!disposition) throw new NotFound("Disposition not found", { resource: "disposition" });
  return disposition;
}

/** Applies the fields given; returns their names in request order. */
export async function updateDisposition(ctx: DomainContext, id: string, changes: DispositionChanges) {
  const fields = (["name", "description", "priority"] as const).filter((key) => changes[key] !== undefined);
  const disposition = await getDisposition(ctx, id);
  if (fields.length === 0) throw new Invalid("No valid fields provided for update", { issues: ["No valid fields provided for update"] });
  try {
    await db.disposition.update({ where: { id: disposition.id }, data: Object.fromEntries(fields.map((f) => [f, changes[f]])) });
  } catch (error) {
    throw duplicateName(error) ?? error;
  }
  return fields;
}

/** Refuses while any group holds the disposition; the row lock keeps a concurrent add from slipping in. */
export async function deleteDisposition(ctx: DomainContext, id: string) {
  await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM dispositions WHERE id = ${id} AND "organizationId" = ${ctx.organizationId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFound("Disposition not found", { resource: "disposition" });
    const groups = await tx.dispositionGroup.findMany({
      where: { members: { some: { dispositionId: id } } },
      orderBy: { name: "asc" },
      select: { name: true },
    });
    if (groups.length > 0) throw new DispositionInUse(groups.map((g) => g.name));
    await tx.disposition.delete({ where: { id } });
  });
}

function searchIn(search: string): Prisma.DispositionWhereInput[] {
  return [{ name: { contains: search, mode: "insensitive" } }, { description: { contains: search, mode: "insensitive" } }];
}

function duplicateName(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new Conflict("A disposition with this name already exists", { resource: "disposition", field: "name" });
  }
  return null;
}
