import Link from "next/link";
import { formatNumber } from "@/components/ui/format";

// Previous / next links for a server-paginated list; `href(page)` keeps the rest of the URL.

type Props = {
  page: number;
  pageSize: number;
  total: number;
  capped?: boolean;
  shown: number;
  href: (page: number) => string;
  noun: string;
};

export function Pagination({ page, pageSize, total, capped = false, shown, href, noun }: Props) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  const hasNext = capped ? shown === pageSize : last < total;
  return (
    <nav className="pagination" aria-label="Pages">
      <span className="muted">
        {total === 0 ? `No ${noun}` : `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)}${capped ? "+" : ""} ${noun}`}
      </span>
      <span className="button-row">
        {page > 1 ? (
          <Link className="btn btn-sm" href={href(page - 1)} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span className="btn btn-sm" aria-disabled="true">
            ← Previous
          </span>
        )}
        {hasNext ? (
          <Link className="btn btn-sm" href={href(page + 1)} rel="next">
            Next →
          </Link>
        ) : (
          <span className="btn btn-sm" aria-disabled="true">
            Next →
          </span>
        )}
      </span>
    </nav>
  );
}
