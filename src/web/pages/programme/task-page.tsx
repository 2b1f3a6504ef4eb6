import { Button, Heading, Select, Textarea, WarningCallout } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AuditEntry } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { RecordForm } from '../../components/record-form.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { actorName, formatDate, formatMoney, humanise, shortText } from '../../format/format.js';
import { AuditTable } from '../audit/audit-table.js';
import './programme.css';
import { OwnerLinks } from './owner-links.js';
import { Lines } from '../governance/governance-nav.js';
import { OverdueTag, RagTag, statusLabels, TaskStatusTag } from './programme-tags.js';
import { taskEditFields } from './task-fields.js';
import type { PlanTask, TaskDetail } from './types.js';

/** A plan's money column as a person reads it: "wlccg_allocation_gbp_000" → "WLCCG allocation" (the organisation's initials), "reserve_gbp_000" → "Reserve". */
function allocationName(column: string): string {
  const name = column.replace(/_gbp_000$/, '');
  const organisation = /^([a-z0-9]+)_allocation$/.exec(name);
  return organisation ? `${organisation[1]!.toUpperCase()} allocation` : humanise(name);
}

const taskPath = (id: number) => `/api/programme/tasks/${id}`;

function AddUpdateForm({ taskId }: { taskId: number }) {
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [text, setText] = useState('');
  const form = useApiForm<{ date?: string; text: string }>((body) => ({ method: 'POST', path: `${taskPath(taskId)}/updates`, body }), {
    invalidates: [taskPath(taskId), `/api/plan-tasks/${taskId}`],
    fields: { date: { id: dateFieldTarget('update-date'), label: 'Date of the update' }, text: { id: 'update-text', label: 'Update' } },
    onSuccess: () => setText(''),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const dateFault = dateProblem(date, 'Date of the update', false);
    const iso = dateFault ? null : isoOrNull(date);
    form.submit({ ...(iso ? { date: iso } : {}), text }, () => [
      ...(dateFault ? [{ field: dateFieldTarget('update-date'), message: dateFault }] : []),
      ...(text.trim() ? [] : [{ field: 'update-text', message: 'Enter the update' }]),
    ]);
  }
  return (
    <form className="app-panel" onSubmit={submit} noValidate aria-label="Add a position update">
      <h3>Add an update</h3>
      <SuccessBanner id="update-added" count={form.successes}>
        Update added to the position log.
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} title="The update was not added" />
      <DateField id="update-date" legend="Date of the update" hint="Leave blank for today. For example, 30 4 2018" value={date} onChange={setDate} error={form.fieldError(dateFieldTarget('update-date'))} />
      <Textarea id="update-text" name="text" label="Update" rows={3} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('update-text')} />
      <Button type="submit" disabled={form.pending}>
        Add update
      </Button>
    </form>
  );
}

/** `onSaved`: the page says so, above the form, which is made afresh from the saved task (so the banner lives outside it). */
function StatusForm({ task, onSaved }: { task: PlanTask; onSaved(): void }) {
  const [status, setStatus] = useState(task.status);
  const [rag, setRag] = useState(task.rag ?? '');
  const form = useApiForm<{ status: string; rag: string | null; rowVersion: number }>((body) => ({ method: 'PATCH', path: `/api/plan-tasks/${task.id}`, body }), {
    invalidates: [taskPath(task.id), '/api/plan-tasks', '/api/programme/work-plans'],
    onSuccess: onSaved,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ status, rag: rag || null, rowVersion: task.rowVersion });
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Change status and RAG">
      <div className="app-inline-form">
        <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else changed this task: reload the page and try again' : 'The status was not saved'} />
        <Select id="task-status" name="status" label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {Object.entries(statusLabels).map(([value, label]) => (
            <Select.Option key={value} value={value}>
              {label}
            </Select.Option>
          ))}
        </Select>
        <Select id="task-rag" name="rag" label="Rating (red, amber or green)" value={rag} onChange={(e) => setRag(e.target.value)}>
          <Select.Option value="">Not rated</Select.Option>
          <Select.Option value="red">Red</Select.Option>
          <Select.Option value="amber">Amber</Select.Option>
          <Select.Option value="green">Green</Select.Option>
        </Select>
        <Button type="submit" secondary disabled={form.pending}>
          Save status
        </Button>
      </div>
    </form>
  );
}

function History({ taskId }: { taskId: number }) {
  const audit = useApiQuery<{ items: AuditEntry[] }>(`/api/plan-tasks/${taskId}/audit`);
  return <Loaded query={audit} what="history">{(data) => <AuditTable entries={data.items} caption="History of this task" showRecord={false} />}</Loaded>;
}

function TaskView({ detail }: { detail: TaskDetail }) {
  const [statusSaved, setStatusSaved] = useState(0);
  const user = useUser();
  const task = detail.task as unknown as PlanTask & Record<string, unknown>;
  const allocations = (task.allocations as { column: string; text: string; pence: number | null }[]) ?? [];
  usePageTitle(`Task ${task.ref}`);
  return (
    <>
      <PageBreadcrumb items={[{ to: '/programme', text: 'Programme' }, { to: `/programme?plan=${task.planId}`, text: detail.plan?.name ?? 'Work plan' }]} />
      <Heading headingLevel="h1">
        Task {task.ref}: {shortText(String(task.projectArea ?? task.description))}
      </Heading>
      {detail.sameRef.length && isAdmin(user) ? (
        <WarningCallout>
          <WarningCallout.Heading headingLevel="h2">ID {task.ref} is used more than once</WarningCallout.Heading>
          <p>
            The plan also gives this id to{' '}
            {detail.sameRef.map((t, i) => (
              <span key={t.id}>
                {i ? ', ' : ''}
                <Link to={`/programme/tasks/${t.id}`}>{shortText(t.description)}</Link>
              </span>
            ))}
            . Both are kept; change one of the ids to resolve it.
          </p>
        </WarningCallout>
      ) : null}
      <SummaryRows
        rows={[
          { key: 'Section', value: detail.section ? `${detail.section.ref}. ${detail.section.title}` : '' },
          { key: 'Description', value: <Lines text={task.description} /> },
          { key: 'Allocated to', value: task.allocatedTo ? <OwnerLinks text={task.allocatedTo as string} match={detail.owners.allocatedTo} taskId={task.id} /> : '' },
          { key: 'Lead', value: <OwnerLinks text={task.lead} match={detail.owners.lead} taskId={task.id} /> },
          { key: 'People involved', value: <OwnerLinks text={task.involved} match={detail.owners.involved} taskId={task.id} /> },
          { key: 'Time (as written)', value: task.timeText },
          { key: 'Target date', value: task.targetDate ? <>{formatDate(task.targetDate)} {task.overdue ? <OverdueTag /> : null}</> : task.dateFlag ?? '' },
          ...(task.dateFlag && task.targetDate ? [{ key: 'Date to check', value: task.dateFlag }] : []),
          { key: 'Status', value: <><TaskStatusTag status={task.status} /> <RagTag rag={task.rag} /></> },
          { key: 'Financial value', value: [task.financialValueText, task.financialValuePence !== null && task.financialValuePence !== undefined ? `(${formatMoney(task.financialValuePence as number)})` : ''].filter(Boolean).join(' ') },
          ...(allocations.length ? [{ key: 'Allocations', value: allocations.map((a) => `${allocationName(a.column)}: ${a.pence === null ? a.text : formatMoney(a.pence)}`).join('; ') }] : []),
          { key: 'Note', value: task.note as string },
          ...(isAdmin(user) ? [{ key: 'Source', value: task.sourceLine ? `Line ${String(task.sourceLine)} of the imported file` : 'Added in atscale' }] : []),
        ]}
      />
      {isAdmin(user) ? (
        <>
          <SuccessBanner id="status-saved" count={statusSaved}>
            Status and RAG saved.
          </SuccessBanner>
          <StatusForm key={task.rowVersion} task={task} onSaved={() => setStatusSaved((n) => n + 1)} />
          <RecordForm<PlanTask>
            resource="plan-tasks"
            id="edit-task"
            heading="Change the task"
            fields={taskEditFields}
            record={task}
            submitLabel="Save changes"
            saved={(t) => `Saved task ${t.ref}.`}
            invalidates={[taskPath(task.id), '/api/programme/work-plans']}
          />
        </>
      ) : null}
      <Heading headingLevel="h2">Position log</Heading>
      <p className="nhsuk-body">Newest first. Every update is kept.</p>
      {isAdmin(user) ? <AddUpdateForm taskId={task.id} /> : null}
      {detail.updates.length ? (
        <ol className="app-position-log" aria-label="Position updates">
          {detail.updates.map((u) => (
            <li key={u.id}>
              <strong>{formatDate(u.entryDate)}</strong> <span className="nhsuk-u-secondary-text-colour nhsuk-body-s">({u.source === 'import' ? 'imported' : actorName(u.createdBy)})</span>
              <p className="nhsuk-body nhsuk-u-margin-bottom-0">{u.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="nhsuk-body">No updates yet.</p>
      )}
      {isAdmin(user) ? (
        <>
          <Heading headingLevel="h2">History</Heading>
          <History taskId={task.id} />
        </>
      ) : null}
    </>
  );
}

/** One task: what it is, who leads it (linked to people), its target and status, and its position log with an "add update" form. */
export function TaskPage() {
  const { id } = useParams();
  const detail = useApiQuery<TaskDetail>(taskPath(Number(id)));
  return <Loaded query={detail} what="task">{(data) => <TaskView detail={data} />}</Loaded>;
}
