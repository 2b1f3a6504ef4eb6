/** The shapes the quality pages read from the API (src/api/routes/quality.ts). */
import type { FunnelChartData, SpcChartPoint } from '../../../domain/quality/chart-options.js';
import type { Threshold } from '../../../domain/quality/comparisons.js';
import type { Indicator } from '../../../domain/quality/indicators.js';

export type { FunnelChartData, Indicator, SpcChartPoint, Threshold };

export interface CatalogueEntry extends Indicator {
  threshold: Threshold | null;
  periods: { period: string; label: string }[];
}

// Type-only: the API's response shapes, as the use cases declare them (nothing is bundled from there).
export type { Dashboard, DashboardRow } from '../../../app/quality/dashboard.js';
export type { PracticeIndicator } from '../../../app/quality/practice-indicator.js';
export type { PackIndicator, ReviewPack } from '../../../app/quality/review-pack.js';
export type { SchemeEvaluationView as SchemeEvaluation } from '../../../app/quality/scheme-evaluation.js';
export type { PracticeSpc } from '../../../domain/quality/practice-series.js';
