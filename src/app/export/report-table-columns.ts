import { formatCell, type ReportColumn, type ReportRow, type ReportTable } from '../../domain/schemes/report-columns.js';
import type { Column } from './tabular.js';

export type ReportFormat = 'table' | 'csv' | 'json' | 'xlsx';

/**
 * A scheme report table's columns for the tabular exporters. Text and CSV show each cell as the
 * scheme rounds it (7.50, not 7.5; the text table groups money's thousands, 2,600); XLSX keeps
 * numbers as numbers with the number format of the column. Headers are the columns' labels, except
 * where `csvHeaders` is 'keys': a scheme's CSV keeps the snake_case headers of the scheme files it
 * is checked against (practice, list_size, share_exact…).
 */
export function reportTableColumns(table: Pick<ReportTable, 'columns'>, format: ReportFormat, csvHeaders: 'keys' | 'labels' = 'keys'): Column<ReportRow>[] {
  return table.columns.map((column: ReportColumn) => ({
    header: format === 'csv' && csvHeaders === 'keys' ? column.key : column.label,
    numeric: column.kind !== 'text',
    value: (row: ReportRow) => {
      const value = row[column.key] ?? null;
      if (format === 'xlsx') return value;
      // A person reads the text table: money with its thousands grouped (67,000), as the pages show it.
      if (format === 'table' && column.kind === 'money' && typeof value === 'number') return value.toLocaleString('en-GB', { minimumFractionDigits: column.decimals ?? 0, maximumFractionDigits: column.decimals ?? 0 });
      return formatCell(column, value);
    },
    ...(column.kind === 'money' ? { numberFormat: column.decimals ? '#,##0.00' : '#,##0' } : column.decimals ? { numberFormat: `0.${'0'.repeat(column.decimals)}` } : {}),
  }));
}
