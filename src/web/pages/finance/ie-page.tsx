import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { LoadingPanel, Loaded } from '../../components/page-states.js';
import { positionsWords, resultWords } from '../../../domain/finance/income-expenditure.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { ReportTableView } from '../schemes/report-table.js';
import { DownloadLinks, FinanceFrame, usePlanYear } from './finance-frame.js';
import { RunningCostLines } from './budget-lines.js';
import { IncomeLines } from './income-lines.js';
import { type IeReport, type RunningCostsReport, tableNamed } from './types.js';
import '../schemes/schemes.css';
import './finance.css';

/** The lines that are a scheme's fee: the planned figure, the fee worked out from delivered activity, and the result with it. */
function SchemeFees({ report }: { report: IeReport }) {
  const table = tableNamed(report, 'scheme-fees');
  if (!table?.rows.length) return null;
  const worked = report.schemeFees.withWorkedOutFees;
  return (
    <>
      <h3>Scheme fees</h3>
      <p className="nhsuk-body">
        {worked
          ? `With the schemes’ fees worked out from their delivered activity: ${resultWords(worked.resultPence)}${report.potentialPence ? ' if the potential income comes in' : ''}. The plan’s figures above are unchanged.`
          : 'No delivered activity is recorded yet for the schemes these lines stand for, so the planned figures stand.'}
      </p>
      <ReportTableView table={table} />
    </>
  );
}


/**
 * The year's result, cautious first: on secured income only, then if the potential income comes in
 * (the plan's printed result), each labelled; and why the secured income is not the streams'.
 */
function Headline({ report }: { report: IeReport }) {
  const [secured, withPotential] = positionsWords(report);
  return (
    <>
      <h2 id="ie-heading">
        {report.financialYear}: {secured!.words}
        {withPotential ? ` ${secured!.label.toLowerCase()}` : ''}
      </h2>
      {withPotential ? (
        <p className="nhsuk-body-l">
          {withPotential.label}: {withPotential.words}.
        </p>
      ) : null}
      <p className="nhsuk-body">
        Secured income {formatPence(report.securedPence)} against running costs of {formatPence(report.runningCostsPence)}
        {withPotential ? `; with the potential income, total income is ${formatPence(report.totalIncomePence)}` : ''}.
        {report.againstStreams ? ` ${report.againstStreams}` : ''}
      </p>
    </>
  );
}

/** A year's I&E: secured and potential income lines, running costs, the surplus or deficit; admins add, change and remove income and running-cost lines. */
export function IePage() {
  const user = useUser();
  const plan = usePlanYear();
  const query = plan.year ? `?year=${encodeURIComponent(plan.year)}` : '';
  const ie = useApiQuery<IeReport>(plan.year ? `/api/finance/ie${query}` : null);
  const costs = useApiQuery<RunningCostsReport>(plan.year ? `/api/finance/running-costs${query}` : null);
  return (
    <FinanceFrame title="Income and expenditure" year={plan}>
      {!plan.year ? (
        <LoadingPanel what="finance plan" />
      ) : (
        <>
          <Loaded query={ie} what="I&E">
            {(report) => (
              <section aria-labelledby="ie-heading">
                <Headline report={report} />
                <DownloadLinks report="ie" query={query} noun="I&E" />
                <ReportTableView table={report.tables[0]!} hide={['row_type']} />
                <SchemeFees report={report} />
              </section>
            )}
          </Loaded>
          <Loaded query={costs} what="running costs">
            {(report) => (
              <section aria-labelledby="costs-heading">
                <h2 id="costs-heading">Running costs {report.financialYear}</h2>
                <DownloadLinks report="running-costs" query={query} noun="running costs" />
                <ReportTableView table={report.tables[0]!} />
              </section>
            )}
          </Loaded>
          {isAdmin(user) ? (
            <>
              <IncomeLines year={plan.year} />
              <RunningCostLines year={plan.year} />
            </>
          ) : null}
        </>
      )}
    </FinanceFrame>
  );
}
