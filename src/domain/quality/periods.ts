/**
 * The periods of a time series, and the checks that keep an SPC chart honest: a missing month or a
 * repeated one would silently move every later point, and the run and trend rules count points, not
 * dates. NHSRplotthedots asks for "no gaps in the time series" (ptd_spc documentation) but does not
 * check; we do. Periods are months (2024-03), dates (2024-03-01) or whole numbers (1, 2, 3).
 */

export type PeriodKind = 'month' | 'date' | 'number';

export interface Period {
  label: string;
  kind: PeriodKind;
  /** Months since year 0 for months; days since 1970-01-01 for dates; the number itself otherwise. */
  ordinal: number;
}

export interface SeriesProblem {
  /** Position in the input of the row the problem is about. */
  index: number;
  /** For a duplicate, the position of the period's earlier occurrence. */
  duplicateOf?: number;
  message: string;
}

export function parsePeriod(text: string): Period | null {
  const label = text.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { label, kind: 'month', ordinal: Number(m[1]) * 12 + month - 1 } : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const time = Date.UTC(year, month - 1, day);
    const date = new Date(time);
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return { label, kind: 'date', ordinal: time / 86_400_000 };
  }
  if (/^-?\d+$/.test(label)) return { label, kind: 'number', ordinal: Number(label) };
  return null;
}

const monthLabel = (months: number) => `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
const dateLabel = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);

/**
 * Orders the series by period and reports what would make it untrustworthy: mixed kinds of period,
 * a period given twice, and gaps. The cadence is the smallest step between consecutive periods, in
 * months when every date is the 1st of a month (monthly data written as dates), otherwise in days.
 * Returns the input positions in period order.
 */
export function orderSeries(periods: readonly Period[]): { order: number[]; problems: SeriesProblem[] } {
  const problems: SeriesProblem[] = [];
  if (periods.length === 0) return { order: [], problems };
  const kind = periods[0]!.kind;
  periods.forEach((p, index) => {
    if (p.kind !== kind) problems.push({ index, message: `period '${p.label}' is a ${p.kind} but the series began with a ${kind} ('${periods[0]!.label}')` });
  });
  if (problems.length > 0) return { order: periods.map((_, i) => i), problems };

  const monthlyDates = kind === 'date' && periods.every((p) => p.label.endsWith('-01'));
  const position = (p: Period) => {
    if (!monthlyDates) return p.ordinal;
    const d = new Date(p.ordinal * 86_400_000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const order = periods.map((_, i) => i).sort((a, b) => position(periods[a]!) - position(periods[b]!) || a - b);

  const steps: number[] = [];
  for (let k = 1; k < order.length; k++) {
    const [before, after] = [periods[order[k - 1]!]!, periods[order[k]!]!];
    const step = position(after) - position(before);
    if (step === 0) problems.push({ index: order[k]!, duplicateOf: order[k - 1]!, message: `period '${after.label}' appears more than once` });
    else steps.push(step);
  }
  if (steps.length === 0) return { order, problems };

  const cadence = Math.min(...steps);
  const unit = kind === 'month' || monthlyDates ? 'month' : kind === 'date' ? 'day' : 'step';
  const describe = (value: number) =>
    kind === 'month' ? monthLabel(value) : monthlyDates ? `${monthLabel(value)}-01` : kind === 'date' ? dateLabel(value) : String(value);
  for (let k = 1; k < order.length; k++) {
    const [before, after] = [periods[order[k - 1]!]!, periods[order[k]!]!];
    const step = position(after) - position(before);
    if (step === 0 || step === cadence) continue;
    if (step % cadence !== 0) {
      problems.push({ index: order[k]!, message: `period '${after.label}' is ${step} ${unit}s after '${before.label}', not a whole number of the series' ${cadence}-${unit} steps` });
      continue;
    }
    const missing = Array.from({ length: step / cadence - 1 }, (_, i) => describe(position(before) + cadence * (i + 1)));
    const shown = missing.length > 6 ? [...missing.slice(0, 6), '…'] : missing;
    problems.push({
      index: order[k]!,
      message: `${missing.length} period${missing.length === 1 ? ' is' : 's are'} missing between '${before.label}' and '${after.label}' (${shown.join(', ')})`,
    });
  }
  return { order, problems };
}
