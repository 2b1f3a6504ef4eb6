import type { Db } from '../../db/client.js';
import { deliveredRows, listVersions, replaceDelivered, type DeliveredInsert, type DeliveredRow } from '../../db/repos/schemes.js';
import { AppError, conflict, forbidden, invalid, type Problem } from '../../domain/errors.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { csvText } from '../../domain/registry/index.js';
import { asksSameReturns, otherCollectingVersion, readDeliveredTable, resolveDeliveredEntries, type DeliveredActivity } from '../../domain/schemes/delivered.js';
import { findPractice, type SchemePractice } from '../../domain/schemes/practices.js';
import { awaitedReturns, firstReceived, isLateReturn, practicesAskedToReturn, practicesThatReturned, returnsClosed, returnsClosedMessage, stampReceived } from '../../domain/schemes/returns-due.js';
import { lastSent, stampSent } from '../../domain/schemes/returns-sent.js';
import { isSettled } from '../../domain/schemes/settlement.js';
import { parseCsv } from '../../domain/schemes/tabular-input.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize, isAllowed, practiceScope } from '../permissions.js';
import { restrictDefinition } from './practice-scope.js';
import { storedPractices, type StoredDefinition } from './resolve-practices.js';
import { lockedTransaction } from './save-scheme.js';
import { loadReadableVersion, loadSchemeVersion, type LoadedVersion } from './scheme-inputs.js';
import { refuseIfSettled, refuseIfYearClosed } from './settlement.js';
import { presentVersionSummary, settlementOf } from './scheme-presenters.js';
import { deliveredEntriesSchema, type DeliveredEntries, type DeliveredEntriesRequest } from './scheme-requests.js';
import { refuseStale, revisionOf } from './upload-revision.js';

/** A row about to be saved: every figure says its week, quantity and what it says about taking part. */
type SentRow = DeliveredInsert & { week: number | null; quantity: number | null; takesPart: string | null };

function toRows(loaded: LoadedVersion, returns: readonly DeliveredActivity[], week: number | null, source: string): SentRow[] {
  return returns.flatMap((ret) =>
    loaded.definition.deliveryModels.map((model) => ({
      schemeId: loaded.scheme.id,
      version: loaded.version.version,
      practiceCode: ret.practiceKey,
      modelId: model.id,
      week,
      quantity: ret.units[model.id] ?? null,
      takesPart: ret.takesPart,
      source,
      line: ret.source?.line ?? null,
    })),
  );
}

/** The figures of a set of rows, for telling whether an upload changes anything and for the audit log. */
const figures = (rows: readonly (DeliveredRow | DeliveredInsert)[]) =>
  rows.map((r) => ({ practiceCode: r.practiceCode, modelId: r.modelId, week: r.week ?? null, quantity: r.quantity ?? null, takesPart: r.takesPart ?? null })).sort((a, b) => `${a.practiceCode}|${a.week}|${a.modelId}`.localeCompare(`${b.practiceCode}|${b.week}|${b.modelId}`));

const practiceRevision = (rows: readonly DeliveredRow[], code: string) => revisionOf(figures(rows.filter((r) => r.practiceCode === code)));

/** What the sender saw before replacing: the revision of every return (`all`), or of each practice's returns by ODS code. */
export interface DeliveredBasedOn {
  all?: string | undefined;
  practices?: Record<string, string> | undefined;
}

function refuseStaleReturns(loaded: LoadedVersion, before: readonly DeliveredRow[], basedOn: DeliveredBasedOn): void {
  refuseStale(basedOn.all, revisionOf(figures(before)), `The activity returns for version ${loaded.version.version} changed`);
  const names = new Map(loaded.definition.practices.map((p) => [p.odsCode, p.name]));
  for (const [code, seen] of Object.entries(basedOn.practices ?? {})) {
    refuseStale(seen, practiceRevision(before, code), `The activity recorded for ${names.get(code) ?? code} (${code}) changed`);
  }
}

interface SaveOptions {
  /** Replace only these practice-and-week returns (undefined: every return of the version). */
  only?: { practiceCode: string; week: number | null }[] | undefined;
  /** Where the figures came from, in words for the audit log. */
  source: string;
  /** 'import' for a file; 'update' (the default) for returns entered or copied. */
  action?: 'import' | 'update';
  basedOn?: DeliveredBasedOn | undefined;
  /** The day (in England) a practice returning now is received; null when not known (old returns loaded from a file). */
  today: string | null;
  /** The figures are a copy of returns just recorded on the other version, so they are not copied back. */
  copied?: boolean;
}

async function saveDelivered(ctx: AppContext, db: Db, loaded: LoadedVersion, sent: SentRow[], options: SaveOptions) {
  const { only, source, action = 'update', basedOn = {}, today, copied = false } = options;
  refuseIfSettled(loaded);
  const before = await deliveredRows(db, loaded.scheme.id, loaded.version.version);
  const touched = only ? before.filter((r) => only.some((o) => o.practiceCode === r.practiceCode && o.week === r.week)) : before;
  // A return sent now is dated and signed by whoever sent it; old returns loaded from a file are neither.
  const rows = stampSent(stampReceived(sent, firstReceived(before), today), touched, today === null ? null : { at: new Date(), by: ctx.actor.label });
  const result = { scheme: loaded.scheme.name, version: presentVersionSummary(loaded.version), returns: new Set(rows.map((r) => `${r.practiceCode}|${r.week}`)).size, figures: rows.length };
  if (JSON.stringify(figures(touched)) === JSON.stringify(figures(rows))) return { ...result, changed: false };
  await refuseIfYearClosed(db, loaded, 'activity returns');
  refuseStaleReturns(loaded, before, basedOn);
  const untouched = before.filter((r) => !touched.includes(r));
  const mixed = [...new Set(rows.map((r) => r.practiceCode))].filter((code) => [...untouched, ...rows].some((r) => r.practiceCode === code && r.week === null) && [...untouched, ...rows].some((r) => r.practiceCode === code && r.week !== null));
  if (mixed.length) throw new AppError('invalid', 'A practice’s activity is returned either for the whole scheme or week by week, not both', { problems: mixed.map((code) => ({ field: 'entries', message: `${code} would have both a whole-scheme return and weekly returns` })) });
  await replaceDelivered(db, loaded.scheme.id, loaded.version.version, rows, only);
  await recordAudit(db, ctx.actor, {
    recordType: 'scheme',
    recordId: loaded.scheme.id,
    action,
    before: { version: loaded.version.version, delivered: figures(touched) },
    after: { version: loaded.version.version, delivered: figures(rows) },
    summary: `Recorded delivered activity for version ${loaded.version.version} from ${source}: ${result.returns} ${result.returns === 1 ? 'return' : 'returns'}`,
  });
  if (!copied) await copyToOtherVersion(ctx, db, loaded, [...new Set((only ?? [...before, ...rows]).map((r) => r.practiceCode))], today);
  return { ...result, changed: true };
}

/**
 * A practice's activity return is a fact about what it delivered, whichever version it was
 * recorded on. So while the federation prepares the next version (a draft that carried the returns
 * over), the returns of the practices just recorded on the approved version in force or on the draft
 * are made the same on the other: a practice manager's return to the version in force goes into the
 * draft, so approving the draft does not lose it, and one the federation records on the draft reaches
 * the version in force, which practices, statements and payments read until the draft is approved.
 * Not when the two ask for different returns (other delivery models, unit or period), nor for a
 * practice the other version does not have: the federation records those there.
 */
async function copyToOtherVersion(ctx: AppContext, db: Db, recordedOn: LoadedVersion, practiceCodes: readonly string[], today: string | null): Promise<void> {
  const otherRow = otherCollectingVersion(await listVersions(db, recordedOn.scheme.id), recordedOn.version.version);
  const other = otherRow && { scheme: recordedOn.scheme, version: otherRow, definition: otherRow.definition as StoredDefinition };
  // A settled version keeps the returns it was invoiced on: the draft's stay on the draft.
  if (!other || isSettled(settlementOf(other.version)) || !asksSameReturns(recordedOn.definition, other.definition)) return;
  const theirs = new Set(other.definition.practices.map((p) => p.odsCode));
  const codes = practiceCodes.filter((code) => theirs.has(code));
  if (codes.length === 0) return;
  // One after the other: a transaction's connection runs one query at a time.
  const recorded = await deliveredRows(db, recordedOn.scheme.id, recordedOn.version.version, codes);
  const replaced = await deliveredRows(db, other.scheme.id, other.version.version, codes);
  const rows = recorded.map(({ id: _id, receivedOn: _received, ...row }) => ({ ...row, version: other.version.version }));
  // Each practice's whole return is replaced, every week of it, so a week removed on one is removed on the other.
  const only = [...new Map([...recorded, ...replaced].map((r) => [`${r.practiceCode}|${r.week}`, { practiceCode: r.practiceCode, week: r.week }])).values()];
  await saveDelivered(ctx, db, other, rows, { only, source: `the returns recorded on version ${recordedOn.version.version}`, today, copied: true });
}

/**
 * Records the activity returns in a CSV file (one row per practice, a column per delivery model),
 * replacing the returns of the practices it holds. A practice the file leaves out keeps the return
 * it has (one its practice manager sent is not lost to a spreadsheet without it), and is named.
 * All or nothing: every problem is reported with its line and column and nothing is saved.
 * Uploading the same file again changes nothing.
 */
export async function importDeliveredCsv(ctx: AppContext, schemeId: number, file: { name: string; content: Uint8Array }, versionNumber?: number, basedOn?: string, today: string | null = todayInEngland()) {
  authorize(ctx.actor, 'scheme', 'import');
  return lockedTransaction(ctx, schemeId, async (db) => {
    const loaded = await loadSchemeVersion(db, schemeId, versionNumber);
    const returns = readDeliveredTable(parseCsv(csvText(file), file.name), storedPractices(loaded.definition), loaded.definition);
    const inFile = new Set(returns.map((r) => r.practiceKey));
    const before = await deliveredRows(db, loaded.scheme.id, loaded.version.version);
    // Every return of the practices in the file, whole-scheme or weekly, is replaced by the file's.
    const only = [...new Map([...before.filter((r) => inFile.has(r.practiceCode)), ...[...inFile].map((practiceCode) => ({ practiceCode, week: null }))].map((r) => [`${r.practiceCode}|${r.week}`, { practiceCode: r.practiceCode, week: r.week ?? null }])).values()];
    const saved = await saveDelivered(ctx, db, loaded, toRows(loaded, returns, null, file.name), { only, source: file.name, action: 'import', basedOn: { all: basedOn }, today });
    const names = new Map(loaded.definition.practices.map((p) => [p.odsCode, p.name]));
    const kept = [...new Set(before.map((r) => r.practiceCode))].filter((code) => !inFile.has(code)).sort();
    return { ...saved, keptNotInFile: kept.map((odsCode) => ({ odsCode, name: names.get(odsCode) ?? odsCode })) };
  });
}

/** Checks JSON returns with the engine's rules, one week at a time (a practice may return once per week). */
function resolveEntries(loaded: LoadedVersion, entries: DeliveredEntriesRequest['entries']): { week: number | null; returns: DeliveredActivity[] }[] {
  const practices = storedPractices(loaded.definition);
  const byWeek = new Map<number | null, number[]>();
  entries.forEach((entry, i) => byWeek.set(entry.week ?? null, [...(byWeek.get(entry.week ?? null) ?? []), i]));
  const problems: Problem[] = [];
  const resolved = [...byWeek].map(([week, indexes]) => {
    try {
      return { week, returns: resolveDeliveredEntries(indexes.map((i) => entries[i]!), practices, loaded.definition) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The engine numbers entries within the week; name them as the request did.
      problems.push(...error.problems.map((p) => ({ ...p, field: p.field?.replace(/^delivered\.(\d+)/, (_, j: string) => `entries.${indexes[Number(j)]}`) })));
      return { week, returns: [] };
    }
  });
  if (problems.length) throw new AppError('invalid', 'The delivered activity is not valid', { problems });
  return resolved;
}

/** A practice manager names only their own practices taking part in the scheme. */
function refuseOtherPractices(own: readonly string[], theirs: readonly SchemePractice[], entries: DeliveredEntriesRequest['entries']): void {
  const others = entries.filter((e) => !findPractice(theirs, e.practice)).map((e) => e.practice);
  if (others.length === 0) return;
  const yours = theirs.length ? `your practices in this scheme are ${theirs.map((p) => `${p.name} (${p.key})`).join(', ')}` : `none of your practices (${own.join(', ')}) takes part in this scheme`;
  throw forbidden(`You can return activity only for your own practices: ${yours}. Not for ${[...new Set(others)].join(', ')}.`);
}

/** The version a practice manager returns against: the approved version in force, which is what they see. */
async function versionInForce(db: Db, ctx: AppContext, schemeId: number, versionNumber?: number): Promise<LoadedVersion> {
  const loaded = await loadReadableVersion(db, ctx.actor, schemeId, versionNumber);
  if (loaded.version.status !== 'approved') throw conflict(`Version ${loaded.version.version} of ${loaded.scheme.name} has been superseded: activity is returned against the approved version in force. Reload the page and send your return again.`);
  return loaded;
}

/** A practice manager's return must say which recorded figures it replaces, so a return they have not seen is never overwritten. */
function requireBasedOn(loaded: LoadedVersion, body: DeliveredEntriesRequest): void {
  const practices = storedPractices(loaded.definition);
  const unseen = [...new Set(body.entries.map((e) => findPractice(practices, e.practice)!))].filter((p) => body.basedOn?.[p.key] === undefined);
  if (unseen.length === 0) return;
  throw invalid('Your return does not say which recorded figures it replaces, so it was not saved. Reload the page and send it again.', [
    { field: 'basedOn', message: `give the revision you read of each practice’s return (practiceRevisions from GET /api/schemes/${loaded.scheme.id}/delivered); missing for ${unseen.map((p) => `${p.name} (${p.key})`).join(', ')}` },
  ]);
}

/** Checks the entries against a version's terms and saves them, replacing the practice-and-week returns sent (or all with `replace`). */
async function saveEntries(ctx: AppContext, db: Db, loaded: LoadedVersion, body: DeliveredEntries, source: { rows: string; audit: string }, today: string, basedOn?: Record<string, string>) {
  const groups = resolveEntries(loaded, body.entries);
  for (const code of new Set(groups.flatMap((g) => g.returns.map((r) => r.practiceKey)))) authorize(ctx.actor, 'activity_return', 'create', code);
  const rows = groups.flatMap((g) => toRows(loaded, g.returns, g.week, source.rows));
  const only = body.replace ? undefined : groups.flatMap((g) => g.returns.map((r) => ({ practiceCode: r.practiceKey, week: g.week })));
  return saveDelivered(ctx, db, loaded, rows, { only, source: source.audit, basedOn: { practices: basedOn }, today });
}

const practiceReturn = { rows: 'practice return', audit: 'a practice’s own return' };

/**
 * Records activity returns sent as JSON: replacing the returns for the practices (and weeks) sent,
 * or all of the version's. An admin records any practice's, at any time, with or without `basedOn`
 * (a script or tool may replace knowingly). A practice manager returns their own practices' only,
 * against the approved version in force, never the whole version's, up to and including the day
 * returns are due, and always says which figures they saw (`basedOn`).
 */
export async function recordDeliveredEntries(ctx: AppContext, schemeId: number, request: DeliveredEntriesRequest, versionNumber?: number, today = todayInEngland()) {
  const byFederation = isAllowed(ctx.actor, 'scheme', 'import');
  // Anyone else may only return for practices the permissions let them: refused now, before any work, if there are none.
  if (!byFederation && !ctx.actor.practiceCodes.some((code) => isAllowed(ctx.actor, 'activity_return', 'create', code))) authorize(ctx.actor, 'scheme', 'import');
  const body = deliveredEntriesSchema.parse(request);
  if (!byFederation && body.replace) authorize(ctx.actor, 'scheme', 'import');
  return lockedTransaction(ctx, schemeId, async (db) => {
    if (byFederation) return saveEntries(ctx, db, await loadSchemeVersion(db, schemeId, versionNumber), body, { rows: 'api', audit: 'the federation’s entries' }, today, body.basedOn);
    const inForce = await versionInForce(db, ctx, schemeId, versionNumber);
    // A practice manager's entries are read against their own practices only, so naming another practice says nothing about whether it takes part.
    const loaded = { ...inForce, definition: restrictDefinition(inForce.definition, practiceScope(ctx.actor)) };
    refuseOtherPractices(ctx.actor.practiceCodes, storedPractices(loaded.definition), body.entries);
    // Settled is the stronger reason: the federation could not change the return either.
    refuseIfSettled(loaded);
    const dueOn = loaded.scheme.returnsDueOn;
    if (returnsClosed(dueOn, today)) throw forbidden(returnsClosedMessage(dueOn!));
    requireBasedOn(loaded, body);
    return saveEntries(ctx, db, loaded, body, practiceReturn, today, body.basedOn);
  });
}

/**
 * The delivered activity of a version, row by row, with who is asked, who the scheme still waits
 * for, when each practice's return was first received (late if after the due date) and when it was
 * last sent and by whom; a practice manager sees only their practices'. Someone who does not see drafts reads the approved version.
 */
export async function listDelivered(ctx: AppContext, schemeId: number, versionNumber?: number, today = todayInEngland()) {
  authorize(ctx.actor, 'scheme', 'read');
  authorize(ctx.actor, 'activity_return', 'read');
  const loaded = await loadReadableVersion(ctx.db, ctx.actor, schemeId, versionNumber);
  const rows = await deliveredRows(ctx.db, schemeId, loaded.version.version, practiceScope(ctx.actor));
  const names = new Map(loaded.definition.practices.map((p) => [p.odsCode, p.name]));
  const models = new Map(loaded.definition.deliveryModels.map((m) => [m.id, m.name]));
  const seen = storedPractices(restrictDefinition(loaded.definition, practiceScope(ctx.actor)));
  // Returns are collected on the latest version and on the approved version in force (what practice managers see).
  const collecting = loaded.version.version === loaded.scheme.currentVersion || loaded.version.status === 'approved';
  const dueOn = collecting ? loaded.scheme.returnsDueOn : null;
  const received = firstReceived(rows);
  const sent = lastSent(rows);
  return {
    scheme: { id: loaded.scheme.id, name: loaded.scheme.name },
    version: presentVersionSummary(loaded.version),
    /** Send back as `basedOn` with a replacement, so a change made meanwhile is not overwritten unseen. */
    revision: revisionOf(figures(rows)),
    practiceRevisions: Object.fromEntries(seen.map((p) => [p.key, practiceRevision(rows, p.key)])),
    /** The day returns are due: set for the version collecting returns only. */
    returnsDueOn: dueOn,
    /** The due date has passed: returns are closed to practice managers (the federation still records and corrects them). */
    returnsClosed: returnsClosed(dueOn, today),
    /** How many practices are asked for a return (taking part or not known to), and those with nothing returned yet. */
    asked: practicesAskedToReturn(seen),
    awaited: awaitedReturns(seen, practicesThatReturned(rows)).map((p) => ({ odsCode: p.key, name: p.name })),
    /**
     * The practices that have returned, with the day each return was first received (null if that was
     * not kept) and whether that was after the due date, and when it was last changed and by whom (the
     * actor's label; null if not known).
     */
    received: seen
      .filter((p) => received.has(p.key))
      .map((p) => ({ odsCode: p.key, name: p.name, receivedOn: received.get(p.key) ?? null, late: isLateReturn(received.get(p.key) ?? null, dueOn), lastSent: sent.get(p.key) ?? null })),
    items: rows.map((r) => ({ practiceCode: r.practiceCode, practiceName: names.get(r.practiceCode) ?? null, modelId: r.modelId, modelName: models.get(r.modelId) ?? r.modelId, week: r.week, quantity: r.quantity, takesPart: r.takesPart, source: r.source, line: r.line, receivedOn: r.receivedOn })),
  };
}
