import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { formatNumber } from '../format/format.js';
import { DataTable, type DataTableProps } from './data-table.js';

/**
 * A table that may hold thousands of rows (every practice in England): the first `first` of them,
 * and a button to show the rest (and to go back), so the page opens at once and stays usable. The
 * button stays where it is, so the keyboard stays on it. Downloads hold every row.
 */
export function FirstRowsTable<T>({ first = 200, ...props }: DataTableProps<T> & { first?: number }) {
  const [all, setAll] = useState(false);
  const many = props.rows.length > first;
  return (
    <>
      <DataTable {...props} rows={many && !all ? props.rows.slice(0, first) : props.rows} />
      {many ? (
        <p className="nhsuk-body">
          {all ? `Showing all ${formatNumber(props.rows.length)} rows. ` : `Showing the first ${formatNumber(first)} of ${formatNumber(props.rows.length)} rows. `}
          <Button secondary type="button" aria-pressed={all} onClick={() => setAll(!all)}>
            {all ? `Show the first ${formatNumber(first)} only` : `Show all ${formatNumber(props.rows.length)}`}
          </Button>
        </p>
      ) : null}
    </>
  );
}
