import Link from "next/link";
import { requireOperator } from "@/lib/auth/session";
import type { DomainContext } from "@/lib/domain/context";
import { dncHistoryQuerySchema, dncListQuerySchema } from "@/lib/dnc/dnc-input";
import { dncCampaigns, dncHistory, hasDncEntries, listDnc } from "@/lib/dnc/dnc-list";
import { Pagination } from "@/components/ui/pagination";
import { DncTools } from "@/components/dnc/dnc-tools";
import { DncEntryTable } from "@/components/dnc/dnc-entry-table";
import { DncHistoryTable } from "@/components/dnc/dnc-history-table";
import styles from "@/components/dnc/dnc.module.css";
import { FilterSelect } from "@/components/ui/filter-select";

// /dnc: the organization's Do-Not-Call list (searched, filtered and paginated on the server; the
// filters are the URL) and its history. Writers add one number or upload a file; viewers read.

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The URL's filters; one that does not parse is dropped rather than failing the page. */
function lenient<T extends Record<string, unknown>>(
  schema: { shape: Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }> },
  params: SearchParams,
) {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = field.safeParse(first(params[key]) || undefined);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as Partial<T>;
}

const href = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) search.set(k, String(v));
  const text = search.toString();
  return text ? `/dnc?${text}` : "/dnc";
};

export async function DncPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { organization, user } = await requireOperator();
  const ctx: DomainContext = { organizationId: organization.id, actor: { userId: user.id, apiKeyId: null, role: user.role }, source: "ui" };
  const params = await searchParams;
  const history = first(params.view) === "history";
  const canWrite = user.role !== "viewer";
  const [campaigns, any] = await Promise.all([dncCampaigns(ctx), hasDncEntries(ctx)]);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Do not call</h1>
          <p className="muted">
            Numbers that are never dialled, for every campaign or for one. The dial engine checks this list when a call is scheduled and
            again just before it is placed.
          </p>
        </div>
      </header>
      <nav className={styles.tabs} aria-label="Do-not-call views">
        <Link
          href="/dnc"
          className={history ? styles.tab : `${styles.tab} ${styles.tabActive}`}
          aria-current={history ? undefined : "page"}
        >
          List
        </Link>
        <Link
          href="/dnc?view=history"
          className={history ? `${styles.tab} ${styles.tabActive}` : styles.tab}
          aria-current={history ? "page" : undefined}
        >
          History
        </Link>
      </nav>
      {history ? (
        <HistoryView ctx={ctx} params={params} />
      ) : (
        <ListView ctx={ctx} params={params} campaigns={campaigns} any={any} canWrite={canWrite} />
      )}
    </>
  );
}

async function ListView({
  ctx,
  params,
  campaigns,
  any,
  canWrite,
}: {
  ctx: DomainContext;
  params: SearchParams;
  campaigns: { id: string; name: string }[];
  any: boolean;
  canWrite: boolean;
}) {
  const query = lenient<{ q: string; scope: string; status: "active" | "inactive"; page: number }>(dncListQuerySchema, params);
  const list = any ? await listDnc(ctx, query) : null;
  const filtered = Boolean(query.q || query.scope || query.status);
  return (
    <>
      <DncTools campaigns={campaigns} canWrite={canWrite} empty={!any} />
      {list && (
        <>
          <form className={`card ${styles.filters}`} method="get" action="/dnc" aria-label="Search the list">
            <label className="field">
              <span>Number</span>
              <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Any format: 98765 43210, +91…" inputMode="tel" />
            </label>
            <FilterSelect
              label="List"
              name="scope"
              value={query.scope}
              any="Global and every campaign"
              options={[{ value: "global", label: "Global only" }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
            />
            <FilterSelect
              label="Status"
              name="status"
              value={query.status}
              any="Active and removed"
              options={[
                { value: "active", label: "Active" },
                { value: "inactive", label: "Removed" },
              ]}
            />
            <div className={styles.filterActions}>
              <button type="submit" className="btn btn-primary">
                Search
              </button>
              {filtered && (
                <Link href="/dnc" className="btn">
                  Clear
                </Link>
              )}
            </div>
          </form>
          <section className="card table-card" aria-label="Do-not-call list">
            {list.rows.length === 0 ? (
              <div className="empty-state">
                <h2>No number matches</h2>
                <p className="muted">Try the number in another format, or clear the filters.</p>
              </div>
            ) : (
              <>
                <DncEntryTable rows={list.rows} canWrite={canWrite} />
                <Pagination
                  page={list.page}
                  pageSize={list.pageSize}
                  total={list.total}
                  shown={list.rows.length}
                  noun="numbers"
                  href={(page) => href({ ...query, page })}
                />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

async function HistoryView({ ctx, params }: { ctx: DomainContext; params: SearchParams }) {
  const query = lenient<{ q: string; entry: string; page: number }>(dncHistoryQuerySchema, params);
  const history = await dncHistory(ctx, { q: query.q, entryId: query.entry, page: query.page });
  return (
    <>
      <form className={`card ${styles.filters}`} method="get" action="/dnc" aria-label="Search the history">
        <input type="hidden" name="view" value="history" />
        <label className="field">
          <span>Number</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Any format: 98765 43210, +91…" inputMode="tel" />
        </label>
        <div className={styles.filterActions}>
          <button type="submit" className="btn btn-primary">
            Search
          </button>
          {(query.q || query.entry) && (
            <Link href="/dnc?view=history" className="btn">
              Show every change
            </Link>
          )}
        </div>
      </form>
      <section className="card table-card" aria-label="Do-not-call history">
        {history.rows.length === 0 ? (
          <div className="empty-state">
            <h2>No changes {query.q || query.entry ? "match" : "yet"}</h2>
            <p className="muted">
              Every addition, removal and re-activation is recorded here: from this screen, a contact's “Add to DNC” and the Flexydial API.
            </p>
          </div>
        ) : (
          <>
            <DncHistoryTable rows={history.rows} />
            <Pagination
              page={history.page}
              pageSize={history.pageSize}
              total={history.total}
              shown={history.rows.length}
              noun="changes"
              href={(page) => href({ view: "history", q: query.q, entry: query.entry, page })}
            />
          </>
        )}
      </section>
    </>
  );
}
