import Link from "next/link";
import { requireOperator } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { DialerPanel } from "@/components/settings/dialer-panel";
import { WebhookPanel } from "@/components/settings/webhook-panel";
import { CallerNumbersPanel } from "@/components/settings/caller-numbers-panel";
import { OrganizationDefaultsPanel } from "@/components/settings/organization-defaults-panel";
import { getOrganizationDefaults } from "@/lib/organizations/organization-defaults";
import { listCallerNumbers } from "@/lib/calls/caller-numbers";
import { getCallSettings } from "@/lib/calls/call-settings";
import { callSettingsView } from "@/lib/calls/call-settings-view";
import { getWebhookEndpoint } from "@/lib/webhooks/webhook-endpoint";
import { env } from "@/lib/env";

export async function SettingsPage() {
  const { organization, user } = await requireOperator();
  const [keys, agents, dispositions, callSettings, webhook, callerNumbers, defaults] = await Promise.all([
    db.apiKey.findMany({
      where: { organizationId: organization.id },
      orderBy: { createdAt: "desc" },
      include: { user: { select: { email: true } } },
    }),
    db.agent.findMany({ where: { organizationId: organization.id }, orderBy: { name: "asc" } }),
    db.disposition.findMany({ where: { organizationId: organization.id }, orderBy: { priority: "asc" } }),
    getCallSettings(organization.id),
    getWebhookEndpoint(organization.id),
    listCallerNumbers(organization.id),
    getOrganizationDefaults(organization.id),
  ]);
  const admin = user.role === "admin";
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            {organization.name} · <span className="mono small">{organization.id}</span>
          </p>
        </div>
      </header>
      <ApiKeysPanel
        canManage={user.role === "admin"}
        userId={user.id}
        keys={keys.map((k) => ({
          id: k.id,
          name: k.name,
          prefix: k.prefix,
          owner: k.user?.email ?? null,
          ownerId: k.userId,
          role: k.role,
          fromGenerateToken: k.purpose === "generate-token",
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revoked: k.revokedAt !== null,
        }))}
      />
      <OrganizationDefaultsPanel initial={defaults} canManage={admin} />
      <DialerPanel
        initial={callSettingsView(callSettings, user.role)}
        canManage={admin}
        canTest={user.role !== "viewer"}
        resultsUrl={`${env.APP_URL}/api/v1/dialer/results/${organization.id}`}
      />
      <CallerNumbersPanel
        canManage={admin}
        fallback={callSettings.fromPhone}
        numbers={callerNumbers.map((n) => ({
          id: n.id,
          phoneE164: n.phoneE164,
          label: n.label,
          active: n.active,
          lastUsedAt: n.lastUsedAt?.toISOString() ?? null,
        }))}
      />
      <WebhookPanel initial={webhook && !admin ? { ...webhook, secret: "" } : webhook} canManage={admin} />
      <section className="card table-card">
        <h2 className="card-title">Agents</h2>
        <table className="table" aria-label="Agents">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>
                Username (Flexydial <code>user</code>)
              </th>
              <th>
                Agent ID (TimePay <code>agentId</code>)
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.length === 0 && (
              <tr>
                <td colSpan={4} className="empty-row" data-testid="settings-agents-empty">
                  No agents yet. An agent places the calls: an AI voice agent, or a dialer user Flexydial&apos;s <code>user</code> names.{" "}
                  {user.role !== "viewer" && <Link href="/agents">Add an agent</Link>}
                </td>
              </tr>
            )}
            {agents.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.kind === "ai" ? "AI voice agent" : "Dialer agent"}</td>
                <td className="mono">{a.username}</td>
                <td className="mono small">{a.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card table-card">
        <h2 className="card-title">Dispositions</h2>
        <table className="table" aria-label="Dispositions">
          <thead>
            <tr>
              <th>Name</th>
              <th className="num">Priority</th>
              <th>ID</th>
            </tr>
          </thead>
          <tbody>
            {dispositions.length === 0 && (
              <tr>
                <td colSpan={3} className="empty-row" data-testid="settings-dispositions-empty">
                  No dispositions yet. A disposition names how a call ended (Promise to Pay, Call Back…).{" "}
                  {user.role !== "viewer" && <Link href="/dispositions">Add a disposition</Link>}
                </td>
              </tr>
            )}
            {dispositions.map((d) => (
              <tr key={d.id}>
                <td>{d.name}</td>
                <td className="num">{d.priority}</td>
                <td className="mono small">{d.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
