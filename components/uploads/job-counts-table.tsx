import Link from "next/link";
import type { JobCounts } from "@/lib/upload-jobs/job-outcome";
import { formatNumber } from "@/components/ui/format";

// received = added + duplicates + invalid + failed + not sent; every count opens the rows behind it.

export function JobCountsTable({ jobId, counts, contactsHref }: { jobId: string; counts: JobCounts; contactsHref: string }) {
  const problems = (kind: string) => `/uploads/${jobId}?problem=${kind}#problems`;
  const rows: { label: string; value: number; href?: string }[] = [
    { label: "Added", value: counts.added, href: contactsHref },
    { label: "Duplicates", value: counts.duplicates, href: problems("duplicate") },
    { label: "Invalid", value: counts.invalid, href: problems("invalid") },
    { label: "Failed", value: counts.failed, href: problems("failed") },
    { label: "Not sent", value: counts.notSent },
  ];
  return (
    <>
      <table className="table reconcile" aria-label="Row counts">
        <tbody>
          <tr className="reconcile-total">
            <th scope="row">Received</th>
            <td className="num">{formatNumber(counts.received)}</td>
          </tr>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.href && r.value > 0 ? <Link href={r.href}>{formatNumber(r.value)}</Link> : formatNumber(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small reconcile-equation">
        {formatNumber(counts.received)} received = {formatNumber(counts.added)} added + {formatNumber(counts.duplicates)} duplicates +{" "}
        {formatNumber(counts.invalid)} invalid + {formatNumber(counts.failed)} failed + {formatNumber(counts.notSent)} not sent
      </p>
    </>
  );
}
