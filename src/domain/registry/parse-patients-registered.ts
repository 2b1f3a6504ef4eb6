import type { Problem } from '../errors.js';
import { noRowsProblem } from './csv-text.js';
import { readCsvTable, type TableRow } from './csv-table.js';
import { textOf } from './decode-text.js';
import { createExtractDateCheck } from './extract-date.js';
import type { ColumnSpec } from './header-columns.js';
import { commissionerCodeFault, organisationCodeFault } from './ods-codes.js';

/**
 * "Patients Registered at a GP Practice", practice totals (gp-reg-pat-prac-all.csv): one row
 * per practice with its registered list size on the extract date. List sizes drive every
 * list-share apportionment, so any doubtful row is a problem rather than a guess.
 */
export interface PatientsRegisteredRow {
  odsCode: string;
  commissionerCode: string;
  postcode: string;
  patients: number;
  /** 1-based line in the file. */
  line: number;
}

export interface PatientsRegisteredParseResult {
  /** ISO date shared by every row; '' only when no row had a valid date (there are problems then). */
  extractDate: string;
  rows: PatientsRegisteredRow[];
  problems: Problem[];
  /** 1-based column of the practice code, for problems found later about a row's practice. */
  odsCodeColumn?: number;
}

const COLUMNS = {
  extractDate: { names: ['EXTRACT_DATE'], required: true },
  // Renamed when CCGs became sub-ICB locations on 1 July 2022.
  commissionerCode: { names: ['SUB_ICB_LOCATION_CODE', 'CCG_CODE'], required: true },
  odsCode: { names: ['CODE', 'PRACTICE_CODE'], required: true },
  postcode: { names: ['POSTCODE'], required: true },
  patients: { names: ['NUMBER_OF_PATIENTS'], required: true },
  // Only the by-sex and by-age files need these; in a totals file they are ALL when present.
  sex: { names: ['SEX'], required: false },
  age: { names: ['AGE'], required: false },
} satisfies Record<string, ColumnSpec>;

const ALL_PERSONS = 'ALL';

export function parsePatientsRegistered(input: string | Uint8Array, file: string): PatientsRegisteredParseResult {
  const rows: PatientsRegisteredRow[] = [];
  const extractDate = createExtractDateCheck(file);
  const firstLineByCode = new Map<string, number>();
  let odsCodeColumn: number | undefined;

  const problems = readCsvTable(textOf(input), file, COLUMNS, (row) => {
    const { line } = row;
    const faults: Problem[] = [];

    const dateProblem = extractDate.check(row.cell('extractDate'), line, row.column('extractDate')!);
    if (dateProblem) faults.push(dateProblem);

    const odsCode = row.cell('odsCode');
    odsCodeColumn ??= row.column('odsCode');
    const codeFault = organisationCodeFault(odsCode, 'practice code');
    if (codeFault) addFault(faults, file, row, 'odsCode', codeFault);

    const commissionerCode = row.cell('commissionerCode');
    const commissionerFault = commissionerCodeFault(commissionerCode, 'sub-ICB location (CCG) code');
    if (commissionerFault) addFault(faults, file, row, 'commissionerCode', commissionerFault);

    const patients = parseListSize(row.cell('patients'));
    if (typeof patients === 'string') addFault(faults, file, row, 'patients', patients);

    for (const key of ['sex', 'age'] as const) {
      const value = row.cell(key);
      if (row.has(key) && value.toUpperCase() !== ALL_PERSONS) {
        addFault(faults, file, row, key, `${key.toUpperCase()} is '${value}', but a practice totals file holds only ${ALL_PERSONS}; use the "Totals (GP practice-all persons)" file`);
      }
    }

    if (codeFault === null) {
      const seenOn = firstLineByCode.get(odsCode);
      if (seenOn !== undefined) addFault(faults, file, row, 'odsCode', `practice code ${odsCode} appears again (first on line ${seenOn})`);
      else firstLineByCode.set(odsCode, line);
    }

    if (faults.length === 0 && typeof patients === 'number') {
      rows.push({ odsCode, commissionerCode, postcode: row.cell('postcode'), patients, line });
    }
    return faults;
  });
  if (!rows.length && !problems.length) problems.push(noRowsProblem(file));
  return { extractDate: extractDate.date, rows, problems, odsCodeColumn };
}

/** A plain function, not a closure made for every row (see CsvTableRow). */
function addFault(faults: Problem[], file: string, row: TableRow<keyof typeof COLUMNS>, key: keyof typeof COLUMNS, message: string): void {
  faults.push({ file, line: row.line, column: row.column(key), message });
}

/** Far beyond the largest practice list in England (about 100,000), and within what the registry stores. */
const MAX_LIST_SIZE = 2_000_000;

/** The list size, or why the text is not one. */
function parseListSize(raw: string): number | string {
  if (/^-\d+$/.test(raw)) return `list size must not be negative (found ${raw})`;
  if (!/^\d+$/.test(raw)) return `number of patients '${raw}' is not a whole number`;
  const value = Number(raw);
  return value <= MAX_LIST_SIZE ? value : `number of patients '${raw}' is more than any practice's list (at most ${MAX_LIST_SIZE.toLocaleString('en-GB')})`;
}
