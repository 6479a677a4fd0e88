import Link from "next/link";
import { Suspense } from "react";
import {
  autoPausedCampaigns,
  callsToday,
  campaignsToday,
  failingDeliveries,
  runningJobs,
  type ResultsWindow,
} from "@/lib/dashboard/organization-home";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { percent } from "@/components/dashboard/links";
import styles from "@/components/dashboard/dashboard.module.css";

// The organization home (/): today's calls and connect rate with their trend, upload jobs running,
// campaigns that paused themselves, failing webhook deliveries. Each card reads on its own. A new
// organization first sees its "Get started" checklist (lib/dashboard/first-run.ts).

type Props = { organizationId: string; organizationName: string; firstRun?: React.ReactNode };

export function OrganizationHome({ organizationId, organizationName, firstRun }: Props) {
  const now = new Date();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{organizationName}</h1>
          <p className="muted">Today across every campaign (India time).</p>
        </div>
        <div className="button-row">
          <Link href="/campaigns" className="btn">
            Campaigns
          </Link>
        </div>
      </header>
      {firstRun}
      <Suspense fallback={<Loading label="Calls today" />}>
        <Today organizationId={organizationId} now={now} />
      </Suspense>
      <div className={styles.homeGrid}>
        <Suspense fallback={<Loading label="Upload jobs running" />}>
          <Jobs organizationId={organizationId} />
        </Suspense>
        <Suspense fallback={<Loading label="Paused automatically" />}>
          <Paused organizationId={organizationId} />
        </Suspense>
        <Suspense fallback={<Loading label="Failing webhook deliveries" />}>
          <Deliveries organizationId={organizationId} />
        </Suspense>
      </div>
      <Suspense fallback={<Loading label="Campaigns today" />}>
        <Campaigns organizationId={organizationId} now={now} />
      </Suspense>
    </>
  );
}

async function Today({ organizationId, now }: { organizationId: string; now: Date }) {
  const { day, today, yesterday, last7Days } = await callsToday(organizationId, now);
  const calls = `/calls?from=${day}&to=${day}`;
  return (
    <section className={styles.homeGrid} aria-label="Calls today">
      <Link href={calls} className={`card ${styles.kpi}`} data-testid="home-calls-today">
        <span className={styles.kpiValue}>{formatNumber(today.results)}</span>
        <span className="muted">Call results today</span>
        <Trend now={today.results} before={yesterday.results} label="yesterday" />
        <span className={`small muted ${styles.trend}`}>
          {formatNumber(Math.round(last7Days.results / 7))} a day on average over the 7 days before today
        </span>
      </Link>
      <Link href={`${calls}&status=Contacted`} className={`card ${styles.kpi}`} data-testid="home-connect-rate" title={rateTitle(today)}>
        <span className={styles.kpiValue}>{percent(today.connectRate)}</span>
        <span className="muted">Connect rate today</span>
        <RateTrend now={today.connectRate} before={yesterday.connectRate} label="yesterday" />
        <RateTrend now={today.connectRate} before={last7Days.connectRate} label="the last 7 days" />
      </Link>
    </section>
  );
}

const rateTitle = (w: ResultsWindow) => `Contacted / (Contacted + No Contact) = ${w.contacted} / (${w.contacted} + ${w.noContact})`;

function Trend({ now, before, label }: { now: number; before: number; label: string }) {
  const diff = now - before;
  return (
    <span className={`small ${styles.trend} ${diff > 0 ? styles.up : diff < 0 ? styles.down : "muted"}`}>
      {diff === 0 ? "as many as" : `${diff > 0 ? "▲" : "▼"} ${formatNumber(Math.abs(diff))} ${diff > 0 ? "more" : "fewer"} than`} {label} (
      {formatNumber(before)})
    </span>
  );
}

function RateTrend({ now, before, label }: { now: number | null; before: number | null; label: string }) {
  if (now === null || before === null)
    return (
      <span className={`small muted ${styles.trend}`}>
        {label}: {percent(before)}
      </span>
    );
  const diff = (now - before) * 100;
  return (
    <span className={`small ${styles.trend} ${diff > 0 ? styles.up : diff < 0 ? styles.down : "muted"}`}>
      {diff === 0 ? "=" : diff > 0 ? "▲" : "▼"} {Math.abs(diff).toFixed(1)} pts vs {label} ({percent(before)})
    </span>
  );
}

async function Jobs({ organizationId }: { organizationId: string }) {
  const jobs = await runningJobs(organizationId);
  return (
    <section className="card" aria-label="Upload jobs running">
      <h2>
        Upload jobs running{" "}
        <span className="badge badge-info" data-testid="home-jobs-running">
          {jobs.length}
        </span>
      </h2>
      {jobs.length === 0 ? (
        <p className="muted">None right now.</p>
      ) : (
        <ul className={styles.list}>
          {jobs.map((j) => (
            <li key={j.id}>
              <Link href={`/uploads/${j.id}`}>{j.fileName ?? j.reference}</Link> ·{" "}
              <Link href={`/campaigns/${j.campaign.id}`}>{j.campaign.name}</Link>
              <progress
                className={styles.bar}
                max={Math.max(1, j.total)}
                value={j.processed}
                aria-label={`${j.fileName ?? j.reference} progress`}
              />
              <span className="small muted">
                {formatNumber(j.processed)} of {formatNumber(j.total)} rows
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/uploads">All uploads</Link>
      </p>
    </section>
  );
}

async function Paused({ organizationId }: { organizationId: string }) {
  const campaigns = await autoPausedCampaigns(organizationId);
  return (
    <section className="card" aria-label="Paused automatically">
      <h2>
        Paused automatically{" "}
        <span className={`badge ${campaigns.length ? "badge-warning" : "badge-neutral"}`} data-testid="home-auto-paused">
          {campaigns.length}
        </span>
      </h2>
      {campaigns.length === 0 ? (
        <p className="muted">No campaign paused itself.</p>
      ) : (
        <ul className={styles.list}>
          {campaigns.map((c) => (
            <li key={c.id}>
              <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
              <div className="small">{c.autoPausedReason}</div>
              {c.pausedAt && <div className="small muted">{formatDateTime(c.pausedAt)}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function Deliveries({ organizationId }: { organizationId: string }) {
  const { total, latest } = await failingDeliveries(organizationId);
  return (
    <section className="card" aria-label="Failing webhook deliveries">
      <h2>
        Failing webhook deliveries{" "}
        <span className={`badge ${total ? "badge-danger" : "badge-neutral"}`} data-testid="home-failing-deliveries">
          {formatNumber(total)}
        </span>
      </h2>
      {total === 0 ? (
        <p className="muted">Every call result was delivered or is on its way.</p>
      ) : (
        <ul className={styles.list}>
          {latest.map((d) => (
            <li key={d.id} className="small">
              <span className={`badge ${d.status === "failed" ? "badge-danger" : "badge-warning"}`}>{d.status}</span>{" "}
              {d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? "no answer")} · {d.attempts} attempts ·{" "}
              <Link href={`/calls?call=${d.callId}`}>call</Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/settings#webhook-title">Webhook settings and deliveries</Link>
      </p>
    </section>
  );
}

async function Campaigns({ organizationId, now }: { organizationId: string; now: Date }) {
  const campaigns = await campaignsToday(organizationId, now);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(now);
  return (
    <section className="card table-card" aria-label="Campaigns today">
      <h2 className="card-title">Campaigns today</h2>
      {campaigns.length === 0 ? (
        <p className="empty-row muted">
          No campaigns yet. <Link href="/campaigns">Create one</Link>.
        </p>
      ) : (
        <div className={styles.scroll}>
          <table className={`table ${styles.compact}`} aria-label="Campaigns today">
            <thead>
              <tr>
                <th>Campaign</th>
                <th className="num">Results</th>
                <th className="num">Connect rate</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/campaigns/${c.id}`}>{c.name}</Link>{" "}
                    <span className={`badge ${c.status === "active" ? "badge-success" : "badge-neutral"}`}>{c.status}</span>
                  </td>
                  <td className="num">
                    <Link href={`/calls?campaign=${encodeURIComponent(c.id)}&from=${day}&to=${day}`}>{formatNumber(c.results)}</Link>
                  </td>
                  <td className="num" title={rateTitle(c)}>
                    {percent(c.connectRate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Loading({ label }: { label: string }) {
  return <section className={`card ${styles.skeleton}`} aria-label={`${label} loading`} aria-busy="true" />;
}
