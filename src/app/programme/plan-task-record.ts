import { todayInEnglandSql } from '../../db/today.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import { isOverdue, ragLabels, ragRatings, taskStatuses, taskStatusLabels } from '../../domain/programme/task-status.js';
import { planSections, planTasks, taskPositionUpdates, workPlans } from '../../db/schema/index.js';
import { ownerTextWithNames } from '../people/match-owners.js';
import { newestEntry } from '../records/newest-entry.js';
import { assertExists, optionalText, positiveId, programmeRecord, requiredText } from './record-helpers.js';
import { refuseTaken } from '../records/clash.js';
import { checkAll } from '../records/refusals.js';
import type { Db } from '../../db/client.js';
import { markDuplicateRefs, moneyFromText, nextOccurrence, readTarget } from './task-values.js';

const taskInput = z.object({
  planId: positiveId,
  sectionId: positiveId,
  ref: requiredText('the task id, such as 1.13', 20),
  projectArea: optionalText(500),
  description: requiredText('what the task is'),
  allocatedTo: optionalText(300),
  lead: optionalText(300),
  involved: optionalText(500),
  timeText: optionalText(300),
  status: z.enum(taskStatuses).default('not_started'),
  rag: z.enum(ragRatings).nullable().optional(),
  financialValueText: optionalText(500),
  note: optionalText(),
});

export const todayIso = todayInEngland;

/** The plan exists, and the section is one of its own. */
async function refuseSectionOfAnotherPlan(db: Db, newPlanId: number | undefined, planId: number, sectionId: number): Promise<void> {
  if (newPlanId) await assertExists(db, workPlans, workPlans.id, planId, 'planId', 'work plan');
  const section = await assertExists(db, planSections, planSections.id, sectionId, 'sectionId', 'plan section');
  if (section.planId !== planId) throw invalid('The section belongs to another work plan', [{ field: 'sectionId', message: `section ${sectionId} is not part of work plan ${planId}` }]);
}

const overdueSql = sql`coalesce(${planTasks.targetDate} < ${todayInEnglandSql} and ${planTasks.status} not in ('done', 'stopped'), false)`;

/** The task's position log, newest first: later date, then later entry. */
const positionLog = { table: taskPositionUpdates, recordColumn: 'task_id', newestFirst: 'e.entry_date desc, e.sequence desc' };

/**
 * A line of a work plan. Lists filter by plan, section, lead (part of the text, or of the name of
 * someone it names: "JW" and "jo walker" both find "GC/JW"), status, RAG, duplicate ids and
 * overdue. The target is typed as people write it and read into dates when stored; the money value likewise. Position updates have their own log; lists
 * and exports show the newest.
 */
export const planTaskRecord = programmeRecord<z.infer<typeof taskInput>>(
  { table: planTasks, id: planTasks.id, rowVersion: planTasks.rowVersion },
  {
    name: 'plan_task',
    label: 'task',
    fields: {
      planId: { header: 'Work plan', column: planTasks.planId, kind: 'integer', filter: 'exact', sortable: true, names: { id: workPlans.id, name: workPlans.name } },
      sectionId: { header: 'Section', column: planTasks.sectionId, kind: 'integer', filter: 'exact', sortable: true, names: { id: planSections.id, name: planSections.title } },
      ref: { header: 'Task', column: planTasks.ref, kind: 'text', filter: 'exact', sortable: true },
      projectArea: { header: 'Project area', column: planTasks.projectArea, kind: 'text', filter: 'search', sortable: true },
      description: { header: 'Task description', column: planTasks.description, kind: 'text', filter: 'search', sortable: true },
      allocatedTo: { header: 'Allocated to', column: planTasks.allocatedTo, kind: 'text', filter: 'search', sortable: true },
      lead: { header: 'Lead', column: planTasks.lead, kind: 'text', filter: 'search', searchIn: ownerTextWithNames(planTasks.lead), sortable: true },
      involved: { header: 'Involved', column: planTasks.involved, kind: 'text', filter: 'search', sortable: true },
      timeText: { header: 'Time (as written)', column: planTasks.timeText, kind: 'text', sortable: true },
      targetDate: { header: 'Target date', column: planTasks.targetDate, kind: 'date', filter: 'exact', sortable: true },
      dateFlag: { header: 'Date to check', column: planTasks.dateFlag, kind: 'text', sortable: true },
      status: { header: 'Status', column: planTasks.status, kind: 'text', filter: 'exact', sortable: true, labels: taskStatusLabels },
      rag: { header: 'RAG', column: planTasks.rag, kind: 'text', filter: 'exact', sortable: true, labels: ragLabels },
      overdue: { header: 'Overdue', column: overdueSql, kind: 'boolean', filter: 'exact' },
      // Where the task stands now: its newest position update, worked out from the log.
      latestPositionOn: { header: 'Latest position dated', column: newestEntry(positionLog, planTasks, 'e.entry_date::text'), kind: 'date', sortable: true },
      latestPosition: { header: 'Latest position', column: newestEntry(positionLog, planTasks, 'e.text'), kind: 'text' },
      duplicateRef: { header: 'ID used twice', column: planTasks.duplicateRef, kind: 'boolean', filter: 'exact', sortable: true },
      financialValueText: { header: 'Financial value (as written)', column: planTasks.financialValueText, kind: 'text', sortable: true },
      financialValuePence: { header: 'Financial value (pence)', column: planTasks.financialValuePence, kind: 'integer', pence: true, sortable: true },
      note: { header: 'Note', column: planTasks.note, kind: 'text', filter: 'search', sortable: true },
      sourceLine: { header: 'Source line', column: planTasks.sourceLine, kind: 'integer', sortable: true },
    },
    // By the plan's own ids, as numbers: 1.2, 1.10, 1.14, 2.1 (a task added later sits in its section).
    defaultSort: 'ref',
    schema: taskInput,
    async prepare(db, input, existing) {
      const planId = (input.planId ?? existing?.planId) as number;
      const sectionId = (input.sectionId ?? existing?.sectionId) as number;
      const [, target] = await checkAll(
        [
          () => refuseSectionOfAnotherPlan(db, input.planId, planId, sectionId),
          () => (input.timeText === undefined ? {} : readTarget(input.timeText)),
          // The imported plan keeps the ids it reuses (2.3 twice) for its owner to resolve; a task typed here may not add one.
          () => (input.ref === existing?.ref ? undefined : refuseTaken(db, { table: planTasks, id: planTasks.id, key: planTasks.ref, scope: eq(planTasks.planId, planId) }, input.ref, existing, { record: 'task', key: 'ID', field: 'ref', within: 'in this plan' })),
        ],
        'The task is not valid',
      );
      const values: Record<string, unknown> = { ...input, ...target };
      if (input.financialValueText !== undefined) values.financialValuePence = moneyFromText(input.financialValueText);
      if (input.ref !== undefined && input.ref !== existing?.ref) values.refOccurrence = await nextOccurrence(db, planId, input.ref);
      return values;
    },
    async afterWrite(db, id, _input, actor) {
      const [task] = await db.select({ planId: planTasks.planId }).from(planTasks).where(eq(planTasks.id, Number(id)));
      if (task) await markDuplicateRefs(db, actor, task.planId);
    },
    // Its position log is its history: a task with one is kept (its status says whether it is done or stopped).
    dependents: [{ column: taskPositionUpdates.taskId, one: 'position update', many: 'position updates' }],
    // The line that shared its id may now be the only one with it.
    afterDelete: (db, deleted, actor) => markDuplicateRefs(db, actor, deleted.planId as number),
    presents: { overdue: z.boolean() },
    present: (row) => ({ ...row, overdue: isOverdue(row as { targetDate: string | null; status: string }, todayIso()) }),
  },
);
