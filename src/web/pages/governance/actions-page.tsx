import { isOverdue } from '../../../domain/governance/due-dates.js';
import { Checkboxes, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { Loaded } from '../../components/page-states.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { formatDate, todayIso } from '../../format/format.js';
import { actionFields } from './action-fields.js';
import { GovernancePage } from './governance-nav.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { actionStatusLabels, type BoardAction, type Meeting } from './types.js';

export const isOverdueAction = (a: BoardAction) => isOverdue(a.dueDate, todayIso(), a.status === 'closed');

export function ActionStatus({ action }: { action: BoardAction }) {
  if (isOverdueAction(action)) return <Tag modifier="red">Overdue</Tag>;
  return <Tag modifier={action.status === 'closed' ? 'grey' : action.status === 'carried_forward' ? 'blue' : 'white'}>{actionStatusLabels[action.status]}</Tag>;
}

/** The meetings, by id, for "raised at" links. */
export function useMeetings() {
  return useApiQuery<Page<Meeting>>('/api/meetings?pageSize=1000&sort=heldOn');
}

export function MeetingLink({ id, meetings }: { id: number | null; meetings: Meeting[] }) {
  const meeting = meetings.find((m) => m.id === id);
  return meeting ? <Link to={`/governance/meetings/${meeting.id}`}>{meeting.title}</Link> : null;
}

export function actionColumns(meetings: Meeting[]): Column<BoardAction>[] {
  return [
    { key: 'ref', header: 'Ref', sortable: true, nowrap: true, cell: (a) => <Link to={`/governance/actions/${a.id}`}>{a.ref}</Link> },
    { key: 'action', header: 'Action', sortable: true, cell: (a) => a.action },
    { key: 'ownerText', header: 'Owner', sortable: true, cell: (a) => a.ownerText },
    { key: 'dueDate', header: 'Due', sortable: true, nowrap: true, cell: (a) => (a.dueDate ? formatDate(a.dueDate) : 'No date') },
    { key: 'status', header: 'Status', sortable: true, cell: (a) => <ActionStatus action={a} /> },
    { key: 'meetingId', header: 'Raised at', sortable: true, cell: (a) => <MeetingLink id={a.meetingId} meetings={meetings} /> },
  ];
}

/** The board action log: each action with owner, due date, status and the meeting that raised it. */
export function ActionsPage() {
  const user = useUser();
  const list = useListParams(['status', 'q']);
  const meetings = useMeetings();
  const overdueOnly = list.params.get('overdue') === 'yes';
  const rows = meetings.data?.items ?? [];
  return (
    <GovernancePage title="Board action log">
      <p className="nhsuk-body">Actions raised at board meetings. Updates are added as dated entries and never overwritten; an action is closed with its outcome.</p>
      <Checkboxes id="overdue" name="overdue">
        <Checkboxes.Item value="yes" checked={overdueOnly} onChange={() => list.setFilters({ ...list.filters, overdue: overdueOnly ? '' : 'yes' })}>
          Only overdue actions
        </Checkboxes.Item>
      </Checkboxes>
      {overdueOnly ? <OverdueActions meetings={rows} /> : <RecordTable resource="board-actions" caption="Board actions" captionHidden columns={actionColumns(rows)} rowKey={(a) => a.id} filters={list.filters} sort={list.sort} page={list.page} onSort={list.toggleSort} hrefForPage={(page) => list.hrefWith({ page })} noun="actions" />}
      {isAdmin(user) && meetings.data ? <GovernanceRecordForm<BoardAction> resource="board-actions" id="add-action" heading="Add an action" fields={actionFields(rows)} submitLabel="Add action" saved={(a) => `Added action ${a.ref}.`} /> : null}
    </GovernancePage>
  );
}

/** Open actions past their due date (the list API filters by field; overdue is a rule on two). */
function OverdueActions({ meetings }: { meetings: Meeting[] }) {
  const actions = useApiQuery<Page<BoardAction>>('/api/board-actions?pageSize=1000&sort=dueDate');
  return (
    <Loaded query={actions} what="actions">
      {(data) => <DataTable caption="Overdue actions" captionHidden columns={actionColumns(meetings)} rows={data.items.filter(isOverdueAction)} rowKey={(a) => a.id} empty="No actions are overdue." compact />}
    </Loaded>
  );
}
