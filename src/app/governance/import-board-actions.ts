import { eq } from 'drizzle-orm';
import { parseDateText, todayInEngland } from '../../domain/iso-date.js';
import { meetings } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { insertPrepared } from '../records/records.js';
import { appendUpdate, hasUpdate } from './action-updates.js';
import type { RegisterLayout } from './import-by-ref.js';
import { meetingRecord } from './meeting-record.js';

const cell = (row: Record<string, string>, name: string) => row[name]?.trim() || undefined;
const updateDay = (row: Record<string, string>) => parseDateText(cell(row, 'update_on'));

/** The meeting an action was raised at, by title; created the first time a log names it. */
async function meetingNamed(ctx: AppContext, title: string): Promise<number> {
  const [found] = await ctx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, title));
  if (found) return found.id;
  const [created] = await insertPrepared(ctx, meetingRecord, [{ title }]);
  return created!.id as number;
}

/** The day a meeting named in a log was held, where atscale records it. */
async function meetingDay(ctx: AppContext, title: string | undefined): Promise<string | null> {
  if (!title) return null;
  const [found] = await ctx.db.select({ heldOn: meetings.heldOn }).from(meetings).where(eq(meetings.title, title));
  return found?.heldOn ?? null;
}

/**
 * A board action log as the ELR seed writes it: ref, action, owner, due, update, source_meeting.
 * The update becomes one of the action's dated entries, dated by an `update_on` column where the
 * log has one, else the day the source meeting was held where atscale knows it, else the day of the
 * import; the source meeting becomes a meeting the action links to. Status, outcome and closed_on
 * (the day a closed action was closed) are read when present.
 */
export const boardActionLogLayout: RegisterLayout = {
  columns: ['ref', 'action', 'owner', 'due', 'update', 'source_meeting'],
  columnOf: { ref: 'ref', action: 'action', ownerText: 'owner', dueDate: 'due', status: 'status', outcome: 'outcome', closedOn: 'closed_on', meetingId: 'source_meeting' },
  alsoFrom: { update: 'latestUpdate', update_on: 'latestUpdateOn' },
  async toInput(row, ctx) {
    const meeting = cell(row, 'source_meeting');
    // Written as the register's other dates may be: YYYY-MM-DD or DD/MM/YYYY, as a spreadsheet saves it.
    const updateOn = updateDay(row);
    const problems = 'error' in updateOn ? [{ column: 'update_on', message: updateOn.error }] : updateOn.date && updateOn.date > todayInEngland() ? [{ column: 'update_on', message: `${cell(row, 'update_on')} is after today: an update is dated the day it was given` }] : [];
    return {
      problems,
      input: {
        ref: cell(row, 'ref'),
        action: cell(row, 'action'),
        ownerText: cell(row, 'owner') ?? null,
        dueDate: cell(row, 'due') ?? null,
        meetingId: meeting ? await meetingNamed(ctx, meeting) : null,
        ...(cell(row, 'status') ? { status: cell(row, 'status') } : {}),
        ...(cell(row, 'closed_on') ? { closedOn: cell(row, 'closed_on') } : {}),
        ...(cell(row, 'outcome') ? { outcome: cell(row, 'outcome') } : {}),
      },
    };
  },
  async afterRow(ctx, id, row) {
    const text = cell(row, 'update');
    if (!text || (await hasUpdate(ctx.db, id, text))) return false;
    const given = updateDay(row);
    await appendUpdate(ctx.db, ctx.actor, id, text, ('date' in given ? given.date : null) ?? (await meetingDay(ctx, cell(row, 'source_meeting'))) ?? todayInEngland());
    return true;
  },
};
