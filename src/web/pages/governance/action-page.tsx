import { Button, Textarea } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DateField, dateFieldTarget, dateProblem, emptyDate, isoOrNull } from '../../components/date-field.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { Loaded } from '../../components/page-states.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { useApiForm } from '../../components/use-api-form.js';
import { actorName, formatDate, shortText } from '../../format/format.js';
import { actionFields } from './action-fields.js';
import { ActionStatus, MeetingLink, useMeetings } from './actions-page.js';
import { GovernancePage, Lines } from './governance-nav.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { RecordHistory } from './record-history.js';
import { RouteRecord } from './route-record.js';
import type { ActionUpdate, BoardAction } from './types.js';

const updateColumns: Column<ActionUpdate>[] = [
  { key: 'enteredOn', header: 'Date', nowrap: true, cell: (u) => formatDate(u.enteredOn) },
  { key: 'text', header: 'Update', cell: (u) => <Lines text={u.text} /> },
  { key: 'enteredBy', header: 'Added by', cell: (u) => actorName(u.enteredBy) },
];

/** Adds a dated update; earlier ones stay as they were. */
function AddUpdateForm({ actionId }: { actionId: number }) {
  const [text, setText] = useState('');
  const [enteredOn, setEnteredOn] = useState(emptyDate);
  const form = useApiForm<{ text: string; enteredOn: string | null }>((body) => ({ method: 'POST', path: `/api/board-actions/${actionId}/updates`, body }), {
    invalidates: [`/api/board-actions/${actionId}`, '/api/audit'],
    fields: { text: { id: 'update-text', label: 'Update' }, enteredOn: { id: dateFieldTarget('update-date'), label: 'Date of the update' } },
    onSuccess: () => {
      setText('');
      setEnteredOn(emptyDate);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const dateFault = dateProblem(enteredOn, 'Date of the update', false);
    form.submit({ text: text.trim(), enteredOn: dateFault ? null : isoOrNull(enteredOn) }, () => [
      ...(text.trim() ? [] : [{ field: 'update-text', message: 'Enter the update' }]),
      ...(dateFault ? [{ field: dateFieldTarget('update-date'), message: dateFault }] : []),
    ]);
  }
  return (
    <section aria-labelledby="add-update">
      <h2 id="add-update">Add an update</h2>
      <SuccessBanner id="add-update" count={form.successes}>
        Update added.
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <Textarea id="update-text" name="update-text" label="Update" rows={3} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('update-text')} />
        <DateField id="update-date" legend="Date of the update" hint="Leave blank for today. For example, 15 5 2018" value={enteredOn} onChange={setEnteredOn} error={form.fieldError(dateFieldTarget('update-date'))} />
        <Button type="submit" disabled={form.pending}>
          Add update
        </Button>
      </form>
    </section>
  );
}

/** "Action 1: CQC registration": its reference and its words, cut where they run long (the summary below has them whole). */
const actionTitle = (action: Pick<BoardAction, 'ref' | 'action'>) => `Action ${action.ref}: ${shortText(action.action)}`;

function ActionDetails({ action }: { action: BoardAction }) {
  const user = useUser();
  const meetings = useMeetings();
  const updates = useApiQuery<{ items: ActionUpdate[]; mayAdd: boolean }>(`/api/board-actions/${action.id}/updates`);
  const rows = meetings.data?.items ?? [];
  return (
    <GovernancePage title={actionTitle(action)} crumbs={[{ to: '/governance/actions', text: 'Board action log' }]}>
      <SummaryRows
        rows={[
          { key: 'Action', value: action.action },
          { key: 'Owner', value: action.ownerText },
          { key: 'Due', value: action.dueDate ? formatDate(action.dueDate) : 'No date set' },
          {
            key: 'Status',
            value: (
              <>
                <ActionStatus action={action} />
                {action.closedOn ? ` on ${formatDate(action.closedOn)}` : null}
              </>
            ),
          },
          { key: 'Raised at', value: <MeetingLink id={action.meetingId} meetings={rows} /> },
          { key: 'Outcome', value: action.outcome },
        ]}
      />
      <h2>Updates</h2>
      <Loaded query={updates} what="updates">
        {(data) => <DataTable caption="Updates" captionHidden columns={updateColumns} rows={data.items} rowKey={(u) => u.id} empty="No updates yet." compact />}
      </Loaded>
      {/* The federation, and the action's owners, who report their progress here. */}
      {updates.data?.mayAdd ? <AddUpdateForm actionId={action.id} /> : null}
      {isAdmin(user) && meetings.data ? <GovernanceRecordForm<BoardAction> resource="board-actions" id="edit-action" heading="Change, carry forward or close" fields={actionFields(rows)} record={action} submitLabel="Save changes" saved={(a) => `Saved action ${a.ref}.`} /> : null}
      <RecordHistory resource="board-actions" id={action.id} />
    </GovernancePage>
  );
}

export const ActionPage = () => <RouteRecord<BoardAction> resource="board-actions" what="action">{(data) => <ActionDetails action={data} />}</RouteRecord>;
