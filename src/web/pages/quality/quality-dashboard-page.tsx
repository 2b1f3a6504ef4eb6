import { Heading, InsetText, WarningCallout } from 'nhsuk-react-components';
import { formatLongDate } from '../../../domain/iso-date.js';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ChartLayout, describeFunnel, funnelChartOption } from '../../../domain/quality/chart-options.js';
import { funnelPosition, standardWord } from '../../../domain/quality/outlier-words.js';
import { queryString } from '../../api/client.js';
import { useApiQuery } from '../../api/use-api.js';
import type { Column } from '../../components/data-table.js';
import { FirstRowsTable } from '../../components/first-rows-table.js';
import { ExportLinks } from '../../components/export-links.js';
import { ApiErrorPanel, Loaded, LoadingPanel, usePageTitle } from '../../components/page-states.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { EChart } from './echarts-chart.js';
import { ChoiceForm, groupOptions, indicatorOptions, useCatalogue, useGroups } from './quality-choosers.js';
import { formatCount, formatFigure, formatGap, formatGroupFigure, formatZ } from './quality-format.js';
import { QualityNav } from './quality-nav.js';
import { ThresholdForm } from './threshold-form.js';
import type { Dashboard, DashboardRow } from './types.js';
import './quality.css';
import { ALL_PRACTICES_HELD } from '../../../domain/quality/comparator-words.js';
import { useHomeFederation } from '../groups/home-federation.js';
import { countOf } from '../../../domain/words.js';

function practiceColumns(data: Dashboard): Column<DashboardRow>[] {
  const marked = new Set(data.funnel?.points.filter((p) => p.highlighted).map((p) => p.practiceCode));
  const link = (r: DashboardRow) => `/quality/practices/${r.practiceCode}${queryString({ indicator: data.indicator.code, period: data.period, group: data.group?.id })}`;
  return [
    {
      key: 'practice',
      header: 'Practice',
      cell: (r) => (
        <>
          <Link to={link(r)}>{r.practiceName}</Link>
          {marked.has(r.practiceCode) ? <span className="nhsuk-u-display-block nhsuk-u-secondary-text-colour">Marked on the funnel plot</span> : null}
        </>
      ),
    },
    { key: 'code', header: 'ODS code', cell: (r) => r.practiceCode, nowrap: true },
    { key: 'numerator', header: 'Numerator', cell: (r) => formatCount(r.numerator), numeric: true },
    { key: 'denominator', header: 'Denominator', cell: (r) => formatCount(r.denominator), numeric: true },
    { key: 'value', header: 'Value', cell: (r) => formatFigure(r.value, data.indicator), numeric: true, nowrap: true },
    { key: 'z', header: data.funnel?.adjusted ? 'z-score (adjusted for overdispersion)' : 'z-score', cell: (r) => formatZ(r.z), numeric: true },
    { key: 'funnel', header: 'Funnel (99.8%)', cell: (r) => funnelPosition(r.outlier, r.z, data.indicator.polarity) },
  ];
}

function DashboardView({ data }: { data: Dashboard }) {
  const user = useUser();
  const option = useMemo(() => (data.funnel ? (layout: ChartLayout) => funnelChartOption(data.funnel!, layout) : null), [data.funnel]);
  const columns = practiceColumns(data);
  const where = data.group?.name ?? ALL_PRACTICES_HELD;
  const standard = standardWord(data.indicator.polarity);
  const highlight = data.funnel?.points.find((p) => p.highlighted)?.practiceCode;
  const svgLink = `/api/quality/funnel.svg${queryString({ indicator: data.indicator.code, period: data.period, group: data.group?.id, highlight })}`;
  return (
    <>
      <Heading headingLevel="h2">
        {data.indicator.name}, {data.periodLabel}
      </Heading>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{where}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="scope-value">
            {formatGroupFigure(data.scope.value, data.indicator)} ({countOf(data.scope.practices, 'practice')}{data.group ? `, its members on ${formatLongDate(data.period)}` : ''})
            {data.membershipNotes.length ? <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0" data-testid="went-during-period">{data.membershipNotes.join(' ')}</p> : null}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{ALL_PRACTICES_HELD}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="england-value">
            {formatGroupFigure(data.england.value, data.indicator)} ({countOf(data.england.practices, 'practice')})
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{standard === 'maximum' ? 'Maximum and target' : 'Minimum and target'}</dt>
          <dd className="nhsuk-summary-list__value">
            {data.threshold ? `${data.indicator.polarity === 'lower' ? 'At most' : 'At least'} ${formatFigure(data.threshold.minimum, data.indicator)}; target ${formatFigure(data.threshold.target, data.indicator)}` : 'None set'}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Definition</dt>
          <dd className="nhsuk-summary-list__value">
            {data.indicator.numeratorDefinition ?? data.indicator.name}
            {data.indicator.denominatorDefinition ? ` ÷ ${data.indicator.denominatorDefinition.toLowerCase()}` : ''}. Source: {data.indicator.source}.
          </dd>
        </div>
      </dl>
      {isAdmin(user) ? <ThresholdForm indicator={data.indicator} /> : null}
      {data.funnel?.centre.reason ? (
        <InsetText data-testid="funnel-reference">
          <p>{data.funnel.centre.reason}</p>
        </InsetText>
      ) : null}
      {option ? (
        <>
          <EChart option={option} height={480} label={`Funnel plot of ${data.indicator.name} for ${where}. ${describeFunnel(data.funnel!).join(' ')} ${data.outliers.length} practices outside the 99.8% limits.`} testId="funnel-chart" />
          <p className="nhsuk-body-s" data-testid="funnel-words">
            {describeFunnel(data.funnel!).join(' ')} <a href={svgLink}>Download the funnel plot (SVG)</a>
          </p>
        </>
      ) : (
        <InsetText>
          <p>{data.funnelNote}</p>
        </InsetText>
      )}
      {/* Without a funnel (a count, not a rate) there are no limits to be outside. */}
      {option ? (
        <>
          <Heading headingLevel="h3">Outliers</Heading>
          <FirstRowsTable caption={`Practices outside the 99.8% limits (${formatCount(data.outliers.length)})`} columns={columns} rows={data.outliers} rowKey={(r) => r.practiceCode} empty="No practice is outside the 99.8% limits." compact />
        </>
      ) : null}
      <Heading headingLevel="h3">{standard === 'maximum' ? 'Above the maximum' : 'Below the minimum'}</Heading>
      <FirstRowsTable
        caption={`Practices ${standard === 'maximum' ? 'above the maximum' : 'below the minimum'} (${formatCount(data.belowThreshold.length)})`}
        columns={[
          { key: 'practice', header: 'Practice', cell: (r) => r.practiceName },
          { key: 'value', header: 'Value', cell: (r) => formatFigure(r.value, data.indicator), numeric: true },
          { key: 'threshold', header: standard === 'maximum' ? 'Maximum' : 'Minimum', cell: (r) => formatFigure(r.threshold, data.indicator), numeric: true },
          { key: 'gap', header: 'Gap', cell: (r) => formatGap(r.gap, data.indicator), numeric: true },
        ]}
        rows={data.belowThreshold}
        rowKey={(r) => r.practiceCode}
        empty={data.threshold?.minimum === null || !data.threshold ? `No ${standard} is set for this indicator.` : `Every practice meets the ${standard}.`}
        compact
      />
      <Heading headingLevel="h3">Every practice</Heading>
      <ExportLinks base="/api/quality/dashboard/export" query={queryString({ indicator: data.indicator.code, period: data.period, group: data.group?.id })} noun={`every practice’s ${data.indicator.name}, ${data.periodLabel}, ${where}`} />
      <FirstRowsTable caption={countOf(data.rows.length, 'practice')} columns={columns} rows={data.rows} rowKey={(r) => r.practiceCode} compact />
    </>
  );
}

/** Choose an indicator, a period and a group: the funnel plot, outliers and practices below the minimum. */
export function QualityDashboardPage() {
  usePageTitle('Quality dashboard');
  const [params] = useSearchParams();
  const catalogue = useCatalogue();
  const groups = useGroups();
  const entries = catalogue.data?.items.filter((i) => i.periods.length) ?? [];
  const home = useHomeFederation((groups.data?.items ?? []).filter((g) => g.kind === 'federation'));
  const federation = home.federation;
  const indicator = entries.find((i) => i.code === params.get('indicator')) ?? entries.find((i) => i.code.startsWith('QOF_PREV_')) ?? entries[0];
  const period = indicator?.periods.find((p) => p.period === params.get('period'))?.period ?? indicator?.periods[0]?.period;
  // A link that names what the catalogue does not have (an old bookmark, a typo) is told what is shown instead.
  const askedIndicator = params.get('indicator');
  const askedPeriod = params.get('period');
  const notShown = [
    ...(askedIndicator && indicator && askedIndicator !== indicator.code ? [`There is no indicator “${askedIndicator}” with figures, so ${indicator.name} is shown.`] : []),
    ...(askedPeriod && period && askedPeriod !== period && (!askedIndicator || askedIndicator === indicator?.code) ? [`${indicator!.name} has no figures for “${askedPeriod}”, so ${indicator!.periods.find((p) => p.period === period)?.label ?? period} is shown.`] : []),
  ];
  const group = params.has('group') ? params.get('group') || undefined : federation ? String(federation.id) : undefined;
  // Someone of one practice (a practice manager, a clinician) finds it marked on the funnel, as the review pack marks a locality's.
  const user = useUser();
  const highlight = params.get('highlight') ?? (user.practiceCodes.length === 1 ? user.practiceCodes[0] : undefined);
  const dashboard = useApiQuery<Dashboard>(indicator && period && groups.data && home.loaded ? `/api/quality/dashboard${queryString({ indicator: indicator.code, period, group, highlight })}` : null, { keepPrevious: true });

  if (catalogue.error) return <ApiErrorPanel error={catalogue.error} />;
  if (groups.error) return <ApiErrorPanel error={groups.error} />;
  if (!catalogue.data || !groups.data || !home.loaded) return <LoadingPanel what="quality dashboard" />;
  return (
    <>
      <Heading headingLevel="h1">Quality dashboard</Heading>
      <QualityNav current="dashboard" />
      {!indicator ? (
        <WarningCallout>
          <WarningCallout.Heading headingLevel="h2">No figures yet</WarningCallout.Heading>
          <p>Import QOF prevalence (atscale import qof PREVALENCE_2223.csv) or a local indicators file on the imports page.</p>
        </WarningCallout>
      ) : (
        <>
          {notShown.length ? (
            <InsetText>
              {notShown.map((sentence) => (
                <p key={sentence}>{sentence}</p>
              ))}
            </InsetText>
          ) : null}
          <ChoiceForm
            key={`${indicator.code}-${period}-${group}`}
            choices={[
              { name: 'indicator', label: 'Indicator', options: indicatorOptions(entries), initial: indicator.code },
              {
                name: 'period',
                label: 'Period',
                options: indicator.periods.map((p) => ({ value: p.period, text: p.label })),
                // The periods of the indicator chosen in the form, not only of the one shown.
                optionsFor: (values) => (entries.find((i) => i.code === values.indicator) ?? indicator).periods.map((p) => ({ value: p.period, text: p.label })),
                initial: period,
              },
              { name: 'group', label: 'Compare across', initial: group ?? '', options: groupOptions(groups.data.items, ['federation', 'locality', 'pcn', 'icb_footprint', 'peer_group'], ALL_PRACTICES_HELD) },
            ]}
          />
          <Loaded query={dashboard} what="dashboard">
            {(data) => <DashboardView data={data} />}
          </Loaded>
        </>
      )}
    </>
  );
}
