import { Heading } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { formatDate, formatMoney, formatNumber } from '../../format/format.js';
import type { FundSummary } from './types.js';
import { ExportLinks } from '../../components/export-links.js';
import { FinanceNav } from '../finance/finance-frame.js';

const money = (key: keyof FundSummary & `${string}Pence`, header: string): Column<FundSummary> => ({ key, header, numeric: true, pence: (f) => f[key] });

const columns: Column<FundSummary>[] = [
  // Who gives the money is said under the fund's name, as the fund's own page says it ("From ELR CCG"):
  // in a column of its own it was one too many for the table to fit a laptop.
  {
    key: 'name',
    header: 'Fund',
    cell: (f) => (
      <>
        <Link to={`/funds/${f.id}`}>{f.name}</Link>
        <span className="nhsuk-u-display-block nhsuk-u-secondary-text-colour">From {f.commissioner}</span>
      </>
    ),
  },
  { key: 'rates', header: 'Rate per patient', cell: (f) => f.years.map((y) => `${formatMoney(y.ratePence)} in ${y.year}`).join(', ') },
  // The count and its date each stay on one line, but not the two together: held as one, this
  // column (with the money headings) pushed "Left to apply for" out of sight on a laptop.
  {
    key: 'list',
    header: 'Patients',
    cell: (f) => (
      <>
        <span className="app-nowrap">{formatNumber(f.listTotal)}</span> at <span className="app-nowrap">{formatDate(f.listSnapshotDate)}</span>
      </>
    ),
  },
  money('allocatedPence', 'Allocated'),
  // "Left to apply for" is allocated less what is waiting for a decision and what is approved, so both are shown.
  money('requestedPence', 'Waiting for a decision'),
  money('approvedPence', 'Approved'),
  money('drawnPence', 'Drawn'),
  money('remainingPence', 'Left to apply for'),
];

const moneyKeys = ['allocatedPence', 'requestedPence', 'approvedPence', 'drawnPence', 'remainingPence'] as const;

/** Every fund's money added up, for a federation with more than one fund. */
const allFunds = (funds: readonly FundSummary[], label: string) => ({ label, cells: Object.fromEntries(moneyKeys.map((key) => [key, funds.reduce((sum, f) => sum + f[key], 0)])) });

/** The funds of each federation (PCN, ICB footprint) apart, in the order first met: one group's money is never added to another's. */
function byGroup(funds: readonly FundSummary[]): { id: number; name: string; funds: FundSummary[] }[] {
  const groups = new Map<number, { id: number; name: string; funds: FundSummary[] }>();
  for (const fund of funds) {
    const group = groups.get(fund.within.id) ?? { ...fund.within, funds: [] };
    group.funds.push(fund);
    groups.set(fund.within.id, group);
  }
  return [...groups.values()];
}

function FundsTable({ funds, caption, total }: { funds: FundSummary[]; caption: string; total: string }) {
  return <DataTable caption={caption} captionHidden columns={columns} rows={funds} rowKey={(f) => f.id} total={funds.length > 1 ? allFunds(funds, total) : undefined} empty="No funds have been set up yet." compact scrolls moneyAcross />;
}

/** Money given per registered patient, and how much of it is approved and drawn down. */
export function FundsListPage() {
  usePageTitle('Funds');
  const admin = isAdmin(useUser());
  const funds = useApiQuery<{ items: FundSummary[] }>('/api/fund-overview');
  return (
    <>
      <Heading headingLevel="h1">Funds</Heading>
      <FinanceNav />
      <p className="nhsuk-body">Funds a commissioner gives per registered patient. Localities and practices apply for their share with a business case; approved money is drawn down against evidence.</p>
      {admin ? (
        <p className="nhsuk-body">
          <Link to="/funds/new">Add a fund</Link>
        </p>
      ) : null}
      <Loaded query={funds} what="funds">
        {(data) => <FundsByGroup funds={data.items} />}
      </Loaded>
    </>
  );
}

/** One table of funds, or one per federation where the funds are for several. */
function FundsByGroup({ funds }: { funds: FundSummary[] }) {
  const groups = byGroup(funds);
  return (
    <>
      <ExportLinks base="/api/fund-overview/export" noun="the funds" />
      {groups.length > 1 ? (
        groups.map((group) => (
          <section key={group.id} aria-labelledby={`funds-of-${group.id}`}>
            <h2 id={`funds-of-${group.id}`}>{group.name}</h2>
            <FundsTable funds={group.funds} caption={`Funds for ${group.name}`} total={`All funds for ${group.name}`} />
          </section>
        ))
      ) : (
        <FundsTable funds={funds} caption="Funds" total="All funds" />
      )}
    </>
  );
}
