import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { UnknownDispositions } from "@/lib/dispositions/errors";

// Disposition groups ("Call Back", "Follow Up"): named, ordered sets of the organization's
// dispositions. Repeated ids collapse to one; ids of another organization are invalid.

export type GroupInput = { name: string; description?: string; dispositions?: string[] };
export type GroupChanges = Partial<GroupInput>;

export const GROUPS_PER_PAGE = 50;
export const MAX_GROUP_SIZE = 100;

const withMembers = {
  members: {
    orderBy: [{ position: "asc" }, { dispositionId: "asc" }],
    include: { disposition: { select: { id: true, name: true, description: true, priority: true } } },
  },
} satisfies Prisma.DispositionGroupInclude;

export type GroupWithMembers = Prisma.DispositionGroupGetPayload<{ include: typeof withMembers }>;

export async function createGroup(ctx: DomainContext, input: GroupInput): Promise<GroupWithMembers> {
  const ids = unique(input.dispositions ?? []);
  await assertOwnDispositions(ctx, ids);
  try {
    return await db.dispositionGroup.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name,
        description: input.description ?? "",
        members: { create: ids.map((dispositionId, position) => ({ dispositionId, position })) },
      },
      include: withMembers,
    });
  } catch (error) {
    throw duplicateName(error) ?? error;
  }
}

export async function listGroups(ctx: DomainContext, query: { page: number; search?: string }) {
  const where: Prisma.DispositionGroupWhereInput = {
    organizationId: ctx.organizationId,
    ...(query.search && {
      OR: [{ name: { contains: query.search, mode: "insensitive" } }, { description: { contains: query.search, mode: "insensitive" } }],
    }),
  };
  const [rows, total] = await Promise.all([
    db.dispositionGroup.findMany({
      where,
      orderBy: [{ name: "asc" }],
      skip: (query.page - 1) * GROUPS_PER_PAGE,
      take: GROUPS_PER_PAGE,
      include: withMembers,
    }),
    db.dispositionGroup.count({ where }),
  ]);
  return { rows, total, limit: GROUPS_PER_PAGE };
}

export async function getGroup(ctx: DomainContext, id: string): Promise<GroupWithMembers> {
  const group = await db.dispositionGroup.findFirst({ where: { id, organizationId: ctx.organizationId }, include: withMembers });
  if (!group) throw groupNotFound();
  return group;
}

/** Applies the fields given; `dispositions` replaces the whole list. Returns the fields' names. */
export async function updateGroup(ctx: DomainContext, id: string, changes: GroupChanges) {
  const fields = (["name", "description", "dispositions"] as const).filter((key) => changes[key] !== undefined);
  const group = await getGroup(ctx, id);
  if (fields.length === 0) throw new Invalid("No valid fields provided for update", { issues: ["No valid fields provided for update"] });
  const ids = changes.dispositions ? unique(changes.dispositions) : null;
  if (ids) await assertOwnDispositions(ctx, ids);
  try {
    await db.$transaction(async (tx) => {
      await tx.dispositionGroup.update({
        where: { id: group.id },
        data: { name: changes.name, description: changes.description, updatedAt: new Date() },
      });
      if (ids) {
        await tx.dispositionGroupMember.deleteMany({ where: { groupId: group.id } });
        await tx.dispositionGroupMember.createMany({
          data: ids.map((dispositionId, position) => ({ groupId: group.id, dispositionId, position })),
        });
      }
    });
  } catch (error) {
    throw duplicateName(error) ?? error;
  }
  return fields;
}

/** Deletes the group only; its dispositions stay. */
export async function deleteGroup(ctx: DomainContext, id: string) {
  const group = await getGroup(ctx, id);
  await db.dispositionGroup.delete({ where: { id: group.id } });
}

/** Appends the dispositions not yet in the group, in the order given. */
export async function addToGroup(ctx: DomainContext, id: string, dispositionIds: string[]) {
  const group = await getGroup(ctx, id);
  const ids = unique(dispositionIds);
  await assertOwnDispositions(ctx, ids);
  const present = new Set(group.members.map((m) => m.dispositionId));
  const added = ids.filter((d) => !present.has(d));
  if (present.size + added.length > MAX_GROUP_SIZE) {
    throw new Invalid(`A group can hold at most ${MAX_GROUP_SIZE} dispositions`, {
      field: "dispositions",
      issues: [`A group can hold at most ${MAX_GROUP_SIZE} dispositions`],
    });
  }
  const next = Math.max(-1, ...group.members.map((m) => m.position)) + 1;
  await db.$transaction([
    db.dispositionGroupMember.createMany({
      data: added.map((dispositionId, i) => ({ groupId: group.id, dispositionId, position: next + i })),
      skipDuplicates: true,
    }),
    db.dispositionGroup.update({ where: { id: group.id }, data: { updatedAt: new Date() } }),
  ]);
  return added;
}

/** Removes the given dispositions from the group; ids not in it are ignored. */
export async function removeFromGroup(ctx: DomainContext, id: string, dispositionIds: string[]) {
  const group = await getGroup(ctx, id);
  const [removed] = await db.$transaction([
    db.dispositionGroupMember.deleteMany({ where: { groupId: group.id, dispositionId: { in: unique(dispositionIds) } } }),
    db.dispositionGroup.update({ where: { id: group.id }, data: { updatedAt: new Date() } }),
  ]);
  return removed.count;
}

async function assertOwnDispositions(ctx: DomainContext, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db.disposition.findMany({ where: { id: { in: ids }, organizationId: ctx.organizationId }, select: { id: true } });
  const known = new Set(found.map((d) => d.id));
  const invalid = ids.filter((d) => !known.has(d));
  if (invalid.length > 0) throw new UnknownDispositions(invalid);
}

function unique(ids: string[]) {
  return [...new Set(ids)];
}

function groupNotFound() {
  return new NotFound("Disposition group not found", { resource: "disposition_group" });
}

function duplicateName(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new Conflict("A group with this name already exists", { resource: "disposition_group", field: "name" });
  }
  return null;
}
