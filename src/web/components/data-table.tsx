import { Select, Table } from 'nhsuk-react-components';
import { createContext, type ReactNode, useContext } from 'react';
import { moneyColumnFormat } from '../../domain/schemes/format-money.js';

export type SortDirection = 'asc' | 'desc';

interface ColumnBase {
  /** Names the column; for a sortable column it is also the API's sort key. */
  key: string;
  header: string;
  numeric?: boolean;
  sortable?: boolean;
  /** Keep on one line (dates, codes, numbers). */
  nowrap?: boolean;
  /** Long text (a summary, a description): on a phone its heading sits above it and it reads from the left. */
  long?: boolean;
}

/**
 * A column's cells: written by `cell`, or, for money, its amounts in pence (`pence`), which the
 * table writes as one column (moneyColumnFormat: pence on every row when any has them, else whole
 * pounds), its total too when the total row gives a number; `cell` then says what a row with no amount reads.
 */
export type Column<T> = ColumnBase & ({ cell(row: T): ReactNode; pence?: undefined } | { pence(row: T): number | null | undefined; cell?(row: T): ReactNode });

export interface TotalRow {
  label: string;
  cells: Record<string, ReactNode>;
}

export interface SortState {
  key: string;
  dir: SortDirection;
}

export interface DataTableProps<T> {
  caption: string;
  /** Keep the caption for screen readers only, when a heading just above says the same. */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string | number;
  sort?: SortState;
  /** Sorts by a column: the same column again turns the order round, or `dir` says which way. */
  onSort?(key: string, dir?: SortDirection): void;
  /** A last row, e.g. totals: cells by column key; the first column gets `label`. Several (a secured and a potential total) come last in order. */
  total?: TotalRow | readonly TotalRow[];
  empty?: string;
  /** A table of two or three short columns: keep it to a readable width. */
  narrow?: boolean;
  /** Many columns: a smaller type size so rows stay on a line or two. */
  compact?: boolean;
  /** Money columns read across one another (years side by side, allocated against drawn): all show pence when any amount has them. */
  moneyAcross?: boolean;
  /** Extra classes, e.g. fixed column widths so tables one above another line up. */
  className?: string;
  /** A row that sums those above it inside the table (the I&E's subtotals): drawn bold, as the total row is. */
  isSubtotal?(row: T): boolean;
  /**
   * Many wide columns: on a wide screen the table takes the screen's width, not just the reading
   * column; narrower, it scrolls sideways inside the page (a named region keyboard users can focus).
   */
  scrolls?: boolean;
}

/**
 * The responsive NHS table shows each column's heading again beside every cell on small screens,
 * by rendering the header cell's content there. A sort button must only be a button in the real
 * header, so header content reads this context: true inside the head, false in the copies.
 */
const InTableHead = createContext(false);

function SortableHeader({ column, sort, onSort }: { column: Column<unknown>; sort?: SortState; onSort(key: string): void }) {
  const inHead = useContext(InTableHead);
  if (!inHead) return <>{column.header}</>;
  const direction = sort?.key === column.key ? sort.dir : undefined;
  return (
    <button type="button" className="app-sort-button" onClick={() => onSort(column.key)}>
      {column.header}
      <span className="app-sort-button__direction" aria-hidden="true">
        {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
      </span>
    </button>
  );
}

const ariaSort = (column: Column<unknown>, sort?: SortState) => (sort?.key === column.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : column.sortable ? 'none' : undefined);

/**
 * Below desktop width the responsive table hides its header row, and with it the sort buttons: a
 * phone gets this "Sort by" choice above the table instead (hidden from desktop up).
 */
function PhoneSort({ caption, columns, sort, onSort }: { caption: string; columns: Column<unknown>[]; sort?: SortState; onSort(key: string, dir?: SortDirection): void }) {
  const sortable = columns.filter((c) => c.sortable);
  if (!sortable.length) return null;
  const id = `sort-${caption.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <div className="app-phone-sort">
      <Select
        id={id}
        name={id}
        label="Sort by"
        value={sort ? `${sort.key}:${sort.dir}` : ''}
        onChange={(e) => {
          const [key, dir] = e.target.value.split(':');
          if (key) onSort(key, dir as SortDirection);
        }}
      >
        {sort ? null : <Select.Option value="">Choose</Select.Option>}
        {sortable.flatMap((c) => [
          <Select.Option key={`${c.key}:asc`} value={`${c.key}:asc`}>
            {c.header} (ascending)
          </Select.Option>,
          <Select.Option key={`${c.key}:desc`} value={`${c.key}:desc`}>
            {c.header} (descending)
          </Select.Option>,
        ])}
      </Select>
    </div>
  );
}

const cellClass = (column: Column<unknown>) => [(column.nowrap || column.numeric) && 'app-nowrap', column.long && 'app-cell--long'].filter(Boolean).join(' ') || undefined;

/** An NHS table from column definitions: sortable headers (aria-sort), numeric columns right-aligned, an optional total row. */
export function DataTable<T>(props: DataTableProps<T>) {
  if (!props.rows.length && props.empty) return <p className="nhsuk-body">{props.empty}</p>;
  if (!props.scrolls) return <TableOf {...props} />;
  return (
    <div className="app-scroll-box app-wide" role="region" aria-label={`${props.caption} (scrolls sideways)`} tabIndex={0}>
      <TableOf {...props} />
    </div>
  );
}

const totalRows = (total: DataTableProps<unknown>['total']): readonly TotalRow[] => (total === undefined ? [] : 'label' in total ? [total] : total);

/**
 * How each money column writes its amounts, its total rows' included (undefined for other columns);
 * with `across`, every money column writes them alike, as one column would.
 */
function moneyFormats<T>(columns: readonly Column<T>[], rows: readonly T[], totals: readonly TotalRow[], across = false) {
  const amountsOf = (column: Column<T>) => [...rows.map(column.pence!), ...totals.map((t) => t.cells[column.key]).map((a) => (typeof a === 'number' ? a : null))];
  const shared = across ? moneyColumnFormat(columns.filter((c) => c.pence).flatMap(amountsOf)) : undefined;
  return columns.map((column) => (column.pence ? (shared ?? moneyColumnFormat(amountsOf(column))) : undefined));
}

/** A total row's cell: a money column's number written as the column writes its rows. */
const totalText = (value: ReactNode, format: ((pence: number) => string) | undefined): ReactNode => (format && typeof value === 'number' ? format(value) : (value ?? ''));

function cellOf<T>(column: Column<T>, format: ((pence: number) => string) | undefined, row: T): ReactNode {
  if (!column.pence) return column.cell(row);
  const pence = column.pence(row);
  return pence === null || pence === undefined ? (column.cell?.(row) ?? '') : format!(pence);
}

function TableOf<T>({ caption, captionHidden, columns, rows, rowKey, sort, onSort, total, narrow, compact, className, moneyAcross, isSubtotal }: DataTableProps<T>) {
  const cols = columns as Column<unknown>[];
  const totals = totalRows(total);
  const formats = moneyFormats(columns, rows, totals, moneyAcross);
  return (
    <>
      {onSort ? <PhoneSort caption={caption} columns={cols} sort={sort} onSort={onSort} /> : null}
      <Table responsive className={[narrow && 'app-table--narrow', compact && 'app-table--compact', className].filter(Boolean).join(' ') || undefined} caption={caption} captionProps={captionHidden ? { className: 'nhsuk-u-visually-hidden' } : undefined}>
        <Table.Head>
          <InTableHead.Provider value={true}>
            <Table.Row>
              {cols.map((column) => (
                <Table.Cell key={column.key} format={column.numeric ? 'numeric' : undefined} className={column.nowrap ? 'app-nowrap' : undefined} aria-sort={onSort ? ariaSort(column, sort) : undefined}>
                  {column.sortable && onSort ? <SortableHeader column={column} sort={sort} onSort={onSort} /> : column.header}
                </Table.Cell>
              ))}
            </Table.Row>
          </InTableHead.Provider>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={rowKey(row)} className={isSubtotal?.(row) ? 'app-table__row--subtotal' : undefined}>
              {cols.map((column, i) => (
                <Table.Cell key={column.key} format={column.numeric ? 'numeric' : undefined} className={cellClass(column)}>
                  {cellOf(columns[i]!, formats[i], row)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
          {totals.map((t, at) => (
            <Table.Row key={`total-${at}`} className="app-table__row--total">
              {cols.map((column, index) => (
                <Table.Cell key={column.key} format={column.numeric ? 'numeric' : undefined} className={index === 0 ? 'app-table__total-label' : t.cells[column.key] === undefined || t.cells[column.key] === '' ? 'app-table__total-blank' : column.numeric ? 'app-nowrap' : undefined}>
                  {index === 0 ? t.label : totalText(t.cells[column.key], formats[index])}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
