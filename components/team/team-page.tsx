import { requireOperator } from "@/lib/auth/session";
import { teamView } from "@/lib/auth/team";
import { TeamManager } from "@/components/team/team-manager";

// /team: who can use Dialsheet in this organization, and (admins) inviting, roles and removal.
export async function TeamPage() {
  const { organization, user } = await requireOperator();
  const admin = user.role === "admin";
  const team = await teamView(organization.id, admin);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Team</h1>
          <p className="muted">
            Who works in {organization.name}. Admins manage the team and API keys; operators run campaigns, uploads and calls; viewers see
            every screen and change nothing.
          </p>
        </div>
      </header>
      {!admin && (
        <p className="alert alert-warning" data-testid="team-read-only">
          Only an admin can invite people, change roles or remove someone. You are {user.role === "viewer" ? "a viewer" : "an operator"}.
        </p>
      )}
      <TeamManager canManage={admin} currentUserId={user.id} members={team.members} invitations={team.invitations} />
    </>
  );
}
