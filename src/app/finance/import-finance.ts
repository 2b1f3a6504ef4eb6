import { and, eq, isNotNull, type SQL, sql, sum } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { costSavings, ieIncomeLines, incomeStreams, incomeStreamYears, runningCostLines } from '../../db/schema/index.js';
import { invalid, type Problem } from '../../domain/errors.js';
import { type FinanceFileKind, ieSectionOf, type IncomeStreamRow, readFinanceFile } from '../../domain/finance/finance-csv.js';
import { normaliseFinancialYear } from '../../domain/finance/financial-year.js';
import { ieForecastProblems } from '../../domain/finance/ie-forecast.js';
import { csvText } from '../../domain/registry/index.js';
import { columnIndex, parseCsv } from '../../domain/schemes/tabular-input.js';
import { recordAudit, type AuditEntry } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize, type RecordTypeName } from '../permissions.js';
import { requirePlanYear } from './record-helpers.js';
import { importedSchemeLinks } from './scheme-links.js';
import { refusedImport } from '../records/import-csv.js';
import { importCounts } from '../../domain/words.js';
import { costSavingRecord, ieLineRecord, runningCostRecord } from './budget-records.js';
import { incomeStreamRecord, incomeStreamYearRecord } from './stream-records.js';
import type { AnyRecordType } from '../records/record-type.js';

export interface FinanceImportReport {
  kind: FinanceFileKind;
  file: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The record types a finance file writes: an imported row passes the same closed-year guard as one typed in. */
const writtenTypes: Partial<Record<RecordTypeName, AnyRecordType>> = { income_stream: incomeStreamRecord, income_stream_year: incomeStreamYearRecord, cost_saving: costSavingRecord, running_cost: runningCostRecord, ie_line: ieLineRecord };

type Table = PgTable & { id: AnyPgColumn; rowVersion: AnyPgColumn };
const defined = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));

/**
 * Writes one row of a finance file: inserts it, or updates the stored row it matches when a value
 * differs, or leaves it alone. Every change is audited. Values left undefined (a column the file
 * does not have) keep what is stored.
 */
class Upserter {
  readonly report = { inserted: 0, updated: 0, unchanged: 0 };
  readonly audits: AuditEntry[] = [];
  constructor(private readonly db: Db) {}

  async write(recordType: RecordTypeName, table: Table, match: SQL[], values: Record<string, unknown>): Promise<number> {
    // Locked until the import commits, so a web edit cannot slip in between this read and the write.
    const [existing] = (await this.db.select().from(table as PgTable).where(and(...match)).for('update')) as Record<string, unknown>[];
    const wanted = defined(values);
    const guard = writtenTypes[recordType]?.guardClosedYears;
    if (!existing) {
      await guard?.(this.db, undefined, wanted);
      const [row] = (await this.db.insert(table).values(wanted as never).returning()) as Record<string, unknown>[];
      this.report.inserted++;
      this.audits.push({ recordType, recordId: row!.id as number, action: 'create', after: row, summary: 'Imported' });
      return row!.id as number;
    }
    const changes = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => existing[k] !== v));
    if (!Object.keys(changes).length) {
      this.report.unchanged++;
      return existing.id as number;
    }
    await guard?.(this.db, existing, changes);
    const [row] = (await this.db.update(table).set({ ...changes, rowVersion: sql`${table.rowVersion} + 1`, updatedAt: new Date() } as never).where(eq(table.id, existing.id as number)).returning()) as Record<string, unknown>[];
    this.report.updated++;
    this.audits.push({ recordType, recordId: existing.id as number, action: 'update', before: existing, after: row, summary: 'Imported' });
    return existing.id as number;
  }
}

/** A stream's terms, by the column a file gives each in: one set for the stream, whichever year a row is for. */
const termColumns = { frequency: 'payment_terms', arrearsMonths: 'arrears_months', practicesShareBasisPoints: 'practices_share_percent', contractReference: 'contract_reference', endDate: 'end_date' } as const;

/** Rows of one stream must agree on its terms (else one year's would be paid on another's); the same stream and year twice is a mistake. */
function streamProblems(rows: IncomeStreamRow[], file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const firstOfStream = new Map<string, IncomeStreamRow>();
  for (const row of rows) {
    const stream = `${row.funder}|${row.name}|${row.status}`;
    const key = `${stream}|${row.financialYear}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ file, line: row.line, message: `${row.name} (${row.status}, ${row.funder}) ${row.financialYear} is already on line ${first}` });
    else seen.set(key, row.line);
    const earlier = firstOfStream.get(stream);
    if (!earlier) {
      firstOfStream.set(stream, row);
      continue;
    }
    for (const [field, column] of Object.entries(termColumns)) {
      const [was, now] = [earlier[field as keyof typeof termColumns] ?? null, row[field as keyof typeof termColumns] ?? null];
      if (was === now) continue;
      const shown = was === null ? 'blank' : field === 'practicesShareBasisPoints' ? `${Number(was) / 100}%` : `"${was}"`;
      problems.push({ file, line: row.line, column, message: `${row.name} (${row.status}, ${row.funder}) has one set of payment terms for all its years, and line ${earlier.line} gives its ${column} as ${shown}: make the lines agree, or give each year's money its own stream` });
    }
  }
  return problems;
}

/**
 * A stored record whose scheme link the file changes lets go of it first (audited), so a scheme
 * can move from one record to another within one file without two records holding it at once.
 */
async function releaseMovedLinks(up: Upserter, recordType: RecordTypeName, table: typeof incomeStreams | typeof ieIncomeLines, stored: { id: number; key: string; schemeId: number | null }[], byKey: Map<string, number | null>) {
  for (const record of stored) {
    const next = byKey.get(record.key);
    if (next !== undefined && next !== record.schemeId) await up.write(recordType, table, [eq(table.id, record.id)], { schemeId: null });
  }
}

async function importStreams(up: Upserter, db: Db, text: string, file: string) {
  const rows = readFinanceFile('streams', text, file);
  const keyOf = (s: { funder: string; name: string; status: string }) => `the ${s.status} stream "${s.name}" from ${s.funder}`;
  const stored = (await db.select({ id: incomeStreams.id, funder: incomeStreams.funder, name: incomeStreams.name, status: incomeStreams.status, schemeId: incomeStreams.schemeId }).from(incomeStreams).where(isNotNull(incomeStreams.schemeId))).map((s) => ({ ...s, key: keyOf(s) }));
  const links = await importedSchemeLinks(db, file, rows, (i) => keyOf(rows[i]!), stored);
  const problems = [...streamProblems(rows, file), ...links.problems];
  if (problems.length) throw invalid(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`, problems);
  await releaseMovedLinks(up, 'income_stream', incomeStreams, stored, links.byKey);
  for (const row of rows) {
    const streamId = await up.write('income_stream', incomeStreams, [eq(incomeStreams.funder, row.funder), eq(incomeStreams.name, row.name), eq(incomeStreams.status, row.status)], {
      funder: row.funder,
      name: row.name,
      status: row.status,
      frequency: row.frequency,
      arrearsMonths: row.arrearsMonths,
      practicesShareBasisPoints: row.practicesShareBasisPoints,
      contractReference: row.contractReference,
      endDate: row.endDate,
      schemeId: links.byKey.get(keyOf(row)),
    });
    await up.write('income_stream_year', incomeStreamYears, [eq(incomeStreamYears.streamId, streamId), eq(incomeStreamYears.financialYear, row.financialYear)], { streamId, financialYear: row.financialYear, amountPence: row.amountPence });
  }
}

async function importSavings(up: Upserter, text: string, file: string) {
  for (const row of readFinanceFile('savings', text, file)) {
    await up.write('cost_saving', costSavings, [eq(costSavings.initiative, row.initiative), eq(costSavings.financialYear, row.financialYear)], { initiative: row.initiative, financialYear: row.financialYear, expectedPence: row.expectedPence, realisedPence: row.realisedPence, beneficiary: row.beneficiary, comment: row.comment });
  }
}

/** Every row's year must be a year of the plan: one problem per row that is not. */
async function planYearProblems(db: Db, rows: { line: number; financialYear: string }[], file: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const row of rows) {
    try {
      await requirePlanYear(db, row.financialYear);
    } catch (error) {
      problems.push({ file, line: row.line, message: (error as { problems: Problem[] }).problems[0]!.message });
    }
  }
  return problems;
}

async function importRunningCosts(up: Upserter, db: Db, text: string, file: string, year?: string) {
  const rows = readFinanceFile('running-costs', text, file, year);
  const problems = await planYearProblems(db, rows, file);
  if (problems.length) throw refusedImport(file, problems);
  for (const row of rows) {
    await up.write('running_cost', runningCostLines, [eq(runningCostLines.financialYear, row.financialYear), eq(runningCostLines.line, row.label)], { financialYear: row.financialYear, category: row.category ?? 'Unallocated', line: row.label, amountPence: row.amountPence, comment: row.comment, frequency: row.frequency, arrearsMonths: row.arrearsMonths });
  }
}

async function importIe(up: Upserter, db: Db, text: string, file: string, year: string) {
  const rows = readFinanceFile('ie', text, file);
  const planProblems = await planYearProblems(db, [{ line: 1, financialYear: year }], file);
  if (planProblems.length) throw invalid(`${file}: ${year} is outside the finance plan; nothing was imported`, planProblems);
  const [stored] = await db.select({ total: sum(runningCostLines.amountPence) }).from(runningCostLines).where(eq(runningCostLines.financialYear, year));
  const storedCosts = stored?.total === null || stored?.total === undefined ? null : Number(stored.total);
  const problems = ieForecastProblems(rows, file, columnIndex(parseCsv(text, file), ['amount']) + 1, storedCosts);
  if (problems.length) throw refusedImport(file, problems);
  const streams = await db.select({ id: incomeStreams.id, name: incomeStreams.name, status: incomeStreams.status }).from(incomeStreams);
  const streamOf = (row: (typeof rows)[number], section: string) => (row.stream ? streams.find((s) => s.name === row.stream && s.status === section) : undefined);
  const unknown = rows.filter((r) => r.stream && !streamOf(r, ieSectionOf(r.section) ?? ''));
  if (unknown.length) throw invalid(`${file}: ${unknown.length} lines name a stream that is not there; nothing was imported`, unknown.map((r) => ({ file, line: r.line, column: 'stream', message: `there is no ${ieSectionOf(r.section) ?? 'income'} stream "${r.stream}": import the income streams first` })));
  const keyOf = (l: { section: string; line: string }) => `the ${year} ${l.section} line "${l.line}"`;
  const storedLinks = (await db.select({ id: ieIncomeLines.id, section: ieIncomeLines.section, line: ieIncomeLines.line, financialYear: ieIncomeLines.financialYear, schemeId: ieIncomeLines.schemeId }).from(ieIncomeLines).where(isNotNull(ieIncomeLines.schemeId))).map((l) => ({ ...l, key: `the ${l.financialYear} ${l.section} line "${l.line}"` }));
  const incomeLinks = rows.map((r) => (ieSectionOf(r.section) ? r : { ...r, linkedScheme: undefined }));
  const links = await importedSchemeLinks(db, file, incomeLinks, (i) => keyOf({ section: ieSectionOf(rows[i]!.section) ?? rows[i]!.section, line: rows[i]!.label }), storedLinks);
  const notIncome = rows.filter((r) => r.linkedScheme && !ieSectionOf(r.section)).map((r) => ({ file, line: r.line, column: 'linked_scheme', message: 'only a secured or potential income line can be a scheme’s fee' }));
  const linkProblems = [...links.problems, ...notIncome].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (linkProblems.length) throw invalid(`${file}: ${linkProblems.length} problem${linkProblems.length === 1 ? '' : 's'}; nothing was imported`, linkProblems);
  await releaseMovedLinks(up, 'ie_line', ieIncomeLines, storedLinks, links.byKey);
  let position = 0;
  for (const row of rows.filter((r) => r.rowType === 'item')) {
    const section = ieSectionOf(row.section);
    if (section) {
      const streamId = row.stream === undefined ? undefined : (streamOf(row, section)?.id ?? null);
      const schemeId = links.byKey.get(keyOf({ section, line: row.label }));
      await up.write('ie_line', ieIncomeLines, [eq(ieIncomeLines.financialYear, year), eq(ieIncomeLines.section, section), eq(ieIncomeLines.line, row.label)], { financialYear: year, section, line: row.label, amountPence: row.amountPence, comment: row.comment ?? null, position: ++position, streamId, schemeId });
    } else if (row.section === 'expenditure' && storedCosts === null) {
      await up.write('running_cost', runningCostLines, [eq(runningCostLines.financialYear, year), eq(runningCostLines.line, row.label)], { financialYear: year, category: 'Unallocated', line: row.label, amountPence: row.amountPence, comment: row.comment ?? null });
    }
  }
}

/** The record type a finance file writes, whose import permission it needs. */
export const financeFileType = (kind: FinanceFileKind): RecordTypeName => (kind === 'streams' ? 'income_stream' : kind === 'savings' ? 'cost_saving' : kind === 'running-costs' ? 'running_cost' : 'ie_line');

/**
 * Imports one of the finance files (the seed formats): income streams, cost savings, running
 * costs or a year's I&E. Every row is checked first and the file is written in one transaction,
 * all or nothing; importing the same file again changes nothing.
 */
export async function importFinanceCsv(ctx: AppContext, kind: FinanceFileKind, file: { name: string; content: Uint8Array }, options: { year?: string } = {}): Promise<FinanceImportReport> {
  const type = financeFileType(kind);
  authorize(ctx.actor, type, 'import');
  const text = csvText(file);
  let year: string | undefined;
  try {
    year = options.year ? normaliseFinancialYear(options.year) : undefined;
  } catch (error) {
    throw invalid((error as Error).message, [{ field: 'year', message: (error as Error).message }]);
  }
  if (kind === 'ie' && !year) throw invalid('Say which financial year the I&E is for', [{ field: 'year', message: 'the I&E file has no year column: give the year, e.g. 2018/19' }]);
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const up = new Upserter(db);
    if (kind === 'streams') await importStreams(up, db, text, file.name);
    else if (kind === 'savings') await importSavings(up, text, file.name);
    else if (kind === 'running-costs') await importRunningCosts(up, db, text, file.name, year);
    else await importIe(up, db, text, file.name, year!);
    await recordAudit(db, ctx.actor, [...up.audits, { recordType: type, recordId: kind, action: 'import', summary: `Imported ${file.name}: ${importCounts(up.report)}` }]);
    return { kind, file: file.name, ...up.report };
  });
}
