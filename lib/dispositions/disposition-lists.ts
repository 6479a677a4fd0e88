import { db } from "@/lib/db/client";

// The dispositions screen's lists: every disposition with the groups that use it, every group with
// its members in order.

export async function dispositionsWithGroups(organizationId: string) {
  const [dispositions, groups] = await Promise.all([
    db.disposition.findMany({
      where: { organizationId },
      orderBy: [{ priority: "asc" }, { name: "asc" }],
      include: { groups: { include: { group: { select: { name: true } } } } },
    }),
    db.dispositionGroup.findMany({
      where: { organizationId },
      orderBy: { name: "asc" },
      include: { members: { orderBy: { position: "asc" }, include: { disposition: { select: { id: true, name: true } } } } },
    }),
  ]);
  return {
    dispositions: dispositions.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      priority: d.priority,
      groups: d.groups.map((m) => m.group.name),
    })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, description: g.description, members: g.members.map((m) => m.disposition) })),
  };
}
