import type { IndicatorUnit, Polarity } from './indicators.js';

/** An indicator's minimum standard and target, in its unit (a percentage for a proportion). */
export interface ThresholdFigures {
  minimum: number | null;
  target: number | null;
}

/**
 * What is wrong with a minimum and target for an indicator of this unit and polarity, one problem
 * per figure at fault: a percentage outside 0–100, a negative rate, count or time, or a target on
 * the worse side of the minimum (below it when higher is better, above it when lower is better).
 */
export function thresholdProblems(unit: IndicatorUnit, polarity: Polarity, figures: ThresholdFigures): { field: keyof ThresholdFigures; message: string }[] {
  const problems: { field: keyof ThresholdFigures; message: string }[] = [];
  for (const field of ['minimum', 'target'] as const) {
    const value = figures[field];
    if (value === null) continue;
    if (unit === 'proportion' && (value < 0 || value > 100)) problems.push({ field, message: `must be a percentage from 0 to 100 (it is ${value})` });
    else if (value < 0) problems.push({ field, message: `must not be negative (it is ${value})` });
  }
  const { minimum, target } = figures;
  if (!problems.length && minimum !== null && target !== null) {
    if (polarity === 'higher' && target < minimum) problems.push({ field: 'target', message: `must be at least the minimum (${minimum}), since a higher figure is better` });
    if (polarity === 'lower' && target > minimum) problems.push({ field: 'target', message: `must be no more than the maximum (${minimum}), since a lower figure is better` });
  }
  return problems;
}
