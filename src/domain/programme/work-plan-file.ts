import type { Problem } from '../errors.js';
import { penceFromText } from '../finance/money.js';
import { cellAt, cellProblem, columnIndex, type TabularInput } from '../schemes/tabular-input.js';
import { refOccurrences } from './duplicate-ids.js';
import { type FreeTextDate, parseFreeTextDate } from './free-text-date.js';
import { inferTaskStatus, type Rag, readRag, readTaskStatus, type TaskStatus } from './task-status.js';

/** A money column in thousands of pounds (the plan's allocations), kept as typed and in pence. */
export interface Allocation {
  column: string;
  text: string;
  pence: number | null;
}

export interface WorkPlanLine {
  line: number;
  sectionRef: string;
  sectionTitle: string;
  ref: string;
  /** 1 for the first line with this ref, 2 for a second line that reuses it. */
  occurrence: number;
  projectArea: string | null;
  description: string;
  allocatedTo: string | null;
  lead: string | null;
  involved: string | null;
  target: FreeTextDate;
  /** The position log, oldest first: the source separates updates with " | ". */
  positions: string[];
  financialValueText: string | null;
  financialValuePence: number | null;
  allocations: Allocation[];
  note: string | null;
  status: TaskStatus;
  /** Whether the file gave the status (else it is inferred, and a re-import leaves a person's status alone). */
  statusGiven: boolean;
  rag: Rag | null;
  /** Every cell of the source row by header, as written. */
  raw: Record<string, string>;
}

const columns = {
  sectionRef: ['section_id', 'section id', 'section_ref'],
  sectionTitle: ['section', 'section_title', 'workstream'],
  ref: ['id', 'ref', 'task_id'],
  projectArea: ['project_area', 'project area', 'area'],
  description: ['tasks', 'task', 'description'],
  allocatedTo: ['allocation', 'owner', 'allocated_to'],
  lead: ['lead'],
  involved: ['involved', 'people_involved'],
  time: ['time', 'target', 'timing', 'target_date'],
  position: ['current_position', 'position', 'update'],
  valueText: ['financial_value_text', 'financial_value'],
  valuePounds: ['financial_value_gbp'],
  note: ['note', 'notes'],
  status: ['status'],
  rag: ['rag'],
} as const;

const orNull = (text: string) => (text === '' ? null : text);
export const splitLog = (text: string) => text.split(' | ').map((s) => s.trim()).filter(Boolean);

/**
 * Reads a work plan exported from a spreadsheet, one task a row, every row kept. Problems name
 * the file, line and column; a file with any problem is refused whole by the import.
 */
export function readWorkPlanFile(table: TabularInput): { lines: WorkPlanLine[]; problems: Problem[] } {
  // atscale's own download of the tasks has an "ID", a "Task" and a "Task description": read as a plan, its ids would be the database's and its log one entry long.
  if (columnIndex(table, ['task_description']) >= 0 && columnIndex(table, ['latest_position']) >= 0) {
    return { lines: [], problems: [{ file: table.file, line: 1, message: 'this is atscale’s download of the task list, not a work plan spreadsheet: it holds only each task’s latest position, so importing it would lose the rest of the log. Change tasks on their pages here, or import the plan’s own spreadsheet (columns id, section, tasks, lead, time, current_position, …)' }] };
  }
  const at = Object.fromEntries(Object.entries(columns).map(([key, names]) => [key, columnIndex(table, names)])) as Record<keyof typeof columns, number>;
  const problems: Problem[] = [];
  for (const key of ['ref', 'description'] as const) {
    if (at[key] < 0) problems.push({ file: table.file, line: 1, message: `no ${columns[key].join(' or ')} column` });
  }
  if (problems.length) return { lines: [], problems };
  const allocationColumns = table.header.map((h, i) => [h, i] as const).filter(([h]) => /_gbp_000$/i.test(h));
  const occurrences = refOccurrences(table.rows.map((row) => cellAt(row, at.ref)));
  const lines: WorkPlanLine[] = [];
  table.rows.forEach((row, index) => {
    const problem = (column: number, message: string) => problems.push(cellProblem(table, row, column, message));
    if (row.cells.length !== table.header.length) return void problems.push({ file: table.file, line: row.line, message: `expected ${table.header.length} fields, found ${row.cells.length}` });
    const ref = cellAt(row, at.ref);
    if (!ref) return void problem(at.ref, 'the task has no id');
    const target = parseFreeTextDate(cellAt(row, at.time));
    for (const part of target.impossible) problem(at.time, part.reason!);
    const pounds = penceFromText(cellAt(row, at.valuePounds));
    if (pounds === undefined) problem(at.valuePounds, `"${cellAt(row, at.valuePounds)}" is not an amount of money`);
    const valueText = orNull(cellAt(row, at.valueText));
    // A value written in words ("TBD", "£30-35K") stays words; one written as an amount is also kept in pence.
    const fromText = pounds === null && valueText ? (penceFromText(valueText) ?? null) : null;
    const allocations = allocationColumns.flatMap(([column, i]) => {
      const text = cellAt(row, i);
      const pence = penceFromText(text, 'thousands');
      if (pence === undefined) problem(i, `"${text}" is not an amount in thousands of pounds`);
      return text === '' ? [] : [{ column, text, pence: pence ?? null }];
    });
    const statusText = cellAt(row, at.status);
    const status = statusText ? readTaskStatus(statusText) : undefined;
    if (statusText && !status) problem(at.status, `"${statusText}" is not a status (not started, in progress, done or stopped)`);
    const ragText = cellAt(row, at.rag);
    const rag = ragText ? readRag(ragText) : undefined;
    if (ragText && !rag) problem(at.rag, `"${ragText}" is not a RAG rating (red, amber or green)`);
    const positions = splitLog(cellAt(row, at.position));
    const sectionRef = cellAt(row, at.sectionRef) || ref.split('.')[0]!;
    lines.push({
      line: row.line,
      sectionRef,
      sectionTitle: cellAt(row, at.sectionTitle) || `Section ${sectionRef}`,
      ref,
      occurrence: occurrences[index]!,
      projectArea: orNull(cellAt(row, at.projectArea)),
      description: cellAt(row, at.description),
      allocatedTo: orNull(cellAt(row, at.allocatedTo)),
      lead: orNull(cellAt(row, at.lead)),
      involved: orNull(cellAt(row, at.involved)),
      target,
      positions,
      financialValueText: valueText,
      financialValuePence: pounds ?? fromText,
      allocations,
      note: orNull(cellAt(row, at.note)),
      status: status ?? inferTaskStatus(positions),
      statusGiven: status !== undefined,
      rag: rag ?? null,
      raw: Object.fromEntries(table.header.map((h, i) => [h, row.cells[i] ?? ''])),
    });
  });
  return { lines, problems };
}
