import Link from "next/link";
import { formatNumber } from "@/components/ui/format";
import { callsHref, type CallsQuery } from "@/components/calls/calls-query";
import styles from "@/components/calls/calls.module.css";

export function Pagination({ query, page, total, perPage }: { query: CallsQuery; page: number; total: number; perPage: number }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  return (
    <nav className={styles.pagination} aria-label="Pages">
      <span className="muted">
        {first === last ? formatNumber(first) : `${formatNumber(first)}–${formatNumber(last)}`} of {formatNumber(total)}{" "}
        {total === 1 ? "call" : "calls"}
      </span>
      <span className="button-row">
        {page > 1 ? (
          <Link className="btn btn-sm" href={callsHref(query, { page: page - 1, call: undefined })}>
            Previous
          </Link>
        ) : null}
        <span className="muted small">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className="btn btn-sm" href={callsHref(query, { page: page + 1, call: undefined })}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
