import { AppError, type Problem } from '../errors.js';
import { quantityShared, type Allocation } from './allocation.js';
import { apportion, apportionAmong, basisDescriptions, type Apportionment } from './apportion.js';
import { formatQuantity } from './format-money.js';
import { describeRoundingRule, ratio, roundColumn, sum, totalColumn, ZERO, type ColumnTotal, type QuantityRoundingRule, type Ratio, type TotalsRule } from './rounding.js';

/** Capacity a practice gives back: all of its allocation, or a number of units it will not use. */
export interface CapacityRelease {
  practiceKey: string;
  quantity: number | 'all';
  reason: 'declined' | 'unused';
}

export interface ReallocationRow {
  practiceKey: string;
  practiceName: string;
  weight: string;
  before: number;
  beforeExact: string;
  released: number;
  releasedExact: string;
  received: number;
  receivedExact: string;
  after: number;
  afterExact: string;
  reason: CapacityRelease['reason'] | null;
}

export interface Reallocation {
  /** The rule in words, e.g. "202.44 appointments released by 3 practices are shared among the other 28 by registered list size". */
  rule: string;
  rounding: QuantityRoundingRule;
  roundingDescription: string;
  releasedExact: string;
  rows: ReallocationRow[];
  totals: { before: ColumnTotal; released: ColumnTotal; received: ColumnTotal; after: ColumnTotal };
}

/**
 * Hands capacity that practices decline or leave unused to the practices that keep theirs, in
 * proportion to the scheme's basis (list share among the receiving practices only). The before and
 * after columns are rounded by `rule` from unrounded figures; with a largest-remainder rule the
 * after column adds up exactly to the scheme's quantity.
 */
export function reallocateCapacity(
  allocation: Allocation,
  apportionment: Apportionment,
  releases: readonly CapacityRelease[],
  rule: QuantityRoundingRule,
  totalsRule: TotalsRule,
): Reallocation {
  const problems: Problem[] = [];
  const releaseByKey = new Map<string, CapacityRelease>();
  for (const release of releases) {
    if (releaseByKey.has(release.practiceKey)) problems.push({ field: 'reallocation.releases', message: `practice ${release.practiceKey} releases capacity twice` });
    releaseByKey.set(release.practiceKey, release);
  }
  // The allocation's unrounded quantities, worked out again exactly from the same apportionment.
  const before = apportion(quantityShared(allocation, allocation.listSizeTotal), apportionment);
  const released = allocation.rows.map((row, i): Ratio => {
    const release = releaseByKey.get(row.practiceKey);
    releaseByKey.delete(row.practiceKey);
    if (!release) return ZERO;
    if (release.quantity === 'all') return before[i]!;
    if (before[i]!.comparedTo(release.quantity) < 0) {
      problems.push({ field: 'reallocation.releases', message: `${row.practiceName} cannot release ${formatQuantity(release.quantity, allocation.unitLabel)}: its allocation is ${row.quantity}` });
    }
    return ratio(release.quantity);
  });
  for (const key of releaseByKey.keys()) problems.push({ field: 'reallocation.releases', message: `practice ${key} is not in the allocation` });
  const receiving = allocation.rows.map((row) => !releases.some((r) => r.practiceKey === row.practiceKey));
  if (releases.length > 0 && !receiving.some(Boolean)) problems.push({ field: 'reallocation.releases', message: 'every practice releases capacity, so nobody is left to receive it' });
  if (problems.length) throw new AppError('invalid', 'The reallocation is not valid', { problems });

  const releasedTotal = sum(released);
  const weights = apportionment.weights.map((w, i) => (receiving[i] ? w.weight : ZERO));
  const received = apportionAmong(releasedTotal, weights);
  const after = before.map((b, i) => b.minus(released[i]!).plus(received[i]!));
  const [roundedBefore, roundedReleased, roundedReceived, roundedAfter] = [before, released, received, after].map((column) => roundColumn(column, rule)) as [Ratio[], Ratio[], Ratio[], Ratio[]];

  const givers = releases.length;
  const takers = receiving.filter(Boolean).length;
  return {
    rule: givers === 0 ? 'No practice releases capacity, so each keeps its allocation' : `${releasedTotal.roundHalfUp(2).toString()} ${allocation.unitLabel} released by ${givers} practice${givers === 1 ? '' : 's'} are shared among the other ${takers} ${basisDescriptions[allocation.basis]}, working from unrounded figures`,
    rounding: rule,
    roundingDescription: describeRoundingRule(rule),
    releasedExact: releasedTotal.toString(),
    rows: allocation.rows.map((row, i) => ({
      practiceKey: row.practiceKey,
      practiceName: row.practiceName,
      weight: row.weight,
      before: roundedBefore[i]!.toNumber(),
      beforeExact: before[i]!.toString(),
      released: roundedReleased[i]!.toNumber(),
      releasedExact: released[i]!.toString(),
      received: roundedReceived[i]!.toNumber(),
      receivedExact: received[i]!.toString(),
      after: roundedAfter[i]!.toNumber(),
      afterExact: after[i]!.toString(),
      reason: releases.find((r) => r.practiceKey === row.practiceKey)?.reason ?? null,
    })),
    totals: {
      before: totalColumn('before', before, roundedBefore, rule, totalsRule, false),
      released: totalColumn('released', released, roundedReleased, rule, totalsRule, false),
      received: totalColumn('received', received, roundedReceived, rule, totalsRule, false),
      after: totalColumn('after', after, roundedAfter, rule, totalsRule, false),
    },
  };
}
