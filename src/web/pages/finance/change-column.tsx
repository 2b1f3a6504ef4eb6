import { Button } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { ReportRow } from '../../../domain/schemes/report-columns.js';
import type { Column } from '../../components/data-table.js';

/** A report table's extra column linking each row to where an admin changes it; the link names the row for screen readers. */
export function changeColumn(to: (row: ReportRow) => string, name: (row: ReportRow) => string): Column<ReportRow> {
  return {
    key: 'change',
    header: 'Action',
    cell: (row) => (
      <Link to={to(row)}>
        Change<span className="nhsuk-u-visually-hidden"> {name(row)}</span>
      </Link>
    ),
  };
}

/**
 * A table's Action column of a "Change" and a "Remove" button for each row, each naming the row for
 * screen readers: a year's budget lines, a stream's yearly amounts.
 */
export function changeAndRemoveColumn<T>({ name, change, remove, removing }: { name(row: T): string; change(row: T): void; remove(row: T): void; removing: boolean }): Column<T> {
  return {
    key: 'action',
    header: 'Action',
    cell: (row) => (
      <div className="app-finance-actions">
        <Button type="button" secondary className="nhsuk-u-margin-bottom-0" onClick={() => change(row)}>
          Change<span className="nhsuk-u-visually-hidden"> {name(row)}</span>
        </Button>
        <Button type="button" secondary className="nhsuk-u-margin-bottom-0" disabled={removing} onClick={() => remove(row)}>
          Remove<span className="nhsuk-u-visually-hidden"> {name(row)}</span>
        </Button>
      </div>
    ),
  };
}
