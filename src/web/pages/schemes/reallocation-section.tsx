import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ReportTable } from '../../../domain/schemes/report-columns.js';
import { ReportTableView } from './report-table.js';

/** The search parameter that asks for declined and unused capacity to be redistributed. */
export const reallocateParam = 'reallocate';

/**
 * Reallocation is a what-if the federation runs after the returns are in: capacity that practices
 * declined or left unused goes to the others by list share. The page shows the figures as agreed
 * and offers the redistributed view (with its before/after table) on request.
 */
export function ReallocationSection({ table, reallocating, section }: { table: ReportTable | undefined; reallocating: boolean; section: (children: ReactNode) => ReactNode }) {
  // The toggle keeps the rest of the page's choices (the version shown).
  const [search] = useSearchParams();
  const toggled = (on: boolean) => {
    const next = new URLSearchParams(search);
    if (on) next.set(reallocateParam, 'declined');
    else next.delete(reallocateParam);
    return `?${next.toString()}${on ? '#reallocation' : ''}`;
  };
  return section(
    <>
      <p className="nhsuk-body">
        Capacity that a practice declined, or left unused, can be shared among the other practices by list share. The rule and the rounding are shown with
        each figure before and after.
      </p>
      {reallocating ? (
        <>
          {table ? <ReportTableView table={table} caption={table.title} /> : <p className="nhsuk-body">No practice declined or left capacity unused, so nothing moves.</p>}
          <p className="nhsuk-body">
            <Link to={toggled(false)}>Show the figures as agreed, without reallocation</Link>
          </p>
        </>
      ) : (
        <p className="nhsuk-body">
          <Link to={toggled(true)}>Show how declined and unused capacity would be reallocated</Link>
        </p>
      )}
    </>,
  );
}
