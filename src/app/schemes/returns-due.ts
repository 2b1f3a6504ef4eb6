import { listVersions, returnedFigures, schemesWithReturnsDueBy, updateReturnsDueIf } from '../../db/repos/schemes.js';
import { invalid, staleChange } from '../../domain/errors.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { awaitedReturns, hasBeenApproved, practicesAskedToReturn, practicesThatReturned, returnsClosed } from '../../domain/schemes/returns-due.js';
import { versionReadBy } from '../../domain/schemes/versions.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { actorOfQuery, type MyItem, type MyItemsSource } from '../reminders/my-item.js';
import { storedPractices, type StoredDefinition } from './resolve-practices.js';
import { inTransaction } from './save-scheme.js';
import { loadSchemeVersion, seesDrafts } from './scheme-inputs.js';
import { presentScheme } from './scheme-presenters.js';
import { returnsDueSchema, type ReturnsDueRequest } from './scheme-requests.js';

const dueText = (date: string | null) => (date ? formatLongDate(date) : 'no date');

/**
 * Sets (or clears, with null) the day practices' activity returns are due for the scheme (one date for
 * the version in force and a draft asking the same return; admins). It is not a term of the scheme, so no new version is made and the scheme's row version
 * is left alone; the caller sends the date it read as `basedOn`, and a date changed meanwhile is a conflict.
 */
export async function setReturnsDue(ctx: AppContext, schemeId: number, request: ReturnsDueRequest) {
  authorize(ctx.actor, 'scheme', 'update');
  const body = parseOrRefuse(returnsDueSchema, request, 'The activity returns due date is not valid');
  return inTransaction(ctx, async (db) => {
    const before = await loadSchemeVersion(db, schemeId);
    if (body.returnsDueOn !== null && before.definition.deliveryModels.length === 0) {
      throw invalid(`${before.scheme.name} pays for no delivered activity, so practices have no activity to return`, [{ field: 'returnsDueOn', message: 'the scheme has no delivery models' }]);
    }
    if (body.returnsDueOn === before.scheme.returnsDueOn) return { scheme: presentScheme(before.scheme), changed: false };
    const scheme = await updateReturnsDueIf(db, schemeId, body.basedOn, body.returnsDueOn);
    if (!scheme) throw staleChange(`The activity returns due date of ${before.scheme.name} was changed by someone else since you opened it: it is now ${dueText(before.scheme.returnsDueOn)}. Reload the page and set it again.`, body.basedOn, before.scheme.returnsDueOn);
    await recordAudit(db, ctx.actor, {
      recordType: 'scheme',
      recordId: schemeId,
      action: 'update',
      before: { returnsDueOn: before.scheme.returnsDueOn },
      after: { returnsDueOn: scheme.returnsDueOn },
      summary: `Activity returns due: ${dueText(before.scheme.returnsDueOn)} → ${dueText(scheme.returnsDueOn)}`,
    });
    return { scheme: presentScheme(scheme), changed: true };
  });
}

/**
 * Activity returns in "my items" and the daily digest, from a scheme's returns-due date and the
 * version whose returns the reader follows, as on the schemes list and the scheme's page:
 * - a practice manager gets one item for each of their practices the version in force still waits
 *   for (their return goes there, whatever a draft in preparation asks);
 * - a federation admin gets one item per scheme while any practice has not returned to the latest
 *   version, named as that version names the scheme.
 */
export const activityReturnItems: MyItemsSource = async (db, query) => {
  if (query.role !== 'admin' && query.role !== 'practice_manager') return [];
  const drafts = seesDrafts(actorOfQuery(query));
  const items: MyItem[] = [];
  // One scheme after another: PGlite serves one query at a time anyway.
  for (const scheme of await schemesWithReturnsDueBy(db, query.until)) {
    const version = versionReadBy(await listVersions(db, scheme.id), drafts);
    // Practices are asked once the scheme is agreed (a version approved), and no more once its payments are invoiced (settled); a later version may have dropped its delivery models.
    if (!version || !hasBeenApproved(scheme) || version.invoicedOn !== null) continue;
    const stored = version.definition as StoredDefinition;
    if (stored.deliveryModels.length === 0) continue;
    const practices = storedPractices(stored);
    const awaited = awaitedReturns(practices, practicesThatReturned(await returnedFigures(db, scheme.id, version.version)));
    const dueDate = scheme.returnsDueOn!;
    if (query.role === 'admin') {
      const asked = practicesAskedToReturn(practices);
      const from = `${awaited.length} of ${asked} ${asked === 1 ? 'practice' : 'practices'}`;
      if (awaited.length) items.push({ kind: 'activity_return', ref: `Scheme ${scheme.id}`, dueDate, title: `Collect activity returns from ${from}: ${stored.name}`, href: `/schemes/${scheme.id}#delivered` });
      continue;
    }
    // After the due date the return is closed to the practice manager: only the federation can record it now.
    const closed = returnsClosed(dueDate, query.today);
    for (const practice of awaited.filter((p) => query.practiceCodes.includes(p.key))) {
      const title = closed ? `Ask the federation to record ${practice.name}’s activity return (returns closed on ${formatLongDate(dueDate)})` : `Return activity for ${practice.name}`;
      // The practice in the address, so a manager of several finds its return chosen.
      items.push({ kind: 'activity_return', ref: practice.key, dueDate, title: `${title}: ${stored.name}`, href: `/schemes/${scheme.id}?practice=${encodeURIComponent(practice.key)}#return` });
    }
  }
  return items;
};
