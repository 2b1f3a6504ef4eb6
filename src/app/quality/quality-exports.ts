import { funnelChartOption } from '../../domain/quality/chart-options.js';
import { unitLabels } from '../../domain/quality/indicators.js';
import { type Column, toXlsx } from '../export/tabular.js';
import type { AppContext } from '../context.js';
import { type DashboardQuery, getDashboard } from './dashboard.js';
import { getReviewPack, type PackIndicator, type PackPracticeRow } from './review-pack.js';

type PackLine = PackPracticeRow & { pack: PackIndicator };

const round = (value: number | null, places = 2) => (value === null ? null : Number(value.toFixed(places)));

const packColumns: Column<PackLine>[] = [
  { header: 'ODS code', value: (r) => r.practiceCode },
  { header: 'Practice', value: (r) => r.practiceName },
  { header: 'Indicator', value: (r) => r.pack.indicator.name },
  { header: 'Unit', value: (r) => unitLabels[r.pack.indicator.unit] },
  { header: 'Period', value: (r) => r.pack.periodLabel },
  { header: 'Practice value', value: (r) => round(r.value), numeric: true },
  { header: 'Locality', value: (r) => round(r.pack.locality), numeric: true },
  { header: 'Federation', value: (r) => round(r.pack.federation), numeric: true },
  { header: 'Sub-ICB location', value: (r) => round(r.commissioner), numeric: true },
  { header: 'England', value: (r) => round(r.pack.england), numeric: true },
  { header: 'z-score', value: (r) => round(r.z), numeric: true },
  { header: 'Funnel (99.8%)', value: (r) => (r.outlier === 'high' ? 'above' : r.outlier === 'low' ? 'below' : r.z === null ? '' : 'within') },
  { header: 'Minimum', value: (r) => r.pack.threshold?.minimum ?? null, numeric: true },
  { header: 'Gap to minimum', value: (r) => round(r.gap), numeric: true },
  { header: 'SPC variation', value: (r) => r.spc?.variation ?? '' },
  { header: 'SPC assurance', value: (r) => r.spc?.assurance ?? '' },
];

/** The locality's review pack as a workbook: one sheet of every practice × indicator, one per practice. */
export async function reviewPackWorkbook(ctx: AppContext, localityId: number): Promise<{ fileName: string; content: Buffer }> {
  const pack = await getReviewPack(ctx, localityId);
  const lines = pack.indicators.flatMap((p) => p.practices.map((row) => ({ ...row, pack: p })));
  const sheets = [
    { name: 'All practices', rows: lines, columns: packColumns },
    ...pack.practices.map((p) => ({ name: `${p.practiceCode} ${p.practiceName}`.replace(/[[\]:*?/\\]/g, ' '), rows: lines.filter((l) => l.practiceCode === p.practiceCode), columns: packColumns.slice(2) })),
  ];
  const slug = pack.locality.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { fileName: `review-pack-${slug}.xlsx`, content: await toXlsx(sheets) };
}

/** The dashboard's funnel plot drawn on the server as SVG (ECharts server-side rendering), for packs and PDFs. */
export async function funnelSvg(ctx: AppContext, query: DashboardQuery): Promise<{ fileName: string; content: Buffer } | { reason: string }> {
  const dashboard = await getDashboard(ctx, query);
  if (!dashboard.funnel) return { reason: dashboard.funnelNote ?? 'no funnel' };
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 560 });
  try {
    chart.setOption(funnelChartOption(dashboard.funnel));
    return { fileName: `funnel-${dashboard.indicator.code.toLowerCase()}-${dashboard.period}.svg`, content: Buffer.from(chart.renderToSVGString(), 'utf8') };
  } finally {
    chart.dispose();
  }
}
