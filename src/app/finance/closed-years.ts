import { asc, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { financeYears } from '../../db/schema/index.js';
import { AppError } from '../../domain/errors.js';
import { closedYearMessage, closuresCovering, yearOfDateOrYear, type YearClosure } from '../../domain/finance/closed-years.js';
import { actorName } from '../../domain/words.js';

/**
 * The one guard every write of a year's money goes through: the record types' `guardClosedYears`
 * (finance lines, stream amounts, plan years), the finance import, a scheme's invoice and payment,
 * its activity returns and hand schedule. The rule itself (which year a date falls in, which years
 * are closed) is `src/domain/finance/closed-years.ts`.
 */

/** Every closed year, earliest first. */
export async function yearClosures(db: Db): Promise<YearClosure[]> {
  const rows = await db.select({ financialYear: financeYears.financialYear, closedOn: financeYears.closedOn, closedBy: financeYears.closedBy }).from(financeYears).where(isNotNull(financeYears.closedOn)).orderBy(asc(financeYears.financialYear));
  return rows.map((r) => ({ financialYear: r.financialYear, closedOn: r.closedOn!, closedBy: r.closedBy ?? '' }));
}

/** The closure of one year, or null while it is open (or not a year of the plan). */
export async function closureOf(db: Db, financialYear: string): Promise<YearClosure | null> {
  return (await yearClosures(db)).find((c) => c.financialYear === financialYear) ?? null;
}

/** The refusal: one kind (`year_closed`, 409; CLI exit 8), naming each closed year, when and by whom. */
export function yearClosed(closures: readonly YearClosure[], what?: string): AppError {
  return new AppError('year_closed', closedYearMessage(closures, what), {
    details: { closedYears: closures.map((c) => ({ financialYear: c.financialYear, closedOn: c.closedOn, closedBy: actorName(c.closedBy) })) },
  });
}

/**
 * Refuses a write that would change the figures of a closed year: `datesOrYears` are the dates
 * (an invoice's day) and years ("2018/19") the write touches, before and after it. The years' rows
 * are read FOR SHARE, so a closing that commits meanwhile waits for this write, or this write for it.
 */
export async function refuseChangeInClosedYears(db: Db, datesOrYears: Iterable<string | null | undefined>, what?: string, lock: 'share' | 'update' = 'share'): Promise<void> {
  const years = [...new Set([...datesOrYears].map(yearOfDateOrYear).filter((y): y is string => y !== null))];
  if (!years.length) return;
  const rows = await db.select({ financialYear: financeYears.financialYear, closedOn: financeYears.closedOn, closedBy: financeYears.closedBy }).from(financeYears).where(inArray(financeYears.financialYear, years)).for(lock);
  const closures = closuresCovering(
    years,
    rows.filter((r) => r.closedOn).map((r) => ({ financialYear: r.financialYear, closedOn: r.closedOn!, closedBy: r.closedBy ?? '' })),
  );
  if (closures.length) throw yearClosed(closures, what);
}

/**
 * A record type's `guardClosedYears` for a record that holds one year's figures in its `financialYear`.
 * The plan's year itself, about to be written, is read FOR UPDATE (`lock`): two saves of one year each
 * holding it FOR SHARE would wait on each other to write it, and one be aborted as a deadlock.
 */
export const guardYearField = (what: string, lock: 'share' | 'update' = 'share') => (db: Db, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) =>
  refuseChangeInClosedYears(db, [before?.financialYear as string | undefined, after?.financialYear as string | undefined], what, lock);
