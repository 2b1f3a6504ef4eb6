import { Pagination } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { formatNumber } from '../format/format.js';

/** Page numbers to show: the first, the last, and two either side of the current one, with gaps between. */
export function pageNumbers(current: number, last: number): (number | 'gap')[] {
  const wanted = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= last));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: (number | 'gap')[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) result.push('gap');
    result.push(n);
  });
  return result;
}

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** The link to another page of the same list (same filters). */
  hrefFor(page: number): string;
  noun?: string;
}

/** "Showing 51 to 100 of 6,789 practices" and the NHS numbered pagination. */
export function Pager({ page, pageSize, total, hrefFor, noun = 'results' }: PagerProps) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const end = Math.min(total, page * pageSize);
  return (
    <>
      <p className="nhsuk-body" aria-live="polite">
        {total === 0 ? `No ${noun} match` : first > total ? `There is no page ${formatNumber(page)}: the ${formatNumber(total)} ${noun} fill ${formatNumber(last)} ${last === 1 ? 'page' : 'pages'}` : `Showing ${formatNumber(first)} to ${formatNumber(end)} of ${formatNumber(total)} ${noun}`}
      </p>
      {last > 1 ? (
        <Pagination>
          {page > 1 ? <Pagination.Link previous asElement={Link} to={hrefFor(page - 1)} /> : null}
          {pageNumbers(page, last).map((n, i) =>
            n === 'gap' ? <Pagination.Item key={`gap-${i}`} ellipsis /> : <Pagination.Item key={n} number={n} current={n === page} aria-current={n === page ? 'page' : undefined} asElement={Link} to={hrefFor(n)} />,
          )}
          {page < last ? <Pagination.Link next asElement={Link} to={hrefFor(page + 1)} /> : null}
        </Pagination>
      ) : null}
    </>
  );
}
