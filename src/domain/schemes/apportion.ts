import { AppError, type Problem } from '../errors.js';
import { findPractice, type SchemePractice } from './practices.js';
import type { SchemeDefinition } from './scheme-definition.js';
import { decimalPlacesOf, ratio, stepsAsFigure, sum, type ExactNumber, type Ratio, type RoundingRule } from './rounding.js';

export type ApportionmentBasis = SchemeDefinition['apportionment']['basis'];

/** One practice's weight in the sharing: its list size, weighted list, 1 (equal shares) or its fixed percentage. */
export interface PracticeWeight {
  practice: SchemePractice;
  weight: Ratio;
}

export interface Apportionment {
  basis: ApportionmentBasis;
  weights: PracticeWeight[];
  totalWeight: Ratio;
}

export const basisDescriptions: Record<ApportionmentBasis, string> = {
  list_size: 'by registered list size',
  weighted_list_size: 'by weighted list size',
  equal: 'in equal shares',
  fixed: 'by a fixed table of shares',
};

function locate(practice: SchemePractice, field: string) {
  return { ...(practice.source ?? {}), field };
}

/**
 * Works out each practice's weight under the scheme's basis. Every practice must have the figure
 * the basis needs: a practice with no list size is refused, naming the practice.
 */
export function weighPractices(practices: readonly SchemePractice[], apportionment: SchemeDefinition['apportionment']): Apportionment {
  const problems: Problem[] = [];
  const { basis } = apportionment;
  const weights: PracticeWeight[] = [];
  const fixed = new Map<SchemePractice, number>();
  if (basis === 'fixed') {
    apportionment.fixedShares?.forEach((entry, i) => {
      const practice = findPractice(practices, entry.practice);
      if (!practice) problems.push({ field: `apportionment.fixedShares.${i}.practice`, message: `practice "${entry.practice}" is not one of the scheme’s practices` });
      else fixed.set(practice, entry.percent);
    });
  }
  for (const practice of practices) {
    let weight: number | undefined;
    if (basis === 'list_size') weight = practice.listSize;
    else if (basis === 'weighted_list_size') weight = practice.weightedListSize;
    else if (basis === 'equal') weight = 1;
    else weight = fixed.get(practice);
    if (weight === undefined) {
      const missing = basis === 'list_size' ? 'list size' : basis === 'weighted_list_size' ? 'weighted list size' : 'fixed share';
      problems.push({ ...locate(practice, basis === 'fixed' ? 'apportionment.fixedShares' : basis === 'list_size' ? 'listSize' : 'weightedListSize'), message: `practice "${practice.name}" has no ${missing}` });
      continue;
    }
    weights.push({ practice, weight: ratio(weight) });
  }
  if (problems.length) throw new AppError('invalid', `Cannot share the scheme out ${basisDescriptions[basis]}`, { problems });
  const totalWeight = sum(weights.map((w) => w.weight));
  if (totalWeight.isZero()) throw new AppError('invalid', `Cannot share the scheme out ${basisDescriptions[basis]}: the practices’ total is zero`, { problems: [{ field: 'practices', message: 'the weights add up to zero' }] });
  return { basis, weights, totalWeight };
}

/** A practice's share of the whole, unrounded (e.g. 9,301 / 327,255). */
export function apportionedShare(apportionment: Apportionment, weight: Ratio): Ratio {
  return weight.div(apportionment.totalWeight);
}

const sharesCache = new WeakMap<Apportionment, Ratio[]>();

/** Every practice's share, in the apportionment's order; worked out once however many tables need them. */
export function sharesOf(apportionment: Apportionment): Ratio[] {
  let shares = sharesCache.get(apportionment);
  if (!shares) {
    shares = apportionment.weights.map((w) => apportionedShare(apportionment, w.weight));
    sharesCache.set(apportionment, shares);
  }
  return shares;
}

const percentsCache = new WeakMap<Apportionment, Map<RoundingRule, number[]>>();

/** Every practice's share as a rounded percentage (the allocation and the schedule both show it): worked out once. */
export function sharePercentsOf(apportionment: Apportionment, rule: RoundingRule): number[] {
  let byRule = percentsCache.get(apportionment);
  if (!byRule) percentsCache.set(apportionment, (byRule = new Map()));
  let percents = byRule.get(rule);
  if (!percents) {
    // Each share is rounded on its own, as roundByRule does, even under a largest-remainder rule.
    const places = decimalPlacesOf(rule);
    percents = sharesOf(apportionment).map((share) => stepsAsFigure(share.times(100).roundedSteps(places), rule, false));
    byRule.set(rule, percents);
  }
  return percents;
}

/**
 * Shares `total` out by weight, unrounded. Multiplies before dividing, so that a share of a whole
 * number that ends in an exact half (1642.5) stays exactly a half.
 */
export function apportion(total: ExactNumber, apportionment: Apportionment): Ratio[] {
  const whole = ratio(total).reduced();
  return sharesOf(apportionment).map((share) => whole.times(share));
}

/** Shares `total` out by weight among some of the practices only (used when capacity is handed on). */
export function apportionAmong(total: ExactNumber, weights: readonly ExactNumber[]): Ratio[] {
  const whole = ratio(total);
  const exactWeights = weights.map((w) => ratio(w));
  const totalWeight = sum(exactWeights);
  if (totalWeight.isZero()) return weights.map(() => ratio(0));
  return exactWeights.map((weight) => whole.times(weight).div(totalWeight));
}
