import { Details, Heading, WarningCallout } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { may } from '../../auth/may.js';
import { useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { formatDate, formatList, formatNumber } from '../../format/format.js';
import { ApplicationStatusTag } from './application-status.js';
import { type Application, applicantName, type FundReport, type FundYear, type Position, type ShareRow } from './types.js';
import '../contracts/contracts.css';
import { ExportLinks } from '../../components/export-links.js';

/** A warning the fund's report gives, a sentence each, with what it means for applying: nothing when there are none. */
function FundWarnings({ testId, heading, sentences, children }: { testId: string; heading: [one: string, many: string]; sentences: string[]; children: ReactNode }) {
  if (!sentences.length) return null;
  return (
    <WarningCallout data-testid={testId}>
      <WarningCallout.Heading headingLevel="h2">{sentences.length === 1 ? heading[0] : heading[1]}</WarningCallout.Heading>
      <ul>
        {sentences.map((s) => (
          <li key={s}>{s}.</li>
        ))}
      </ul>
      <p>{children}</p>
    </WarningCallout>
  );
}

const yearColumns: Column<FundYear>[] = [
  { key: 'year', header: 'Financial year', cell: (y) => y.year },
  { key: 'rate', header: 'Rate per patient', numeric: true, pence: (y) => y.ratePence },
  { key: 'list', header: 'Patients', numeric: true, cell: (y) => formatNumber(y.listTotal) },
  { key: 'total', header: 'Total', numeric: true, pence: (y) => y.totalPence },
];

function shareColumns(years: FundYear[], first: Column<ShareRow>[]): Column<ShareRow>[] {
  return [
    ...first,
    { key: 'list', header: 'Patients', numeric: true, cell: (r) => formatNumber(r.listSize) },
    ...years.map((y, i): Column<ShareRow> => ({ key: y.year, header: y.year, numeric: true, pence: (r) => r.byYearPence[i] })),
    { key: 'total', header: 'Total', numeric: true, pence: (r) => r.totalPence },
  ];
}

const money = (key: keyof Position & `${string}Pence`, header: string): Column<Position> => ({ key, header, numeric: true, pence: (p) => p[key] });
const positionColumns: Column<Position>[] = [
  { key: 'name', header: 'Locality', cell: (p) => p.name },
  money('allocatedPence', 'Allocated'),
  money('requestedPence', 'Waiting for a decision'),
  money('approvedPence', 'Approved'),
  money('drawnPence', 'Drawn'),
  money('remainingPence', 'Left to apply for'),
];

const applicationColumns: Column<Application>[] = [
  { key: 'title', header: 'Application', cell: (a) => <Link to={`/fund-applications/${a.id}`}>{a.title}</Link> },
  { key: 'by', header: 'Applicant', cell: applicantName },
  { key: 'status', header: 'Status', cell: (a) => <ApplicationStatusTag status={a.status} /> },
  { key: 'requested', header: 'Asked for', numeric: true, pence: (a) => a.requestedPence },
  { key: 'approved', header: 'Approved', numeric: true, pence: (a) => a.approvedPence },
  { key: 'drawn', header: 'Drawn', numeric: true, pence: (a) => a.drawnPence },
];

const sum = (rows: ShareRow[], i: number) => rows.reduce((t, r) => t + r.byYearPence[i]!, 0);

/** A fund's calculator (each locality's and practice's share by list), each locality's position, and the applications. */
export function FundPage() {
  const { id } = useParams();
  const user = useUser();
  const report = useApiQuery<FundReport>(`/api/funds/${id}/report`);
  usePageTitle(report.data?.fund.name ?? 'Fund');
  return (
    <Loaded query={report} what="fund">
      {({ fund, footprintName, calculation, withoutListSize, departures, heldBeyondShare, positions, totals, applications }) => {
        const totalCells = (rows: ShareRow[]) => ({ list: formatNumber(calculation.listTotal), total: calculation.totalPence, ...Object.fromEntries(calculation.years.map((y, i) => [y.year, sum(rows, i)])) });
        return (
          <>
            <PageBreadcrumb items={[{ to: '/funds', text: 'Funds' }]} />
            <Heading headingLevel="h1">{fund.name}</Heading>
            <p className="nhsuk-body">
              From {fund.commissioner} for {footprintName}, on the registered lists of {formatDate(fund.listSnapshotDate)}. {fund.description}
            </p>
            {withoutListSize.length ? (
              <p className="nhsuk-body" data-testid="without-list-size">
                No list size on {formatDate(fund.listSnapshotDate)} for {formatList(withoutListSize)}, so {withoutListSize.length === 1 ? 'it has' : 'they have'} no share of the fund.
              </p>
            ) : null}
            <FundWarnings testId="fund-departures" heading={['A practice with a share has closed or left', 'Practices with a share have closed or left']} sentences={departures}>
              Their shares stay in their localities’ pots. A practice cannot apply after it closed or left; its locality can.
            </FundWarnings>
            <FundWarnings testId="fund-held-beyond-share" heading={['Approved beyond a share', 'Approved beyond their shares']} sentences={heldBeyondShare}>
              What was approved stands; nothing more can be approved or asked for from these pots until their shares cover it.
            </FundWarnings>
            {user.role === 'admin' ? (
              <p className="nhsuk-body">
                <Link to={`/funds/${fund.id}/edit`}>Change the fund’s details and rates</Link>
              </p>
            ) : null}
            <ExportLinks base={`/api/funds/${fund.id}/export`} noun={`${fund.name}: localities, practices and applications`} formats={['xlsx']} />
            <Heading headingLevel="h2">What the fund comes to</Heading>
            <DataTable caption="Fund total by financial year" captionHidden columns={yearColumns} rows={calculation.years} rowKey={(y) => y.year} total={{ label: 'Total', cells: { total: calculation.totalPence } }} narrow />
            <Heading headingLevel="h2">Each locality’s share</Heading>
            <p className="nhsuk-body">Shared by list size: each practice’s share of the total, in pennies that add up exactly; a locality’s share is its practices’ shares added up.</p>
            <div className="app-money-table">
              <DataTable caption="Share by locality" captionHidden columns={shareColumns(calculation.years, [{ key: 'name', header: 'Locality', cell: (r) => r.name }])} rows={calculation.localities} rowKey={(r) => r.key} total={{ label: 'Total', cells: totalCells(calculation.localities) }} compact moneyAcross />
            </div>
            <Details>
              <Details.Summary>Each practice’s share</Details.Summary>
              <Details.Text>
                <DataTable caption="Share by practice" captionHidden columns={shareColumns(calculation.years, [{ key: 'name', header: 'Practice', cell: (r) => `${r.name} (${r.key})` }, { key: 'locality', header: 'Locality', cell: (r) => r.locality ?? '' }])} rows={calculation.practices} rowKey={(r) => r.key} total={{ label: 'Total', cells: totalCells(calculation.practices) }} compact moneyAcross />
              </Details.Text>
            </Details>
            <Heading headingLevel="h2">Allocated, approved and drawn</Heading>
            <DataTable caption="Position by locality" captionHidden columns={positionColumns} rows={positions} rowKey={(p) => p.name} total={{ label: 'Total', cells: totals }} compact moneyAcross />
            <Heading headingLevel="h2">Applications</Heading>
            {may(user, 'fund_application', 'create') || calculation.practices.some((p) => may(user, 'fund_application', 'create', p.key)) ? (
              <p className="nhsuk-body">
                <Link to={`/funds/${fund.id}/apply`}>Apply for money from this fund</Link>
              </p>
            ) : user.role === 'practice_manager' ? (
              <p className="nhsuk-body">Your practice is not in this fund’s footprint, so it cannot apply to it.</p>
            ) : null}
            <DataTable caption="Applications" captionHidden columns={applicationColumns} rows={applications} rowKey={(a) => a.id} empty={user.role === 'practice_manager' ? 'Neither your practice nor its locality has applied to this fund.' : 'No applications yet.'} compact moneyAcross />
          </>
        );
      }}
    </Loaded>
  );
}
