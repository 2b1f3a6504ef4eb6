import type { Problem } from '../errors.js';
import { noRowsProblem } from './csv-text.js';
import { readCsvTable } from './csv-table.js';
import { textOf } from './decode-text.js';
import { createExtractDateCheck } from './extract-date.js';
import type { ColumnSpec } from './header-columns.js';
import { commissionerCodeFault, organisationCodeFault } from './ods-codes.js';

/**
 * "Patients Registered at a GP Practice" mapping file (gp-reg-pat-prac-map.csv): where each
 * practice sits in the NHS hierarchy on the extract date — PCN, sub-ICB location, ICB, region.
 */
export interface PracticeMapRow {
  practiceCode: string;
  practiceName: string;
  postcode: string;
  /** null when the practice is in no PCN (published as `U` / `Unallocated`) or the file predates PCNs. */
  pcnCode: string | null;
  pcnName: string | null;
  subIcbCode: string;
  subIcbName: string;
  icbCode: string;
  icbName: string;
  regionCode: string;
  regionName: string;
  /** GP clinical system (EMIS, TPP…); null when the release has no supplier column or leaves it blank. */
  supplier: string | null;
  /** 1-based line in the file. */
  line: number;
}

export interface PracticeMapParseResult {
  /** ISO date shared by every row; '' only when no row had a valid date (there are problems then). */
  extractDate: string;
  rows: PracticeMapRow[];
  problems: Problem[];
  /** The 1-based column holding practice codes, for problems about a practice found later (not in the registry). */
  practiceCodeColumn?: number;
}

// Before July 2022 the same columns were named for CCGs and STPs.
const COLUMNS = {
  extractDate: { names: ['EXTRACT_DATE'], required: true },
  practiceCode: { names: ['PRACTICE_CODE'], required: true },
  practiceName: { names: ['PRACTICE_NAME'], required: true },
  postcode: { names: ['PRACTICE_POSTCODE', 'POSTCODE'], required: true },
  // PCNs began in July 2019; earlier mapping files have no PCN columns.
  pcnCode: { names: ['PCN_CODE'], required: false },
  pcnName: { names: ['PCN_NAME'], required: false },
  subIcbCode: { names: ['SUB_ICB_LOCATION_CODE', 'CCG_CODE'], required: true },
  subIcbName: { names: ['SUB_ICB_LOCATION_NAME', 'CCG_NAME'], required: true },
  icbCode: { names: ['ICB_CODE', 'STP_CODE'], required: true },
  icbName: { names: ['ICB_NAME', 'STP_NAME'], required: true },
  regionCode: { names: ['COMM_REGION_CODE', 'REGION_CODE'], required: true },
  regionName: { names: ['COMM_REGION_NAME', 'REGION_NAME'], required: true },
  supplier: { names: ['SUPPLIER_NAME'], required: false },
} satisfies Record<string, ColumnSpec>;

/** How NHS England writes "this practice is in no PCN". */
const UNALLOCATED_PCN_CODE = 'U';
const UNALLOCATED_PCN_NAME = 'UNALLOCATED';

export function parsePracticeMap(input: string | Uint8Array, file: string): PracticeMapParseResult {
  const rows: PracticeMapRow[] = [];
  const extractDate = createExtractDateCheck(file);
  const firstLineByCode = new Map<string, number>();
  let practiceCodeColumn: number | undefined;

  const problems = readCsvTable(textOf(input), file, COLUMNS, (row) => {
    const { line } = row;
    const faults: Problem[] = [];
    practiceCodeColumn ??= row.column('practiceCode');
    const check = (key: keyof typeof COLUMNS, fault: string | null): void => {
      if (fault) faults.push({ file, line, column: row.column(key), message: fault });
    };

    const dateProblem = extractDate.check(row.cell('extractDate'), line, row.column('extractDate')!);
    if (dateProblem) faults.push(dateProblem);

    const practiceCode = row.cell('practiceCode');
    const practiceCodeFault = organisationCodeFault(practiceCode, 'practice code');
    check('practiceCode', practiceCodeFault);
    if (practiceCodeFault === null) {
      const seenOn = firstLineByCode.get(practiceCode);
      if (seenOn !== undefined) check('practiceCode', `practice code ${practiceCode} appears again (first on line ${seenOn})`);
      else firstLineByCode.set(practiceCode, line);
    }

    const pcnRawCode = row.cell('pcnCode');
    const pcnRawName = row.cell('pcnName');
    const unallocated = pcnRawCode === '' || pcnRawCode.toUpperCase() === UNALLOCATED_PCN_CODE || pcnRawName.toUpperCase() === UNALLOCATED_PCN_NAME;
    if (!unallocated) check('pcnCode', organisationCodeFault(pcnRawCode, 'PCN code'));

    const subIcbCode = row.cell('subIcbCode');
    check('subIcbCode', commissionerCodeFault(subIcbCode, 'sub-ICB location (CCG) code'));
    const icbCode = row.cell('icbCode');
    check('icbCode', organisationCodeFault(icbCode, 'ICB (STP) code'));
    const regionCode = row.cell('regionCode');
    check('regionCode', organisationCodeFault(regionCode, 'region code'));

    if (faults.length === 0) {
      rows.push({
        practiceCode,
        practiceName: row.cell('practiceName'),
        postcode: row.cell('postcode'),
        pcnCode: unallocated ? null : pcnRawCode,
        pcnName: unallocated ? null : pcnRawName,
        subIcbCode,
        subIcbName: row.cell('subIcbName'),
        icbCode,
        icbName: row.cell('icbName'),
        regionCode,
        regionName: row.cell('regionName'),
        supplier: row.cell('supplier') || null,
        line,
      });
    }
    return faults;
  });
  if (!rows.length && !problems.length) problems.push(noRowsProblem(file));
  return { extractDate: extractDate.date, rows, problems, practiceCodeColumn };
}
