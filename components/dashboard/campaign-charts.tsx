import Link from "next/link";
import { kpisOf } from "@/components/dashboard/cached-kpis";
import { dispositionBreakdown, outcomesPerDay, type DayRange } from "@/lib/dashboard/campaign-charts";
import { formatNumber } from "@/components/ui/format";
import { callsHref, contactsHref } from "@/components/dashboard/links";
import { OutcomesChart } from "@/components/dashboard/outcomes-chart";
import { BarListChart } from "@/components/dashboard/bar-list-chart";
import styles from "@/components/dashboard/dashboard.module.css";

// The charts. Outcomes per day and dispositions follow the date range; the funnel is all time
// (contacts loaded → called → contacted → promised to pay), each stage a link.

type Campaign = { id: string; organizationId: string };

export async function OutcomesCard({ campaign, range }: { campaign: Campaign; range: DayRange }) {
  const days = await outcomesPerDay(campaign.id, range);
  const total = days.reduce((n, d) => n + d.Contacted + d["No Contact"] + d.Failed, 0);
  return (
    <section className={`card ${styles.chartCard}`} aria-label="Outcomes per day">
      <h2>Outcomes per day</h2>
      <p className="muted small">
        <Link href={callsHref(campaign.id, range)} data-testid="outcomes-total">
          {formatNumber(total)} results
        </Link>{" "}
        from {range.from} to {range.to} (India time). Select a bar to see those calls.
      </p>
      {total === 0 ? <p className="muted">No results in this range.</p> : <OutcomesChart campaignId={campaign.id} days={days} />}
    </section>
  );
}

export async function DispositionsCard({ campaign, range }: { campaign: Campaign; range: DayRange }) {
  const slices = await dispositionBreakdown(campaign.id, range);
  return (
    <section className={`card ${styles.chartCard}`} aria-label="Dispositions">
      <h2>Dispositions</h2>
      {slices.length === 0 ? (
        <p className="muted">No results in this range.</p>
      ) : (
        <>
          <BarListChart items={slices.map((s) => ({ label: s.disposition, count: s.count }))} />
          <ul className={styles.legend}>
            {slices.map((s) => (
              <li key={s.disposition}>
                {s.disposition === "Other" || s.disposition === "None" ? (
                  s.disposition
                ) : (
                  <Link href={callsHref(campaign.id, { disposition: s.disposition, ...range })}>{s.disposition}</Link>
                )}{" "}
                <strong>{formatNumber(s.count)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export async function FunnelCard({ campaign }: { campaign: Campaign }) {
  const k = await kpisOf(campaign);
  const stages = [
    { label: "Loaded", count: k.contacts, href: contactsHref(campaign.id) },
    { label: "Called", count: k.calledContacts, href: callsHref(campaign.id) },
    { label: "Contacted", count: k.contactedContacts, href: callsHref(campaign.id, { status: "Contacted" }) },
    { label: "Promise to pay", count: k.promiseContacts, href: callsHref(campaign.id, { status: "Contacted" }) },
  ];
  return (
    <section className={`card ${styles.chartCard}`} aria-label="Funnel">
      <h2>Funnel</h2>
      <p className="muted small">Contacts, all time: each counted once.</p>
      <BarListChart items={stages} colors={["#64748b", "#2563eb", "#1f9d55", "#7c3aed"]} />
      <ol className={styles.legend}>
        {stages.map((s, i) => (
          <li key={s.label} data-testid={`funnel-${s.label.toLowerCase().replaceAll(" ", "-")}`}>
            <Link href={s.href}>{s.label}</Link> <strong>{formatNumber(s.count)}</strong>
            {i > 0 && stages[i - 1].count > 0 && (
              <span className="muted small"> ({((s.count / stages[i - 1].count) * 100).toFixed(0)}%)</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ChartSkeleton({ label }: { label: string }) {
  return <section className={`card ${styles.chartCard} ${styles.skeleton}`} aria-label={`${label} loading`} aria-busy="true" />;
}
