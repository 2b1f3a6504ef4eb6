import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isoDateSchema } from '../../domain/iso-date.js';
import { llrStpPeriods } from '../../domain/programme/stp-grid.js';
import { ragLabels, ragRatings } from '../../domain/programme/task-status.js';
import { planSections, planTasks, stpActions, stpDeliverables, stpMilestones, stpOutcomes, workPlans } from '../../db/schema/index.js';
import { deletePlanContents, planContents } from './plan-contents.js';
import { assertExists, assertNoClash, optionalText, positiveId, programmeRecord, requiredText } from './record-helpers.js';

type FieldDef = Parameters<typeof programmeRecord>[1]['fields'][string];
const text = (column: FieldDef['column'], header: string, filter: 'exact' | 'search' = 'search') => ({ header, column, kind: 'text' as const, filter, sortable: true });
const integer = (column: FieldDef['column'], header: string, names?: FieldDef['names']) => ({ header, column, kind: 'integer' as const, filter: 'exact' as const, sortable: true, names });

export const workPlanRecord = programmeRecord(
  { table: workPlans, id: workPlans.id, rowVersion: workPlans.rowVersion },
  {
    name: 'work_plan',
    label: 'work plan',
    fields: { name: text(workPlans.name, 'Name'), sourceFile: text(workPlans.sourceFile, 'Imported from'), asOf: { header: 'As of', column: workPlans.asOf, kind: 'date', filter: 'exact', sortable: true } },
    defaultSort: 'name',
    schema: z.object({ name: requiredText('a name', 200), sourceFile: optionalText(200), asOf: isoDateSchema.nullable().optional() }),
    // A plan goes with its sections, tasks and their position logs (a plan imported by mistake, or
    // one the federation has finished with); the delete's audit row keeps every one of them.
    alsoDeleted: planContents,
    afterDelete: deletePlanContents,
    async prepare(db, input, existing) {
      if (input.name) await assertNoClash(db, workPlans, workPlans.id, eq(workPlans.name, input.name as string), existing?.id, `There is already a work plan called "${String(input.name)}"`);
      return input;
    },
  },
);

export const planSectionRecord = programmeRecord(
  { table: planSections, id: planSections.id, rowVersion: planSections.rowVersion },
  {
    name: 'plan_section',
    label: 'plan section',
    fields: { planId: integer(planSections.planId, 'Work plan', { id: workPlans.id, name: workPlans.name }), ref: text(planSections.ref, 'Section', 'exact'), title: text(planSections.title, 'Title') },
    defaultSort: 'ref',
    schema: z.object({ planId: positiveId, ref: requiredText('the section number', 20), title: requiredText('a title', 300) }),
    dependents: [{ column: planTasks.sectionId, one: 'task', many: 'tasks' }],
    async prepare(db, input, existing) {
      const planId = (input.planId ?? existing?.planId) as number;
      const ref = (input.ref ?? existing?.ref) as string;
      await assertExists(db, workPlans, workPlans.id, planId, 'planId', 'work plan');
      await assertNoClash(db, planSections, planSections.id, and(eq(planSections.planId, planId), eq(planSections.ref, ref)), existing?.id, `The plan already has a section ${ref}`);
      return input;
    },
  },
);

export const stpDeliverableRecord = programmeRecord(
  { table: stpDeliverables, id: stpDeliverables.id, rowVersion: stpDeliverables.rowVersion },
  {
    name: 'stp_deliverable',
    label: 'STP deliverable',
    fields: { ref: text(stpDeliverables.ref, 'Deliverable', 'exact'), kind: { ...text(stpDeliverables.kind, 'National or local', 'exact'), labels: 'words' }, title: text(stpDeliverables.title, 'Deliverable text'), owner: text(stpDeliverables.owner, 'Owner') },
    defaultSort: 'id',
    schema: z.object({ ref: requiredText('the deliverable id, such as N1', 20), kind: z.enum(['national', 'local']), title: requiredText('what is to be delivered'), owner: optionalText(300) }),
    dependents: [
      { column: stpActions.deliverableId, one: 'action', many: 'actions' },
      { column: stpMilestones.deliverableId, one: 'milestone', many: 'milestones' },
      { column: stpOutcomes.deliverableId, one: 'outcome', many: 'outcomes' },
    ],
    async prepare(db, input, existing) {
      if (input.ref) await assertNoClash(db, stpDeliverables, stpDeliverables.id, eq(stpDeliverables.ref, input.ref as string), existing?.id, `There is already a deliverable ${String(input.ref)}`);
      return input;
    },
  },
);

/** Exports name a deliverable as people read it, "N1: Improve access to general practice", never by its number in the database. */
const deliverableNames = { id: stpDeliverables.id, name: sql`${stpDeliverables.ref} || ': ' || ${stpDeliverables.title}` };

const deliverableExists = (db: Parameters<typeof assertExists>[0], id: unknown) => assertExists(db, stpDeliverables, stpDeliverables.id, id, 'deliverableId', 'STP deliverable');

export const stpActionRecord = programmeRecord(
  { table: stpActions, id: stpActions.id, rowVersion: stpActions.rowVersion },
  {
    name: 'stp_action',
    label: 'STP key action',
    fields: { deliverableId: integer(stpActions.deliverableId, 'Deliverable', deliverableNames), ref: text(stpActions.ref, 'Action', 'exact'), title: text(stpActions.title, 'Key action'), owners: text(stpActions.owners, 'Owners'), note: text(stpActions.note, 'Note') },
    defaultSort: 'id',
    schema: z.object({ deliverableId: positiveId, ref: requiredText('the action id, such as N1.1', 20), title: requiredText('the key action'), owners: optionalText(500), note: optionalText() }),
    async prepare(db, input, existing) {
      if (input.deliverableId) await deliverableExists(db, input.deliverableId);
      if (input.ref) await assertNoClash(db, stpActions, stpActions.id, eq(stpActions.ref, input.ref as string), existing?.id, `There is already a key action ${String(input.ref)}`);
      return input;
    },
  },
);

const periodLabels = llrStpPeriods().map((p) => p.label);

export const stpMilestoneRecord = programmeRecord(
  { table: stpMilestones, id: stpMilestones.id, rowVersion: stpMilestones.rowVersion },
  {
    name: 'stp_milestone',
    label: 'STP milestone',
    fields: {
      deliverableId: integer(stpMilestones.deliverableId, 'Deliverable', deliverableNames),
      actionRefs: text(stpMilestones.actionRefs, 'Actions', 'exact'),
      period: text(stpMilestones.period, 'Period', 'exact'),
      text: text(stpMilestones.text, 'Milestone'),
      rag: { ...text(stpMilestones.rag, 'RAG', 'exact'), labels: ragLabels },
      reason: text(stpMilestones.reason, 'Reason'),
      evidence: text(stpMilestones.evidence, 'Evidence'),
      note: text(stpMilestones.note, 'Note'),
    },
    defaultSort: 'id',
    schema: z.object({
      deliverableId: positiveId,
      actionRefs: requiredText('the action ids, such as N1.1 or N1.1;N1.2', 100),
      period: z.string().trim().refine((p) => periodLabels.includes(p), `must be a period of the grid, ${periodLabels[0]} to ${periodLabels.at(-1)}`),
      text: z.string().trim().max(500).default('X'),
      rag: z.enum(ragRatings).nullable().optional(),
      reason: optionalText(),
      evidence: optionalText(),
      note: optionalText(),
    }),
    async prepare(db, input, existing) {
      if (input.deliverableId) await deliverableExists(db, input.deliverableId);
      const actionRefs = (input.actionRefs ?? existing?.actionRefs) as string;
      const period = (input.period ?? existing?.period) as string;
      await assertNoClash(db, stpMilestones, stpMilestones.id, and(eq(stpMilestones.actionRefs, actionRefs), eq(stpMilestones.period, period)), existing?.id, `${actionRefs} already has a milestone in ${period}`);
      return input;
    },
  },
);

export const stpOutcomeRecord = programmeRecord(
  { table: stpOutcomes, id: stpOutcomes.id, rowVersion: stpOutcomes.rowVersion },
  {
    name: 'stp_outcome',
    label: 'STP outcome',
    fields: {
      deliverableId: integer(stpOutcomes.deliverableId, 'Deliverable', deliverableNames),
      workArea: text(stpOutcomes.workArea, 'Work area'),
      descriptor: text(stpOutcomes.descriptor, 'Outcome'),
      baseline: text(stpOutcomes.baseline, 'Baseline'),
      target: text(stpOutcomes.target, 'Target'),
      currentPosition: text(stpOutcomes.currentPosition, 'Current position'),
      positionDate: { header: 'Position at', column: stpOutcomes.positionDate, kind: 'date', filter: 'exact', sortable: true },
      note: text(stpOutcomes.note, 'Note'),
    },
    defaultSort: 'id',
    schema: z.object({
      deliverableId: positiveId,
      workArea: requiredText('the work area', 300),
      descriptor: requiredText('the outcome'),
      baseline: optionalText(),
      target: optionalText(),
      currentPosition: optionalText(),
      positionDate: isoDateSchema.nullable().optional(),
      note: optionalText(),
    }),
    async prepare(db, input, existing) {
      if (input.deliverableId) await deliverableExists(db, input.deliverableId);
      const deliverableId = (input.deliverableId ?? existing?.deliverableId) as number;
      const workArea = (input.workArea ?? existing?.workArea) as string;
      await assertNoClash(db, stpOutcomes, stpOutcomes.id, and(eq(stpOutcomes.deliverableId, deliverableId), eq(stpOutcomes.workArea, workArea)), existing?.id, `The deliverable already has an outcome for ${workArea}`);
      return input;
    },
  },
);
