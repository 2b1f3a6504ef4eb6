import { eq, inArray, or } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { schemes } from '../../db/schema/index.js';
import { conflict, invalid, type Problem } from '../../domain/errors.js';
import { type SchemeMoney, schemePaymentYear, schemePeriodMonths } from '../../domain/finance/scheme-money.js';
import { runScheme } from '../../domain/schemes/run-scheme.js';
import { versionInForce } from '../../domain/schemes/versions.js';
import { listVersions } from '../../db/repos/schemes.js';
import { loadSchemeVersion, runInputFor } from '../schemes/scheme-inputs.js';

/**
 * The finance plan's links to the schemes engine: an income stream that pays for a scheme, an
 * I&E line that is a scheme's fee. Each scheme is linked at most once of each kind, so its money
 * is counted once (see domain/finance/scheme-money.ts).
 */

/**
 * Each linked scheme's money from its latest approved version's run: the whole scheme, whoever
 * asks (the finance reports show totals only). A scheme with no approved version, or one the
 * engine cannot run, has no figures and says why; the typed figures then stand.
 */
export async function linkedSchemeMoney(db: Db, schemeIds: readonly (number | null)[]): Promise<Map<number, SchemeMoney>> {
  const money = new Map<number, SchemeMoney>();
  for (const id of new Set(schemeIds.filter((i): i is number => i !== null))) {
    const approved = versionInForce(await listVersions(db, id));
    const loaded = await loadSchemeVersion(db, id, approved?.version);
    const { period } = loaded.definition;
    // The settlement is the approved version's: the one whose figures these are.
    const timing = { months: schemePeriodMonths(period), invoicedOn: approved?.invoicedOn ?? null, paidOn: approved?.paidOn ?? null };
    const entry: SchemeMoney = { schemeId: id, name: loaded.scheme.name, financialYear: schemePaymentYear(period), figures: null, note: null, timing };
    money.set(id, entry);
    if (!approved) {
      entry.note = 'The scheme has no approved version yet';
      continue;
    }
    try {
      const payments = runScheme(await runInputFor(db, loaded)).payments;
      if (!payments) entry.note = 'No delivered activity is recorded yet';
      // What practices are actually paid is their rounded rows; the funder is invoiced the grand total.
      else entry.figures = { invoicePence: payments.totals.grandTotal.total, practicesPence: payments.totals.amount.sumOfRoundedRows, feePence: payments.totals.fee?.total ?? null };
    } catch (error) {
      entry.note = `The schemes engine cannot work this scheme out: ${(error as Error).message}`;
    }
  }
  return money;
}

/**
 * Why a scheme cannot be linked, if it cannot: its delivered-activity money is not split by year,
 * so a scheme over several financial years would put every year's money in one.
 */
async function severalYearsFault(db: Db, schemeId: number): Promise<string | null> {
  const { scheme, definition } = await loadSchemeVersion(db, schemeId);
  const years = definition.period.financialYears ?? [];
  return years.length > 1 ? `${scheme.name} runs over ${years.length} financial years (${years.join(', ')}); only a scheme of one year can be linked, because its payments are not split by year` : null;
}

interface LinkTable {
  table: PgTable & { id: AnyPgColumn; schemeId: AnyPgColumn };
  /** What a linked record is called in a message, e.g. "income stream", and the column naming one. */
  noun: string;
  label: AnyPgColumn;
}

/** Refuses an unknown scheme, or one already linked to another record of the same kind (an edit through the API or web). */
export async function requireSchemeLink(db: Db, link: LinkTable, schemeId: number, existingId: unknown): Promise<void> {
  const [scheme] = await db.select({ id: schemes.id, name: schemes.name }).from(schemes).where(eq(schemes.id, schemeId));
  if (!scheme) throw invalid('That scheme does not exist', [{ field: 'schemeId', message: `no scheme ${schemeId}` }]);
  const several = await severalYearsFault(db, schemeId);
  if (several) throw invalid(several, [{ field: 'schemeId', message: several }]);
  const holders = (await db.select({ id: link.table.id, label: link.label }).from(link.table as PgTable).where(eq(link.table.schemeId, schemeId))) as { id: number; label: string }[];
  const other = holders.find((h) => h.id !== existingId);
  if (other) throw conflict(`${scheme.name} is already linked to another ${link.noun}, “${other.label}”; a scheme’s money is counted once`);
}

/**
 * Reads an import's `linked_scheme` cells (a scheme's id, e.g. winter-access-2017-18, or its name)
 * as scheme ids, keyed by the record each row writes (a stream has a row per year). An unknown
 * scheme, two records naming one scheme (in the file, or one stored and not re-linked by the file),
 * or one record naming two, is a problem on its line.
 */
export async function importedSchemeLinks(
  db: Db,
  file: string,
  rows: readonly { line: number; linkedScheme?: string | null }[],
  keyOf: (row: number) => string,
  stored: readonly { key: string; schemeId: number | null }[],
): Promise<{ byKey: Map<string, number | null>; problems: Problem[] }> {
  const named = [...new Set(rows.map((r) => r.linkedScheme).filter((n): n is string => !!n))];
  const found = named.length ? await db.select({ id: schemes.id, slug: schemes.slug, name: schemes.name }).from(schemes).where(or(inArray(schemes.slug, named), inArray(schemes.name, named))) : [];
  const faults = new Map<number, string | null>();
  for (const scheme of found) faults.set(scheme.id, await severalYearsFault(db, scheme.id));
  const byKey = new Map<string, number | null>();
  const keyOfScheme = new Map<number, string>();
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    if (row.linkedScheme === undefined) return;
    const problem = (message: string) => problems.push({ file, line: row.line, column: 'linked_scheme', message });
    const matches = row.linkedScheme === null ? [] : found.filter((s) => s.slug === row.linkedScheme || s.name === row.linkedScheme);
    if (matches.length > 1) return problem(`${matches.length} schemes are called "${row.linkedScheme}": give the scheme’s id (${matches.map((m) => m.slug).join(', ')})`);
    const scheme = row.linkedScheme === null ? null : matches[0];
    if (scheme === undefined) return problem(`there is no scheme "${row.linkedScheme}": give a scheme’s id (e.g. winter-access-2017-18) or its name`);
    const several = scheme && faults.get(scheme.id);
    if (several) return problem(several);
    const key = keyOf(i);
    const id = scheme?.id ?? null;
    if (byKey.has(key) && byKey.get(key) !== id) return problem(`another row of the same record links ${byKey.get(key) === null ? 'no scheme' : 'a different scheme'}`);
    if (id !== null && keyOfScheme.has(id) && keyOfScheme.get(id) !== key) return problem(`${scheme!.name} is already linked on another row; a scheme’s money is counted once`);
    byKey.set(key, id);
    if (id !== null) keyOfScheme.set(id, key);
  });
  const keys = rows.map((_, i) => keyOf(i));
  for (const holder of stored.filter((h) => h.schemeId !== null && keyOfScheme.has(h.schemeId) && keyOfScheme.get(h.schemeId) !== h.key && byKey.get(h.key) === undefined)) {
    const row = rows[keys.indexOf(keyOfScheme.get(holder.schemeId!)!)]!;
    problems.push({ file, line: row.line, column: 'linked_scheme', message: `${row.linkedScheme} is already linked to ${holder.key}; a scheme’s money is counted once` });
  }
  return { byKey, problems };
}
