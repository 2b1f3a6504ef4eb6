import { Link } from 'react-router';
import { isAdmin, useUser } from '../../auth/session.js';
import type { Column } from '../../components/data-table.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { formatDate } from '../../format/format.js';
import { actionColumns, useMeetings } from './actions-page.js';
import { GovernancePage, Lines } from './governance-nav.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { meetingFields } from './meeting-fields.js';
import { RecordHistory } from './record-history.js';
import { RouteRecord } from './route-record.js';
import type { Meeting } from './types.js';

const columns: Column<Meeting>[] = [
  { key: 'title', header: 'Meeting', sortable: true, cell: (m) => <Link to={`/governance/meetings/${m.id}`}>{m.title}</Link> },
  { key: 'heldOn', header: 'Held on', sortable: true, nowrap: true, cell: (m) => (m.heldOn ? formatDate(m.heldOn) : 'Date not recorded') },
  { key: 'attendees', header: 'Attendees', cell: (m) => m.attendees },
];

/** Board meetings: agenda, attendees, decisions, and the actions each raised. */
export function MeetingsPage() {
  const user = useUser();
  const list = useListParams(['q']);
  return (
    <GovernancePage title="Meetings">
      <RecordTable resource="meetings" caption="Meetings" captionHidden columns={columns} rowKey={(m) => m.id} filters={list.filters} sort={list.sort} page={list.page} onSort={list.toggleSort} hrefForPage={(page) => list.hrefWith({ page })} noun="meetings" />
      {isAdmin(user) ? <GovernanceRecordForm<Meeting> resource="meetings" id="add-meeting" heading="Add a meeting" fields={meetingFields} submitLabel="Add meeting" saved={(m) => `Added ${m.title}.`} /> : null}
    </GovernancePage>
  );
}

function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const user = useUser();
  const meetings = useMeetings();
  const list = useListParams([]);
  return (
    <GovernancePage title={meeting.title} crumbs={[{ to: '/governance/meetings', text: 'Meetings' }]}>
      <SummaryRows
        rows={[
          { key: 'Held on', value: meeting.heldOn ? formatDate(meeting.heldOn) : 'Not recorded' },
          { key: 'Attendees', value: meeting.attendees || 'Not recorded' },
          { key: 'Agenda', value: meeting.agenda ? <Lines text={meeting.agenda} /> : 'Not recorded' },
          { key: 'Decisions', value: meeting.decisions ? <Lines text={meeting.decisions} /> : 'Not recorded' },
        ]}
      />
      <h2>Actions raised</h2>
      <RecordTable resource="board-actions" caption="Actions raised at this meeting" captionHidden columns={actionColumns(meetings.data?.items ?? [])} rowKey={(a) => a.id} filters={{ meetingId: String(meeting.id) }} sort={list.sort} page={list.page} onSort={list.toggleSort} hrefForPage={(page) => list.hrefWith({ page })} noun="actions" />
      <h2>Actions brought forward</h2>
      {meeting.heldOn ? (
        <RecordTable resource="board-actions" caption="Actions still open that earlier meetings raised" columns={actionColumns(meetings.data?.items ?? []).map((c) => ({ ...c, sortable: false }))} rowKey={(a) => a.id} filters={{ broughtForwardTo: String(meeting.id) }} page={1} onSort={() => undefined} hrefForPage={() => '#'} noun="actions brought forward" pageSize={200} />
      ) : (
        <p className="nhsuk-body">Record when the meeting was held to see the actions still open that earlier meetings raised.</p>
      )}
      {isAdmin(user) ? <GovernanceRecordForm<Meeting> resource="meetings" id="edit-meeting" heading="Change this meeting" fields={meetingFields} record={meeting} submitLabel="Save changes" saved={(m) => `Saved ${m.title}.`} /> : null}
      <RecordHistory resource="meetings" id={meeting.id} />
    </GovernancePage>
  );
}

export const MeetingPage = () => <RouteRecord<Meeting> resource="meetings" what="meeting">{(data) => <MeetingDetails meeting={data} />}</RouteRecord>;
