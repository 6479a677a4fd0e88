import Link from "next/link";
import { kpisOf } from "@/components/dashboard/cached-kpis";
import { waitingSummary } from "@/lib/calls/campaign-waiting";
import { formatNumber } from "@/components/ui/format";
import { callsHref, contactsHref, duration, percent } from "@/components/dashboard/links";
import styles from "@/components/dashboard/dashboard.module.css";

// The headline figures (all time), each a link to the list behind it.

type Campaign = { id: string; organizationId: string; status: string; timezone: string };

export async function CampaignKpis({ campaign }: { campaign: Campaign }) {
  const [k, waiting] = await Promise.all([kpisOf(campaign), waitingSummary(campaign)]);
  const opens = waiting.window.opensAt
    ? new Intl.DateTimeFormat("en-IN", {
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "numeric",
        minute: "2-digit",
        timeZone: campaign.timezone,
      }).format(waiting.window.opensAt)
    : null;
  const waitingCount = waiting.window.count + waiting.resume;
  return (
    <section className={styles.kpis} aria-label="Campaign figures">
      <Kpi label="Contacts" value={formatNumber(k.contacts)} href={contactsHref(campaign.id)} testId="kpi-contacts" />
      <Kpi
        label="Reachable (not on DNC)"
        value={formatNumber(k.reachable)}
        href={contactsHref(campaign.id, { dnc: "reachable" })}
        testId="kpi-reachable"
      />
      <Kpi
        label="Called"
        value={formatNumber(k.calledContacts)}
        href={callsHref(campaign.id)}
        testId="kpi-called"
        note="contacts with a result"
      />
      <Kpi
        label="Connected"
        value={formatNumber(k.contacted)}
        href={callsHref(campaign.id, { status: "Contacted" })}
        testId="kpi-connected"
        note="Contacted calls"
      />
      <Kpi
        label="Connect rate"
        value={percent(k.connectRate)}
        href={callsHref(campaign.id)}
        testId="kpi-connect-rate"
        title={`Contacted / (Contacted + No Contact) = ${formatNumber(k.contacted)} / (${formatNumber(k.contacted)} + ${formatNumber(k.noContact)})`}
        note={`${formatNumber(k.noContact)} no contact`}
      />
      <Kpi
        label="Promises to pay"
        value={formatNumber(k.promises)}
        href={callsHref(campaign.id, { status: "Contacted" })}
        testId="kpi-promises"
      />
      <Kpi
        label="Average duration"
        value={duration(k.averageDurationSeconds)}
        href={callsHref(campaign.id, { status: "Contacted" })}
        testId="kpi-duration"
      />
      <Kpi
        label={campaign.status === "active" ? "Waiting for the window" : "Waiting for a resume"}
        value={formatNumber(waitingCount)}
        href={callsHref(campaign.id, { status: "Waiting" })}
        testId="kpi-waiting"
        note={campaign.status === "active" ? (opens ? `opens ${opens}` : undefined) : waitingCount > 0 ? "campaign not active" : undefined}
      />
      <Kpi
        label="Blocked (DNC / cap)"
        value={formatNumber(k.blockedDnc + k.blockedCap)}
        href={callsHref(campaign.id, { status: "Blocked" })}
        testId="kpi-blocked"
        note={`${formatNumber(k.blockedDnc)} DNC · ${formatNumber(k.blockedCap)} 24 h limit`}
      />
    </section>
  );
}

function Kpi({
  label,
  value,
  href,
  testId,
  note,
  title,
}: {
  label: string;
  value: string;
  href: string;
  testId: string;
  note?: string;
  title?: string;
}) {
  return (
    <Link href={href} className={`card ${styles.kpi}`} data-testid={testId} title={title}>
      <span className={styles.kpiValue}>{value}</span>
      <span className="muted">{label}</span>
      {note && <span className={`small muted ${styles.kpiNote}`}>{note}</span>}
    </Link>
  );
}

const SKELETON_KEYS = ["contacts", "reachable", "called", "connected", "rate", "promises", "duration", "waiting", "blocked"];

export function KpisSkeleton() {
  return (
    <section className={styles.kpis} aria-label="Campaign figures loading" aria-busy="true">
      {SKELETON_KEYS.map((k) => (
        <div key={k} className={`card ${styles.kpi} ${styles.skeleton}`} />
      ))}
    </section>
  );
}
