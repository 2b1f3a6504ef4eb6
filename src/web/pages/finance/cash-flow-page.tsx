import { Button, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { LoadingPanel, Loaded } from '../../components/page-states.js';
import { formatPence, moneyColumnFormat } from '../../../domain/schemes/format-money.js';
import { monthLabel } from '../../../domain/finance/financial-year.js';
import { ReportTableView } from '../schemes/report-table.js';
import { CashFlowChart } from './cash-flow-chart.js';
import { DownloadLinks, FinanceFrame, usePlanYear } from './finance-frame.js';
import { FinanceYearForms } from './finance-year-forms.js';
import { type CashFlowReport, tableNamed } from './types.js';
import '../schemes/schemes.css';
import './finance.css';

/** A year's cash month by month, from the streams' payment terms and arrears (and linked schemes' recorded invoices and payments), with the months below a chosen threshold picked out. */
export function CashFlowPage() {
  const plan = usePlanYear();
  const admin = isAdmin(useUser());
  const threshold = plan.params.get('threshold') ?? '';
  const [typed, setTyped] = useState(threshold);
  useEffect(() => setTyped(threshold), [threshold]);
  const query = plan.year ? `?year=${encodeURIComponent(plan.year)}${threshold ? `&threshold=${encodeURIComponent(threshold)}` : ''}` : '';
  const flow = useApiQuery<CashFlowReport>(plan.year ? `/api/finance/cash-flow${query}` : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    plan.update({ threshold: typed.trim(), ...(plan.year ? { year: plan.year } : {}) });
  }

  return (
    <FinanceFrame title="Cash flow" year={plan} intro={<p className="nhsuk-body">Cash in and out each month, April to March: secured streams as their payment terms and arrears say (a stream paying for a scheme over the scheme’s months, or as its recorded invoice and payment date it), the practices’ share paid on as it comes in, and running costs.</p>}>
      <form onSubmit={submit} noValidate aria-label="Threshold">
        <TextInput id="threshold" label="Warn when the balance ends a month below" hint="In pounds, for example £20,000. Leave blank to use the year’s own threshold." width={10} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} error={flow.error?.problems.find((p) => p.field === 'threshold')?.message} />
        <Button type="submit" secondary>
          Show the cash flow
        </Button>
      </form>
      {!plan.year ? (
        <LoadingPanel what="finance plan" />
      ) : (
        <Loaded query={flow} what="cash flow">
          {(report) => {
            // The opening and closing balances written alike: both with pence when either has them.
            const balance = moneyColumnFormat([report.openingPence, report.closingPence]);
            return (
              <>
                <section aria-labelledby="balance-heading">
                  <h2 id="balance-heading">Balance each month, {report.financialYear}</h2>
                  <p className="nhsuk-body">
                    Opens at {balance(report.openingPence)} and closes at {balance(report.closingPence)}.{report.openingNote ? ` ${report.openingNote}` : ''}{' '}
                    {report.monthsBelowThreshold.length ? (
                      <span className="app-finance-low">
                        {report.monthsBelowThreshold.length} months end below {formatPence(report.thresholdPence)}: {report.monthsBelowThreshold.map(monthLabel).join(', ')}.
                      </span>
                    ) : (
                      `No month ends below ${formatPence(report.thresholdPence)}.`
                    )}
                  </p>
                  {report.datedNote ? <p className="nhsuk-body">{report.datedNote}</p> : null}
                  <CashFlowChart months={report.months} thresholdPence={report.thresholdPence} />
                  <DownloadLinks report="cash-flow" query={query} noun="cash flow" />
                  <ReportTableView table={tableNamed(report, 'cash-flow')!} />
                </section>
                <section aria-labelledby="receipts-heading">
                  <h2 id="receipts-heading">Receipts by stream</h2>
                  <ReportTableView table={tableNamed(report, 'receipts')!} />
                </section>
              </>
            );
          }}
        </Loaded>
      )}
      {admin ? <FinanceYearForms year={plan.years.find((y) => y.financialYear === plan.year)} openingNote={flow.data?.openingNote ?? null} /> : null}
    </FinanceFrame>
  );
}
