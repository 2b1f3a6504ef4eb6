import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { financeYears, schemes, schemeVersions } from '../../db/schema/index.js';
import { AppError, conflict, invalid, notFound } from '../../domain/errors.js';
import { closedWords, closingTooEarly, openAtClosing, type YearClosure } from '../../domain/finance/closed-years.js';
import { financialYearSchema } from '../../domain/finance/financial-year.js';
import { schemePaymentYear } from '../../domain/finance/scheme-money.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { paysPractices } from '../../domain/schemes/settlement.js';
import { formatList } from '../../domain/words.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { closureOf } from './closed-years.js';

export const closeYearSchema = z.object({
  financialYear: financialYearSchema,
  /** Close although something in the year is still open: the closing's audit names each. */
  anyway: z.boolean().optional(),
});
export const reopenYearSchema = z.object({
  financialYear: financialYearSchema,
  reason: z.string({ message: 'Say why the year is reopened' }).trim().min(1, 'Say why the year is reopened').max(2000),
});

/** A year of the plan as the financial-years page lists it: open, or closed on a day by someone. */
export interface FinancialYearState {
  financialYear: string;
  closed: (YearClosure & { words: string }) | null;
  rowVersion: number;
}

/** Every year of the plan with whether it is closed, earliest first (anyone who reads the plan's years). */
export async function financialYearStates(ctx: AppContext): Promise<FinancialYearState[]> {
  authorize(ctx.actor, 'finance_year', 'read');
  const rows = await ctx.db.select().from(financeYears).orderBy(financeYears.financialYear);
  return rows.map((r) => {
    const closure = r.closedOn ? { financialYear: r.financialYear, closedOn: r.closedOn, closedBy: r.closedBy ?? '' } : null;
    return { financialYear: r.financialYear, closed: closure && { ...closure, words: closedWords(closure) }, rowVersion: r.rowVersion };
  });
}

/** The approved scheme versions whose activity is paid for in the year, with what is still open about each. */
async function stillOpenIn(db: Db, financialYear: string): Promise<string[]> {
  const rows = await db
    .select({ scheme: schemes.name, version: schemeVersions.version, definition: schemeVersions.definition, invoicedOn: schemeVersions.invoicedOn, paidOn: schemeVersions.paidOn })
    .from(schemeVersions)
    .innerJoin(schemes, eq(schemes.id, schemeVersions.schemeId))
    .where(eq(schemeVersions.status, 'approved'))
    .orderBy(schemes.name);
  const ofYear = rows.filter((r) => schemePaymentYear((r.definition as { period?: { end?: string; financialYears?: string[] } }).period ?? {}) === financialYear);
  return openAtClosing(ofYear.map((r) => ({ ...r, paysPractices: paysPractices(r.definition as Parameters<typeof paysPractices>[0]) })));
}

async function lockedYear(db: Db, financialYear: string) {
  const [row] = await db.select().from(financeYears).where(eq(financeYears.financialYear, financialYear)).for('update');
  if (!row) throw notFound(`${financialYear} is not a year of the finance plan, so it`);
  return row;
}

const setClosure = (db: Db, id: number, values: { closedOn: string | null; closedBy: string | null }) =>
  db.update(financeYears).set({ ...values, rowVersion: sql`${financeYears.rowVersion} + 1`, updatedAt: new Date() }).where(eq(financeYears.id, id)).returning();

/**
 * Closes a financial year's accounts (admins): from then on every write that would alter its figures
 * is refused (`refuseChangeInClosedYears`). A year closes once it has ended. Anything still open in
 * it (an approved scheme of the year not invoiced, or invoiced and not paid) stops the closing and
 * is named, unless `anyway` is sent: a federation often signs its accounts with such a scheme
 * accrued, and then the closing's audit names each, so the auditors' file says what was left.
 */
export async function closeFinancialYear(ctx: AppContext, request: unknown, today = todayInEngland()) {
  authorize(ctx.actor, 'finance_year', 'update');
  const { financialYear, anyway } = parseOrRefuse(closeYearSchema, request, 'The year to close is not valid');
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const row = await lockedYear(db, financialYear);
    if (row.closedOn) throw conflict(`${financialYear} is already closed: ${closedWords({ financialYear, closedOn: row.closedOn, closedBy: row.closedBy ?? '' })}`);
    const early = closingTooEarly(financialYear, today);
    if (early) throw invalid(early, [{ field: 'financialYear', message: early }]);
    const open = await stillOpenIn(db, financialYear);
    if (open.length && !anyway) {
      throw new AppError('conflict', `${financialYear} still has ${open.length === 1 ? 'something' : `${open.length} things`} open: ${formatList(open)}. Settle ${open.length === 1 ? 'it' : 'them'} first, or close the year anyway and the audit will name ${open.length === 1 ? 'it' : 'them'}.`, {
        details: { stillOpen: open },
      });
    }
    const [after] = await setClosure(db, row.id, { closedOn: today, closedBy: ctx.actor.label });
    await recordAudit(db, ctx.actor, { recordType: 'finance_year', recordId: row.id, action: 'update', before: row, after, summary: `Closed ${financialYear}${open.length ? `, with ${formatList(open)}` : ''}` });
    return { ...(await stateOf(db, financialYear)), stillOpen: open };
  });
}

/** Reopens a closed year (admins), saying why: the audit keeps the reason with who and when. */
export async function reopenFinancialYear(ctx: AppContext, request: unknown) {
  authorize(ctx.actor, 'finance_year', 'update');
  const { financialYear, reason } = parseOrRefuse(reopenYearSchema, request, 'The year to reopen is not valid');
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const row = await lockedYear(db, financialYear);
    if (!row.closedOn) throw conflict(`${financialYear} is not closed`);
    const [after] = await setClosure(db, row.id, { closedOn: null, closedBy: null });
    await recordAudit(db, ctx.actor, { recordType: 'finance_year', recordId: row.id, action: 'update', before: row, after, summary: `Reopened ${financialYear} (${closedWords({ financialYear, closedOn: row.closedOn, closedBy: row.closedBy ?? '' }).toLowerCase()}): ${reason}` });
    return stateOf(db, financialYear);
  });
}

async function stateOf(db: Db, financialYear: string): Promise<FinancialYearState> {
  const [row] = await db.select({ rowVersion: financeYears.rowVersion }).from(financeYears).where(eq(financeYears.financialYear, financialYear));
  const closure = await closureOf(db, financialYear);
  return { financialYear, closed: closure && { ...closure, words: closedWords(closure) }, rowVersion: row!.rowVersion };
}
