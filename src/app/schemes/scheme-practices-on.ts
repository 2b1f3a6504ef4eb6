import type { Problem } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { groupPractices, listSizesOn } from './resolve-practices.js';

/**
 * What the scheme builder previews: the group's member practices on the list-size snapshot date,
 * each with its list size on exactly that date (null where the registry holds none), and the one
 * message the save would give when the date does not fit: the same rules as saving, so the preview
 * and the save agree.
 */
export async function schemePracticesOn(ctx: AppContext, groupId: number, date: string) {
  authorize(ctx.actor, 'scheme', 'create');
  const problems: Problem[] = [];
  const entries = await groupPractices(ctx.db, groupId, date, problems);
  const { sizes, message } = entries.length ? await listSizesOn(ctx.db, entries, date) : { sizes: new Map<string, number>(), message: null };
  return {
    onDate: date,
    practices: entries.map((p) => ({ odsCode: p.odsCode!, displayName: p.name, locality: p.locality ?? null, listSize: sizes.get(p.odsCode!) ?? null })),
    /** Why the scheme could not be saved with this date, in the save's own words; null when every practice has a list size on it. */
    problem: problems[0]?.message ?? message,
  };
}
