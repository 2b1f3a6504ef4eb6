import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { Loaded } from '../../components/page-states.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { actorName, formatDate, humanise } from '../../format/format.js';
import { GovernancePage, Lines } from './governance-nav.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { RecordHistory } from './record-history.js';
import { RouteRecord } from './route-record.js';
import { riskFields, riskReviewFields } from './risk-fields.js';
import { likelihoodText, reviewText, RiskRating } from './risks-page.js';
import type { Risk, RiskScore } from './types.js';

const historyColumns: Column<RiskScore>[] = [
  { key: 'recordedOn', header: 'Date', nowrap: true, cell: (h) => formatDate(h.recordedOn) },
  { key: 'likelihood', header: 'Likelihood', numeric: true, cell: (h) => h.likelihood ?? 'Not set' },
  { key: 'impact', header: 'Impact', numeric: true, cell: (h) => h.impact ?? 'Not set' },
  { key: 'score', header: 'Score', numeric: true, cell: (h) => h.score ?? 'Not scored' },
  { key: 'recordedBy', header: 'By', cell: (h) => actorName(h.recordedBy) },
];

function RiskDetails({ risk }: { risk: Risk }) {
  const user = useUser();
  const history = useApiQuery<{ items: RiskScore[]; mayReview: boolean }>(`/api/risks/${risk.id}/history`);
  return (
    <GovernancePage title={`R${risk.ref}: ${risk.risk}`} crumbs={[{ to: '/governance/risks', text: 'Risk register' }]}>
      <SummaryRows
        rows={[
          { key: 'Status', value: risk.closedOn ? `${humanise(risk.status)} on ${formatDate(risk.closedOn)}` : humanise(risk.status) },
          { key: 'Owner', value: risk.ownerText },
          { key: 'Cause and effect', value: risk.causeEffect },
          { key: 'Context', value: risk.context },
          { key: 'Likelihood', value: likelihoodText(risk) },
          { key: 'Impact', value: risk.impact ?? 'Not set: the register this came from gives no impact' },
          { key: 'Score', value: <RiskRating risk={risk} /> },
          { key: 'Target score', value: risk.targetScore },
          { key: 'Mitigation actions', value: <Lines text={risk.mitigation} /> },
          { key: 'Review date', value: reviewText(risk.reviewDate) },
        ]}
      />
      <h2>Score history</h2>
      <Loaded query={history} what="score history">
        {(data) => <DataTable caption="Score history" captionHidden columns={historyColumns} rows={data.items} rowKey={(h) => h.id} compact />}
      </Loaded>
      {isAdmin(user) ? (
        <GovernanceRecordForm<Risk> resource="risks" id="edit-risk" heading="Change this risk" fields={riskFields} record={risk} submitLabel="Save changes" saved={(r) => `Saved R${r.ref}.`} invalidates={['/api/risks/heat-map']} />
      ) : history.data?.mayReview ? (
        // An owner is asked for the review on My items, and records it here.
        <GovernanceRecordForm<Risk> resource="risks" id="review-risk" heading="Record your review" fields={riskReviewFields} record={risk} submitLabel="Save review" saved={(r) => `Saved your review of R${r.ref}.`} invalidates={['/api/risks/heat-map', `/api/risks/${risk.id}/history`]} />
      ) : (
        <p className="nhsuk-body">The federation keeps the risk register, and the risk’s owners record its review: send any change to it to the federation, who records it here.</p>
      )}
      <RecordHistory resource="risks" id={risk.id} />
    </GovernancePage>
  );
}

export const RiskPage = () => <RouteRecord<Risk> resource="risks" what="risk">{(data) => <RiskDetails risk={data} />}</RouteRecord>;
