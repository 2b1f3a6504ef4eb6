import { Button, Heading } from 'nhsuk-react-components';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { may } from '../../auth/may.js';
import type { SessionUser } from '../../api/types.js';
import { useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { type SummaryRow, SummaryRows } from '../../components/summary-rows.js';
import { actorName, formatDate, formatDateTime, formatMoney } from '../../format/format.js';
import { dayInEngland } from '../../../domain/iso-date.js';
import { ApplicationStatusTag } from './application-status.js';
import { DecisionForm, DrawdownForm, TakeBackDrawdown } from './decision-forms.js';
import { applicantName, type ApplicationDetail, statusLabels } from './types.js';
import { WithdrawForm } from './withdraw-form.js';

type Line = ApplicationDetail['lines'][number];
type Drawdown = ApplicationDetail['drawdowns'][number];

const lineColumns: Column<Line>[] = [
  { key: 'no', header: 'Line', numeric: true, cell: (l) => l.lineNo },
  { key: 'description', header: 'What it is for', cell: (l) => l.description },
  { key: 'amount', header: 'Amount', numeric: true, pence: (l) => l.amountPence },
];
/** The drawdowns; an admin may take one back that was recorded in error (`takeBack` asks first). */
const drawdownColumns = (takeBack?: (d: Drawdown) => void): Column<Drawdown>[] => [
  { key: 'date', header: 'Date', nowrap: true, cell: (d) => formatDate(d.drawnOn) },
  { key: 'evidence', header: 'Evidence', cell: (d) => d.evidence },
  { key: 'by', header: 'Recorded by', cell: (d) => actorName(d.recordedBy) },
  { key: 'amount', header: 'Amount', numeric: true, pence: (d) => d.amountPence },
  ...(takeBack
    ? [
        {
          key: 'action',
          header: 'Action',
          cell: (d: Drawdown) => (
            <Button type="button" secondary small onClick={() => takeBack(d)}>
              Take back<span className="nhsuk-u-visually-hidden"> the drawdown of {formatMoney(d.amountPence)} on {formatDate(d.drawnOn)}</span>
            </Button>
          ),
        },
      ]
    : []),
];

/** The applicant may withdraw: an admin, or the manager of the practice that applied (as the server decides). */
const mayWithdraw = (user: SessionUser, practiceCode: string | null) => may(user, 'fund_withdrawal', 'create', practiceCode);

/** "1 June 2018 (recorded 26 November 2026 at 1:35am)": the day something was done, and when it was recorded if that was later; the time alone when alike. */
function dayRecorded(day: string | null, at: string): string {
  const recorded = formatDateTime(at);
  if (!day || day === dayInEngland(new Date(at))) return recorded;
  return `${formatDate(day)} (recorded ${recorded})`;
}

/**
 * Where the decision stands, without rows for what has not happened: withdrawn (when and by whom),
 * waiting for the commissioner, or decided (what was approved, when, by whom and why, and what is drawn).
 */
function decisionRows(application: ApplicationDetail['application']): SummaryRow[] {
  if (application.withdrawnAt) return [{ key: 'Withdrawn', value: `${formatDateTime(application.withdrawnAt)} by ${actorName(application.withdrawnBy)}` }];
  if (application.status === 'submitted') return [{ key: 'Decision', value: 'Waiting for the commissioner’s decision' }];
  const approved = application.status === 'approved' || application.status === 'part_approved';
  return [
    ...(approved ? [{ key: 'Approved', value: formatMoney(application.approvedPence) }] : []),
    // The day it was decided; when it was recorded later, that too.
    { key: 'Decision', value: application.decidedAt ? `${dayRecorded(application.decidedOn, application.decidedAt)} by ${actorName(application.decidedBy)}${application.decisionReason ? `: ${application.decisionReason}` : ''}` : null },
    ...(approved ? [{ key: 'Drawn', value: `${formatMoney(application.drawnPence)} (${formatMoney(application.leftToDrawPence)} left to draw)` }] : []),
  ];
}

/** One application: its business case, the commissioner's decision and the money drawn down. */
export function ApplicationPage() {
  const { id } = useParams();
  const user = useUser();
  const detail = useApiQuery<ApplicationDetail>(`/api/fund-applications/${id}`);
  usePageTitle(detail.data?.application.title ?? 'Application');
  // Just sent (the apply page says so as it comes here), or just decided on this page.
  const sent = Boolean((useLocation().state as { sent?: boolean } | null)?.sent);
  const [decisions, setDecisions] = useState(0);
  const [withdrawals, setWithdrawals] = useState(0);
  const [takingBack, setTakingBack] = useState<number | null>(null);
  const [takenBack, setTakenBack] = useState(0);
  return (
    <Loaded query={detail} what="application">
      {({ application, fund, lines, drawdowns }) => {
        const decided = application.status === 'approved' || application.status === 'part_approved';
        return (
          <>
            <PageBreadcrumb items={[{ to: '/funds', text: 'Funds' }, { to: `/funds/${fund.id}`, text: fund.name }]} />
            <SuccessBanner id="application-sent" count={sent && !decisions && !withdrawals ? 1 : 0}>
              Application sent. The commissioner decides it; its status shows here.
            </SuccessBanner>
            <SuccessBanner id="decision-recorded" count={decisions}>
              Decision recorded: {statusLabels[application.status].toLowerCase()}.
            </SuccessBanner>
            <SuccessBanner id="application-withdrawn" count={withdrawals}>
              Application withdrawn. The commissioner will not be asked to decide it.
            </SuccessBanner>
            <Heading headingLevel="h1">{application.title}</Heading>
            <SummaryRows
              rows={[
                { key: 'Status', value: <ApplicationStatusTag status={application.status} /> },
                { key: 'Applicant', value: applicantName(application) },
                { key: 'Purpose', value: application.purpose },
                { key: 'Milestones', value: application.milestones },
                { key: 'Asked for', value: formatMoney(application.requestedPence) },
                { key: 'Applied', value: `${application.submittedOn ? dayRecorded(application.submittedOn, application.createdAt) : `Day not recorded (entered ${formatDateTime(application.createdAt)})`} by ${actorName(application.submittedBy)}` },
                ...decisionRows(application),
              ]}
            />
            <Heading headingLevel="h2">Costed lines</Heading>
            <DataTable caption="Costed lines" captionHidden columns={lineColumns} rows={lines} rowKey={(l) => l.id} total={{ label: 'Total', cells: { amount: application.requestedPence } }} compact />
            {user.role === 'commissioner' && application.status === 'submitted' ? <DecisionForm application={application} onDecided={() => setDecisions((n) => n + 1)} /> : null}
            {application.status === 'submitted' && mayWithdraw(user, application.practiceCode) ? <WithdrawForm application={application} onWithdrawn={() => setWithdrawals((n) => n + 1)} /> : null}
            {decided ? (
              <>
                <Heading headingLevel="h2">Drawdowns</Heading>
                <SuccessBanner id="drawdown-taken-back" count={takenBack}>
                  Drawdown taken back.
                </SuccessBanner>
                <DataTable caption="Drawdowns" captionHidden columns={drawdownColumns(user.role === 'admin' ? (d) => setTakingBack(d.id) : undefined)} rows={drawdowns} rowKey={(d) => d.id} empty="Nothing has been drawn down yet." total={drawdowns.length ? { label: 'Total', cells: { amount: application.drawnPence } } : undefined} />
                {takingBack !== null && drawdowns.some((d) => d.id === takingBack) ? (
                  <TakeBackDrawdown
                    application={application}
                    drawdown={drawdowns.find((d) => d.id === takingBack)!}
                    onDone={(taken) => {
                      setTakingBack(null);
                      if (taken) setTakenBack((n) => n + 1);
                    }}
                  />
                ) : null}
                {user.role === 'admin' ? <DrawdownForm application={application} /> : null}
                {/* Only the federation records a drawdown: whoever applied is told how theirs is made. */}
                {user.role === 'practice_manager' && application.leftToDrawPence > 0 ? (
                  <p className="nhsuk-body">To draw on the {formatMoney(application.leftToDrawPence)} left, send the federation the invoices or other evidence of what was spent: it records each drawdown here.</p>
                ) : null}
              </>
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}
