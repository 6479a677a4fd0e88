import Link from "next/link";
import { requireOperator } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { hasCalls, listCalls } from "@/lib/calls/call-list";
import { getCallDetail } from "@/lib/calls/call-detail";
import { callDeliveries } from "@/lib/webhooks/deliveries";
import { CallFilters } from "@/components/calls/call-filters";
import { CallsTable } from "@/components/calls/calls-table";
import { CallDetailPanel } from "@/components/calls/call-detail-panel";
import { Pagination } from "@/components/calls/pagination";
import { CALLS_PER_PAGE, callsHref, hasFilters, parseCallsQuery, toListFilter, type SearchParams } from "@/components/calls/calls-query";
import styles from "@/components/calls/calls.module.css";

export async function CallsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { organization, user } = await requireOperator();
  const ctx: DomainContext = { organizationId: organization.id, actor: { userId: user.id, apiKeyId: null, role: user.role }, source: "ui" };
  const query = parseCallsQuery(await searchParams);
  const page = query.page ?? 1;

  const [list, any, detail, deliveries, campaigns, agents, dispositions] = await Promise.all([
    listCalls(ctx, toListFilter(query), { page, perPage: CALLS_PER_PAGE }),
    hasCalls(ctx),
    query.call ? getCallDetail(ctx, query.call) : null,
    query.call ? callDeliveries(organization.id, query.call) : [],
    db.campaign.findMany({ where: { organizationId: organization.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.agent.findMany({ where: { organizationId: organization.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.disposition.findMany({
      where: { organizationId: organization.id },
      orderBy: [{ priority: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Calls</h1>
          <p className="muted">
            Every call your agents placed, newest first, with its result and disposition. Calls not placed yet or blocked (do-not-call,
            limits) are under the statuses Waiting and Blocked.
          </p>
        </div>
      </header>

      {!any ? (
        <section className="card empty-state">
          <h2>No calls yet</h2>
          <p className="muted">
            This page lists every call attempt with its result (Contacted, No Contact, Failed), disposition, summary and the data the agent
            extracted. Calls start when you upload contacts with “add and start calls”, or through the API (
            <code>POST /api/v1/initiate/&#123;campaignId&#125;/calls</code>).
          </p>
          {user.role !== "viewer" && (
            <Link href="/upload" className="btn btn-primary">
              Upload contacts
            </Link>
          )}
        </section>
      ) : (
        <>
          <CallFilters query={query} campaigns={campaigns} agents={agents} dispositions={dispositions} />
          <div className={styles.listArea}>
            {detail && (
              <CallDetailPanel
                detail={detail}
                deliveries={deliveries}
                canResend={user.role === "admin"}
                closeHref={callsHref(query, { call: undefined })}
                query={query}
              />
            )}
            <section className="card table-card" aria-label="Call list">
              {list.rows.length === 0 ? (
                <div className="empty-state">
                  <h2>No calls match these filters</h2>
                  {hasFilters(query) && <Link href="/calls">Clear the filters</Link>}
                </div>
              ) : (
                <>
                  <CallsTable rows={list.rows} query={query} selectedId={detail?.call.id} />
                  <Pagination query={query} page={page} total={list.total} perPage={CALLS_PER_PAGE} />
                </>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}
