import { requireOperator } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DispositionsPanel } from "@/components/dispositions/dispositions-panel";
import { GroupsPanel } from "@/components/dispositions/groups-panel";

// /dispositions: the organization's dispositions and disposition groups.
export async function DispositionsPage() {
  const { organization, user } = await requireOperator();
  const [dispositions, groups] = await Promise.all([
    db.disposition.findMany({ where: { organizationId: organization.id }, orderBy: [{ priority: "asc" }, { name: "asc" }], include: { groups: { include: { group: { select: { name: true } } } } } }),
    db.dispositionGroup.findMany({ where: { organizationId: organization.id }, orderBy: { name: "asc" }, include: { members: { orderBy: { position: "asc" }, include: { disposition: { select: { id: true, name: true } } } } } }),
  ]);
  const canWrite = user.role !== "viewer";
  const rows = dispositions.map((d) => ({ id: d.id, name: d.name, description: d.description, priority: d.priority, groups: d.groups.map((m) => m.group.name) }));
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Dispositions</h1>
          <p className="muted">Call outcomes and the groups they are offered in.</p>
        </div>
      </header>
      <DispositionsPanel dispositions={rows} canWrite={canWrite} />
      <GroupsPanel
        dispositions={rows}
        canWrite={canWrite}
        groups={groups.map((g) => ({ id: g.id, name: g.name, description: g.description, members: g.members.map((m) => m.disposition) }))}
      />
    </>
  );
}
