import { isNumericColumn, type ReportRow, type ReportTable, TOTAL_LABEL } from '../../../domain/schemes/report-columns.js';
import { columnHeader, displayCell } from '../../../domain/schemes/report-cells.js';
import { type Column, DataTable } from '../../components/data-table.js';

const isTotal = (table: Omit<ReportTable, 'name'>, row: ReportRow) => row[table.columns[0]?.key ?? ''] === TOTAL_LABEL;

interface ReportTableViewProps {
  table: Omit<ReportTable, 'name'>;
  /** Leave these columns out (e.g. the ODS code where the practice name is enough). */
  hide?: string[];
  caption?: string;
  captionHidden?: boolean;
  /** Extra columns after the table's own, e.g. a download link per practice. */
  extra?: Column<ReportRow>[];
  /** What the total row is called on the page: "Total", or what it totals where the rows above are not all of it. */
  totalLabel?: string;
}

/**
 * A report table from the API (the same rows and columns as the CLI and the workbook), with its
 * total rows last, called "Total" as a page words it (the CLI and files keep the engine's TOTAL).
 */
export function ReportTableView({ table, hide = [], caption, captionHidden = true, extra = [], totalLabel = 'Total' }: ReportTableViewProps) {
  const columns: Column<ReportRow>[] = [
    ...table.columns
      .filter((c) => !hide.includes(c.key))
      .map((c): Column<ReportRow> => ({ key: c.key, header: columnHeader(c), numeric: isNumericColumn(c), cell: (row) => displayCell(c, row[c.key] ?? null, row) })),
    ...extra,
  ];
  const wide = columns.length > 7;
  const body = table.rows.filter((row) => !isTotal(table, row));
  // A table may total its rows more than once (the income streams: secured, then potential).
  const total = table.rows.filter((row) => isTotal(table, row)).map((totalRow) => ({ label: totalLabel, cells: Object.fromEntries(table.columns.slice(1).map((c) => [c.key, displayCell(c, totalRow[c.key] ?? null, totalRow)])) }));
  return (
    // A wide table scrolls sideways: a named region keyboard users can focus to scroll it, named as
    // DataTable names its own (not by the caption alone, which is often its section's heading too).
    <div className={wide ? 'app-scheme-table app-wide' : 'app-scheme-table'} {...(wide ? { role: 'region', 'aria-label': `${caption ?? table.title} (scrolls sideways)`, tabIndex: 0 } : {})}>
      <DataTable
        caption={caption ?? table.title}
        captionHidden={captionHidden}
        columns={columns}
        rows={body}
        rowKey={(row) => table.rows.indexOf(row)}
        total={total}
        compact={columns.length > 7}
        empty="Nothing to show."
        isSubtotal={(row) => row.row_type === 'subtotal' || row.row_type === 'total'}
      />
    </div>
  );
}
