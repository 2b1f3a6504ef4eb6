import { Link, useParams } from 'react-router';
import type { PracticeMoney } from '../../../app/finance/practice-money.js';
import { contributionsLabel } from '../../../domain/schemes/contribution-basis.js';
import { practicePaymentWords } from '../../../domain/schemes/settlement.js';
import { useApiQuery } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ApiErrorPanel, Loaded } from '../../components/page-states.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { formatDate, formatMoney } from '../../format/format.js';
import { ApplicationStatusTag } from '../funds/application-status.js';
import type { ApplicationStatus } from '../funds/types.js';
import { schemePath } from '../schemes/types.js';
import { FinanceFrame } from './finance-frame.js';
import './finance.css';

type SchemeMoney = PracticeMoney['schemes'][number];

/**
 * Each scheme's row says why its figures are what they are: what the practice delivered, or its share
 * of money per head (as its statement sums it up), a link to that statement, which shows the working, and to the scheme's page.
 */
const schemeColumns = (odsCode: string): Column<SchemeMoney>[] => [
  { key: 'scheme', header: 'Scheme', cell: (s) => <Link to={`/schemes/${s.schemeId}`}>{s.name}</Link> },
  { key: 'version', header: 'Version', cell: (s) => s.version, numeric: true },
  // Earned for the activity it delivered, or its share of money per head.
  { key: 'receives', header: 'Earned', pence: (s) => s.receivesPence, cell: () => 'None', numeric: true },
  // Paid only once the federation records paying the practices; until then, earned and not yet paid.
  { key: 'payment', header: 'Payment', cell: (s) => (s.receivesPence === null ? null : practicePaymentWords(s.settlement)) },
  {
    key: 'why',
    header: 'What for',
    cell: (s) => (
      <>
        {s.delivered ? (
          <>
            {s.delivered}
            <br />
          </>
        ) : null}
        <a href={`${schemePath(s.schemeId)}/statements/${encodeURIComponent(odsCode)}.pdf?version=${s.version}`}>
          Statement (PDF)<span className="nhsuk-u-visually-hidden"> for {s.name}</span>
        </a>
      </>
    ),
  },
  { key: 'pays', header: 'The practice’s contribution, all years', pence: (s) => s.paysPence, cell: () => 'None', numeric: true },
  {
    key: 'years',
    header: 'Contribution by year',
    // Which schedule it is, as the scheme's page and the statement say (DOMAIN 4.2: there can be two).
    cell: (s) =>
      s.contributionBasis ? (
        <>
          {s.years.map((y) => `${y.year}: ${formatMoney(y.paysPence)}`).join('; ')}
          <br />
          <span className="nhsuk-u-secondary-text-colour">{contributionsLabel(s.contributionBasis)}</span>
        </>
      ) : null,
  },
];

const subContractColumns: Column<PracticeMoney['subContracts'][number]>[] = [
  { key: 'contract', header: 'Contract', cell: (c) => <Link to={`/contracts/${c.contractId}`}>{c.title}</Link> },
  { key: 'share', header: 'Practice’s share', cell: (c) => `${c.sharePercent}%`, numeric: true },
  { key: 'signed', header: 'Signed', cell: (c) => (c.signedDate ? formatDate(c.signedDate) : 'Not signed yet') },
];

const applicationColumns: Column<PracticeMoney['fundApplications'][number]>[] = [
  { key: 'fund', header: 'Fund', cell: (a) => <Link to={`/funds/${a.fundId}`}>{a.fundName}</Link> },
  { key: 'title', header: 'Application', cell: (a) => <Link to={`/fund-applications/${a.id}`}>{a.title}</Link> },
  // In the words the fund and application pages use.
  { key: 'status', header: 'Status', cell: (a) => <ApplicationStatusTag status={a.status as ApplicationStatus} /> },
  { key: 'requested', header: 'Asked for', pence: (a) => a.requestedPence, numeric: true },
  { key: 'approved', header: 'Approved', pence: (a) => a.approvedPence, numeric: true },
  { key: 'drawn', header: 'Drawn', pence: (a) => a.drawnPence, numeric: true },
];

/** What one practice receives and pays: scheme payments and contributions, sub-contracts and fund applications. */
export function PracticeMoneyPage() {
  const { code = '' } = useParams();
  const money = useApiQuery<PracticeMoney>(`/api/practices/${encodeURIComponent(code)}/money`);
  const title = money.data ? `Money for ${money.data.practice.name}` : 'Money for a practice';
  // No such practice, or not theirs: the page is the not-found or permission page, headed as its title says.
  if (money.error && !money.data && (money.error.status === 404 || money.error.status === 403)) return <ApiErrorPanel error={money.error} />;
  return (
    <FinanceFrame title={title} intro={<p className="nhsuk-body">What the practice is paid and what it pays across the federation’s schemes, the contracts it is sub-contracted under and its own fund applications.</p>}>
      <Loaded query={money} what="the practice’s money">
        {(data) => (
          <>
            <SummaryRows
              rows={[
                { key: 'Practice', value: <Link to={`/practices/${data.practice.odsCode}`}>{`${data.practice.name} (${data.practice.odsCode})`}</Link> },
                // Money not yet paid is never called paid: what schemes owe the practice is said apart from what they have paid.
                { key: 'Paid to the practice by schemes', value: formatMoney(data.totals.paidPence) },
                { key: 'Earned under schemes, not yet paid', value: formatMoney(data.totals.notYetPaidPence) },
                // A multi-year scheme's contribution is every year's: said, as the by-year column below splits it.
                { key: 'The practice’s contributions to schemes’ costs, all years', value: formatMoney(data.totals.paysPence) },
              ]}
            />
            <h2>Schemes</h2>
            <DataTable caption="Schemes" captionHidden columns={schemeColumns(data.practice.odsCode)} rows={data.schemes} rowKey={(s) => String(s.schemeId)} empty="The practice takes part in no scheme." />
            <h2>Sub-contracts</h2>
            <DataTable caption="Sub-contracts" captionHidden columns={subContractColumns} rows={data.subContracts} rowKey={(c) => String(c.contractId)} empty="The practice holds no sub-contracts." />
            <h2>Fund applications</h2>
            <DataTable caption="Fund applications" captionHidden columns={applicationColumns} rows={data.fundApplications} rowKey={(a) => String(a.id)} empty="The practice has made no fund applications of its own." />
          </>
        )}
      </Loaded>
    </FinanceFrame>
  );
}
