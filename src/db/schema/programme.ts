import { bigint, boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const changeTracking = {
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A work plan (e.g. the federation's), imported from its spreadsheet and kept up to date here. */
export const workPlans = pgTable('work_plans', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** The file it was last imported from, and the date its positions describe. */
  sourceFile: text('source_file'),
  asOf: date('as_of'),
  ...changeTracking,
});

export const planSections = pgTable(
  'plan_sections',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull(),
    /** The plan's own number for the section: "2". */
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    /** What the last import of the section wrote ({ title }), so a re-import keeps a title changed here. */
    importedValues: jsonb('imported_values').$type<Record<string, unknown>>(),
    ...changeTracking,
  },
  (t) => [uniqueIndex('plan_sections_plan_ref_key').on(t.planId, t.ref)],
);

/** One line of a work plan. Text is kept as the plan writes it; dates and money are read from it beside. */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull(),
    sectionId: integer('section_id').notNull(),
    /** The plan's own id, "1.13". Plans reuse ids: `refOccurrence` tells the second 2.3 from the first. */
    ref: text('ref').notNull(),
    refOccurrence: integer('ref_occurrence').notNull().default(1),
    /** Whether another line of the plan has the same ref: the owner should resolve it. */
    duplicateRef: boolean('duplicate_ref').notNull().default(false),
    projectArea: text('project_area'),
    description: text('description').notNull(),
    allocatedTo: text('allocated_to'),
    lead: text('lead'),
    involved: text('involved'),
    /** The target as written ("Q4 17/18 to Q3 18/19"), the dates read from it, and what could not be read. */
    timeText: text('time_text'),
    targetStart: date('target_start'),
    targetDate: date('target_date'),
    dateFlag: text('date_flag'),
    /** not_started | in_progress | done | stopped; and red | amber | green or none. */
    status: text('status').notNull().default('not_started'),
    rag: text('rag'),
    financialValueText: text('financial_value_text'),
    financialValuePence: bigint('financial_value_pence', { mode: 'number' }),
    /** Money columns of the source in thousands of pounds: [{ column, text, pence }]. */
    allocations: jsonb('allocations').$type<{ column: string; text: string; pence: number | null }[]>().notNull().default([]),
    note: text('note'),
    /** Where the line came from: the file's line and every cell by header, as written. */
    sourceLine: integer('source_line'),
    sourceRaw: jsonb('source_raw').$type<Record<string, string>>(),
    /**
     * The line's id in the file it was last imported from (a task renamed here keeps it, so a
     * re-import finds it), and the values that import wrote: a re-import takes only what the file
     * has changed since, and keeps what was changed here (see domain/programme/merge-imported.ts).
     */
    importedRef: text('imported_ref'),
    importedOccurrence: integer('imported_occurrence'),
    importedValues: jsonb('imported_values').$type<Record<string, unknown>>(),
    ...changeTracking,
  },
  (t) => [uniqueIndex('plan_tasks_plan_ref_key').on(t.planId, t.ref, t.refOccurrence), index('plan_tasks_section_idx').on(t.sectionId)],
);

/** The dated position log of a task: every update kept, never overwritten. */
export const taskPositionUpdates = pgTable(
  'task_position_updates',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').notNull(),
    entryDate: date('entry_date').notNull(),
    /** Order within the task's log (higher is newer), as the source lists its updates. */
    sequence: integer('sequence').notNull(),
    text: text('text').notNull(),
    /** import | person */
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('task_position_updates_task_sequence_key').on(t.taskId, t.sequence)],
);

/** STP deliverables (national N1… and local L1…), their key actions, milestone grid and outcomes. */
export const stpDeliverables = pgTable('stp_deliverables', {
  id: serial('id').primaryKey(),
  ref: text('ref').notNull().unique(),
  /** national | local */
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  owner: text('owner'),
  /** What the last import wrote, so a re-import keeps what was changed here (domain/programme/merge-imported.ts). */
  importedValues: jsonb('imported_values').$type<Record<string, unknown>>(),
  ...changeTracking,
});

export const stpActions = pgTable('stp_actions', {
  id: serial('id').primaryKey(),
  deliverableId: integer('deliverable_id').notNull(),
  ref: text('ref').notNull().unique(),
  title: text('title').notNull(),
  owners: text('owners'),
  note: text('note'),
  /** What the last import wrote, so a re-import keeps what was changed here (domain/programme/merge-imported.ts). */
  importedValues: jsonb('imported_values').$type<Record<string, unknown>>(),
  ...changeTracking,
});

export const stpMilestones = pgTable(
  'stp_milestones',
  {
    id: serial('id').primaryKey(),
    deliverableId: integer('deliverable_id').notNull(),
    /** The actions the grid row names, as the source does: "N1.1;N1.2" where one row holds two. */
    actionRefs: text('action_refs').notNull(),
    /** "2017/18 Q1" … "2020/21 H2". */
    period: text('period').notNull(),
    /** What the cell says: "X" for a deadline, or text. */
    text: text('text').notNull(),
    rag: text('rag'),
    /** Why the milestone stands as rated (e.g. why it slipped), and what shows it: both as people report them. */
    reason: text('reason'),
    evidence: text('evidence'),
    note: text('note'),
    /** What the last import wrote, so a re-import keeps what was changed here (domain/programme/merge-imported.ts). */
    importedValues: jsonb('imported_values').$type<Record<string, unknown>>(),
    ...changeTracking,
  },
  (t) => [uniqueIndex('stp_milestones_row_period_key').on(t.actionRefs, t.period)],
);

export const stpOutcomes = pgTable(
  'stp_outcomes',
  {
    id: serial('id').primaryKey(),
    deliverableId: integer('deliverable_id').notNull(),
    workArea: text('work_area').notNull(),
    descriptor: text('descriptor').notNull(),
    baseline: text('baseline'),
    target: text('target'),
    currentPosition: text('current_position'),
    positionDate: date('position_date'),
    note: text('note'),
    /** What the last import wrote, so a re-import keeps what was changed here (domain/programme/merge-imported.ts). */
    importedValues: jsonb('imported_values').$type<Record<string, unknown>>(),
    ...changeTracking,
  },
  (t) => [uniqueIndex('stp_outcomes_deliverable_area_key').on(t.deliverableId, t.workArea)],
);

