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
