import { eq, inArray, or } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { schemes } from '../../db/schema/index.js';
import { conflict, invalid, type Problem } from '../../domain/errors.js';
import { type SchemeMoney, schemePaymentYear } from '../../domain/finance/scheme-money.js';
import { runScheme } from '../../domain/schemes/run-scheme.js';
import { loadSchemeVersion, runInputFor } from '../schemes/scheme-inputs.js';

/**
 * The finance plan's links to the schemes engine: an income stream that pays for a scheme, an
 * I&E line that is a scheme's fee. Each scheme is linked at most once of each kind, so its money
 * is counted once (see domain/finance/scheme-money.ts).
 */

/** Each linked scheme's money from its current version's run: the whole scheme, whoever asks (the finance reports show totals only). */
export async function linkedSchemeMoney(db: Db, schemeIds: readonly (number | null)[]): Promise<Map<number, SchemeMoney>> {
  const money = new Map<number, SchemeMoney>();
  for (const id of new Set(schemeIds.filter((i): i is number => i !== null))) {
    const loaded = await loadSchemeVersion(db, id);
    const payments = runScheme(await runInputFor(db, loaded)).payments;
    money.set(id, {
      schemeId: id,
      name: loaded.scheme.name,
      financialYear: schemePaymentYear(loaded.definition.period),
      // What practices are actually paid is their rounded rows; the funder is invoiced the grand total.
      figures: payments ? { invoicePence: payments.totals.grandTotal.total, practicesPence: payments.totals.amount.sumOfRoundedRows, feePence: payments.totals.fee?.total ?? 0 } : null,
    });
  }
  return money;
}

interface LinkTable {
  table: PgTable & { id: AnyPgColumn; schemeId: AnyPgColumn };
  /** What a linked record is called in a message, e.g. "income stream". */
  noun: string;
}

/** Refuses an unknown scheme, or one already linked to another record of the same kind (an edit through the API or web). */
export async function requireSchemeLink(db: Db, link: LinkTable, schemeId: number, existingId: unknown): Promise<void> {
  const [scheme] = await db.select({ id: schemes.id, name: schemes.name }).from(schemes).where(eq(schemes.id, schemeId));
  if (!scheme) throw invalid('That scheme does not exist', [{ field: 'schemeId', message: `no scheme ${schemeId}` }]);
  const holders = (await db.select({ id: link.table.id }).from(link.table as PgTable).where(eq(link.table.schemeId, schemeId))) as { id: number }[];
  if (holders.some((h) => h.id !== existingId)) throw conflict(`${scheme.name} is already linked to another ${link.noun} (${link.noun} ${holders[0]!.id}); a scheme’s money is counted once`);
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
  const byKey = new Map<string, number | null>();
  const keyOfScheme = new Map<number, string>();
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    if (row.linkedScheme === undefined) return;
    const problem = (message: string) => problems.push({ file, line: row.line, column: 'linked_scheme', message });
    const scheme = row.linkedScheme === null ? null : found.find((s) => s.slug === row.linkedScheme || s.name === row.linkedScheme);
    if (scheme === undefined) return problem(`there is no scheme "${row.linkedScheme}": give a scheme’s id (e.g. winter-access-2017-18) or its name`);
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
