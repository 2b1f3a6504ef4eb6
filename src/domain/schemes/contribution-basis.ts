import { formatList } from '../words.js';
import type { SchemeDefinition } from './scheme-definition.js';

/**
 * Which cost a schedule of practice contributions takes off the funding (DOMAIN 4.2): each year's
 * cost with the annual uplift (the cost model as written), or the year-1 cost in every year, as the
 * pharmacists scheme's 2018 spreadsheet did. Both are shown, and each says which it is.
 */
export type ContributionBasisKind = 'uplifted_cost' | 'year_1_cost';

export interface ContributionBasis {
  kind: ContributionBasisKind;
  /** "uplifted cost less NHS England funding", read after "Contributions: " or in a sentence. */
  label: string;
}

/** "NHS England funding", "NHS England and ELR CCG funding": the sources that give anything. */
function fundingWords(definition: SchemeDefinition): string | null {
  const giving = definition.fundingSources.filter((s) => s.amounts.some((amount) => amount !== 0)).map((s) => s.source);
  return giving.length ? `${formatList(giving)} funding` : null;
}

/** A cost model whose cost rises after year 1, so the two schedules differ and both are offered. */
export function hasUpliftedYears(definition: SchemeDefinition): boolean {
  return Boolean(definition.costModel && definition.costModel.annualUpliftPercent !== 0 && (definition.period.financialYears?.length ?? 0) > 1);
}

/** The basis of a schedule: with no uplift to leave out, the cost is the cost, whichever is asked for. */
export function contributionBasis(definition: SchemeDefinition, kind: ContributionBasisKind): ContributionBasis {
  const cost = !hasUpliftedYears(definition) ? 'cost' : kind === 'uplifted_cost' ? 'uplifted cost' : 'year-1 cost';
  const funding = fundingWords(definition);
  return { kind, label: funding ? `${cost} less ${funding}` : `${cost}, with no funding` };
}

/** "Contributions: uplifted cost less NHS England funding", as a schedule is labelled wherever it is shown. */
export const contributionsLabel = (basis: ContributionBasis): string => `Contributions: ${basis.label}`;
