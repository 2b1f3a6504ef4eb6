import { AppError, type Problem, type ProblemLocation } from '../errors.js';
import { findPractice, type SchemePractice } from './practices.js';
import type { SchemeDefinition } from './scheme-definition.js';
import { ratio, roundHalfUpToPence, toPence } from './rounding.js';
import { cellAt, cellProblem, columnIndex, parseNumberCell, type TabularInput } from './tabular-input.js';

/** One figure of a schedule someone worked out by hand: what practices were charged in a year (in total, or one practice). */
export interface HandScheduleEntry {
  year: string;
  /** null for the year's total across the practices. */
  practiceKey: string | null;
  amountPence: number;
  source?: ProblemLocation;
}

export interface HandSchedule {
  label: string;
  description: string | null;
  entries: HandScheduleEntry[];
}

const totalLabels = new Set(['', 'total', 'all', 'all practices']);

function checkCoverage(entries: readonly HandScheduleEntry[], years: readonly string[], problems: Problem[], where: ProblemLocation): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.year}|${entry.practiceKey ?? ''}`;
    if (seen.has(key)) problems.push({ ...(entry.source ?? where), message: `${entry.year}${entry.practiceKey ? ` for ${entry.practiceKey}` : ''} appears twice` });
    seen.add(key);
  }
  for (const year of years) {
    if (!entries.some((e) => e.year === year)) problems.push({ ...where, message: `the hand schedule has no figure for ${year}` });
  }
}

function toAmountPence(amount: number): number {
  return toPence(roundHalfUpToPence(ratio(amount)));
}

/**
 * Reads a hand schedule table: `year`, an optional `practice` (blank or TOTAL for the year's
 * total) and `amount` in pounds. Other columns (a note) are ignored.
 */
export function readHandScheduleTable(table: TabularInput, practices: readonly SchemePractice[], definition: SchemeDefinition): HandScheduleEntry[] {
  const years = definition.period.financialYears ?? [];
  const problems: Problem[] = [];
  const yearColumn = columnIndex(table, ['year', 'financial_year']);
  const practiceColumn = columnIndex(table, ['practice', 'ods_code']);
  const amountColumn = columnIndex(table, ['amount', 'amount_gbp', 'practices_contribution', 'practices_contribution_gbp']);
  if (yearColumn < 0) problems.push(cellProblem(table, 'header', -1, 'the header needs a "year" column'));
  if (amountColumn < 0) problems.push(cellProblem(table, 'header', -1, 'the header needs an "amount" column (pounds)'));
  if (problems.length) throw new AppError('invalid', `The hand schedule in ${table.file} cannot be read`, { problems });
  const entries: HandScheduleEntry[] = [];
  for (const row of table.rows) {
    const year = cellAt(row, yearColumn);
    if (!years.includes(year)) {
      problems.push(cellProblem(table, row, yearColumn, `"${year}" is not one of the scheme’s financial years (${years.join(', ')})`));
      continue;
    }
    const reference = cellAt(row, practiceColumn);
    let practiceKey: string | null = null;
    if (!totalLabels.has(reference.toLowerCase())) {
      const practice = findPractice(practices, reference);
      if (!practice) {
        problems.push(cellProblem(table, row, practiceColumn, `practice "${reference}" is not one of this scheme’s practices`));
        continue;
      }
      practiceKey = practice.key;
    }
    const text = cellAt(row, amountColumn);
    const amount = parseNumberCell(text);
    if (amount === null || Number.isNaN(amount)) {
      problems.push(cellProblem(table, row, amountColumn, `"${text}" is not an amount of money`));
      continue;
    }
    entries.push({ year, practiceKey, amountPence: toAmountPence(amount), source: { file: table.file, line: row.line } });
  }
  checkCoverage(entries, years, problems, { file: table.file });
  if (problems.length) throw new AppError('invalid', `The hand schedule in ${table.file} is not valid`, { problems });
  return entries;
}

/** Resolves the hand schedule written inside a scheme definition (or a request body). */
export function resolveHandScheduleEntries(definition: SchemeDefinition, practices: readonly SchemePractice[]): HandScheduleEntry[] {
  const years = definition.period.financialYears ?? [];
  const problems: Problem[] = [];
  const entries: HandScheduleEntry[] = [];
  (definition.handSchedule?.entries ?? []).forEach((entry, i) => {
    const field = `handSchedule.entries.${i}`;
    if (!years.includes(entry.year)) {
      problems.push({ field: `${field}.year`, message: `"${entry.year}" is not one of the scheme’s financial years` });
      return;
    }
    let practiceKey: string | null = null;
    if (entry.practice && !totalLabels.has(entry.practice.toLowerCase())) {
      const practice = findPractice(practices, entry.practice);
      if (!practice) {
        problems.push({ field: `${field}.practice`, message: `practice "${entry.practice}" is not one of this scheme’s practices` });
        return;
      }
      practiceKey = practice.key;
    }
    entries.push({ year: entry.year, practiceKey, amountPence: toAmountPence(entry.amount), source: { field } });
  });
  checkCoverage(entries, years, problems, { field: 'handSchedule.entries' });
  if (problems.length) throw new AppError('invalid', 'The hand schedule is not valid', { problems });
  return entries;
}
