import { shortPracticeName } from '../registry/short-practice-name.js';
import { countOf } from '../words.js';
import { MINIMUM_POINTS_FOR_LIMITS } from './spc.js';
import { formatFigure } from './figure-format.js';
import { describeScreening, type MovingRangeScreening } from './spc-words.js';
import type { FunnelCentre } from './funnel-reference.js';
import { type Cadence, type IndicatorUnit, periodLabel, type Polarity, unitLabels } from './indicators.js';
/**
 * ECharts options for the funnel plot and the SPC chart, built from plain figures so the browser
 * and the server (SVG for packs) draw the same chart. The chart's subtitle says which limits are drawn.
 */
export interface FunnelChartPoint {
  practiceCode: string;
  label: string;
  denominator: number;
  value: number;
  outlier: boolean;
  highlighted?: boolean;
}

export interface FunnelCurvePoint {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelChartData {
  title: string;
  unit: IndicatorUnit;
  unitLabel: string;
  denominatorLabel: string;
  /** The group whose practices are plotted (its members, or all practices held). */
  groupName: string;
  /** The centre line: `centre`'s pooled value. */
  target: number;
  adjusted: boolean;
  /** Exact Poisson limits (a rate, not adjusted) rather than normal ones on a transformed scale. */
  exactLimits: boolean;
  centre: FunnelCentre;
  points: FunnelChartPoint[];
  curve: FunnelCurvePoint[];
}

/** How much room a chart has: a phone's narrow column, or a page, a pack or a download. */
export type ChartLayout = 'wide' | 'narrow';

/**
 * What a funnel's lines, z-scores and words mean, a sentence each: the chart's subtitle, one to a
 * line, and the words under the chart on a page. Each is kept short enough for a line of a chart
 * 600px wide.
 */
export function describeFunnel(data: FunnelChartData): string[] {
  const { centre } = data;
  const limits = data.adjusted
    ? 'widened for overdispersion, and the z-scores adjusted to match'
    : `${data.exactLimits ? 'exact Poisson; ' : ''}no overdispersion, so the z-scores are not adjusted`;
  return [
    `Centre line ${formatFigure(data.target, data)}: the pooled value of ${centre.name} (${countOf(centre.practices, 'practice')}).`,
    ...(centre.reason ? [`${data.groupName}’s ${countOf(data.points.length, 'practice')} ${data.points.length === 1 ? 'is' : 'are'} too few to set a centre line and overdispersion of their own.`] : []),
    `Limits 95% (dashed) and 99.8% (solid), ${limits}.`,
    data.adjusted
      ? 'A practice differing only by chance and the usual spread between practices is outside 99.8% about 1 time in 500.'
      : `A practice differing from the centre line only by chance is outside the 99.8% limits ${data.exactLimits ? 'at most' : 'about'} 1 time in 500.`,
    '“Within” means inside the 99.8% limits, including between the 95% and 99.8% lines.',
  ];
}

const NHS = { blue: '#005eb8', red: '#d5281b', grey: '#768692', dark: '#212b32', orange: '#ed8b00', green: '#007f3b' };

const line = (name: string, data: [number, number][], colour: string, dashed: boolean) => ({
  name,
  type: 'line',
  data,
  showSymbol: false,
  silent: true,
  lineStyle: { color: colour, width: 1.5, type: dashed ? 'dashed' : 'solid' },
  itemStyle: { color: colour },
});

/**
 * Names beside marks that would run over each other are moved apart, up and down, with a line back
 * to their mark. ECharts only moves a name it is told where to put, so each is put where ECharts
 * placed it (the top left of its box) and then moved; and it only sees two names meet if it knows
 * how tall a name is, so each is given its line height (measured in the page it came out under 4px).
 */
const spreadNames = (params: { labelRect: { x: number; y: number } }) => ({ x: params.labelRect.x, y: params.labelRect.y, align: 'left', verticalAlign: 'top', moveOverlap: 'shiftY' });
const nameLine = { show: true, length2: 0, lineStyle: { color: NHS.grey, width: 1 } };

/** The height of a line of a chart's subtitle, so the plot can start below the last. */
const SUBTITLE_LINE = 14;
/** Where the plot starts: below the title and every line of the subtitle. */
const plotTop = (subtitleLines: number) => 52 + SUBTITLE_LINE * subtitleLines;

/** The most outliers a funnel plot names beside their marks. */
export const maxNamedOutliers = 25;

/** The y axis's name turned along the axis, beside it: above the axis it ran into the chart's subtitle. */
const sideName = (name: string) => ({ name, nameLocation: 'middle', nameRotate: 90, nameGap: 44 });

/**
 * The funnel plot. Narrow (a phone), the names beside the marks are the short ones ("Kibworth" for
 * Kibworth Medical Centre), so that moved apart they still fit: the tooltip and the table under the
 * chart give the full name. The axes' own ends (a limit such as 9.39, not a round
 * figure) are not written there either, where they crowded the round figure beside them, and the
 * list-size axis has fewer steps (12,000 and 15,000 ran into each other).
 */
export function funnelChartOption(data: FunnelChartData, layout: ChartLayout = 'wide'): Record<string, unknown> {
  const narrow = layout === 'narrow';
  const pick = (key: keyof FunnelCurvePoint) => data.curve.map((c) => [c.denominator, c[key]] as [number, number]);
  const maxDenominator = Math.max(1, ...data.points.map((p) => p.denominator)) * 1.05;
  // The limits flare out towards a denominator of 0; scale the y axis to the practices and the limits near them.
  const smallest = Math.min(...data.points.map((p) => p.denominator));
  const near = data.curve.filter((c) => c.denominator >= smallest / 2);
  const ys = [...data.points.map((p) => p.value), ...near.flatMap((c) => [c.lower998, c.upper998])];
  const pad = (Math.max(...ys) - Math.min(...ys)) * 0.05;
  const yMin = Math.max(0, Math.min(...ys) - pad);
  const yMax = Math.max(...ys) + pad;
  const round = (v: number) => Number(v.toPrecision(3));
  const point = (p: FunnelChartPoint) => ({ value: [p.denominator, p.value], name: `${p.label} (${p.practiceCode})` });
  // Outliers and the practices a reader picked out are named beside their mark, so a printed or
  // downloaded chart (no tooltips) still says which practice is which; overlapping names are moved apart,
  // and a name towards the right-hand edge goes to the left of its mark so the chart does not cut it off.
  const named = (p: FunnelChartPoint) => ({ ...point(p), label: { show: true, formatter: (narrow ? shortPracticeName(p.label) : p.label).replace(/[{}|]/g, ''), position: p.denominator > maxDenominator * 0.5 ? 'left' : 'right', fontSize: 10, lineHeight: 12, color: NHS.dark } });
  const inside = data.points.filter((p) => !p.outlier && !p.highlighted);
  const outliers = data.points.filter((p) => p.outlier && !p.highlighted);
  // Hundreds of names (England's 409 outliers) would cover the chart: past a few, the marks say which are outliers and the table names them.
  const nameOutliers = outliers.length <= maxNamedOutliers;
  const subtitle = [...describeFunnel(data), ...(nameOutliers ? [] : [`${outliers.length.toLocaleString('en-GB')} practices outside the 99.8% limits: too many to name here, so the table under the chart names them`])];
  const highlighted = data.points.filter((p) => p.highlighted);
  const selected = highlighted.length === 1 ? 'Selected practice' : 'Selected practices';
  return {
    animation: false,
    title: { text: data.title, subtext: subtitle.join('\n'), left: 'left', textStyle: { fontSize: 15, color: NHS.dark }, subtextStyle: { fontSize: 11, lineHeight: SUBTITLE_LINE, color: NHS.grey } },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: ['Practices', 'Outside 99.8% limits', ...(highlighted.length ? [selected] : []), 'Centre line', '95% limits', '99.8% limits'] },
    grid: { left: 64, right: 24, top: plotTop(subtitle.length), bottom: 64 },
    xAxis: { type: 'value', name: data.denominatorLabel, nameLocation: 'middle', nameGap: 28, min: 0, max: Math.ceil(maxDenominator), ...(narrow ? { splitNumber: 3, axisLabel: { showMaxLabel: false } } : {}) },
    yAxis: { ...sideName(data.unitLabel), type: 'value', min: round(yMin), max: round(yMax), ...(narrow ? { axisLabel: { showMinLabel: yMin === 0, showMaxLabel: false } } : {}) },
    series: [
      { name: 'Practices', type: 'scatter', symbolSize: 7, itemStyle: { color: NHS.blue }, data: inside.map(point) },
      { name: 'Outside 99.8% limits', type: 'scatter', symbolSize: 9, itemStyle: { color: NHS.red }, data: outliers.map(nameOutliers ? named : point), labelLayout: spreadNames, labelLine: nameLine },
      ...(highlighted.length ? [{ name: selected, type: 'scatter', symbol: 'diamond', symbolSize: 14, itemStyle: { color: NHS.orange }, data: highlighted.map(named), labelLayout: spreadNames, labelLine: nameLine }] : []),
      line('Centre line', [[0, data.target], [maxDenominator, data.target]], NHS.dark, false),
      line('95% limits', pick('lower95'), NHS.grey, true),
      { ...line('95% limits', pick('upper95'), NHS.grey, true) },
      line('99.8% limits', pick('lower998'), NHS.grey, false),
      { ...line('99.8% limits', pick('upper998'), NHS.grey, false) },
    ],
  };
}

/** A point of a series too short for limits has no mean, limits or type (spc.ts MINIMUM_POINTS_FOR_LIMITS). */
export interface SpcChartPoint {
  period: string;
  value: number;
  mean: number | null;
  lower: number | null;
  upper: number | null;
  type: string | null;
}

const specialCauseKeys = [
  { match: 'improvement', name: 'Special cause: improvement' },
  { match: 'concern', name: 'Special cause: concern' },
  { match: 'neutral', name: 'Special cause: neither' },
];

const pointColour = (type: string | null) => (type === null ? NHS.grey : type.includes('improvement') ? NHS.blue : type.includes('concern') ? NHS.orange : type.includes('neutral') ? '#7c2855' : NHS.grey);

/**
 * One practice's SPC chart on one indicator, as the practice page, the review pack and the SVG
 * export all draw it: titled "indicator: practice", with the target line (the minimum when the
 * indicator has no target).
 */
/** A point at which the chart marks membership changes among the practice's neighbours (membership-events.ts). */
export interface SpcMark {
  period: string;
  /** For the text alternative: "Marked at January 2021: … closed on 30 June 2020 (Harborough)." */
  words: string;
  /** On the chart: "Two Shires closed". */
  short: string;
}

export function practiceSpcChartOption(data: { indicator: { name: string; unit: IndicatorUnit; cadence: Cadence; polarity?: Polarity }; practiceName: string; points: SpcChartPoint[]; threshold: { target: number | null; minimum: number | null } | null; screening?: MovingRangeScreening | null; marks?: readonly SpcMark[] }): Record<string, unknown> {
  const { indicator, threshold } = data;
  // A threshold may set both a target and a floor (a ceiling where lower is better): each is drawn.
  const lines = [
    ...(threshold?.target != null ? [{ value: threshold.target, name: 'Target' }] : []),
    ...(threshold?.minimum != null ? [{ value: threshold.minimum, name: data.indicator.polarity === 'lower' ? 'Maximum' : 'Minimum' }] : []),
  ];
  return spcChartOption({ title: `${indicator.name}: ${data.practiceName}`, unitLabel: unitLabels[indicator.unit], points: data.points, thresholds: lines, cadence: indicator.cadence, screening: data.screening, marks: data.marks ?? [] });
}

/**
 * An XmR chart; with the indicator's cadence, its axis names periods as people read them ("Apr 2024", "2022/23").
 * With `screening`, the subtitle says how many moving ranges the limits left out.
 * Too few points for limits: the points alone, and the subtitle says why there are no limits.
 */
export function spcChartOption(data: { title: string; unitLabel: string; points: SpcChartPoint[]; thresholds: { value: number; name: string }[]; cadence?: Cadence; screening?: MovingRangeScreening | null; marks?: readonly SpcMark[] }): Record<string, unknown> {
  const { cadence } = data;
  const limit = (name: string, key: 'mean' | 'lower' | 'upper', dashed: boolean) => ({
    name,
    type: 'line',
    data: data.points.map((p) => p[key]),
    showSymbol: false,
    silent: true,
    lineStyle: { color: key === 'mean' ? NHS.dark : NHS.grey, type: dashed ? 'dashed' : 'solid', width: 1.5 },
    itemStyle: { color: key === 'mean' ? NHS.dark : NHS.grey },
  });
  const limited = data.points.some((p) => p.mean !== null);
  const subtitle = limited
    ? ['XmR chart: mean and process limits (mean ± 2.66 × average moving range), Making Data Count rules', ...(data.screening ? [describeScreening(data.screening)] : [])]
    : [`The figures only: ${data.points.length} points are too few for process limits (at least ${MINIMUM_POINTS_FOR_LIMITS} are needed)`];
  const marks = data.marks ?? [];
  if (marks.length) subtitle.push('Dashed upright line: a practice in its locality or PCN joined, left or closed before that point; the limits are not recalculated there');
  const labelOf = (period: string) => (cadence ? periodLabel(period, cadence, 'short') : period);
  return {
    animation: false,
    title: { text: data.title, subtext: subtitle.join('\n'), textStyle: { fontSize: 15, color: NHS.dark }, subtextStyle: { fontSize: 11, lineHeight: SUBTITLE_LINE, color: NHS.grey } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 64, right: 24, top: plotTop(subtitle.length), bottom: 64 },
    xAxis: { type: 'category', data: data.points.map((p) => labelOf(p.period)) },
    yAxis: { ...sideName(data.unitLabel), type: 'value', scale: true },
    series: [
      {
        name: 'Value',
        type: 'line',
        data: data.points.map((p) => ({ value: p.value, itemStyle: { color: pointColour(p.type) } })),
        symbolSize: 8,
        lineStyle: { color: NHS.grey },
        itemStyle: { color: NHS.grey },
        ...(marks.length ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: NHS.dark, type: 'dashed', width: 1 }, label: { position: 'insideEndTop', fontSize: 11, color: NHS.dark }, data: marks.map((m) => ({ xAxis: labelOf(m.period), label: { formatter: m.short } })) } } : {}),
      },
      ...(limited ? [limit('Mean', 'mean', false), limit('Lower process limit', 'lower', true), limit('Upper process limit', 'upper', true)] : []),
      // The target dotted, a minimum or maximum dash-dotted: both green, told apart in the legend.
      ...data.thresholds.map((t, i) => ({ name: t.name, type: 'line', data: data.points.map(() => t.value), showSymbol: false, silent: true, lineStyle: { color: NHS.green, type: i === 0 ? 'dotted' : [8, 3, 2, 3] }, itemStyle: { color: NHS.green } })),
      // The points' colours, in the legend only for the kinds this chart has.
      ...specialCauseKeys.filter((k) => data.points.some((p) => p.type?.includes(k.match))).map((k) => ({ name: k.name, type: 'scatter', data: [], itemStyle: { color: pointColour(k.match) } })),
    ],
  };
}
