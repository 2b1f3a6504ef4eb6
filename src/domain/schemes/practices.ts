import { AppError, type Problem, type ProblemLocation } from '../errors.js';
import type { Participation, SchemePracticeEntry } from './scheme-definition.js';
import { cellAt, cellProblem, columnIndex, parseNumberCell, parseParticipation, type TabularInput } from './tabular-input.js';

/**
 * A practice as the engine takes it: already resolved, from a scheme file's table or from a
 * registry list snapshot. `key` identifies it in every result: the ODS code when known, else the name.
 */
export interface SchemePractice {
  key: string;
  name: string;
  odsCode?: string;
  listSize?: number;
  weightedListSize?: number;
  locality?: string;
  cluster?: string;
  participation: Participation;
  /** Where the practice was read from, so problems can point at it. */
  source?: ProblemLocation;
}

function simplify(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Finds a practice by ODS code, or by name (case and spacing ignored) where only one practice has
 * it: practices in different places may share a name ("The Surgery"), and are then named by code.
 */
export function findPractice(practices: readonly SchemePractice[], reference: string): SchemePractice | undefined {
  const wanted = simplify(reference);
  const byCode = practices.find((p) => p.odsCode?.toLowerCase() === wanted);
  if (byCode) return byCode;
  const byName = practices.filter((p) => simplify(p.name) === wanted);
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * Builds the engine's practices from validated inputs, refusing an ODS code given twice, and a name
 * given twice where a practice without a code would be known by it alone (with codes, two practices
 * may share a name: "Church Road Surgery" is in more than one town).
 */
export function toSchemePractices(inputs: readonly SchemePracticeEntry[], sources: readonly (ProblemLocation | undefined)[] = []): SchemePractice[] {
  const problems: Problem[] = [];
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const practices = inputs.map((input, i) => {
    const source = sources[i] ?? { field: `practices.${i}` };
    const twice = (earlier: number) => problems.push({ ...source, message: `practice "${input.name}" appears twice (also at entry ${earlier + 1})` });
    const name = simplify(input.name);
    const earlierCode = input.odsCode ? seenCodes.get(input.odsCode) : undefined;
    const earlierName = seenNames.get(name);
    if (earlierCode !== undefined) twice(earlierCode);
    else if (earlierName !== undefined && (!input.odsCode || !inputs[earlierName]!.odsCode)) twice(earlierName);
    if (input.odsCode) seenCodes.set(input.odsCode, i);
    if (!seenNames.has(name)) seenNames.set(name, i);
    const practice: SchemePractice = { key: input.odsCode ?? input.name, name: input.name, participation: input.participation, source };
    if (input.odsCode) practice.odsCode = input.odsCode;
    if (input.listSize !== undefined) practice.listSize = input.listSize;
    if (input.weightedListSize !== undefined) practice.weightedListSize = input.weightedListSize;
    if (input.locality) practice.locality = input.locality;
    if (input.cluster) practice.cluster = input.cluster;
    return practice;
  });
  if (problems.length) throw new AppError('invalid', 'The practice list is not valid', { problems });
  return practices;
}

/**
 * Reads a practice table (CSV): practice (or name), ods_code, list_size, weighted_list_size,
 * locality, cluster, takes_part. Other columns are ignored, so a spreadsheet can be used as it is.
 */
export function readPracticeTable(table: TabularInput): SchemePractice[] {
  const problems: Problem[] = [];
  const col = {
    name: columnIndex(table, ['practice', 'name', 'practice_name']),
    ods: columnIndex(table, ['ods_code', 'ods', 'practice_code']),
    list: columnIndex(table, ['list_size', 'list']),
    weighted: columnIndex(table, ['weighted_list_size', 'weighted_list']),
    locality: columnIndex(table, ['locality']),
    cluster: columnIndex(table, ['cluster']),
    takesPart: columnIndex(table, ['takes_part', 'participation', 'participating']),
  };
  if (col.name < 0) throw new AppError('invalid', `${table.file} has no practice column`, { problems: [{ file: table.file, line: 1, message: 'the header needs a "practice" column' }] });
  const inputs: SchemePracticeEntry[] = [];
  const sources: ProblemLocation[] = [];
  for (const row of table.rows) {
    const name = cellAt(row, col.name);
    if (!name) {
      problems.push(cellProblem(table, row, col.name, 'the practice name is blank'));
      continue;
    }
    const input: SchemePracticeEntry = { name, participation: 'yes' };
    const ods = cellAt(row, col.ods).toUpperCase();
    if (ods) {
      if (/^[A-Z][0-9]{5}$/.test(ods)) input.odsCode = ods;
      else problems.push(cellProblem(table, row, col.ods, `"${ods}" is not an ODS practice code (one letter and five digits)`));
    }
    for (const [field, index] of [['listSize', col.list], ['weightedListSize', col.weighted]] as const) {
      const text = cellAt(row, index);
      const value = parseNumberCell(text);
      if (value === null) continue;
      if (Number.isNaN(value) || value < 0 || (field === 'listSize' && !Number.isInteger(value))) {
        problems.push(cellProblem(table, row, index, `"${text}" is not a list size (a whole number of patients)`));
      } else input[field] = value;
    }
    const locality = cellAt(row, col.locality);
    if (locality) input.locality = locality;
    const cluster = cellAt(row, col.cluster);
    if (cluster) input.cluster = cluster;
    const takesPart = parseParticipation(cellAt(row, col.takesPart));
    if (takesPart === undefined) problems.push(cellProblem(table, row, col.takesPart, `"${cellAt(row, col.takesPart)}" should be Yes, No or ?`));
    else if (takesPart) input.participation = takesPart;
    inputs.push(input);
    sources.push({ file: table.file, line: row.line });
  }
  if (problems.length) throw new AppError('invalid', `The practice table ${table.file} is not valid`, { problems });
  return toSchemePractices(inputs, sources);
}

/** The practices that take part: those not marked as declining. An empty list is an error. */
export function participatingPractices(practices: readonly SchemePractice[]): SchemePractice[] {
  const taking = practices.filter((p) => p.participation !== 'no');
  if (taking.length === 0) throw new AppError('invalid', 'The scheme has no participating practices', { problems: [{ field: 'practices', message: 'every practice is marked as not taking part, or the list is empty' }] });
  return taking;
}
