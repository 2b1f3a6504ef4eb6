import { Heading, InsetText } from 'nhsuk-react-components';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { practiceSpcChartOption } from '../../../domain/quality/chart-options.js';
import { periodLabel, unitMultiplier } from '../../../domain/quality/indicators.js';
import { GP_PRACTICE_CODE } from '../../../domain/registry/ods-codes.js';
import { queryString } from '../../api/client.js';
import { useApiQuery } from '../../api/use-api.js';
import { DataTable } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { ApiErrorPanel, Loaded, LoadingPanel, NotFoundPage, usePageTitle } from '../../components/page-states.js';
import { EChart } from './echarts-chart.js';
import { ChoiceForm, groupOptions, indicatorOptions, useCatalogue, useGroups } from './quality-choosers.js';
import { describePointType, describeScreening, describeVariation, formatCount, formatDifference, formatFigure, formatGroupFigure } from './quality-format.js';
import { SpcIcons } from './spc-icons.js';
import type { PracticeIndicator } from './types.js';
import './quality.css';

function PracticeIndicatorView({ data }: { data: PracticeIndicator }) {
  // A percentage or a rate is pooled (comparisons.ts); a count or a time is averaged.
  const pooled = unitMultiplier(data.indicator.unit) !== null;
  const option = useMemo(
    () => (data.spc ? practiceSpcChartOption({ indicator: data.indicator, practiceName: data.practice.name, points: data.spc.points, threshold: data.threshold, screening: data.spc.screening, marks: data.spcMarks }) : null),
    [data],
  );
  return (
    <>
      <Heading headingLevel="h2">
        {data.indicator.name}
        {data.periodLabel ? `, ${data.periodLabel}` : ''}: {formatFigure(data.value, data.indicator)}
      </Heading>
      <DataTable
        caption="Against its peers"
        columns={[
          { key: 'label', header: 'Compared with', cell: (c) => c.label },
          { key: 'practices', header: 'Practices', cell: (c) => formatCount(c.practices), numeric: true },
          { key: 'value', header: pooled ? 'Pooled value' : 'Average', cell: (c) => formatGroupFigure(c.value, data.indicator), numeric: true, nowrap: true },
          { key: 'difference', header: 'This practice’s difference', cell: (c) => formatDifference(c.difference, data.indicator), numeric: true },
        ]}
        rows={data.comparisons}
        rowKey={(c) => c.comparator}
        empty="No figures for this period."
      />
      <p className="nhsuk-body-s" data-testid="peers-pooled">
        {pooled
          ? 'Each group’s value pools its practices: their total numerator ÷ their total denominator, so a large practice counts for more than a small one. It is not the average of the practices’ values.'
          : 'Each group’s value is the average of its practices’ values.'}{' '}
        <span data-testid="peers-then">{data.placeNotes.join(' ')}</span>
      </p>
      <Heading headingLevel="h3">Over time</Heading>
      {data.spc ? (
        <>
          <SpcIcons spc={data.spc} />
          <EChart option={option!} label={`${data.spc.variation ? 'SPC chart' : 'Chart'} of ${data.indicator.name} for ${data.practice.name}, ${data.spc.points.length} points. ${data.spc.variation ? `Variation: ${describeVariation(data.spc.variation)}.` : data.spc.noLimitsReason}${data.spcMarks.map((m) => ` ${m.words}`).join('')}`} testId="spc-chart" />
          <p className="nhsuk-body-s">
            {data.spc.screening ? <span data-testid="spc-screening">{describeScreening(data.spc.screening)} </span> : null}
            <a href={`/api/quality/practices/${data.practice.odsCode}/spc.svg${queryString({ indicator: data.indicator.code })}`}>{data.spc.variation ? 'Download the SPC chart (SVG)' : 'Download the chart (SVG)'}</a>
          </p>
          {data.spc.variation ? (
            // The chart in words: each point's mean and limits, and the special causes its colours show.
            <DataTable
              caption="The SPC chart’s points"
              columns={[
                { key: 'period', header: 'Period', cell: (p) => periodLabel(p.period, data.indicator.cadence) },
                { key: 'value', header: 'Value', cell: (p) => formatFigure(p.value, data.indicator), numeric: true },
                { key: 'mean', header: 'Mean', cell: (p) => formatFigure(p.mean, data.indicator), numeric: true },
                { key: 'lower', header: 'Lower limit', cell: (p) => formatFigure(p.lower, data.indicator), numeric: true },
                { key: 'upper', header: 'Upper limit', cell: (p) => formatFigure(p.upper, data.indicator), numeric: true },
                { key: 'type', header: 'Variation', cell: (p) => describePointType(p.type) },
              ]}
              rows={data.spc.points}
              rowKey={(p) => p.period}
              compact
            />
          ) : null}
        </>
      ) : (
        <InsetText>
          <p>{data.spcNote}</p>
        </InsetText>
      )}
      {data.spcMarks.length ? (
        <div data-testid="spc-marks">
          <p className="nhsuk-body-s">Changes among the practices of its locality or PCN, each at the first period after it{data.spc ? ' (the dashed upright lines on the chart)' : ''}. They can move this practice’s figures: a practice closing sends its patients to its neighbours.</p>
          <ul className="nhsuk-body-s">
            {data.spcMarks.map((m) => (
              <li key={m.period}>{m.words}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <DataTable
        caption="Every period"
        columns={[
          { key: 'period', header: 'Period', cell: (s) => s.label },
          { key: 'numerator', header: 'Numerator', cell: (s) => formatCount(s.numerator), numeric: true },
          { key: 'denominator', header: 'Denominator', cell: (s) => formatCount(s.denominator), numeric: true },
          { key: 'value', header: 'Value', cell: (s) => formatFigure(s.value, data.indicator), numeric: true },
        ]}
        rows={data.series}
        rowKey={(s) => s.period}
        compact
      />
    </>
  );
}

/** One practice on one indicator: its SPC chart and its figure against locality, federation, PCN, sub-ICB, England and a chosen group. */
export function PracticeQualityPage() {
  const code = (useParams().code ?? '').toUpperCase();
  // Quality figures are kept for GP practices only: any other code names no page here.
  return GP_PRACTICE_CODE.test(code) ? <PracticeQuality code={code} /> : <NotFoundPage />;
}

function PracticeQuality({ code }: { code: string }) {
  const [params] = useSearchParams();
  const catalogue = useCatalogue();
  const groups = useGroups();
  const entries = catalogue.data?.items.filter((i) => i.periods.length) ?? [];
  // Opened from a practice's page, it shows the indicator with the longest series (a chart over time), not the catalogue's first (list size, one period).
  const indicator = params.get('indicator') ?? [...entries].sort((a, b) => b.periods.length - a.periods.length)[0]?.code;
  const path = indicator ? `/api/quality/practices/${code}${queryString({ indicator, period: params.get('period') ?? undefined, group: params.get('group') ?? undefined })}` : null;
  const result = useApiQuery<PracticeIndicator>(path, { keepPrevious: true });
  usePageTitle(result.data ? `${result.data.practice.name}: quality` : 'Practice quality');
  if (result.error?.status === 404) return <ApiErrorPanel error={result.error} />;
  if (!catalogue.data || !groups.data) return <LoadingPanel what="practice" />;
  return (
    <>
      <PageBreadcrumb items={[{ to: '/quality', text: 'Quality dashboard' }]} />
      <Heading headingLevel="h1">{result.data?.practice.name ?? code}</Heading>
      <ChoiceForm
        key={`${indicator}-${params.get('group')}`}
        clears={['period']}
        choices={[
          // The indicator the page shows, when the address names none: the menu says what is on the page.
          { name: 'indicator', label: 'Indicator', options: indicatorOptions(entries), ...(indicator ? { initial: indicator } : {}) },
          { name: 'group', label: 'Also compare with', options: groupOptions(groups.data.items, ['peer_group', 'pcn', 'icb_footprint', 'federation', 'locality'], 'No other group') },
        ]}
      />
      <Loaded query={result} what="practice">
        {(data) => <PracticeIndicatorView data={data} />}
      </Loaded>
    </>
  );
}
