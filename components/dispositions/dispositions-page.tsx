import { requireOperator } from "@/lib/auth/session";
import { dispositionsWithGroups } from "@/lib/dispositions/disposition-lists";
import { DispositionsPanel } from "@/components/dispositions/dispositions-panel";
import { GroupsPanel } from "@/components/dispositions/groups-panel";

// /dispositions: the organization's dispositions and disposition groups.
export async function DispositionsPage() {
  const { organization, user } = await requireOperator();
  const { dispositions: rows, groups } = await dispositionsWithGroups(organization.id);
  const canWrite = user.role !== "viewer";
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Dispositions</h1>
          <p className="muted">Call outcomes and the groups they are offered in.</p>
        </div>
      </header>
      <DispositionsPanel dispositions={rows} canWrite={canWrite} />
      <GroupsPanel dispositions={rows} canWrite={canWrite} groups={groups} />
    </>
  );
}
