import { Heading, Select, Tag, TextInput, WarningCallout } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import type { Column } from '../../components/data-table.js';
import { RecordForm } from '../../components/record-form.js';
import { FilterActions, FilterCheckbox, useFilterForm } from '../../components/filter-actions.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { formatDate, shortText } from '../../format/format.js';
import './programme.css';
import { PlanSettings } from './plan-settings.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { ProgrammeImportForm, ProgrammeImportLink } from './programme-import-form.js';
import { OverdueTag, ProgrammeNav, RagTag, statusLabels, TaskStatusTag } from './programme-tags.js';
import { newTaskFields } from './task-fields.js';
import { peoplePageHref } from '../governance/add-person.js';
import { Lines } from '../governance/governance-nav.js';
import { looksLikeInitials } from '../../../domain/people/owner-text.js';
import type { PlanSummary, PlanTask, WorkPlan } from './types.js';

const filterNames = ['lead', 'sectionId', 'status', 'overdue'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

/** The task's own ID, flagged where the imported plan gives it to another task too (the box above says which). */
function TaskRef({ task }: { task: PlanTask }) {
  return (
    <>
      <Link to={`/programme/tasks/${task.id}`}>{task.ref}</Link>
      {task.duplicateRef ? (
        <>
          {' '}
          <Tag modifier="yellow">Used twice</Tag>
        </>
      ) : null}
    </>
  );
}

/** The list's columns; RAG only once a task has a rating (the ELR plan's file has none), so no column stands empty. */
function taskColumns(rated: boolean): Column<PlanTask>[] {
  return [
    { key: 'ref', header: 'Task', sortable: true, nowrap: true, cell: (t) => <TaskRef task={t} /> },
    { key: 'description', header: 'Description', long: true, cell: (t) => <Lines text={t.description} /> },
    { key: 'lead', header: 'Lead', sortable: true, cell: (t) => t.lead ?? '' },
    {
      key: 'targetDate',
      header: 'Target',
      sortable: true,
      cell: (t) => (
        <>
          {t.timeText ?? ''}
          {t.targetDate ? <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-14"> (by {formatDate(t.targetDate)})</span> : null}
          {t.dateFlag ? <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-14"> (date to check)</span> : null}
        </>
      ),
    },
    { key: 'status', header: 'Status', sortable: true, cell: (t) => <><TaskStatusTag status={t.status} /> {t.overdue ? <OverdueTag /> : null}</> },
    ...(rated ? [{ key: 'rag', header: 'RAG', sortable: true, cell: (t: PlanTask) => <RagTag rag={t.rag} /> }] : []),
    {
      key: 'latestPositionOn',
      header: 'Latest position',
      sortable: true,
      long: true,
      cell: (t) =>
        t.latestPosition ? (
          <>
            {shortText(t.latestPosition, 120)}
            {t.latestPositionOn ? <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-14"> ({formatDate(t.latestPositionOn)})</span> : null}
          </>
        ) : (
          'No updates yet'
        ),
    },
  ];
}

/**
 * Initials the plan gives that stand for nobody on the People page yet ("RB"), each a link to add
 * who they are there, so their tasks link to them (and so they can own a risk or an action).
 */
function UnknownInitials({ parts, admin }: { parts: string[]; admin: boolean }) {
  const initials = parts.filter(looksLikeInitials).sort();
  if (!initials.length) return null;
  return (
    <p className="nhsuk-body app-ref-links" data-testid="plan-unknown-initials">
      Initials in the plan that are not on the People page yet:{' '}
      {initials.map((n, i) => (
        <span key={n}>
          {i ? ', ' : ''}
          {admin ? <Link to={peoplePageHref(n)}>{n}</Link> : n}
        </span>
      ))}
      .{admin ? ' Add who they stand for, so their tasks link to them and they can own a risk or an action.' : ''}
    </p>
  );
}

function FilterForm({ initial, sections, onApply }: { initial: Filters; sections: PlanSummary['sections']; onApply(values: Filters): void }) {
  const { values, setValues, set, submit } = useFilterForm(initial, onApply);
  return (
    <form className="app-filters" onSubmit={submit} role="search" aria-label="Filter tasks">
      <div className="app-filters__row">
        <TextInput id="lead" name="lead" label="Lead" hint="Initials or name, such as JW or Jo Walker" width={20} value={values.lead} onChange={set('lead')} />
        <Select id="sectionId" name="sectionId" label="Section" value={values.sectionId} onChange={set('sectionId')}>
          <Select.Option value="">Any section</Select.Option>
          {sections.map((s) => (
            <Select.Option key={s.id} value={String(s.id)}>
              {s.ref}. {s.title}
            </Select.Option>
          ))}
        </Select>
        <Select id="status" name="status" label="Status" value={values.status} onChange={set('status')}>
          <Select.Option value="">Any status</Select.Option>
          {Object.entries(statusLabels).map(([value, label]) => (
            <Select.Option key={value} value={value}>
              {label}
            </Select.Option>
          ))}
        </Select>
      </div>
      <FilterCheckbox id="overdue-only" label="Overdue tasks only" checked={values.overdue === 'true'} onChange={(checked) => setValues((v) => ({ ...v, overdue: checked ? 'true' : '' }))} />
      <FilterActions />
    </form>
  );
}

/** IDs the plan reuses or skips, for its owner to resolve: every line is kept meanwhile. */
function IdWarnings({ summary }: { summary: PlanSummary }) {
  if (!summary.duplicateIds.length && !summary.missingIds.length && !summary.datesToCheck.length) return null;
  return (
    <WarningCallout>
      <WarningCallout.Heading>IDs and dates to resolve</WarningCallout.Heading>
      <ul>
        {summary.duplicateIds.map((d) => (
          <li key={d.ref}>
            ID {d.ref} is used by {d.tasks.length} tasks:{' '}
            {d.tasks.map((t, i) => (
              <span key={t.id}>
                {i ? ', ' : ''}
                <Link to={`/programme/tasks/${t.id}`}>{shortText(t.description, 60)}</Link>
              </span>
            ))}
          </li>
        ))}
        {summary.missingIds.length ? <li>The plan skips {summary.missingIds.length === 1 ? 'ID' : 'IDs'} {summary.missingIds.join(', ')}.</li> : null}
        {summary.datesToCheck.map((d) => (
          <li key={d.id}>
            Task <Link to={`/programme/tasks/${d.id}`}>{d.ref}</Link>: {d.dateFlag}
          </li>
        ))}
      </ul>
    </WarningCallout>
  );
}

function PlanTasks({ plan, admin }: { plan: WorkPlan; admin: boolean }) {
  const list = useListParams(filterNames);
  const summary = useApiQuery<PlanSummary>(`/api/programme/work-plans/${plan.id}/summary`);
  const initial = Object.fromEntries(filterNames.map((n) => [n, list.filters[n] ?? ''])) as Filters;
  return (
    <Loaded query={summary} what="work plan">
      {(s) => (
        <>
          <p className="nhsuk-body">
            {s.tasks} tasks in {s.sections.length} sections{plan.asOf ? `, positions as at ${formatDate(plan.asOf)}` : ''}. {s.overdue} overdue.
          </p>
          {s.rated ? null : <p className="nhsuk-body">No task has a RAG rating yet.{admin ? ' The plan’s file has none: rate a task on its page.' : ''}</p>}
          <UnknownInitials parts={s.unknownOwners} admin={admin} />
          {/* What the plan's file left to put right is the federation's to do: others read the plan as it stands. */}
          {admin ? <IdWarnings summary={s} /> : null}
          <FilterForm key={list.params.toString()} initial={initial} sections={s.sections} onApply={(values) => list.setFilters({ ...values, plan: list.params.get('plan') ?? '' })} />
          <RecordTable<PlanTask>
            resource="plan-tasks"
            caption={`Tasks of ${plan.name}`}
            captionHidden
            columns={taskColumns(s.rated > 0)}
            rowKey={(t) => t.id}
            filters={{ ...list.filters, planId: String(plan.id) }}
            sort={list.sort}
            page={list.page}
            onSort={list.toggleSort}
            hrefForPage={(page) => list.hrefWith({ page })}
            noun="tasks"
            pageSize={100}
          />
          {admin && s.sections.length ? (
            <RecordForm<PlanTask>
              resource="plan-tasks"
              id="add-task"
              heading="Add a task"
              fields={newTaskFields(s.sections)}
              fixed={{ planId: plan.id }}
              submitLabel="Add task"
              saved={(t) => `Added task ${t.ref}.`}
              invalidates={[`/api/programme/work-plans/${plan.id}`]}
            />
          ) : null}
        </>
      )}
    </Loaded>
  );
}

/** The plan's rename and remove, once its summary (how many sections and tasks go with it) is read. */
function PlanSettingsFor({ plan }: { plan: WorkPlan }) {
  const summary = useApiQuery<PlanSummary>(`/api/programme/work-plans/${plan.id}/summary`);
  return summary.data ? <PlanSettings plan={plan} summary={summary.data} /> : null;
}

/** The work plan: tasks with lead, target, status and RAG; filters; overdue tasks marked; ids to resolve called out. */
export function WorkPlanPage() {
  usePageTitle('Programme');
  const [params] = useSearchParams();
  const plans = useApiQuery<Page<WorkPlan>>('/api/work-plans?pageSize=100&sort=name');
  const admin = isAdmin(useUser());
  const removed = params.get('removed');
  return (
    <>
      <Heading headingLevel="h1">Programme</Heading>
      <ProgrammeNav />
      {admin ? <ProgrammeImportLink /> : null}
      <SuccessBanner id="plan-removed" count={removed ? 1 : 0}>
        Removed the work plan {removed}, with its sections and tasks.
      </SuccessBanner>
      <Loaded query={plans} what="work plans">
        {(data) => {
          const plan = data.items.find((p) => String(p.id) === params.get('plan')) ?? data.items[0];
          if (!plan) return <p className="nhsuk-body">No work plan has been imported yet.{admin ? ' Import one below, or with atscale plan import.' : ''}</p>;
          return (
            <>
              <Heading headingLevel="h2">{plan.name}</Heading>
              {data.items.length > 1 ? (
                <p className="nhsuk-body">
                  Other plans:{' '}
                  {data.items
                    .filter((p) => p.id !== plan.id)
                    .map((p) => (
                      <Link key={p.id} to={`?plan=${p.id}`} className="nhsuk-u-margin-right-3">
                        {p.name}
                      </Link>
                    ))}
                </p>
              ) : null}
              <PlanTasks key={plan.id} plan={plan} admin={admin} />
              {admin ? <PlanSettingsFor key={`settings-${plan.id}`} plan={plan} /> : null}
            </>
          );
        }}
      </Loaded>
      {admin ? <ProgrammeImportForm /> : null}
    </>
  );
}
