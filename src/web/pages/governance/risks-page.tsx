import { isOverdue } from '../../../domain/governance/due-dates.js';
import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { isAdmin, useUser } from '../../auth/session.js';
import type { Column } from '../../components/data-table.js';
import { InlineNav } from '../../components/inline-nav.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { formatDate, todayIso } from '../../format/format.js';
import { GovernancePage, Lines } from './governance-nav.js';
import { RiskHeatMap } from './heat-map.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { riskFields } from './risk-fields.js';
import type { Risk } from './types.js';
import { RegisterImport } from './register-import.js';

const ratingColours = { low: 'green', moderate: 'yellow', high: 'orange', extreme: 'red' } as const;

export function RiskRating({ risk }: { risk: Pick<Risk, 'score' | 'rating'> }) {
  if (!risk.rating) return <span className="nhsuk-u-secondary-text-colour">Not scored</span>;
  return <Tag modifier={ratingColours[risk.rating]}>{`${risk.score} ${risk.rating}`}</Tag>;
}

/** "3 (written M)" while the likelihood is the register's word read on the scale, so nobody thinks the number was typed; a person setting it clears the word. */
export const likelihoodText = (risk: Risk) => (risk.likelihood === null ? 'Not set' : `${risk.likelihood}${risk.likelihoodRaw && risk.likelihoodRaw !== String(risk.likelihood) ? ` (written ${risk.likelihoodRaw})` : ''}`);

export function reviewText(date: string | null) {
  // Said, not left blank: a blank cell reads as something that failed to load.
  if (!date) return <span className="nhsuk-u-secondary-text-colour">No date set</span>;
  const overdue = isOverdue(date, todayIso());
  return (
    <span className={overdue ? 'app-overdue' : undefined}>
      {formatDate(date)}
      {overdue ? ' (overdue)' : ''}
    </span>
  );
}

const columns: Column<Risk>[] = [
  { key: 'ref', header: 'Ref', sortable: true, nowrap: true, cell: (r) => <Link to={`/governance/risks/${r.id}`}>R{r.ref}</Link> },
  { key: 'risk', header: 'Risk', sortable: true, long: true, cell: (r) => r.risk },
  { key: 'ownerText', header: 'Owner', sortable: true, cell: (r) => r.ownerText ?? <span className="nhsuk-u-secondary-text-colour">No owner</span> },
  { key: 'likelihood', header: 'Likelihood', sortable: true, cell: likelihoodText },
  { key: 'impact', header: 'Impact', sortable: true, cell: (r) => (r.impact === null ? <span className="app-overdue">Not set</span> : r.impact) },
  { key: 'score', header: 'Score', sortable: true, cell: (r) => <RiskRating risk={r} /> },
  { key: 'mitigation', header: 'Mitigation', long: true, cell: (r) => <Lines text={r.mitigation} /> },
  { key: 'reviewDate', header: 'Review', sortable: true, nowrap: true, cell: (r) => reviewText(r.reviewDate) },
];

const views = [
  { key: 'open', text: 'Open risks' },
  { key: 'closed', text: 'Closed risks' },
  { key: 'all', text: 'All risks' },
] as const;

/** The risk register: the heat map, then the open (or closed, or every) risk with its score, owner, mitigation and review date. */
export function RisksPage() {
  const user = useUser();
  const list = useListParams(['ref', 'status', 'q'], { status: 'open' });
  const view = views.find((v) => v.key === (list.params.get('status') ?? 'open')) ?? views[0];
  const { status: _status, ...others } = list.filters;
  const filters = view.key === 'all' ? others : list.filters;
  return (
    <GovernancePage title="Risk register">
      <p className="nhsuk-body">Each risk is scored likelihood × impact on the 5 × 5 matrix. Every change of score is kept with its date and who made it.</p>
      <RiskHeatMap />
      <h2 id="risk-list">{view.text}</h2>
      <InlineNav label="Which risks" items={views.map((v) => ({ ...v, to: list.hrefWith({ status: v.key === 'open' ? '' : v.key, page: undefined }) }))} current={view.key} />
      <RecordTable resource="risks" caption={view.text} captionHidden columns={columns} rowKey={(r) => r.id} filters={filters} sort={list.sort} page={list.page} onSort={list.toggleSort} hrefForPage={(page) => list.hrefWith({ page })} noun="risks" />
      {isAdmin(user) ? <GovernanceRecordForm<Risk> resource="risks" id="add-risk" heading="Add a risk" fields={riskFields} submitLabel="Add risk" saved={(r) => `Added risk R${r.ref}.`} invalidates={['/api/risks/heat-map']} /> : null}
      {isAdmin(user) ? <RegisterImport resource="risks" noun="risks" columns="id, risk and likelihood (and, where known, mitigation, context, owner, impact, review_date, status)" /> : null}
    </GovernancePage>
  );
}
