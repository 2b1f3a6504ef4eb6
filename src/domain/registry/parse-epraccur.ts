import type { Problem } from '../errors.js';
import { countNonBlankLines, readCsvRows } from './csv-rows.js';
import { textOf } from './decode-text.js';
import { parseNhsDate } from './nhs-dates.js';
import { commissionerCodeFault, organisationCodeFault } from './ods-codes.js';
import { isGpPracticeSetting, parsePracticeStatus, type PracticeStatus } from './practice-status.js';

/**
 * ODS epraccur: every prescribing cost centre in England, one headerless 27-field row each.
 * All rows are kept (walk-in centres, prisons, closed practices…) because practices change
 * setting and status over time; callers filter with `isGpPractice` and `status`.
 */
export interface OdsPracticeRecord {
  odsCode: string;
  name: string;
  /** NHS England region, e.g. `Y60`; empty for some non-English codes. */
  nationalGrouping: string | null;
  /** Area team before July 2022, ICB after, e.g. `QK1`. */
  highLevelHealthGeography: string | null;
  /** Non-empty address fields 5–9 in order. */
  addressLines: string[];
  postcode: string | null;
  /** ISO dates. */
  openDate: string;
  closeDate: string | null;
  status: PracticeStatus;
  /** Field 13 as published: `A`/`C`/`D`/`P` or, from 2026, `ACTIVE`/`INACTIVE`/`DORMANT`. */
  statusRaw: string;
  /** `B` allocated to a commissioner, `Z` not. */
  orgSubType: string;
  /** CCG or sub-ICB location; null for cost centres with no parent. */
  commissionerCode: string | null;
  joinParentDate: string | null;
  leftParentDate: string | null;
  phone: string | null;
  providerCode: string | null;
  /** Field 26 as published: numeric setting (`4`) or, from 2026, ODS role codes (`RO76|RO268`); may be ''. */
  prescribingSetting: string;
  isGpPractice: boolean;
  /** 1-based line in the file. */
  line: number;
}

export interface EpraccurParseResult {
  records: OdsPracticeRecord[];
  problems: Problem[];
}

export interface EpraccurParseOptions {
  /** Called every few thousand rows and once at the end; `total` counts the file's non-blank lines. */
  onProgress?(done: number, total: number): void;
}

const FIELD_COUNT = 27;
const PROGRESS_EVERY = 2000;

// 1-based field numbers from the ODS specification; names appear in problems.
const FIELD = {
  code: 1, name: 2, nationalGrouping: 3, highLevelHealthGeography: 4, address1: 5, address5: 9, postcode: 10,
  openDate: 11, closeDate: 12, status: 13, orgSubType: 14, commissioner: 15, joinParentDate: 16, leftParentDate: 17,
  phone: 18, provider: 24, prescribingSetting: 26,
} as const;

const DATE_FIELDS = [
  { column: FIELD.openDate, name: 'open date', required: true },
  { column: FIELD.closeDate, name: 'close date', required: false },
  { column: FIELD.joinParentDate, name: 'join parent date', required: false },
  { column: FIELD.leftParentDate, name: 'left parent date', required: false },
] as const;

export function parseEpraccur(input: string | Uint8Array, file: string, options: EpraccurParseOptions = {}): EpraccurParseResult {
  const text = textOf(input);
  const total = options.onProgress ? countNonBlankLines(text) : 0;
  const records: OdsPracticeRecord[] = [];
  const problems: Problem[] = [];
  const firstLineByCode = new Map<string, number>();
  let done = 0;

  problems.push(
    ...readCsvRows(text, file, ({ fields, line }) => {
      const record = toRecord(fields, line, file, problems);
      if (record) {
        const seenOn = firstLineByCode.get(record.odsCode);
        if (seenOn !== undefined) {
          problems.push({ file, line, column: FIELD.code, message: `organisation code ${record.odsCode} appears again (first on line ${seenOn})` });
        } else {
          firstLineByCode.set(record.odsCode, line);
          records.push(record);
        }
      }
      done++;
      if (options.onProgress && done % PROGRESS_EVERY === 0) options.onProgress(done, Math.max(done, total));
    }),
  );
  options.onProgress?.(done, done);
  // Grammar problems are collected apart from row problems; keep the report in file order.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { records, problems };
}

/**
 * The record for one row, or null after pushing every fault the row has onto `problems`.
 * Written without per-row closures or maps: it runs once for each of ~16,000 rows of a national
 * file, and allocations here were most of the parse time.
 */
function toRecord(raw: string[], line: number, file: string, problems: Problem[]): OdsPracticeRecord | null {
  if (raw.length !== FIELD_COUNT) {
    problems.push({ file, line, message: `expected ${FIELD_COUNT} fields, found ${raw.length}` });
    return null;
  }
  const fields = raw;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length > 0 && (f.charCodeAt(0) <= 32 || f.charCodeAt(f.length - 1) <= 32)) fields[i] = f.trim();
  }
  const faults: Problem[] = [];

  const odsCode = fields[FIELD.code - 1]!;
  const codeFault = organisationCodeFault(odsCode, 'organisation code');
  if (codeFault) faults.push({ file, line, column: FIELD.code, message: codeFault });

  const statusRaw = fields[FIELD.status - 1]!;
  const status = parsePracticeStatus(statusRaw);
  if (status === null) faults.push({ file, line, column: FIELD.status, message: `status '${statusRaw}' is not one ODS uses (A, C, D, P, ACTIVE, INACTIVE, DORMANT)` });

  const dates: (string | null)[] = [null, null, null, null];
  for (let d = 0; d < DATE_FIELDS.length; d++) {
    const { column, name, required } = DATE_FIELDS[d]!;
    const value = fields[column - 1]!;
    if (value === '') {
      if (required) faults.push({ file, line, column, message: `${name} is empty` });
      continue;
    }
    const iso = parseNhsDate(value);
    if (iso === null) faults.push({ file, line, column, message: `${name} '${value}' is not a date (expected YYYYMMDD)` });
    dates[d] = iso;
  }

  const commissioner = fields[FIELD.commissioner - 1]!;
  const commissionerFault = commissioner === '' ? null : commissionerCodeFault(commissioner, 'commissioner');
  if (commissionerFault) faults.push({ file, line, column: FIELD.commissioner, message: commissionerFault });

  if (faults.length > 0 || status === null) {
    problems.push(...faults.sort((a, b) => Number(a.column) - Number(b.column)));
    return null;
  }
  const addressLines: string[] = [];
  for (let i = FIELD.address1 - 1; i < FIELD.address5; i++) if (fields[i] !== '') addressLines.push(fields[i]!);
  const prescribingSetting = fields[FIELD.prescribingSetting - 1]!;
  return {
    odsCode,
    name: fields[FIELD.name - 1]!,
    nationalGrouping: orNull(fields[FIELD.nationalGrouping - 1]!),
    highLevelHealthGeography: orNull(fields[FIELD.highLevelHealthGeography - 1]!),
    addressLines,
    postcode: orNull(fields[FIELD.postcode - 1]!),
    openDate: dates[0]!,
    closeDate: dates[1] ?? null,
    status,
    statusRaw,
    orgSubType: fields[FIELD.orgSubType - 1]!,
    commissionerCode: orNull(commissioner),
    joinParentDate: dates[2] ?? null,
    leftParentDate: dates[3] ?? null,
    phone: orNull(fields[FIELD.phone - 1]!),
    providerCode: orNull(fields[FIELD.provider - 1]!),
    prescribingSetting,
    isGpPractice: isGpPracticeSetting(prescribingSetting),
    line,
  };
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}
