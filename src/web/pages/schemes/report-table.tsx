import { formatCell, type ReportCell, type ReportColumn, type ReportRow, type ReportTable, TOTAL_LABEL } from '../../../domain/schemes/report-columns.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { humanise } from '../../format/format.js';

/** Columns whose values are codes (snake_case) that read better as words: "no_uplift" → "No uplift". */
const codeColumns = new Set(['cause', 'code', 'scope', 'severity', 'takes_part']);

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(decimals: number | undefined): Intl.NumberFormat {
  const key = String(decimals ?? 'auto');
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', decimals === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A report cell as the page shows it: money as "£66,689" (pence where the column has them, a true
 * minus for shortfalls: "−£21,386"), counts with thousands separators, text as `formatCell` gives it.
 */
export function displayCell(column: ReportColumn, value: ReportCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && column.kind !== 'text') {
    const text = numberFormat(column.decimals).format(Math.abs(value));
    const sign = value < 0 && text.replace(/[0.,]/g, '') !== '' ? '−' : '';
    return column.kind === 'money' ? `${sign}£${text}` : `${sign}${text}`;
  }
  const text = formatCell(column, value);
  return codeColumns.has(column.key) && /^[a-z_]+$/.test(text) ? humanise(text) : text;
}

/** "Delivered cost £" → "Delivered cost": the cells carry the £. */
export const columnHeader = (column: ReportColumn) => (column.kind === 'money' ? column.label.replace(/\s*£$/, '') : column.label);

const isTotal = (table: Omit<ReportTable, 'name'>, row: ReportRow) => row[table.columns[0]?.key ?? ''] === TOTAL_LABEL;

interface ReportTableViewProps {
  table: Omit<ReportTable, 'name'>;
  /** Leave these columns out (e.g. the ODS code where the practice name is enough). */
  hide?: string[];
  caption?: string;
  captionHidden?: boolean;
  /** Extra columns after the table's own, e.g. a download link per practice. */
  extra?: Column<ReportRow>[];
}

/** A report table from the API (the same rows and columns as the CLI and the workbook), with its TOTAL row last. */
export function ReportTableView({ table, hide = [], caption, captionHidden = true, extra = [] }: ReportTableViewProps) {
  const columns: Column<ReportRow>[] = [
    ...table.columns
      .filter((c) => !hide.includes(c.key))
      .map((c): Column<ReportRow> => ({ key: c.key, header: columnHeader(c), numeric: c.kind !== 'text', cell: (row) => displayCell(c, row[c.key] ?? null) })),
    ...extra,
  ];
  const body = table.rows.filter((row) => !isTotal(table, row));
  const totalRow = table.rows.find((row) => isTotal(table, row));
  const total = totalRow
    ? { label: TOTAL_LABEL, cells: Object.fromEntries(table.columns.slice(1).map((c) => [c.key, displayCell(c, totalRow[c.key] ?? null)])) }
    : undefined;
  return (
    // A wide table scrolls sideways: a named region keyboard users can focus to scroll it.
    <div className={columns.length > 7 ? 'app-scheme-table app-scheme-table--wide' : 'app-scheme-table'} role="region" aria-label={caption ?? table.title} tabIndex={0}>
      <DataTable
        caption={caption ?? table.title}
        captionHidden={captionHidden}
        columns={columns}
        rows={body}
        rowKey={(row) => table.rows.indexOf(row)}
        total={total}
        compact={columns.length > 7}
        empty="Nothing to show."
      />
    </div>
  );
}
