import { formatCell, isMoneyCell, isNumericColumn, text, type ReportCell, type ReportColumn, type ReportRow, type ReportTable } from '../../domain/schemes/report-columns.js';
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
  // A CSV cell is a bare number: where a column mixes money and counts, the row's unit goes beside it.
  const unitKeys = format === 'csv' ? [...new Set(table.columns.flatMap((c) => (c.unitKey ? [c.unitKey] : [])))] : [];
  const columns = [...table.columns, ...unitKeys.map((key) => text(key, 'Unit'))];
  return columns.map((column: ReportColumn) => ({
    header: format === 'table' ? columnHeader(column) : format === 'csv' && csvHeaders === 'keys' ? column.key : column.label,
    numeric: isNumericColumn(column),
    value: (row: ReportRow) => {
      const value = row[column.key] ?? null;
      // A workbook keeps numbers as numbers, but is read by a person: its codes are words ("List size total", "Yes").
      if (format === 'xlsx') return column.kind === 'text' && value !== null ? displayCell(column, value) : value;
      return format === 'table' ? displayCell(column, value, row) : formatCell(column, value);
    },
    // A workbook shows each figure of a mixed column as its row says: pounds as £66,689, counts as 5,100.
    ...(column.unitKey ? { cellFormat: (row: ReportRow) => mixedCellFormat(isMoneyCell(column, row), row[column.key]) } : {}),
    ...(column.kind === 'money' ? { numberFormat: column.decimals ? '£#,##0.00' : '£#,##0' } : column.decimals ? { numberFormat: `0.${'0'.repeat(column.decimals)}` } : {}),
  }));
}

/** A workbook format for one figure of a mixed column: £ for pounds, pence or decimals only where the figure has them. */
function mixedCellFormat(money: boolean, value: ReportCell | undefined): string {
  const whole = typeof value !== 'number' || Number.isInteger(value);
  return `${money ? '£' : ''}#,##0${whole ? '' : '.00'}`;
}
