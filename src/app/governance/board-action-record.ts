import { todayInEnglandSql } from '../../db/today.js';
import { eq, sql } from 'drizzle-orm';
import { isOverdue } from '../../domain/governance/due-dates.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import { boardActions, boardActionUpdates, meetings } from '../../db/schema/index.js';
import { newestEntry } from '../records/newest-entry.js';
import { keptInAudit, type RecordType } from '../records/record-type.js';
import { closedOnOf, dateText, optionalText, ownersOnPeoplePage, ownerValues, storedIn } from './fields.js';
import { refuseTaken } from '../records/clash.js';
import { importByRef } from './import-by-ref.js';
import { boardActionLogLayout } from './import-board-actions.js';
import { recordIdSchema } from '../../domain/record-id.js';
import type { Db } from '../../db/client.js';
import { checkAll } from '../records/refusals.js';

export const actionStatuses = ['open', 'carried_forward', 'closed'] as const;

const actionInput = z.object({
  ref: z.string().trim().min(1, 'Enter a reference such as A1').max(20),
  action: z.string().trim().min(1, 'Describe the action').max(2000),
  ownerText: optionalText(200),
  dueDate: dateText,
  status: z.enum(actionStatuses).optional(),
  outcome: optionalText(4000),
  meetingId: recordIdSchema.nullable().optional(),
  closedOn: dateText,
});

/** An action's dated updates, newest first (the same day's later entry first). */
const updateLog = { table: boardActionUpdates, recordColumn: 'action_id', newestFirst: 'e.entered_on desc, e.id desc' };

/** An action is closed with what came of it. */
function refuseClosingWithoutOutcome(input: Partial<ActionInput>, existing: Record<string, unknown> | undefined): void {
  const status = input.status ?? (existing?.status as string | undefined) ?? 'open';
  const outcome = input.outcome === undefined ? (existing?.outcome as string | null | undefined) : input.outcome;
  if (status === 'closed' && !outcome) throw invalid('Say what the outcome was before closing the action', [{ field: 'outcome', message: 'Enter the outcome to close the action' }]);
}

async function refuseUnknownMeeting(db: Db, meetingId: number | null | undefined): Promise<void> {
  if (!meetingId) return;
  const [meeting] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) throw invalid(`There is no meeting ${meetingId}`, [{ field: 'meetingId', message: 'is not a meeting atscale knows' }]);
}

type ActionInput = z.infer<typeof actionInput>;

/**
 * The board action log. Updates are dated entries kept apart (board_action_updates) and only ever
 * added, so an action's story is never overwritten; closing an action needs its outcome.
 */
export const boardActionRecord: RecordType<ActionInput> = {
  name: 'board_action',
  label: 'board action',
  ...storedIn(boardActions),
  fields: {
    ref: { header: 'Ref', column: boardActions.ref, kind: 'text', filter: 'exact', sortable: true },
    action: { header: 'Action', column: boardActions.action, kind: 'text', filter: 'search', sortable: true },
    ownerText: { header: 'Owner', column: boardActions.ownerText, kind: 'text', filter: 'search', sortable: true },
    dueDate: { header: 'Due', column: boardActions.dueDate, kind: 'date', sortable: true },
    status: { header: 'Status', column: boardActions.status, kind: 'text', filter: 'exact', sortable: true, labels: 'words' },
    outcome: { header: 'Outcome', column: boardActions.outcome, kind: 'text', filter: 'search' },
    closedOn: { header: 'Closed on', column: boardActions.closedOn, kind: 'date', sortable: true },
    overdue: { header: 'Overdue', column: sql`coalesce(${boardActions.dueDate} < ${todayInEnglandSql} and ${boardActions.status} <> 'closed', false)`, kind: 'boolean', filter: 'exact' },
    // Where the action stands: its newest dated update, for lists and exports.
    latestUpdateOn: { header: 'Latest update dated', column: newestEntry(updateLog, boardActions, 'e.entered_on::text'), kind: 'date', sortable: true },
    latestUpdate: { header: 'Latest update', column: newestEntry(updateLog, boardActions, 'e.text'), kind: 'text' },
    meetingId: { header: 'Raised at meeting', column: boardActions.meetingId, kind: 'integer', filter: 'exact', sortable: true, names: { id: meetings.id, name: meetings.title } },
  },
  // The actions a meeting takes forward (?broughtForwardTo=7): not closed, raised at a meeting held before it.
  conditions: {
    broughtForwardTo: {
      kind: 'integer',
      description: 'actions still open that were raised at a meeting before the meeting with this id',
      where: (meetingId) =>
        sql`${boardActions.status} <> 'closed' AND EXISTS (SELECT 1 FROM ${meetings} raised, ${meetings} this WHERE raised.id = ${boardActions.meetingId} AND this.id = ${Number(meetingId)} AND raised.held_on < this.held_on)`,
    },
  },
  ...ownersOnPeoplePage,
  defaultSort: 'ref',
  // Its dated updates go with it (ON DELETE CASCADE); the audit keeps them.
  alsoDeleted: keptInAudit({ updates: { column: boardActionUpdates.actionId } }),
  createSchema: actionInput,
  updateSchema: actionInput.partial(),
  async prepare(db, input, existing) {
    const [, , , owners] = await checkAll(
      [
        () => refuseClosingWithoutOutcome(input, existing),
        () => refuseTaken(db, { table: boardActions, id: boardActions.id, key: boardActions.ref }, input.ref, existing, { record: 'board action', key: 'reference', field: 'ref' }),
        () => refuseUnknownMeeting(db, input.meetingId),
        () => ownerValues(db, input, existing),
      ],
      'The board action is not valid',
    );
    return { ...input, ...owners, closedOn: closedOnOf(input, existing) };
  },
  importCsv: (ctx, file) => importByRef(ctx, boardActionRecord, file, boardActionLogLayout),
  presents: { overdue: z.boolean() },
  present: (row) => ({ ...row, overdue: isOverdue(row.dueDate as string | null, todayInEngland(), row.status === 'closed') }),
};
