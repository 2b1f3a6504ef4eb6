import { financialYearStart } from '../finance/financial-year.js';
import type { SchemeDefinition } from './scheme-definition.js';

/**
 * A scheme's terms to start another scheme from, typically next year's: the same sharing, units,
 * delivery models, fee, rounding and cost model, moved on a year (its financial years, its dates,
 * and a year in its name), and without what belonged to the old scheme alone: its practices, list
 * snapshot, activity returns file, hand schedule and reallocation. Its list-size snapshot is
 * chosen afresh, so the new scheme is shared on the new year's lists.
 */
export function termsForNextScheme(definition: SchemeDefinition): SchemeDefinition {
  const { id: _id, practices: _practices, listSnapshot: _snapshot, delivered: _delivered, handSchedule: _hand, reallocation: _reallocation, ...terms } = definition;
  const { start, end, financialYears, ...period } = definition.period;
  return {
    ...terms,
    version: 1,
    name: nameForNextYear(definition.name),
    period: {
      ...period,
      ...(start ? { start: dateAYearOn(start) } : {}),
      ...(end ? { end: endDateAYearOn(end) } : {}),
      ...(financialYears ? { financialYears: financialYears.map(financialYearAYearOn) } : {}),
    },
  };
}

/** Two years that follow each other, as financial years are written: 2017/18, 2017-18, 17/18, 2017/2018. */
const financialYearInName = /\b(\d{4}|\d{2})([/-])(\d{4}|\d{2})\b/g;

/** "2017-18" → "2018-19", "17/18" → "18/19": a year on, written as it was; two numbers that are not a financial year stay. */
function writtenFinancialYearAYearOn(text: string, first: string, separator: string, second: string): string {
  if (financialYearStart(`${first}/${second}`) === null) return text;
  const on = (year: string) => String((Number(year) + 1) % 10 ** year.length).padStart(year.length, '0');
  return `${on(first)}${separator}${on(second)}`;
}

/** "Winter access scheme 2017/18" (or 2017-18, 17/18) → "… 2018/19"; "Winter top-up 2017" → "… 2018"; a name with no year → "… (copy)". */
export function nameForNextYear(name: string): string {
  const moved = name.replace(financialYearInName, writtenFinancialYearAYearOn);
  if (moved !== name) return moved;
  if (/\b(19|20)\d{2}\b/.test(name)) return name.replace(/\b(19|20)\d{2}\b/g, (year) => String(Number(year) + 1));
  return `${name} (copy)`;
}

/** "2017/18" → "2018/19"; "2099/00" → "2100/01". */
export function financialYearAYearOn(year: string): string {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The same day a year on, written YYYY-MM-DD; 29 February becomes 28 February. */
export function dateAYearOn(iso: string): string {
  const [year, month, day] = iso.split('-');
  const nextDay = month === '02' && day === '29' ? '28' : day;
  return `${Number(year) + 1}-${month}-${nextDay}`;
}

/** 28 or 29 February of a year, written YYYY-MM-DD: the day before 1 March. */
const lastOfFebruary = (year: number) => `${year}-02-${new Date(Date.UTC(year, 2, 0)).getUTCDate()}`;

/**
 * A period's last day a year on: the last day of February stays the last day of February, so a
 * winter scheme to 28 February 2027 runs to 29 February 2028 (not a day short), and one to
 * 29 February 2028 to 28 February 2029. Any other day is the same day a year on.
 */
export function endDateAYearOn(iso: string): string {
  const year = Number(iso.slice(0, 4));
  return iso === lastOfFebruary(year) ? lastOfFebruary(year + 1) : dateAYearOn(iso);
}
