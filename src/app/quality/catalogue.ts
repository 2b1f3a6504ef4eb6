import type { Db } from '../../db/client.js';
import { type IndicatorLookupRow, listStoredIndicators, listThresholds, lookUpIndicator, periodsByIndicator } from '../../db/repos/quality.js';
import { notFound } from '../../domain/errors.js';
import { type Indicator, periodLabel, registeredPatientsIndicator } from '../../domain/quality/indicators.js';
import type { Threshold } from '../../domain/quality/comparisons.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

export interface CatalogueEntry extends Indicator {
  threshold: Threshold | null;
  /** Periods with figures, newest first, as stored (ISO dates) and as people read them. */
  periods: { period: string; label: string }[];
}

type StoredIndicator = Pick<Awaited<ReturnType<typeof listStoredIndicators>>[number], 'code' | 'name' | 'numeratorDefinition' | 'denominatorDefinition' | 'unit' | 'polarity' | 'source' | 'cadence'>;

const asIndicator = (row: StoredIndicator): Indicator => ({
  code: row.code,
  name: row.name,
  numeratorDefinition: row.numeratorDefinition,
  denominatorDefinition: row.denominatorDefinition,
  unit: row.unit as Indicator['unit'],
  polarity: row.polarity as Indicator['polarity'],
  source: row.source,
  cadence: row.cadence as Indicator['cadence'],
});

/** The catalogue: stored indicators and patients registered, each with its threshold and periods. */
export async function listIndicators(ctx: AppContext): Promise<CatalogueEntry[]> {
  authorize(ctx.actor, 'indicator', 'read');
  const [stored, thresholds, periods] = await Promise.all([listStoredIndicators(ctx.db), listThresholds(ctx.db), periodsByIndicator(ctx.db)]);
  const thresholdOf = new Map(thresholds.map((t) => [t.indicatorCode, { minimum: t.minimum, target: t.target }]));
  return [registeredPatientsIndicator, ...stored.map(asIndicator)].map((indicator) => ({
    ...indicator,
    threshold: thresholdOf.get(indicator.code) ?? null,
    periods: (periods.get(indicator.code) ?? []).map((period) => ({ period, label: periodLabel(period, indicator.cadence) })),
  }));
}

/** The indicator and threshold of a looked-up row; not found when the catalogue lacks the indicator. */
export function indicatorOf(row: IndicatorLookupRow, code: string): { indicator: Indicator; threshold: Threshold | null } {
  const indicator = code === registeredPatientsIndicator.code ? registeredPatientsIndicator : row.code ? asIndicator(row as StoredIndicator) : null;
  if (!indicator) throw notFound(`Indicator ${code}`);
  return { indicator, threshold: row.threshold_for !== null ? { minimum: row.minimum, target: row.target } : null };
}

/** One indicator with its threshold; not found when the catalogue lacks it. */
export async function loadIndicator(db: Db, code: string): Promise<{ indicator: Indicator; threshold: Threshold | null }> {
  return indicatorOf(await lookUpIndicator(db, code), code);
}
