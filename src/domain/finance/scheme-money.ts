import { schemeSpan } from '../groups/departures.js';
import { financialYearOfDate, monthIndex, monthOfIndex } from './financial-year.js';
import type { IncomeAndExpenditure } from './income-expenditure.js';
import type { IeSection, IncomeStream, SchemeTiming } from './types.js';

/**
 * A scheme's money as the finance plan sees it. The schemes engine works out what the funder is
 * invoiced (delivered cost plus fee), what each practice is paid for the activity it delivered,
 * and the federation's fee. The finance plan links to a scheme in two places, each at most once,
 * so its money is never counted twice:
 * - an income stream that pays for the scheme: the cash flow takes the invoice as the stream's
 *   amount for the scheme's year, and the practices' payments instead of the stream's share;
 * - an I&E income line that is the scheme's fee: the I&E shows the fee worked out beside the
 *   planned figure, and the result with it.
 * The figures are from the activity recorded so far (so link a scheme once its returns are in);
 * until there is some, the typed figures stand. Only a scheme of one financial year is linked:
 * its payments are not split by year.
 */
export interface SchemeMoney {
  schemeId: number;
  name: string;
  /** The financial year the scheme's activity is paid for: its last; null when its period names none. */
  financialYear: string | null;
  /**
   * The engine's figures from the activity recorded so far; null until there is some (or when the
   * scheme has no approved version, or cannot be worked out: `note` says which). `feePence` is
   * null for a scheme with no fee.
   */
  figures: { invoicePence: number; practicesPence: number; feePence: number | null } | null;
  note: string | null;
  /** When its money moves: its period's months, and the days its version was invoiced and paid. */
  timing: SchemeTiming;
}

/** A scheme's activity is paid for in its last year: the last financial year it names, else the year its period ends. */
export function schemePaymentYear(period: { end?: string | undefined; financialYears?: string[] | undefined }): string | null {
  const years = period.financialYears ?? [];
  if (years.length) return [...years].sort().at(-1)!;
  return period.end ? financialYearOfDate(period.end) : null;
}

/**
 * The months a scheme runs, from its dates (`schemeSpan`): its start and end, either one with its
 * weeks, or one date and the edge of the financial years it names. Null when it gives no date
 * (weeks alone say how long it runs, not when) or only a start.
 */
export function schemePeriodMonths(period: Parameters<typeof schemeSpan>[0]): string[] | null {
  const span = period.start || period.end ? schemeSpan(period) : null;
  if (!span?.end) return null;
  const from = monthIndex(span.start.slice(0, 7));
  return Array.from({ length: monthIndex(span.end.slice(0, 7)) - from + 1 }, (_, i) => monthOfIndex(from + i));
}

/**
 * The streams with each linked scheme's worked-out figures in place of the typed ones, for the
 * scheme's year, and that year's money timed by the scheme (its period, its invoice and payment).
 */
export function withSchemeFigures(streams: readonly IncomeStream[], money: ReadonlyMap<number, SchemeMoney>): IncomeStream[] {
  return streams.map((stream) => {
    const scheme = stream.schemeId === null ? undefined : money.get(stream.schemeId);
    if (!scheme?.financialYear) return stream;
    const year = scheme.financialYear;
    const worked = scheme.figures ? { financialYear: year, amountPence: scheme.figures.invoicePence, practicesPence: scheme.figures.practicesPence } : stream.amounts.find((a) => a.financialYear === year);
    if (!worked) return stream;
    return { ...stream, amounts: [...stream.amounts.filter((a) => a.financialYear !== year), { ...worked, timing: scheme.timing }].sort((a, b) => a.financialYear.localeCompare(b.financialYear)) };
  });
}

export interface SchemeFeeLine {
  lineId: number;
  line: string;
  section: IeSection;
  schemeId: number;
  scheme: string;
  plannedPence: number;
  /** The fee the engine works out; null while there is none to work out (`note` says why). */
  workedOutPence: number | null;
  note: string | null;
  /** Worked out less planned; null while nothing is worked out. */
  differencePence: number | null;
}

export interface IeWithSchemeFees {
  lines: SchemeFeeLine[];
  /** Σ (worked out − planned) over the lines with a worked-out fee. */
  differencePence: number;
  totalIncomePence: number;
  resultPence: number;
}

/**
 * The I&E again with each scheme-fee line at the fee the engine works out rather than the planned
 * figure: the plan's own result is kept as it is, and this is the forecast beside it.
 */
export function ieWithSchemeFees(ie: IncomeAndExpenditure, money: ReadonlyMap<number, SchemeMoney>): IeWithSchemeFees {
  const lines = [...ie.secured, ...ie.potential]
    .filter((l) => l.schemeId !== null)
    .map((l): SchemeFeeLine => {
      const scheme = money.get(l.schemeId!);
      const workedOutPence = scheme?.figures?.feePence ?? null;
      const note = scheme?.note ?? (scheme?.figures && workedOutPence === null ? 'The scheme has no fee' : null);
      return { lineId: l.id, line: l.line, section: l.section, schemeId: l.schemeId!, scheme: scheme?.name ?? `scheme ${l.schemeId}`, plannedPence: l.amountPence, workedOutPence, differencePence: workedOutPence === null ? null : workedOutPence - l.amountPence, note };
    });
  const differencePence = lines.reduce((sum, l) => sum + (l.differencePence ?? 0), 0);
  return { lines, differencePence, totalIncomePence: ie.totalIncomePence + differencePence, resultPence: ie.resultPence + differencePence };
}
