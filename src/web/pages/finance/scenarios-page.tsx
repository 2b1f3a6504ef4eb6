import { Button, Radios, WarningCallout } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { useApiQuery } from '../../api/use-api.js';
import { Loaded } from '../../components/page-states.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { ReportTableView } from '../schemes/report-table.js';
import { CashFlowChart } from './cash-flow-chart.js';
import { DownloadLinks, FinanceFrame, usePlanYear } from './finance-frame.js';
import { resultWords } from '../../../domain/finance/income-expenditure.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { type ScenarioReport, type StreamsReport, tableNamed } from './types.js';
import '../schemes/schemes.css';
import './finance.css';

type Outcome = 'base' | 'won' | 'lost';

/**
 * The plan and the scenario, each position labelled: on secured income only (the cautious one,
 * which winning a stream raises) and if the potential income comes in (which losing one lowers).
 */
function Positions({ report }: { report: ScenarioReport }) {
  const both = (of: (ie: ScenarioReport['base']['ie']) => number) => `The plan: ${resultWords(of(report.base.ie))}. This scenario: ${resultWords(of(report.scenario.ie))}.`;
  const rows = [{ key: 'On secured income only', value: both((ie) => ie.securedResultPence) }];
  if (report.base.ie.potentialPence || report.scenario.ie.potentialPence) rows.push({ key: 'If the potential income comes in', value: both((ie) => ie.resultPence) });
  return <SummaryRows rows={rows} />;
}
const ids = (text: string | null) => (text ?? '').split(',').filter(Boolean);

/** "What if" a potential stream is won or lost: the I&E and cash flow beside the base. */
export function ScenariosPage() {
  const plan = usePlanYear();
  const streams = useApiQuery<StreamsReport>('/api/finance/streams');
  const wonParam = plan.params.get('won') ?? '';
  const lostParam = plan.params.get('lost') ?? '';
  const [choices, setChoices] = useState<Record<string, Outcome>>({});
  useEffect(() => setChoices(Object.fromEntries([...ids(wonParam).map((id) => [id, 'won']), ...ids(lostParam).map((id) => [id, 'lost'])])), [wonParam, lostParam]);
  const asked = plan.year && (wonParam || lostParam);
  const query = `?year=${encodeURIComponent(plan.year ?? '')}&won=${wonParam}&lost=${lostParam}`;
  const scenario = useApiQuery<ScenarioReport>(asked ? `/api/finance/scenario${query}` : null);
  const potential = streams.data?.streams.filter((s) => s.status === 'potential' && s.amounts.some((a) => a.financialYear === plan.year && a.amountPence !== 0)) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const pick = (outcome: Outcome) => Object.entries(choices).filter(([, o]) => o === outcome).map(([id]) => id).join(',');
    plan.update({ year: plan.year ?? '', won: pick('won'), lost: pick('lost') });
  }

  return (
    <FinanceFrame title="Scenarios" year={plan} intro={<p className="nhsuk-body">Choose potential streams to count as won or lost, and compare the year’s I&amp;E and cash flow with the plan as it stands.</p>}>
      <Loaded query={streams} what="income streams">
        {() => (
          <form onSubmit={submit} noValidate aria-label="Scenario">
            {potential.length ? (
              potential.map((s) => (
                <Radios key={s.id} inline name={`stream-${s.id}`} id={`stream-${s.id}`} legend={`${s.name} (${s.funder}): ${formatPence(s.amounts.find((a) => a.financialYear === plan.year)?.amountPence ?? 0)} potential in ${plan.year ?? ''}`} legendProps={{ size: 's' }}>
                    {(['base', 'won', 'lost'] as const).map((outcome) => (
                      <Radios.Item key={outcome} value={outcome} checked={(choices[s.id] ?? 'base') === outcome} onChange={() => setChoices({ ...choices, [s.id]: outcome })}>
                        {outcome === 'base' ? 'As planned' : outcome === 'won' ? 'Won' : 'Lost'}
                      </Radios.Item>
                    ))}
                </Radios>
              ))
            ) : (
              <p className="nhsuk-body">There are no potential streams with money in {plan.year}.</p>
            )}
            <Button type="submit">Compare with the plan</Button>
          </form>
        )}
      </Loaded>
      {asked ? (
        <Loaded query={scenario} what="scenario">
          {(report) => (
            <section aria-labelledby="comparison-heading">
              <h2 id="comparison-heading">If {report.label}</h2>
              <Positions report={report} />
              {report.unchanged.map((note) => (
                <p key={note} className="nhsuk-body">
                  {note}
                </p>
              ))}
              {report.notes.length ? (
                <WarningCallout>
                  <WarningCallout.Heading>Money counted twice</WarningCallout.Heading>
                  {report.notes.map((note) => (
                    <p key={note}>{note}</p>
                  ))}
                </WarningCallout>
              ) : null}
              <DownloadLinks report="scenario" query={query} noun="scenario" />
              <ReportTableView table={tableNamed(report, 'scenario')!} />
              <div className="app-finance-compare">
                {(['base', 'scenario'] as const).map((side) => (
                  <div key={side}>
                    <h3>{side === 'base' ? 'Cash flow as planned' : 'Cash flow in this scenario'}</h3>
                    <CashFlowChart months={report[side].cashFlow.months} thresholdPence={report[side].cashFlow.thresholdPence} />
                  </div>
                ))}
              </div>
              <h3>Income and expenditure in this scenario</h3>
              <ReportTableView table={tableNamed(report, 'scenario-ie')!} hide={['row_type']} />
            </section>
          )}
        </Loaded>
      ) : null}
    </FinanceFrame>
  );
}
