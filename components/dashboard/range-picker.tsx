import Link from "next/link";
import type { DayRange } from "@/lib/dashboard/campaign-charts";
import styles from "@/components/dashboard/dashboard.module.css";

// The charts' date range, in the URL (?from=&to=, India-time days): a plain GET form plus presets.

export function RangePicker({
  campaignId,
  range,
  presets,
}: {
  campaignId: string;
  range: DayRange;
  presets: { label: string; range: DayRange }[];
}) {
  const base = `/campaigns/${encodeURIComponent(campaignId)}`;
  return (
    <form method="get" action={base} className={styles.range} aria-label="Date range">
      <label>
        From <input type="date" name="from" defaultValue={range.from} required />
      </label>
      <label>
        To <input type="date" name="to" defaultValue={range.to} required />
      </label>
      <button type="submit" className="btn">
        Apply
      </button>
      {presets.map((p) => (
        <Link
          key={p.label}
          href={`${base}?from=${p.range.from}&to=${p.range.to}`}
          className={styles.chip}
          aria-current={p.range.from === range.from && p.range.to === range.to ? "true" : undefined}
        >
          {p.label}
        </Link>
      ))}
    </form>
  );
}
