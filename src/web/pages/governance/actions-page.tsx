import { isOverdue } from '../../../domain/governance/due-dates.js';
import { Checkboxes, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import type { Column } from '../../components/data-table.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { formatDate, shortText, todayIso } from '../../format/format.js';
import { actionFields } from './action-fields.js';
import { GovernancePage } from './governance-nav.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { actionStatusLabels, type BoardAction, type Meeting } from './types.js';
import { RegisterImport } from './register-import.js';

export const isOverdueAction = (a: BoardAction) => isOverdue(a.dueDate, todayIso(), a.status === 'closed');

/** The action's status, and "Overdue" beside it when it is past its due date (not instead of it: "Carried forward" still says where it stands). */
export function ActionStatus({ action }: { action: BoardAction }) {
  const status = <Tag modifier={action.status === 'closed' ? 'grey' : action.status === 'carried_forward' ? 'blue' : 'white'}>{actionStatusLabels[action.status]}</Tag>;
  if (!isOverdueAction(action)) return status;
  return (
    <>
      {status} <Tag modifier="red">Overdue</Tag>
    </>
  );
}

/** The meetings, by id, for "raised at" links. */
export function useMeetings() {
  return useApiQuery<Page<Meeting>>('/api/meetings?pageSize=1000&sort=heldOn');
}

export function MeetingLink({ id, meetings }: { id: number | null; meetings: Meeting[] }) {
  const meeting = meetings.find((m) => m.id === id);
  return meeting ? <Link to={`/governance/meetings/${meeting.id}`}>{meeting.title}</Link> : null;
}

/** Where an action stands: its newest update, cut short, with its date (the download has it whole). */
function LatestUpdate({ action }: { action: BoardAction }) {
  if (!action.latestUpdate) return <span className="nhsuk-u-secondary-text-colour">No updates yet</span>;
  return (
    <>
      {shortText(action.latestUpdate, 120)}
      {action.latestUpdateOn ? <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-14"> ({formatDate(action.latestUpdateOn)})</span> : null}
    </>
  );
}

export function actionColumns(meetings: Meeting[]): Column<BoardAction>[] {
  return [
    { key: 'ref', header: 'Ref', sortable: true, nowrap: true, cell: (a) => <Link to={`/governance/actions/${a.id}`}>{a.ref}</Link> },
    { key: 'action', header: 'Action', sortable: true, long: true, cell: (a) => a.action },
    { key: 'ownerText', header: 'Owner', sortable: true, cell: (a) => a.ownerText },
    { key: 'dueDate', header: 'Due', sortable: true, nowrap: true, cell: (a) => (a.dueDate ? formatDate(a.dueDate) : 'No date') },
    { key: 'status', header: 'Status', sortable: true, cell: (a) => <ActionStatus action={a} /> },
    { key: 'latestUpdateOn', header: 'Latest update', sortable: true, long: true, cell: (a) => <LatestUpdate action={a} /> },
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
      {/* The overdue view is the same list filtered on the server, so its downloads hold what it shows. */}
      <RecordTable
        resource="board-actions"
        caption={overdueOnly ? 'Overdue actions' : 'Board actions'}
        captionHidden
        columns={actionColumns(rows)}
        rowKey={(a) => a.id}
        filters={overdueOnly ? { ...list.filters, overdue: 'true' } : list.filters}
        sort={list.sort ?? (overdueOnly ? { key: 'dueDate', dir: 'asc' } : undefined)}
        page={list.page}
        onSort={list.toggleSort}
        hrefForPage={(page) => list.hrefWith({ page })}
        noun={overdueOnly ? 'overdue actions' : 'actions'}
      />
      {isAdmin(user) && meetings.data ? <GovernanceRecordForm<BoardAction> resource="board-actions" id="add-action" heading="Add an action" fields={actionFields(rows)} submitLabel="Add action" saved={(a) => `Added action ${a.ref}.`} /> : null}
      {isAdmin(user) ? <RegisterImport resource="board-actions" noun="board actions" columns="ref, action, owner, due, update and source_meeting" /> : null}
    </GovernancePage>
  );
}
