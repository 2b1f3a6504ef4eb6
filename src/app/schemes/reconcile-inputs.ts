import type { DeliveredRow, HandScheduleRow } from '../../db/repos/schemes.js';
import { AppError } from '../../domain/errors.js';
import { resolveDeliveredEntries } from '../../domain/schemes/delivered.js';
import { storedPractices, type StoredDefinition } from './resolve-practices.js';

export interface ReconciledInputs {
  delivered: DeliveredRow[];
  handSchedule: HandScheduleRow[];
  /** What no longer fits the terms and is left behind, in words. */
  dropped: string[];
}

/**
 * When a scheme's terms change, the activity and hand schedule recorded against it carry over as far
 * as they still make sense: figures for a practice or delivery model the scheme no longer has, or a
 * hand-schedule year outside its financial years, are dropped and named. Figures that remain must
 * pass the same checks as a fresh upload (e.g. whole appointments), or the edit is refused.
 */
export function reconcileInputs(definition: StoredDefinition, delivered: readonly DeliveredRow[], hand: readonly HandScheduleRow[]): ReconciledInputs {
  const codes = new Set(definition.practices.map((p) => p.odsCode));
  const models = new Set(definition.deliveryModels.map((m) => m.id));
  const years = new Set(definition.period.financialYears ?? []);
  const dropped: string[] = [];

  const keptDelivered = delivered.filter((row) => {
    const fits = codes.has(row.practiceCode) && models.has(row.modelId);
    if (!fits) dropped.push(`delivered ${row.modelId} activity of ${row.practiceCode}${row.week !== null ? ` in week ${row.week}` : ''}: ${codes.has(row.practiceCode) ? `no delivery model "${row.modelId}"` : 'the practice is no longer in the scheme'}`);
    return fits;
  });
  checkDelivered(definition, keptDelivered);

  const keptHand = hand.filter((row) => {
    const fits = !!definition.costModel && years.has(row.year) && (row.practiceCode === null || codes.has(row.practiceCode));
    if (!fits) dropped.push(`hand schedule ${row.year}${row.practiceCode ? ` for ${row.practiceCode}` : ''}: ${!definition.costModel ? 'the scheme has no cost model' : years.has(row.year) ? 'the practice is no longer in the scheme' : 'not one of the financial years'}`);
    return fits;
  });
  return { delivered: keptDelivered, handSchedule: keptHand, dropped };
}

/** Re-checks carried-over activity with the engine's own rules, one return per practice and week. */
function checkDelivered(definition: StoredDefinition, rows: readonly DeliveredRow[]): void {
  const returns = new Map<string, { practice: string; units: Record<string, number | null> }>();
  for (const row of rows) {
    const key = `${row.practiceCode}|${row.week ?? ''}`;
    const entry = returns.get(key) ?? { practice: row.practiceCode, units: {} };
    entry.units[row.modelId] = row.quantity;
    returns.set(key, entry);
  }
  const practices = storedPractices(definition);
  try {
    for (const entry of returns.values()) resolveDeliveredEntries([entry], practices, definition);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError('invalid', 'The delivered activity already recorded does not fit the new terms: record it again after the change, or keep the delivery models as they were', { problems: error.problems });
  }
}
