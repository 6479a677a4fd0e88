import Link from "next/link";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/auth/sign-out-button";

type Props = { organizationName: string; userName: string; userEmail: string; role: string; children: React.ReactNode };

export function AppShell({ organizationName, userName, userEmail, role, children }: Props) {
  return (
    <div className="shell">
      <aside className="sidebar" aria-label="Main navigation">
        <Link href="/campaigns" className="brand">
          <span className="brand-mark" aria-hidden>
            ◧
          </span>{" "}
          Dialsheet
        </Link>
        <div className="org-name" title={organizationName}>
          {organizationName}
        </div>
        <NavLinks />
        <div className="sidebar-footer">
          <div className="user">
            <strong>{userName}</strong>
            <span className="muted small">{userEmail}</span>
            <span className="badge badge-neutral">{role}</span>
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
