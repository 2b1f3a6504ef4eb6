import type { Problem } from '../errors.js';
import { cellAt, cellProblem, columnIndex, type TabularInput } from '../schemes/tabular-input.js';
import { type Rag, readRag } from './task-status.js';

/** The three tables of an STP plan's primary care chapter, told apart by their headers. */
export type StpFileKind = 'deliverables' | 'milestones' | 'outcomes';

export interface StpDeliverableLine {
  line: number;
  ref: string;
  kind: 'national' | 'local';
  title: string;
  owner: string | null;
  actionRef: string;
  action: string;
  actionOwners: string | null;
  note: string | null;
}
export interface StpMilestoneLine {
  line: number;
  deliverableRef: string;
  actionRefs: string;
  period: string;
  mark: string;
  rag: Rag | null;
  note: string | null;
}
export interface StpOutcomeLine {
  line: number;
  deliverableRef: string;
  workArea: string;
  descriptor: string;
  baseline: string | null;
  target: string | null;
  currentPosition: string | null;
  positionDate: string | null;
  note: string | null;
}

const required: Record<StpFileKind, string[]> = {
  deliverables: ['deliverable_id', 'deliverable_type', 'deliverable', 'action_id', 'key_action'],
  milestones: ['deliverable_id', 'action_id', 'period', 'milestone'],
  outcomes: ['deliverable_id', 'work_area', 'outcome_descriptor'],
};

export function detectStpFile(table: TabularInput): StpFileKind | null {
  const found = (Object.keys(required) as StpFileKind[]).find((kind) => required[kind].every((name) => columnIndex(table, [name]) >= 0));
  return found ?? null;
}

const orNull = (text: string) => (text === '' ? null : text);

/** Reads each row by its header names; `need` lists the cells a row must have. */
function readRows<T>(table: TabularInput, need: string[], build: (cell: (name: string) => string, problem: (name: string, message: string) => void, line: number) => T | null) {
  const problems: Problem[] = [];
  const rows: T[] = [];
  for (const row of table.rows) {
    const cell = (name: string) => cellAt(row, columnIndex(table, [name]));
    const problem = (name: string, message: string) => problems.push(cellProblem(table, row, columnIndex(table, [name]), message));
    const before = problems.length;
    for (const name of need) if (!cell(name)) problem(name, `${name.replaceAll('_', ' ')} is blank`);
    const built = build(cell, problem, row.line);
    if (built && problems.length === before) rows.push(built);
  }
  return { rows, problems };
}

export function readStpDeliverables(table: TabularInput) {
  return readRows<StpDeliverableLine>(table, ['deliverable_id', 'deliverable', 'action_id', 'key_action'], (cell, problem, line) => {
    const kind = cell('deliverable_type').toLowerCase();
    if (kind !== 'national' && kind !== 'local') problem('deliverable_type', `"${cell('deliverable_type')}" is not national or local`);
    return { line, ref: cell('deliverable_id'), kind: kind as 'national', title: cell('deliverable'), owner: orNull(cell('deliverable_owner')), actionRef: cell('action_id'), action: cell('key_action'), actionOwners: orNull(cell('action_owners')), note: orNull(cell('note')) };
  });
}

export function readStpMilestones(table: TabularInput, periods: ReadonlySet<string>) {
  return readRows<StpMilestoneLine>(table, ['deliverable_id', 'action_id', 'period', 'milestone'], (cell, problem, line) => {
    const period = cell('period');
    if (period && !periods.has(period)) problem('period', `"${period}" is not a period of the grid (${[...periods][0]} … ${[...periods].at(-1)})`);
    const ragText = cell('rag');
    const rag = ragText ? readRag(ragText) : null;
    if (rag === undefined) problem('rag', `"${ragText}" is not a RAG rating (red, amber or green)`);
    return { line, deliverableRef: cell('deliverable_id'), actionRefs: cell('action_id'), period, mark: cell('milestone'), rag: rag ?? null, note: orNull(cell('note')) };
  });
}

export function readStpOutcomes(table: TabularInput, readDate: (text: string) => string | null) {
  return readRows<StpOutcomeLine>(table, ['deliverable_id', 'work_area', 'outcome_descriptor'], (cell, problem, line) => {
    const dateText = cell('position_date');
    const positionDate = dateText ? readDate(dateText) : null;
    if (dateText && !positionDate) problem('position_date', `"${dateText}" is not a date`);
    return {
      line,
      deliverableRef: cell('deliverable_id'),
      workArea: cell('work_area'),
      descriptor: cell('outcome_descriptor'),
      baseline: orNull(cell('baseline')),
      target: orNull(cell('target')),
      currentPosition: orNull(cell('current_position')),
      positionDate,
      note: orNull(cell('note')),
    };
  });
}
