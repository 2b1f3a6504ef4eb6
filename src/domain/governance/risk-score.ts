/**
 * Risk scoring on the NHS's usual 5 × 5 matrix: likelihood (1 rare … 5 almost certain) times impact
 * (1 negligible … 5 catastrophic), 1–25, in four bands.
 */
export const likelihoodLabels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const impactLabels = ['Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic'] as const;

/**
 * Registers such as ELR's give likelihood as a word or letter. Low, medium and high sit in the
 * middle of the five-point scale: L = 2 (unlikely), M = 3 (possible), H = 4 (likely).
 */
export const likelihoodWords: Record<string, number> = { l: 2, low: 2, m: 3, med: 3, medium: 3, h: 4, high: 4 };
export const likelihoodWordNote = 'Likelihood written L, M or H is scored L = 2 (unlikely), M = 3 (possible), H = 4 (likely).';

/** "M" → 3, "high" → 4, "5" → 5; undefined for anything else. */
export function likelihoodFromText(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^[1-5]$/.test(trimmed)) return Number(trimmed);
  return likelihoodWords[trimmed];
}

export function riskScore(likelihood: number | null | undefined, impact: number | null | undefined): number | null {
  return likelihood && impact ? likelihood * impact : null;
}

/** Whether a score can be a likelihood × impact of the 5 × 5 matrix (4, 6, 9 can; 7, 11, 13 cannot). */
export const isOnTheMatrix = (score: number) => [1, 2, 3, 4, 5].some((l) => score % l === 0 && score / l <= 5);

export const riskRatings = ['low', 'moderate', 'high', 'extreme'] as const;
export type RiskRating = (typeof riskRatings)[number];

/** Bands of the 5 × 5 matrix: 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme. */
export function riskRating(score: number | null): RiskRating | null {
  if (score === null) return null;
  if (score <= 3) return 'low';
  if (score <= 6) return 'moderate';
  if (score <= 12) return 'high';
  return 'extreme';
}

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  rating: RiskRating;
  refs: string[];
}

/**
 * The 5 × 5 heat map: rows from likelihood 5 (top) down to 1, columns impact 1 to 5, each cell
 * listing the risks in it. Risks with likelihood or impact unset are returned apart, not placed.
 */
export function heatMap(risks: readonly { ref: string; likelihood: number | null; impact: number | null }[]): { rows: HeatMapCell[][]; unplaced: string[] } {
  const rows: HeatMapCell[][] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    const row: HeatMapCell[] = [];
    for (let impact = 1; impact <= 5; impact++) {
      const score = likelihood * impact;
      row.push({ likelihood, impact, score, rating: riskRating(score)!, refs: [] });
    }
    rows.push(row);
  }
  const unplaced: string[] = [];
  for (const risk of risks) {
    if (risk.likelihood && risk.impact) rows[5 - risk.likelihood]![risk.impact - 1]!.refs.push(risk.ref);
    else unplaced.push(risk.ref);
  }
  return { rows, unplaced };
}

const risksNeed = (n: number, what: string) => `${n} ${n === 1 ? 'risk needs' : 'risks need'} ${what}`;

/**
 * Why the heat map is empty, when it is: "No open risk has both a likelihood and an impact yet: 4
 * risks need an impact" (the ELR register gives no impact). Null when a risk is on the map, or
 * when there is no open risk to place.
 */
export function emptyHeatMapReason(risks: readonly { likelihood: number | null; impact: number | null }[]): string | null {
  if (!risks.length || risks.some((r) => r.likelihood && r.impact)) return null;
  const count = (test: (r: (typeof risks)[number]) => boolean) => risks.filter(test).length;
  const needs = [
    [count((r) => Boolean(r.likelihood) && !r.impact), 'an impact'],
    [count((r) => !r.likelihood && Boolean(r.impact)), 'a likelihood'],
    [count((r) => !r.likelihood && !r.impact), 'a likelihood and an impact'],
  ] as const;
  return `No open risk has both a likelihood and an impact yet: ${needs.filter(([n]) => n > 0).map(([n, what]) => risksNeed(n, what)).join(', ')}.`;
}
