import type { Problem } from '../errors.js';

/**
 * NHS files with a header are read by column name, never position: NHS England renames and
 * reorders columns between releases (CCG_CODE became SUB_ICB_LOCATION_CODE in July 2022) and the
 * ePCN workbook puts line breaks and trailing spaces inside its header cells.
 */
export interface ColumnSpec {
  /** Accepted header names, newest first; the first one is used in messages. */
  names: readonly string[];
  required: boolean;
}

export type ColumnIndexes<K extends string> = { [P in K]?: number };

/** Header text reduced to capital letters and digits, so `Partner\nOrganisation\nCode ` matches `PARTNER_ORGANISATION_CODE`. */
export function normaliseName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '');
}

/**
 * The 0-based index of each wanted column in `header`, and a problem naming each required
 * column that is missing. `where` places the problem on the header row.
 */
export function resolveColumns<K extends string>(
  header: readonly string[],
  specs: Readonly<Record<K, ColumnSpec>>,
  where: { file: string; line: number },
): { columns: ColumnIndexes<K>; problems: Problem[] } {
  const indexByName = new Map<string, number>();
  header.forEach((name, index) => {
    const key = normaliseName(name);
    if (key !== '' && !indexByName.has(key)) indexByName.set(key, index);
  });

  const columns: ColumnIndexes<K> = {};
  const problems: Problem[] = [];
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const index = spec.names.map((name) => indexByName.get(normaliseName(name))).find((i) => i !== undefined);
    if (index !== undefined) columns[key] = index;
    else if (spec.required) problems.push({ ...where, wholeFile: true, message: `required column ${describeNames(spec.names)} is missing` });
  }
  return { columns, problems };
}

function describeNames(names: readonly string[]): string {
  const [first, ...others] = names.map((n) => `"${n}"`);
  return others.length === 0 ? `${first}` : `${first} (or ${others.join(' or ')})`;
}

/** Spreadsheet column letter for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
