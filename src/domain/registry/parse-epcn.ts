import type ExcelJS from 'exceljs';
import type { Problem } from '../errors.js';
import { columnLetter, normaliseName, resolveColumns, type ColumnSpec } from './header-columns.js';
import { parseNhsDate } from './nhs-dates.js';
import { commissionerCodeFault, organisationCodeFault } from './ods-codes.js';
import { formatLongDate } from '../iso-date.js';

/**
 * ODS ePCN.xlsx: the Primary Care Networks and which practices are their core partners.
 * Membership rows keep their history (an end date means the practice left), because a
 * payment for a past period must use the PCN the practice was in at the time.
 */
export interface EpcnPcn {
  code: string;
  name: string;
  subIcbCode: string;
  /** As published, e.g. `NHS LEICESTER, LEICESTERSHIRE AND RUTLAND ICB - 03W`. */
  subIcbName: string;
  openDate: string;
  closeDate: string | null;
}

export interface EpcnMembership {
  practiceCode: string;
  practiceName: string;
  pcnCode: string;
  startDate: string;
  /** null while the practice is still in the PCN. */
  endDate: string | null;
  /** Row number in the sheet. */
  line: number;
  sheet: string;
  /** The column holding the practice's code, as a spreadsheet names it (B). */
  practiceCodeColumn: string;
}

export interface EpcnParseResult {
  pcns: EpcnPcn[];
  memberships: EpcnMembership[];
  problems: Problem[];
}

// Releases before July 2022 said "CCG" where later ones say "Sub ICB Loc(ation)".
const PCN_COLUMNS = {
  code: { names: ['PCN Code'], required: true },
  name: { names: ['PCN Name'], required: true },
  subIcbCode: { names: ['Current Sub ICB Loc Code', 'Current CCG Code', 'Sub ICB Loc Code', 'CCG Code'], required: true },
  subIcbName: { names: ['Sub ICB Location', 'Sub ICB Location Name', 'CCG', 'CCG Name'], required: true },
  openDate: { names: ['Open Date'], required: true },
  closeDate: { names: ['Close Date'], required: true },
} satisfies Record<string, ColumnSpec>;

const PARTNER_COLUMNS = {
  practiceCode: { names: ['Partner Organisation Code'], required: true },
  practiceName: { names: ['Partner Name'], required: true },
  pcnCode: { names: ['PCN Code'], required: true },
  startDate: { names: ['Practice to PCN Relationship Start Date'], required: true },
  endDate: { names: ['Practice to PCN Relationship End Date'], required: true },
} satisfies Record<string, ColumnSpec>;

const PCN_SHEET = 'PCNDetails';
const PARTNER_SHEET = 'PCN Core Partner Details';
// A title or notes block above the header would push it down; it is never far down.
const HEADER_SEARCH_ROWS = 10;

export async function parseEpcnWorkbook(buf: Uint8Array, file: string): Promise<EpcnParseResult> {
  const result: EpcnParseResult = { pcns: [], memberships: [], problems: [] };
  // exceljs is large: loaded only when a workbook is read.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    const bytes = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    // exceljs declares its own `Buffer` (an ArrayBuffer) that Node's Buffer type does not match; at run time it takes a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // The zip library's own words ("End of data reached… Corrupted zip ?") mean nothing to the person importing.
    result.problems.push({ file, message: 'not a readable Excel workbook (.xlsx): it is damaged or cut short, or another kind of file; download it again from NHS England' });
    return result;
  }

  const pcnSheet = readSheet(workbook, PCN_SHEET, PCN_COLUMNS, file, result.problems);
  const codeLines = new Map<string, number>();
  for (const { line, cell, fault, faultCount } of pcnSheet) {
    const code = cell('code');
    const subIcbCode = cell('subIcbCode');
    fault('code', organisationCodeFault(code, 'PCN code'));
    fault('subIcbCode', commissionerCodeFault(subIcbCode, 'sub-ICB location (CCG) code'));
    const openDate = readDate(cell('openDate'), 'open date', true, (m) => fault('openDate', m));
    const closeDate = readDate(cell('closeDate'), 'close date', false, (m) => fault('closeDate', m));
    const seenOn = codeLines.get(code);
    if (seenOn !== undefined) fault('code', `PCN code ${code} appears again (first on row ${seenOn})`);
    else codeLines.set(code, line);
    if (faultCount() === 0) result.pcns.push({ code, name: cell('name'), subIcbCode, subIcbName: cell('subIcbName'), openDate: openDate!, closeDate });
  }

  const partnerSheet = readSheet(workbook, PARTNER_SHEET, PARTNER_COLUMNS, file, result.problems);
  const membershipLines = new Map<string, number>();
  for (const { line, sheet, cell, column, fault, faultCount } of partnerSheet) {
    const practiceCode = cell('practiceCode');
    const pcnCode = cell('pcnCode');
    fault('practiceCode', organisationCodeFault(practiceCode, 'partner organisation code'));
    fault('pcnCode', organisationCodeFault(pcnCode, 'PCN code'));
    const startDate = readDate(cell('startDate'), 'relationship start date', true, (m) => fault('startDate', m));
    const endDate = readDate(cell('endDate'), 'relationship end date', false, (m) => fault('endDate', m));
    // The same practice may join the same PCN twice, but not twice on one day.
    const key = `${practiceCode}|${pcnCode}|${startDate}`;
    const seenOn = membershipLines.get(key);
    if (seenOn !== undefined) fault('practiceCode', `${practiceCode} joins ${pcnCode} on ${startDate ? formatLongDate(startDate) : 'the same (missing) date'} again (first on row ${seenOn})`);
    else membershipLines.set(key, line);
    if (faultCount() === 0) {
      result.memberships.push({ practiceCode, practiceName: cell('practiceName'), pcnCode, startDate: startDate!, endDate, line, sheet, practiceCodeColumn: column('practiceCode') });
    }
  }
  return result;
}

interface SheetRow<K extends string> {
  line: number;
  sheet: string;
  cell(key: K): string;
  /** The column of `key`, as a spreadsheet names it (B). */
  column(key: K): string;
  /** Records a problem at this row and the column of `key` when `message` is not null. */
  fault(key: K, message: string | null): void;
  /** Faults recorded for this row so far; a row with any is left out of the result. */
  faultCount(): number;
}

/** The data rows of the named sheet; problems about the sheet or its rows go to `problems`. */
function readSheet<K extends string>(
  workbook: ExcelJS.Workbook,
  wanted: string,
  specs: Readonly<Record<K, ColumnSpec>>,
  file: string,
  problems: Problem[],
): SheetRow<K>[] {
  const sheet = workbook.worksheets.find((ws) => normaliseName(ws.name) === normaliseName(wanted));
  if (!sheet) {
    const names = workbook.worksheets.map((ws) => `"${ws.name}"`).join(', ');
    problems.push({ file, message: `sheet "${wanted}" is missing; the workbook has ${names || 'no sheets'}` });
    return [];
  }
  const where = `${file} [${sheet.name}]`;
  const headerKeys = new Set(Object.values<ColumnSpec>(specs).flatMap((spec) => spec.names.map(normaliseName)));
  let headerLine = 0;
  let header: string[] = [];
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const texts = rowTexts(sheet.getRow(r), sheet.columnCount);
    if (texts.filter((t) => headerKeys.has(normaliseName(t))).length >= 2) {
      headerLine = r;
      header = texts;
      break;
    }
  }
  if (headerLine === 0) {
    problems.push({ file: where, message: `no header row found in the first ${HEADER_SEARCH_ROWS} rows` });
    return [];
  }
  const { columns, problems: headerProblems } = resolveColumns(header, specs, { file: where, line: headerLine });
  if (headerProblems.length > 0) {
    problems.push(...headerProblems);
    return [];
  }

  const rows: SheetRow<K>[] = [];
  for (let r = headerLine + 1; r <= sheet.rowCount; r++) {
    const texts = rowTexts(sheet.getRow(r), header.length);
    if (texts.every((t) => t === '')) continue;
    let faults = 0;
    rows.push({
      line: r,
      sheet: sheet.name,
      cell: (key) => texts[columns[key]!] ?? '',
      column: (key) => columnLetter(columns[key]! + 1),
      fault: (key, message) => {
        if (message === null) return;
        faults++;
        problems.push({ file: where, line: r, column: columnLetter(columns[key]! + 1), message });
      },
      faultCount: () => faults,
    });
  }
  return rows;
}

/** Cell texts of a row, 0-based, trimmed. */
function rowTexts(row: ExcelJS.Row, width: number): string[] {
  const texts: string[] = [];
  for (let c = 1; c <= width; c++) texts.push(cellText(row.getCell(c).value).trim());
  return texts;
}

/** The text a person sees in a cell, whatever type exceljs gives it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Some releases may store real Excel dates; exceljs reads them as UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/** ISO date from a cell, reporting through `fault` when it is missing (if required) or not a date. */
function readDate(raw: string, name: string, required: boolean, fault: (message: string) => void): string | null {
  if (raw === '') {
    if (required) fault(`${name} is empty`);
    return null;
  }
  const iso = parseNhsDate(raw);
  if (iso === null) fault(`${name} '${raw}' is not a date (expected YYYYMMDD)`);
  return iso;
}
