import Link from "next/link";
import { openInvitation } from "@/lib/auth/team";
import { InviteAcceptForm } from "@/components/team/invite-accept-form";

// /invite/{id}: the one-time link an admin handed over. Used, cancelled, expired or unknown links
// all say the same and show nothing of any organization.
export async function InvitePage({ params }: { params: Promise<{ invitationId: string }> }) {
  const { invitationId } = await params;
  const invitation = await openInvitation(invitationId);
  return (
    <main className="auth-page">
      {invitation ? (
        <InviteAcceptForm
          invitationId={invitationId}
          email={invitation.email}
          role={invitation.role}
          organizationName={invitation.organizationName}
        />
      ) : (
        <section className="card auth-card" aria-labelledby="invite-gone">
          <h1 id="invite-gone">This invite link does not work</h1>
          <p className="muted">It has been used, was cancelled or has expired. Ask your admin for a new link.</p>
          <Link href="/sign-in" className="btn btn-block">
            Sign in
          </Link>
        </section>
      )}
    </main>
  );
}
