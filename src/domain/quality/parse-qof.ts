import type { Problem } from '../errors.js';
import { readCsvTable } from '../registry/csv-table.js';
import { textOf } from '../registry/decode-text.js';
import type { ColumnSpec } from '../registry/header-columns.js';
import { organisationCodeFault } from '../registry/ods-codes.js';
import type { Indicator } from './indicators.js';
import { financialYearOfDate, parseFinancialYear } from '../finance/financial-year.js';
import { formatLongDate } from '../iso-date.js';

/**
 * QOF raw data files (NHS England, Quality and Outcomes Framework): PREVALENCE_yyyy.csv, one row per
 * practice per disease register with the register size and the list size for that register's age
 * base, and MAPPING_INDICATORS_yyyy.csv, which names the register groups. Prevalence is
 * REGISTER / PRACTICE_LIST_SIZE. REGISTER is written as a float (112.0) in the published files.
 */
export type QofFileKind = 'qof-prevalence' | 'qof-indicator-mapping' | 'qof-geography-mapping';

const PREVALENCE_COLUMNS = {
  practiceCode: { names: ['PRACTICE_CODE'], required: true },
  groupCode: { names: ['GROUP_CODE'], required: true },
  register: { names: ['REGISTER'], required: true },
  listType: { names: ['PATIENT_LIST_TYPE'], required: true },
  listSize: { names: ['PRACTICE_LIST_SIZE'], required: true },
} satisfies Record<string, ColumnSpec>;

const MAPPING_COLUMNS = {
  groupCode: { names: ['GROUP_CODE'], required: true },
  description: { names: ['GROUP_DESCRIPTION'], required: true },
  listType: { names: ['PATIENT_LIST_TYPE'], required: false },
} satisfies Record<string, ColumnSpec>;

/** Which QOF file a header row belongs to, or null. */
export function detectQofFile(headerLine: string): QofFileKind | null {
  const names = new Set(headerLine.split(',').map((n) => n.trim().toUpperCase()));
  if (names.has('REGISTER') && names.has('GROUP_CODE') && names.has('PRACTICE_LIST_SIZE')) return 'qof-prevalence';
  if (names.has('GROUP_CODE') && names.has('GROUP_DESCRIPTION')) return 'qof-indicator-mapping';
  if (names.has('PRACTICE_CODE') && names.has('SUB_ICB_ODS_CODE')) return 'qof-geography-mapping';
  return null;
}

/** The QOF year a file name carries (PREVALENCE_2223.csv → the year ending 31 March 2023), or null. */
export function qofYearEnd(fileName: string): string | null {
  const m = /_(\d{2})(\d{2})(?:_v\d+)?\.csv$/i.exec(fileName);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) return null;
  return `20${m[2]}-03-31`;
}

/**
 * The period a QOF file's figures are stored under: 31 March, the last day of its QOF year (April to
 * March), from the file name or else the date given for it. A date given must be a 31 March, as
 * another day would stand as a period of its own beside its year's (and 1 April 2022 would read as
 * 2021/22); and it must agree with a year the file name carries. Else the problem, in words.
 */
export function qofPeriod(fileName: string, asOf: string | undefined): { period: string } | { problem: string } {
  const named = qofYearEnd(fileName);
  if (!asOf) return named ? { period: named } : { problem: 'the QOF year is not in the file name (e.g. PREVALENCE_2223.csv); give it with --as-of, e.g. 2023-03-31 for 2022/23' };
  if (!asOf.endsWith('-03-31')) {
    const year = financialYearOfDate(asOf);
    const end = `${parseFinancialYear(year) + 1}-03-31`;
    return { problem: `the date given for it (${formatLongDate(asOf)}) is not the end of a QOF year: QOF years run April to March, so give ${end} for ${year}` };
  }
  if (named && named !== asOf) return { problem: `the file name says the QOF year ending ${formatLongDate(named)}, but the date given is ${formatLongDate(asOf)}: leave the date out, or check it is the right file` };
  return { period: asOf };
}

/** The indicator code of a QOF register's prevalence. */
export const qofPrevalenceCode = (groupCode: string) => `QOF_PREV_${groupCode}`;

/** The denominator a register's list type stands for: TOTAL is all ages, 18OV patients aged 18 and over. */
export function qofListTypeDescription(listType: string): string {
  const m = /^(\d{2})OV$/.exec(listType);
  return m ? `Registered patients aged ${Number(m[1])} and over` : 'Registered patients (all ages)';
}

/** A QOF register's prevalence as a catalogue entry; the group's name comes from the indicator mapping file when it has been read. */
export function qofPrevalenceIndicator(groupCode: string, listType: string, groupName: string | null): Indicator {
  return {
    code: qofPrevalenceCode(groupCode),
    name: `QOF prevalence: ${groupName ?? `${groupCode} register`}`,
    numeratorDefinition: `Patients on the QOF ${groupName ?? groupCode} register (${groupCode})`,
    denominatorDefinition: qofListTypeDescription(listType),
    unit: 'proportion',
    polarity: 'neutral',
    source: 'NHS England, Quality and Outcomes Framework raw data (PREVALENCE file)',
    cadence: 'year',
  };
}

export interface QofPrevalenceRow {
  practiceCode: string;
  groupCode: string;
  register: number;
  listType: string;
  listSize: number;
  line: number;
}

export interface QofPrevalenceParse {
  rows: QofPrevalenceRow[];
  /** The file cannot be read as it is: wrong layout, a value that is not a number, a repeated row. Nothing is imported. */
  problems: Problem[];
  /** Rows that are well formed but cannot be a prevalence (a register bigger than its list, a list of 0): left out and listed. */
  skipped: Problem[];
}

const wholeNumber = (text: string): number | null => {
  if (!/^\d+(\.0+)?$/.test(text)) return null;
  return Math.round(Number(text));
};

export function parseQofPrevalence(input: string | Uint8Array, file: string): QofPrevalenceParse {
  const rows: QofPrevalenceRow[] = [];
  const skipped: Problem[] = [];
  const firstLine = new Map<string, number>();
  const problems = readCsvTable(textOf(input), file, PREVALENCE_COLUMNS, (row) => {
    const { line } = row;
    const faults: Problem[] = [];
    const fault = (key: keyof typeof PREVALENCE_COLUMNS, message: string) => faults.push({ file, line, column: row.column(key), message });
    const practiceCode = row.cell('practiceCode').toUpperCase();
    const codeFault = organisationCodeFault(practiceCode, 'practice code');
    if (codeFault) fault('practiceCode', codeFault);
    const groupCode = row.cell('groupCode').toUpperCase();
    if (!/^[A-Z0-9]{1,10}$/.test(groupCode)) fault('groupCode', `group code '${row.cell('groupCode')}' is not a QOF register code such as AF or HYP`);
    const register = wholeNumber(row.cell('register'));
    if (register === null) fault('register', `REGISTER '${row.cell('register')}' is not a whole number of patients`);
    const listSize = wholeNumber(row.cell('listSize'));
    if (listSize === null) fault('listSize', `PRACTICE_LIST_SIZE '${row.cell('listSize')}' is not a whole number of patients`);
    const listType = row.cell('listType').toUpperCase();
    if (!/^(TOTAL|\d{2}OV)$/.test(listType)) fault('listType', `PATIENT_LIST_TYPE '${row.cell('listType')}' is not TOTAL or an age base such as 18OV`);
    if (!codeFault && groupCode) {
      const key = `${practiceCode} ${groupCode}`;
      const seen = firstLine.get(key);
      if (seen !== undefined) fault('groupCode', `practice ${practiceCode} has a second ${groupCode} row (first on line ${seen})`);
      else firstLine.set(key, line);
    }
    if (faults.length || register === null || listSize === null) return faults;
    if (listSize === 0) skipped.push({ file, line, column: row.column('listSize'), message: `${practiceCode} ${groupCode}: list size is 0, so there is no prevalence` });
    else if (register > listSize) skipped.push({ file, line, column: row.column('register'), message: `${practiceCode} ${groupCode}: register ${register} is more than list size ${listSize}` });
    else rows.push({ practiceCode, groupCode, register, listType, listSize, line });
    return faults;
  });
  return { rows, problems, skipped };
}

/** GROUP_CODE → GROUP_DESCRIPTION from a QOF indicator mapping file (any year: only the group names are used). */
export function parseQofIndicatorMapping(input: string | Uint8Array, file: string): { groups: Map<string, string>; problems: Problem[] } {
  const groups = new Map<string, string>();
  const problems = readCsvTable(textOf(input), file, MAPPING_COLUMNS, (row) => {
    const groupCode = row.cell('groupCode').toUpperCase();
    const description = row.cell('description');
    if (!groupCode || !description) return [{ file, line: row.line, column: row.column(groupCode ? 'description' : 'groupCode'), message: 'GROUP_CODE and GROUP_DESCRIPTION must both be given' }];
    const earlier = groups.get(groupCode);
    if (earlier !== undefined && earlier !== description) return [{ file, line: row.line, column: row.column('description'), message: `group ${groupCode} is named both '${earlier}' and '${description}'` }];
    groups.set(groupCode, description);
    return [];
  });
  return { groups, problems };
}
