import { funnelChartOption, practiceSpcChartOption } from '../../domain/quality/chart-options.js';
import { unitLabels } from '../../domain/quality/indicators.js';
import { funnelPosition, standardWord } from '../../domain/quality/outlier-words.js';
import { describeAssurance, describeVariation } from '../../domain/quality/spc-words.js';
import { type Column, producedWords, type Sheet, toXlsx } from '../export/tabular.js';
import { formatLongDate } from '../../domain/iso-date.js';
import type { AppContext } from '../context.js';
import { type Dashboard, type DashboardQuery, type DashboardRow, getDashboard } from './dashboard.js';
import { getPracticeIndicator, type practiceIndicatorQuerySchema } from './practice-indicator.js';
import { getReviewPack, type PackIndicator, type PackPracticeRow, type ReviewPack } from './review-pack.js';
import type { z } from 'zod';
import { ALL_PRACTICES_HELD } from '../../domain/quality/comparator-words.js';

type PackLine = PackPracticeRow & { pack: PackIndicator; membersOn: string | null };

const round = (value: number | null, places = 2) => (value === null ? null : Number(value.toFixed(places)));

/** A figure to the places its unit is written with (as the pages write it): a count of patients is whole, a time to a tenth. */
const placesFor: Record<PackIndicator['indicator']['unit'], number> = { proportion: 2, rate_per_1000: 2, count: 0, minutes: 1 };
const figure = (value: number | null, line: PackLine) => round(value, placesFor[line.pack.indicator.unit]);
const figureFormat = (line: PackLine) => (placesFor[line.pack.indicator.unit] ? `#,##0.${'0'.repeat(placesFor[line.pack.indicator.unit])}` : '#,##0');

function packColumns(groupName: string): Column<PackLine>[] {
  const numeric = { numeric: true, cellFormat: figureFormat } as const;
  return [
    { header: 'ODS code', value: (r) => r.practiceCode },
    { header: 'Practice', value: (r) => r.practiceName },
    { header: 'Indicator', value: (r) => r.pack.indicator.name },
    { header: 'Unit', value: (r) => unitLabels[r.pack.indicator.unit] },
    { header: 'Period', value: (r) => r.pack.periodLabel },
    { header: 'Practice value', value: (r) => figure(r.value, r), ...numeric },
    // The group the pack is for (a locality, a PCN or a peer group), headed by its name as the page heads it.
    { header: groupName, value: (r) => figure(r.pack.locality, r), ...numeric },
    // The group's figure pools these practices: its members on the pack's date with a figure in the period.
    { header: `${groupName}: practices with a figure`, value: (r) => r.pack.localityPractices, numeric: true },
    { header: 'Members on', value: (r) => r.membersOn, date: true },
    { header: 'Federation', value: (r) => figure(r.pack.federation, r), ...numeric },
    { header: 'Sub-ICB location', value: (r) => figure(r.commissioner, r), ...numeric },
    { header: ALL_PRACTICES_HELD, value: (r) => figure(r.pack.england, r), ...numeric },
    { header: 'z-score', value: (r) => round(r.z), numeric: true, numberFormat: '0.00' },
    { header: 'Funnel (99.8%)', value: (r) => (r.z === null ? '' : funnelPosition(r.outlier, r.z, r.pack.indicator.polarity)) },
    { header: 'Better when', value: (r) => (r.pack.indicator.polarity === 'neutral' ? '' : r.pack.indicator.polarity) },
    // The threshold is a floor where higher is better and a ceiling where lower is.
    { header: 'Threshold', value: (r) => r.pack.threshold?.minimum ?? null, numeric: true },
    { header: 'Gap to threshold', value: (r) => figure(r.gap, r), ...numeric },
    // Too few points for limits: no icon words, and the variation cell says why (as the page does).
    { header: 'SPC variation', value: (r) => (r.spc?.variation ? describeVariation(r.spc.variation) : (r.spc?.noLimitsReason ?? '')) },
    { header: 'SPC assurance', value: (r) => (r.spc?.variation ? describeAssurance(r.spc.assurance) : '') },
  ];
}

/** What a reader of the pack needs to know of its columns, away from the page that explains them. */
function packNotes(pack: ReviewPack, producedBy: string): [string, string][] {
  return [
    ['What', `Peer review pack for ${pack.locality.name}${pack.federation ? `, in ${pack.federation.name}` : ''}`],
    ['Practices', `${pack.practices.length}: the members on ${pack.membersOn ? formatLongDate(pack.membersOn) : 'the pack’s date'}, the latest period any indicator has figures for`],
    ['Produced', producedWords(producedBy)],
    ['Sheets', 'All practices: every practice and indicator. Then a sheet for each practice.'],
    ['Unit', '% is a percentage; per 1,000 is a rate per 1,000 patients; count is a number of patients; minutes is a time'],
    [`${pack.locality.name}, Federation, Sub-ICB location, ${ALL_PRACTICES_HELD}`, 'For a percentage or a rate, the figure of all their practices pooled (every numerator over every denominator). For a count or a time, the average of their practices.'],
    [`${pack.locality.name}: practices with a figure`, 'How many of the pack’s practices have a figure for that indicator and period: the group’s figure pools these'],
    ['z-score', 'How far the practice is from all practices held, in standard errors; the funnel plot’s 99.8% limits are at about ±3'],
    ['Funnel (99.8%)', 'Where the practice sits on the funnel plot: inside the limits, or above or below them (better or worse where the indicator has a better direction)'],
    ['Threshold', 'The standard set for the indicator: a minimum where higher is better, a maximum where lower is better'],
    ['Gap to threshold', 'How far the practice is on the wrong side of the threshold, in the indicator’s unit (percentage points for a percentage); blank where it meets it'],
    ['SPC variation', 'What the practice’s monthly series shows (NHS “Making Data Count”): common cause variation, or a special cause of improvement or concern. Where there are too few points for limits, it says so.'],
    ['SPC assurance', 'Whether the series’ limits say the threshold will consistently be met, consistently failed, or may or may not be met'],
  ];
}

/** The locality's review pack as a workbook: what it is, then one sheet of every practice × indicator, and one per practice. */
export async function reviewPackWorkbook(ctx: AppContext, localityId: number): Promise<{ fileName: string; content: Buffer }> {
  const pack = await getReviewPack(ctx, localityId);
  const lines = pack.indicators.flatMap((p) => p.practices.map((row) => ({ ...row, pack: p, membersOn: pack.membersOn })));
  const columns = packColumns(pack.locality.name);
  const about: Column<[string, string]>[] = [
    { header: 'About this pack', value: (line) => line[0] },
    { header: '', value: (line) => line[1] },
  ];
  const sheets: Sheet<any>[] = [
    { name: 'About', rows: packNotes(pack, ctx.actor.label), columns: about },
    { name: 'All practices', rows: lines, columns },
    ...pack.practices.map((p) => ({ name: `${p.practiceCode} ${p.practiceName}`.replace(/[[\]:*?/\\]/g, ' '), rows: lines.filter((l) => l.practiceCode === p.practiceCode), columns: columns.slice(2) })),
  ];
  const slug = pack.locality.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { fileName: `review-pack-${slug}.xlsx`, content: await toXlsx(sheets, { title: `Peer review pack for ${pack.locality.name}` }) };
}

/** The dashboard's table of every practice, as the page shows it, with the limits and gap it works from. */
function dashboardColumns(dashboard: Dashboard): Column<DashboardRow>[] {
  const { indicator } = dashboard;
  return [
    { header: 'ODS code', value: (r) => r.practiceCode },
    { header: 'Practice', value: (r) => r.practiceName },
    { header: 'Indicator', value: () => indicator.name },
    { header: 'Period', value: () => dashboard.periodLabel },
    { header: 'Compared across', value: () => dashboard.group?.name ?? ALL_PRACTICES_HELD },
    { header: 'Numerator', value: (r) => r.numerator, numeric: true, count: true },
    { header: 'Denominator', value: (r) => r.denominator, numeric: true, count: true },
    { header: `Value (${unitLabels[indicator.unit]})`, value: (r) => round(r.value), numeric: true },
    { header: 'z-score', value: (r) => round(r.z), numeric: true },
    { header: 'Funnel (99.8%)', value: (r) => (r.z === null ? '' : funnelPosition(r.outlier, r.z, indicator.polarity)) },
    { header: 'Lower 99.8% limit', value: (r) => round(r.lower998), numeric: true },
    { header: 'Upper 99.8% limit', value: (r) => round(r.upper998), numeric: true },
    { header: `Gap to ${standardWord(indicator.polarity)}`, value: (r) => round(r.gap), numeric: true },
  ];
}

/** The dashboard's comparison table for the same indicator, period and group, to download as CSV or XLSX. */
export async function dashboardTable(ctx: AppContext, query: DashboardQuery): Promise<{ name: string; title: string; filters: string[]; rows: DashboardRow[]; columns: Column<DashboardRow>[] }> {
  const dashboard = await getDashboard(ctx, query);
  // What the file holds is one indicator, one period and one group: its About sheet says which.
  const filters = [`Indicator: ${dashboard.indicator.name}`, `Period: ${dashboard.periodLabel}`, `Practices: ${dashboard.group ? `members of ${dashboard.group.name} on ${formatLongDate(dashboard.period)}` : 'every practice in England'}`, ...dashboard.membershipNotes];
  // Where the limits came from, when not from these practices themselves: a small group is plotted against a larger one.
  const centre = dashboard.funnel?.centre;
  if (centre?.reason) filters.push(`Centre line and limits: ${centre.reason}`);
  // The heading stays "z-score" for programs reading the file; whether it is adjusted is said here.
  if (dashboard.funnel?.adjusted) filters.push('z-scores and limits: adjusted for overdispersion');
  return { name: `quality-${dashboard.indicator.code.toLowerCase()}-${dashboard.period}`, title: dashboard.indicator.name, filters, rows: dashboard.rows, columns: dashboardColumns(dashboard) };
}

/** An ECharts option drawn on the server as SVG (server-side rendering): the same chart the page shows, for packs and PDFs. */
async function renderSvg(option: Record<string, unknown>, width: number, height: number): Promise<Buffer> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return Buffer.from(chart.renderToSVGString(), 'utf8');
  } finally {
    chart.dispose();
  }
}

export type SvgExport = { fileName: string; content: Buffer } | { reason: string };

/** The dashboard's funnel plot as SVG. */
export async function funnelSvg(ctx: AppContext, query: DashboardQuery): Promise<SvgExport> {
  const dashboard = await getDashboard(ctx, query);
  if (!dashboard.funnel) return { reason: dashboard.funnelNote ?? 'no funnel' };
  return { fileName: `funnel-${dashboard.indicator.code.toLowerCase()}-${dashboard.period}.svg`, content: await renderSvg(funnelChartOption(dashboard.funnel), 900, 560) };
}

/** A practice's SPC chart on one indicator as SVG, with the target (or minimum) line the page draws. */
export async function spcSvg(ctx: AppContext, practiceCode: string, query: z.infer<typeof practiceIndicatorQuerySchema>): Promise<SvgExport> {
  const data = await getPracticeIndicator(ctx, practiceCode, query);
  if (!data.spc) return { reason: data.spcNote ?? 'no SPC chart for this practice and indicator' };
  const option = practiceSpcChartOption({ indicator: data.indicator, practiceName: data.practice.name, points: data.spc.points, threshold: data.threshold, screening: data.spc.screening, marks: data.spcMarks });
  return { fileName: `spc-${data.practice.odsCode.toLowerCase()}-${data.indicator.code.toLowerCase()}.svg`, content: await renderSvg(option, 900, 420) };
}
