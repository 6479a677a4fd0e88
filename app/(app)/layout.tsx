import { AppShell } from "@/components/shell/app-shell";
import { requireOperator } from "@/lib/auth/session";

// Every page here reads the session and the database at request time.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user, organization } = await requireOperator();
  return (
    <AppShell organizationName={organization.name} userName={user.name} userEmail={user.email} role={user.role}>
      {children}
    </AppShell>
  );
}
