import { Heading, InsetText, Select } from 'nhsuk-react-components';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ChartLayout, describeFunnel, funnelChartOption, practiceSpcChartOption } from '../../../domain/quality/chart-options.js';
import { funnelPosition } from '../../../domain/quality/outlier-words.js';
import { useApiQuery } from '../../api/use-api.js';
import { DataTable } from '../../components/data-table.js';
import { Loaded, LoadingPanel, usePageTitle } from '../../components/page-states.js';
import { EChart } from './echarts-chart.js';
import { ChoiceForm, groupOptions, useGroups } from './quality-choosers.js';
import { formatFigure, formatGap, formatGroupFigure } from './quality-format.js';
import { QualityNav } from './quality-nav.js';
import { SpcIcons } from './spc-icons.js';
import type { PackIndicator, ReviewPack } from './types.js';
import './quality.css';
import { ALL_PRACTICES_HELD } from '../../../domain/quality/comparator-words.js';
import { formatDate } from '../../format/format.js';


function IndicatorFunnel({ pack }: { pack: PackIndicator }) {
  const option = useMemo(() => (pack.funnel ? (layout: ChartLayout) => funnelChartOption(pack.funnel!, layout) : null), [pack.funnel]);
  if (!option) return null;
  return <EChart option={option} height={440} label={`Funnel plot of ${pack.indicator.name}, the locality’s practices marked. ${describeFunnel(pack.funnel!).join(' ')}`} testId="pack-funnel" />;
}

/** One funnel at a time: every practice held, the locality's marked. */
function FunnelChooser({ pack }: { pack: ReviewPack }) {
  const withFunnels = pack.indicators.filter((p) => p.funnel);
  const [code, setCode] = useState(withFunnels[0]?.indicator.code ?? '');
  const chosen = withFunnels.find((p) => p.indicator.code === code);
  if (!chosen) return null;
  return (
    <>
      <Heading headingLevel="h2">Funnel plots</Heading>
      <Select id="pack-funnel-indicator" label="Funnel plot for" value={code} onChange={(e) => setCode(e.target.value)}>
        {withFunnels.map((p) => (
          <Select.Option key={p.indicator.code} value={p.indicator.code}>
            {p.indicator.name}
          </Select.Option>
        ))}
      </Select>
      <IndicatorFunnel pack={chosen} />
    </>
  );
}

function PracticeSection({ pack, practice }: { pack: ReviewPack; practice: ReviewPack['practices'][number] }) {
  const lines = pack.indicators.map((p) => ({ pack: p, row: p.practices.find((r) => r.practiceCode === practice.practiceCode)! })).filter((l) => l.row);
  const charted = lines.filter((l) => l.row.spc);
  // Charts are drawn when opened: a pack has a chart per practice per monthly indicator.
  const [open, setOpen] = useState(false);
  return (
    <section className="app-quality-pack-practice" aria-labelledby={`practice-${practice.practiceCode}`}>
      <Heading headingLevel="h2" id={`practice-${practice.practiceCode}`}>
        {practice.practiceName} ({practice.practiceCode})
      </Heading>
      <DataTable
        caption={`${practice.practiceName} against its peers`}
        captionHidden
        scrolls
        columns={[
          // The period is said under the indicator's name, as the funds list says a fund's funder: one column fewer keeps the pack on the screen.
          {
            key: 'indicator',
            header: 'Indicator and period',
            cell: (l) => (
              <>
                {l.pack.indicator.name}
                <span className="nhsuk-u-display-block nhsuk-u-secondary-text-colour">{l.pack.periodLabel}</span>
              </>
            ),
          },
          { key: 'value', header: 'Practice', cell: (l) => formatFigure(l.row.value, l.pack.indicator), numeric: true, nowrap: true },
          {
            key: 'locality',
            // The group the pack is for: a locality, a PCN or a peer group.
            header: pack.locality.name,
            // Where some of the practices have no figure, say how many the locality figure pools.
            cell: (l) => `${formatGroupFigure(l.pack.locality, l.pack.indicator)}${l.pack.localityPractices < pack.practices.length ? ` (${l.pack.localityPractices} of ${pack.practices.length} practices)` : ''}`,
            numeric: true,
          },
          { key: 'federation', header: 'Federation', cell: (l) => formatGroupFigure(l.pack.federation, l.pack.indicator), numeric: true, nowrap: true },
          { key: 'commissioner', header: 'Sub-ICB', cell: (l) => formatGroupFigure(l.row.commissioner, l.pack.indicator), numeric: true, nowrap: true },
          { key: 'england', header: ALL_PRACTICES_HELD, cell: (l) => formatGroupFigure(l.pack.england, l.pack.indicator), numeric: true, nowrap: true },
          { key: 'funnel', header: 'Funnel', cell: (l) => funnelPosition(l.row.outlier, l.row.z, l.pack.indicator.polarity) },
          { key: 'gap', header: 'Gap to threshold', cell: (l) => formatGap(l.row.gap, l.pack.indicator) },
        ]}
        rows={lines}
        rowKey={(l) => l.pack.indicator.code}
        compact
      />
      {charted.length ? (
        <details className="nhsuk-details" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">SPC charts over time ({charted.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            {open
              ? charted.map((l) => (
                  <div key={l.pack.indicator.code}>
                    <Heading headingLevel="h3">{l.pack.indicator.name} over time</Heading>
                    <SpcIcons spc={l.row.spc!} />
                    <EChart
                      height={300}
                      option={practiceSpcChartOption({ indicator: l.pack.indicator, practiceName: practice.practiceName, points: l.row.spc!.points, threshold: l.pack.threshold, screening: l.row.spc!.screening })}
                      label={`SPC chart of ${l.pack.indicator.name} for ${practice.practiceName}`}
                      testId="pack-spc"
                    />
                  </div>
                ))
              : null}
          </div>
        </details>
      ) : null}
    </section>
  );
}

function PackView({ pack }: { pack: ReviewPack }) {
  return (
    <>
      <Heading headingLevel="h2">{pack.locality.name}</Heading>
      <p className="nhsuk-body">
        <span data-testid="pack-members">
          {pack.practices.length} {pack.practices.length === 1 ? 'practice' : 'practices'}
          {pack.federation ? ` in ${pack.federation.name}` : ''}
          {pack.membersOn ? ` on ${formatDate(pack.membersOn)}, the latest period with figures` : ''}
        </span>
        . Each indicator at its latest period, against the locality, the federation, the practice’s sub-ICB location and all practices held (every practice in England where the federation holds the national figures). The locality and federation figures pool their members on that date, whatever the indicator’s period, so a practice that has since left is in none of them. Funnels place all practices held, with this locality’s marked.{' '}
        <a href={`/api/quality/review-pack.xlsx?locality=${pack.locality.id}`} download>
          Download the pack (XLSX)
        </a>
      </p>
      {pack.indicators.length === 0 ? (
        <InsetText>
          <p>There are no figures for this locality’s practices.</p>
        </InsetText>
      ) : null}
      <FunnelChooser pack={pack} />
      {pack.practices.map((practice) => (
        <PracticeSection key={practice.practiceCode} pack={pack} practice={practice} />
      ))}
    </>
  );
}

/** A locality's peer review pack: every practice on every indicator against its peers, with funnels, SPC charts and an XLSX download. */
export function ReviewPackPage() {
  usePageTitle('Peer review pack');
  const [params] = useSearchParams();
  const groups = useGroups();
  const localities = groups.data?.items.filter((g) => g.kind === 'locality') ?? [];
  const locality = params.get('locality') ?? (localities[0] ? String(localities[0].id) : null);
  const pack = useApiQuery<ReviewPack>(locality ? `/api/quality/review-pack?locality=${locality}` : null);
  if (!groups.data) return <LoadingPanel what="localities" />;
  return (
    <>
      <Heading headingLevel="h1">Peer review pack</Heading>
      <QualityNav current="review-pack" />
      <ChoiceForm key={locality ?? ''} choices={[{ name: 'locality', label: 'Locality, PCN or peer group', options: groupOptions(groups.data.items, ['locality', 'pcn', 'peer_group']).sort((a, b) => Number(b.value === locality) - Number(a.value === locality)) }]} />
      {locality ? <Loaded query={pack} what="review pack">{(data) => <PackView pack={data} />}</Loaded> : <p className="nhsuk-body">Set up localities first.</p>}
    </>
  );
}
