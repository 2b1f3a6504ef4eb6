import { z } from 'zod';
import { AppError, type Problem, type ProblemLocation } from '../errors.js';
import { findPractice, type SchemePractice } from './practices.js';
import { participationValues, type DeliveryModel, type Participation, type SchemeDefinition } from './scheme-definition.js';
import { formatCount } from './format-money.js';
import { versionInForce, type VersionStatus } from './versions.js';
import { cellAt, cellProblem, columnIndex, parseNumberCell, parseParticipation, type TabularInput } from './tabular-input.js';

/** A practice's activity return: what it delivered under each delivery model. */
export interface DeliveredActivity {
  practiceKey: string;
  /** What the return says about taking part (null when it does not say). */
  takesPart: Participation | null;
  /** Units delivered per delivery model id; null where the return leaves the figure blank. */
  units: Record<string, number | null>;
  source?: ProblemLocation;
}

/** An activity return as the API receives it. */
export const deliveredEntrySchema = z.object({
  practice: z.string().min(1),
  takesPart: z.enum(participationValues).optional(),
  units: z.record(z.string(), z.number().nonnegative('must not be negative').nullable()),
});
export type DeliveredEntry = z.infer<typeof deliveredEntrySchema>;

/** Units counted in whole numbers: half an appointment is a slip. */
const wholeUnits: ReadonlySet<string> = new Set(['appointments', 'sessions']);

/** More than any practice delivers under one scheme: a figure above it is a slip of the keyboard (and would overflow the money). */
const mostUnitsReturned = 1_000_000;

/** What is wrong with one returned figure, in words that follow its name ("must not be negative"); null when it is fine. The web form checks with it too. */
export function checkUnits(value: number, definition: SchemeDefinition): string | null {
  if (Number.isNaN(value)) return 'is not a number';
  if (value < 0) return 'must not be negative';
  if (value > mostUnitsReturned) return `must be at most ${formatCount(mostUnitsReturned)}`;
  if (wholeUnits.has(definition.shared.unit) && !Number.isInteger(value)) return `must be a whole number of ${definition.shared.unit}`;
  return null;
}

/** A return that says the practice did not take part cannot also claim activity to be paid for. */
function contradiction(takesPart: Participation | null | undefined, units: Record<string, number | null>, definition: SchemeDefinition): string | null {
  if (takesPart !== 'no') return null;
  const claimed = definition.deliveryModels.filter((m) => (units[m.id] ?? 0) > 0);
  return claimed.length ? `says the practice did not take part, but has ${claimed.map((m) => m.name).join(' and ')} activity: choose Yes, or leave the figures blank` : null;
}

function unknownPracticeMessage(reference: string): string {
  return `practice "${reference}" is not one of this scheme’s practices`;
}

function deliveredColumnNames(model: DeliveryModel, definition: SchemeDefinition): string[] {
  return model.deliveredColumn ? [model.deliveredColumn] : [`${model.id}_${definition.shared.unit}_delivered`, `${model.id}_delivered`];
}

/**
 * Reads delivered activity from a table (one row per practice; a column per delivery model, e.g.
 * `nurse_appointments_delivered`). Collects every problem, each with file, line and column: unknown
 * practices, figures that are not numbers or are negative, a practice returned twice.
 */
export function readDeliveredTable(table: TabularInput, practices: readonly SchemePractice[], definition: SchemeDefinition): DeliveredActivity[] {
  const problems: Problem[] = [];
  const odsColumn = columnIndex(table, ['ods_code', 'ods', 'practice_code']);
  const nameColumn = columnIndex(table, ['practice', 'name', 'practice_name']);
  const takesPartColumn = columnIndex(table, ['takes_part', 'participation', 'participating']);
  if (odsColumn < 0 && nameColumn < 0) problems.push(cellProblem(table, 'header', -1, 'the header needs a "practice" or "ods_code" column'));
  const modelColumns = definition.deliveryModels.map((model) => {
    const names = deliveredColumnNames(model, definition);
    const index = columnIndex(table, names);
    if (index < 0) problems.push(cellProblem(table, 'header', -1, `the header has no column for ${model.name} (expected "${names.join('" or "')}")`));
    return { model, index };
  });
  if (definition.deliveryModels.length === 0) problems.push(cellProblem(table, 'header', -1, 'the scheme has no delivery models, so there is nothing to pay delivered activity against'));
  if (problems.length) throw new AppError('invalid', `The delivered activity in ${table.file} cannot be read`, { problems });

  const seen = new Map<string, number>();
  const returns: DeliveredActivity[] = [];
  for (const row of table.rows) {
    const keyColumn = odsColumn >= 0 && cellAt(row, odsColumn) ? odsColumn : nameColumn;
    const reference = cellAt(row, keyColumn);
    const practice = reference ? findPractice(practices, reference) : undefined;
    if (!practice) {
      problems.push(cellProblem(table, row, keyColumn, reference ? unknownPracticeMessage(reference) : 'the practice is blank'));
      continue;
    }
    const earlier = seen.get(practice.key);
    if (earlier !== undefined) problems.push(cellProblem(table, row, keyColumn, `practice "${practice.name}" already has a return on line ${earlier}`));
    seen.set(practice.key, row.line);
    const takesPartText = cellAt(row, takesPartColumn);
    const takesPart = parseParticipation(takesPartText);
    if (takesPart === undefined) problems.push(cellProblem(table, row, takesPartColumn, `"${takesPartText}" should be Yes, No or ?`));
    const units: Record<string, number | null> = {};
    for (const { model, index } of modelColumns) {
      const text = cellAt(row, index);
      const value = parseNumberCell(text);
      const fault = value === null ? null : checkUnits(value, definition);
      if (fault) problems.push(cellProblem(table, row, index, `${model.name} activity "${text}" ${fault}`));
      units[model.id] = fault ? null : value;
    }
    const contradicts = contradiction(takesPart, units, definition);
    if (contradicts) problems.push(cellProblem(table, row, takesPartColumn, `the return ${contradicts}`));
    returns.push({ practiceKey: practice.key, takesPart: takesPart ?? null, units, source: { file: table.file, line: row.line } });
  }
  if (problems.length) throw new AppError('invalid', `The delivered activity in ${table.file} is not valid`, { problems });
  return returns;
}

/** Checks activity returns sent as JSON (the API's route), with the same rules as the table reader. */
export function resolveDeliveredEntries(entries: readonly DeliveredEntry[], practices: readonly SchemePractice[], definition: SchemeDefinition): DeliveredActivity[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const returns: DeliveredActivity[] = [];
  entries.forEach((entry, i) => {
    const practice = findPractice(practices, entry.practice);
    if (!practice) {
      problems.push({ field: `delivered.${i}.practice`, message: unknownPracticeMessage(entry.practice) });
      return;
    }
    if (seen.has(practice.key)) problems.push({ field: `delivered.${i}.practice`, message: `practice "${practice.name}" has more than one return` });
    seen.add(practice.key);
    const units: Record<string, number | null> = {};
    for (const model of definition.deliveryModels) {
      const value = entry.units[model.id] ?? null;
      const fault = value === null ? null : checkUnits(value, definition);
      if (fault) problems.push({ field: `delivered.${i}.units.${model.id}`, message: `${model.name} activity ${fault}` });
      units[model.id] = fault ? null : value;
    }
    for (const id of Object.keys(entry.units)) {
      if (!definition.deliveryModels.some((m) => m.id === id)) problems.push({ field: `delivered.${i}.units.${id}`, message: `"${id}" is not one of the scheme’s delivery models` });
    }
    const contradicts = contradiction(entry.takesPart, units, definition);
    if (contradicts) problems.push({ field: `delivered.${i}.takesPart`, message: `The return ${contradicts}` });
    returns.push({ practiceKey: practice.key, takesPart: entry.takesPart ?? null, units, source: { field: `delivered.${i}` } });
  });
  if (problems.length) throw new AppError('invalid', 'The delivered activity is not valid', { problems });
  return returns;
}

/**
 * Whether two versions of a scheme ask practices for the same activity return: the same delivery
 * models, counted in the same unit, over the same period. A practice's return is then one fact about
 * what it delivered, true under both; otherwise each version's returns are its own. Rates, fees and
 * shares may differ: they change what is paid, not what was delivered.
 */
export function asksSameReturns(a: SchemeDefinition, b: SchemeDefinition): boolean {
  const models = (d: SchemeDefinition) => JSON.stringify(d.deliveryModels.map((m) => m.id).sort());
  const period = (d: SchemeDefinition) => JSON.stringify([d.period.start ?? null, d.period.end ?? null, d.period.weeks ?? null, d.period.financialYears ?? null]);
  return a.shared.unit === b.shared.unit && models(a) === models(b) && period(a) === period(b);
}

/**
 * While the federation prepares the next version, two versions collect activity returns: the
 * approved version in force and the draft after it. Given one of them, the other; none for a
 * superseded version, or while there is no such pair (nothing approved yet, or no draft).
 */
export function otherCollectingVersion<T extends VersionStatus>(versions: readonly T[], recordedOn: number): T | undefined {
  const inForce = versionInForce(versions);
  const draft = versions.filter((v) => v.status === 'draft').at(-1);
  if (!inForce || !draft) return undefined;
  if (recordedOn === inForce.version) return draft;
  return recordedOn === draft.version ? inForce : undefined;
}
