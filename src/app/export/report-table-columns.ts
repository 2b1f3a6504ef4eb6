import { formatCell, type ReportColumn, type ReportRow, type ReportTable } from '../../domain/schemes/report-columns.js';
import { columnHeader, displayCell } from '../../domain/schemes/report-cells.js';
import type { Column } from './tabular.js';

export type ReportFormat = 'table' | 'csv' | 'json' | 'xlsx';

/**
 * A report table's columns for the tabular exporters. The text table is read by a person, so each
 * cell reads as the pages show it (£66,689, −£21,386, 327,255, "No uplift"), headed as they head it.
 * CSV shows each cell as the scheme rounds it (7.50, not 7.5); XLSX keeps numbers as numbers with
 * the number format of the column, and writes codes as words as the pages do. CSV headers are the columns' labels, except where `csvHeaders`
 * is 'keys': a scheme's CSV keeps the snake_case headers of the scheme files it is checked against
 * (practice, list_size, share_exact…).
 */
export function reportTableColumns(table: Pick<ReportTable, 'columns'>, format: ReportFormat, csvHeaders: 'keys' | 'labels' = 'keys'): Column<ReportRow>[] {
  return table.columns.map((column: ReportColumn) => ({
    header: format === 'table' ? columnHeader(column) : format === 'csv' && csvHeaders === 'keys' ? column.key : column.label,
    numeric: column.kind !== 'text',
    value: (row: ReportRow) => {
      const value = row[column.key] ?? null;
      // A workbook keeps numbers as numbers, but is read by a person: its codes are words ("List size total", "Yes").
      if (format === 'xlsx') return column.kind === 'text' && value !== null ? displayCell(column, value) : value;
      return format === 'table' ? displayCell(column, value) : formatCell(column, value);
    },
    ...(column.kind === 'money' ? { numberFormat: column.decimals ? '#,##0.00' : '#,##0' } : column.decimals ? { numberFormat: `0.${'0'.repeat(column.decimals)}` } : {}),
  }));
}
