import { AppError, type Problem } from '../errors.js';
import { type Departure, schemeDepartureSentences, schemeSpan } from '../groups/departures.js';
import { allocateScheme, type Allocation } from './allocation.js';
import { weighPractices } from './apportion.js';
import type { DeliveredActivity } from './delivered.js';
import { hasUpliftedYears } from './contribution-basis.js';
import { compareHandSchedule, type ScheduleDifferences } from './differences.js';
import { formatFigure } from './format-money.js';
import { resolveHandScheduleEntries, type HandSchedule } from './hand-schedule.js';
import { buildMultiYearSchedule, type MultiYearSchedule } from './multi-year.js';
import { calculatePayments, type Payments } from './payments.js';
import { findPractice, participatingPractices, type SchemePractice } from './practices.js';
import { reallocateCapacity, type CapacityRelease, type Reallocation } from './reallocation.js';
import { describeRoundingRule, exact, roundingRuleLabel, toPence, totalsRuleDescriptions, type ColumnTotal } from './rounding.js';
import type { SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { buildStatements, type PracticeStatement } from './statement.js';

export interface SchemeRunInput {
  definition: SchemeDefinition;
  /** The resolved practice list: from the scheme file's table, or from a registry list snapshot. */
  practices: readonly SchemePractice[];
  delivered?: readonly DeliveredActivity[] | null;
  /** A hand schedule read from a file; when absent, one written inline in the definition is used. */
  handSchedule?: HandSchedule | null;
  /** Release the whole allocation of every practice whose activity return says it did not take part. */
  reallocateDeclined?: boolean;
  /** Practices that have closed or left the scheme's group (from the registry): warned of where that was before the scheme ended. */
  departures?: readonly Departure[];
}

/** Where a column's rounded rows fail to add up to its TOTAL, and which rule the TOTAL follows. */
export interface FootingNote {
  table: 'allocation' | 'payments' | 'schedule' | 'year_1_schedule' | 'reallocation';
  column: string;
  total: number;
  sumOfRoundedRows: number;
  footingDifference: number;
  money: boolean;
  rowRule: string;
  totalsRule: string;
  note: string;
}

export interface SchemeRun {
  scheme: {
    id: string | null;
    name: string;
    version: number;
    funder: string;
    period: SchemeDefinition['period'];
    listSnapshot: SchemeDefinition['listSnapshot'] | null;
    basis: SchemeDefinition['apportionment']['basis'];
  };
  allocation: Allocation;
  payments: Payments | null;
  reallocation: Reallocation | null;
  /** The practices' contributions: each year's uplifted cost less its funding (the cost model as written). */
  multiYear: MultiYearSchedule | null;
  /**
   * The other schedule (DOMAIN 4.2): the year-1 cost in every year less its funding, as a spreadsheet
   * that leaves the uplift out works it out. Offered beside the first where the uplift makes them differ.
   */
  year1Schedule: MultiYearSchedule | null;
  differences: ScheduleDifferences | null;
  statements: PracticeStatement[];
  footing: FootingNote[];
  warnings: SchemeWarning[];
}

/** Column ids in words, for notes people read: "delivered_cost" → "delivered cost", "per_week" → "a week". */
const columnWordsFor: Record<string, string> = { per_week: 'a week', grand_total: 'total to invoice', wte_days: 'WTE days', gbp: 'pounds', contribution_total: 'practices’ contributions, all years' };
export const columnWords = (column: string): string => columnWordsFor[column] ?? column.replace(/_(\d{4})_(\d{2})$/, ' $1/$2').replaceAll('_', ' ').replace(/\bwte\b/g, 'WTE').replace(/\bgp\b/g, 'GP');

/** The grand total's "rows" are the cost and fee totals as shown. */
const partsLabels: Record<string, string> = { grand_total: 'the delivered cost and fee as shown' };

/** Tables whose columns share names with another's say which they are in their notes. */
export const footingTableWords: Partial<Record<FootingNote['table'], string>> = { year_1_schedule: 'schedule at year-1 cost' };

/** Money shared per head is counted in pounds (its unit is gbp): its footing is money, in pence like every other. */
function asMoney(total: ColumnTotal): ColumnTotal {
  if (total.money || total.column !== 'gbp') return total;
  const pence = (pounds: number) => toPence(exact(pounds));
  return { ...total, total: pence(total.total), sumOfRoundedRows: pence(total.sumOfRoundedRows), footingDifference: pence(total.footingDifference), money: true };
}

export function footingNote(table: FootingNote['table'], counted: ColumnTotal): FootingNote {
  const total = asMoney(counted);
  const shown = formatFigure(total.total, total.money);
  const rows = formatFigure(total.sumOfRoundedRows, total.money);
  const gap = formatFigure(Math.abs(total.footingDifference), total.money);
  const parts = partsLabels[total.column] ?? 'the rounded rows';
  const foots = total.footingDifference === 0 ? `${parts} add up to it exactly` : `${parts} add up to ${rows} (${gap} ${total.footingDifference > 0 ? 'more' : 'less'})`;
  return {
    table,
    column: total.column,
    total: total.total,
    sumOfRoundedRows: total.sumOfRoundedRows,
    footingDifference: total.footingDifference,
    money: total.money,
    rowRule: describeRoundingRule(total.rowRule),
    totalsRule: totalsRuleDescriptions[total.totalsRule],
    note: `${footingTableWords[table] ? `${footingTableWords[table]}, ` : ''}${columnWords(total.column)} (rows ${roundingRuleLabel(total.rowRule)}): total ${shown}; ${foots}`,
  };
}

function collectFooting(allocation: Allocation, payments: Payments | null, multiYear: MultiYearSchedule | null, year1Schedule: MultiYearSchedule | null, reallocation: Reallocation | null): FootingNote[] {
  const a = allocation.totals;
  const notes: FootingNote[] = [a.quantity, ...(a.perWeek ? [a.perWeek] : []), ...a.models.flatMap((m) => [...(m.hours ? [m.hours] : []), m.cost])].map((t) => footingNote('allocation', t));
  if (payments) {
    const p = payments.totals;
    notes.push(...[p.amount, ...(p.fee ? [p.fee] : []), p.grandTotal].map((t) => footingNote('payments', t)));
  }
  if (multiYear) {
    const m = multiYear.totals;
    notes.push(...[m.gross, m.contribution, ...m.practicesByYear, m.practicesAllYears].map((t) => footingNote('schedule', t)));
  }
  // Its year totals are one cost less the funding, so only the practices' columns can fail to foot.
  if (year1Schedule) notes.push(...[...year1Schedule.totals.practicesByYear, year1Schedule.totals.practicesAllYears].map((t) => footingNote('year_1_schedule', t)));
  if (reallocation) notes.push(...Object.values(reallocation.totals).map((t) => footingNote('reallocation', t)));
  return notes;
}

function releasesFor(definition: SchemeDefinition, practices: readonly SchemePractice[], delivered: readonly DeliveredActivity[], declinedFromReturns: boolean): CapacityRelease[] | null {
  const config = definition.reallocation;
  if (!config && !declinedFromReturns) return null;
  const problems: Problem[] = [];
  const releases: CapacityRelease[] = [];
  config?.releases.forEach((release, i) => {
    const practice = findPractice(practices, release.practice);
    if (!practice) problems.push({ field: `reallocation.releases.${i}.practice`, message: `practice "${release.practice}" is not one of the scheme’s practices` });
    else releases.push({ practiceKey: practice.key, quantity: release.quantity, reason: release.reason });
  });
  if (problems.length) throw new AppError('invalid', 'The reallocation is not valid', { problems });
  if (config?.declinedFromReturns || declinedFromReturns) {
    for (const ret of delivered) {
      if (ret.takesPart === 'no' && !releases.some((r) => r.practiceKey === ret.practiceKey)) releases.push({ practiceKey: ret.practiceKey, quantity: 'all', reason: 'declined' });
    }
  }
  return releases;
}

/** A warning for each taking part that closed or left the group before the scheme ended (a scheme whose period has no dates has none). */
function departureWarnings(definition: SchemeDefinition, practices: readonly SchemePractice[], departures: readonly Departure[]): SchemeWarning[] {
  const span = schemeSpan(definition.period);
  const taking = new Set(practices.map((p) => p.key));
  if (!span || !departures.length) return [];
  return schemeDepartureSentences(departures.filter((d) => taking.has(d.practiceKey)), span, definition.listSnapshot?.date ?? null).map((d) => ({ severity: 'warning', code: 'practice_gone', practiceKey: d.practiceKey, message: d.message }));
}

/**
 * Runs a scheme from its definition and resolved inputs: allocation, payments on delivered
 * activity, reallocation of released capacity, the multi-year schedule, the comparison with a hand
 * schedule, statements, footing notes and warnings. Pure: the caller reads files or the database.
 */
export function runScheme(input: SchemeRunInput): SchemeRun {
  const { definition } = input;
  const practices = participatingPractices(input.practices);
  const apportionment = weighPractices(practices, definition.apportionment);
  const allocation = allocateScheme(definition, apportionment);
  const delivered = input.delivered ?? [];
  const payments = input.delivered ? calculatePayments(definition, allocation, delivered) : null;
  const releases = releasesFor(definition, practices, delivered, input.reallocateDeclined ?? false);
  const reallocation = releases
    ? reallocateCapacity(allocation, apportionment, releases, definition.reallocation?.rounding ?? definition.rounding.quantity, definition.rounding.totals)
    : null;
  const multiYear = definition.costModel ? buildMultiYearSchedule(definition, apportionment) : null;
  let hand = input.handSchedule ?? null;
  if (!hand && definition.handSchedule?.entries) {
    hand = { label: definition.handSchedule.label, description: definition.handSchedule.description ?? null, entries: resolveHandScheduleEntries(definition, input.practices) };
  }
  const differences = hand && multiYear ? compareHandSchedule(definition, apportionment, multiYear, hand) : null;

  const warnings: SchemeWarning[] = [
    ...practices.filter((p) => p.participation === 'unknown').map((p): SchemeWarning => ({ severity: 'note', code: 'participation_unknown', practiceKey: p.key, message: `${p.name} has not confirmed it is taking part; it is included in the allocation` })),
    ...departureWarnings(definition, practices, input.departures ?? []),
    ...(payments?.warnings ?? []),
    ...(multiYear?.warnings ?? []),
    ...(differences?.rows ?? [])
      .filter((d) => d.cause === 'unexplained' && d.scope !== 'practice_year')
      .map((d): SchemeWarning => ({ severity: 'warning', code: 'hand_schedule_unexplained', practiceKey: d.practiceKey, message: `${d.year ?? 'all years'}${d.practiceName ? `, ${d.practiceName}` : ''}: ${d.explanation}` })),
  ];

  // Statements are documents for people, built when first read: an API call for one practice's
  // statement, or a run over every practice in England, should not write thousands of them. The
  // other schedule too (and so the footing notes that include it): it costs as much as the first.
  let statements: PracticeStatement[] | undefined;
  let year1Schedule: MultiYearSchedule | null | undefined;
  const otherSchedule = () => (year1Schedule ??= multiYear && hasUpliftedYears(definition) ? buildMultiYearSchedule(definition, apportionment, { withoutUplift: true }) : null);
  let footing: FootingNote[] | undefined;
  return {
    scheme: {
      id: definition.id ?? null,
      name: definition.name,
      version: definition.version,
      funder: definition.funder,
      period: definition.period,
      listSnapshot: definition.listSnapshot ?? null,
      basis: definition.apportionment.basis,
    },
    allocation,
    payments,
    reallocation,
    multiYear,
    get year1Schedule() {
      return otherSchedule();
    },
    differences,
    get statements() {
      statements ??= buildStatements(definition, allocation, payments, multiYear, warnings);
      return statements;
    },
    get footing() {
      footing ??= collectFooting(allocation, payments, multiYear, otherSchedule(), reallocation);
      return footing;
    },
    warnings,
  };
}
