import { formatCell, type ReportColumn, type ReportRow, type ReportTable } from '../../domain/schemes/report-columns.js';
import type { Column } from './tabular.js';

export type ReportFormat = 'table' | 'csv' | 'json' | 'xlsx';

/**
 * A scheme report table's columns for the tabular exporters. Text and CSV show each cell as the
 * scheme rounds it (7.50, not 7.5) under snake_case headers for CSV; XLSX keeps numbers as numbers
 * with the number format of the column.
 */
export function reportTableColumns(table: Pick<ReportTable, 'columns'>, format: ReportFormat): Column<ReportRow>[] {
  return table.columns.map((column: ReportColumn) => ({
    header: format === 'csv' ? column.key : column.label,
    numeric: column.kind !== 'text',
    value: (row: ReportRow) => (format === 'xlsx' ? (row[column.key] ?? null) : formatCell(column, row[column.key] ?? null)),
    ...(column.kind === 'money' ? { numberFormat: column.decimals ? '#,##0.00' : '#,##0' } : column.decimals ? { numberFormat: `0.${'0'.repeat(column.decimals)}` } : {}),
  }));
}
