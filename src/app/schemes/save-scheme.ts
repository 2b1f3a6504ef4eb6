import type { Db } from '../../db/client.js';
import {
  deleteInputRows,
  deliveredRows,
  findSchemeBySlug,
  handScheduleRows,
  insertScheme,
  insertVersion,
  listVersions,
  lockScheme,
  replaceDelivered,
  replaceHandSchedule,
  supersedeOtherVersions,
  updateSchemeIfUnchanged,
  updateVersion,
} from '../../db/repos/schemes.js';
import { conflict, staleChange } from '../../domain/errors.js';
import { hasBeenApproved } from '../../domain/schemes/returns-due.js';
import { runScheme } from '../../domain/schemes/run-scheme.js';
import { invoicedTermsMessage } from '../../domain/schemes/settlement.js';
import { schemePaymentYear } from '../../domain/finance/scheme-money.js';
import { recordAudit } from '../audit.js';
import { refuseChangeInClosedYears } from '../finance/closed-years.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { reconcileInputs } from './reconcile-inputs.js';
import { resolveDefinition } from './resolve-practices.js';
import { loadSchemeVersion, runInputFor, type LoadedVersion } from './scheme-inputs.js';
import { presentScheme, presentVersion } from './scheme-presenters.js';
import type { CreateSchemeRequest, UpdateSchemeRequest } from './scheme-requests.js';

type SchemePeriod = Parameters<typeof schemePaymentYear>[0];

function slugOf(definition: { id?: string | undefined; name: string }): string {
  return definition.id ?? definition.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

export const inTransaction = <T>(ctx: AppContext, work: (db: Db) => Promise<T>) => ctx.db.transaction((tx) => work(tx as unknown as Db));

/**
 * A change to what a version's figures are worked from (its activity returns, hand schedule, or
 * whether its payments are settled) in a transaction that first takes the scheme: so it reads, and
 * checks what the caller read against, what a change to the same scheme just committed, and two
 * saves copying returns to each other's version never wait on each other.
 */
export const lockedTransaction = <T>(ctx: AppContext, schemeId: number, work: (db: Db) => Promise<T>) =>
  inTransaction(ctx, async (db) => {
    await lockScheme(db, schemeId);
    return work(db);
  });

const snapshotOf = (loaded: LoadedVersion) => ({ scheme: presentScheme(loaded.scheme), version: presentVersion(loaded.version) });

/** Creates a scheme as a draft, version 1. The definition is checked in full (practices resolved, a trial run) before anything is saved. */
export async function createScheme(ctx: AppContext, request: CreateSchemeRequest) {
  authorize(ctx.actor, 'scheme', 'create');
  const groupId = request.groupId ?? null;
  return inTransaction(ctx, async (db) => {
    const { definition, listSnapshotDate } = await resolveDefinition(db, request.definition, groupId, 1);
    const slug = slugOf(definition);
    if (await findSchemeBySlug(db, slug)) throw conflict(`There is already a scheme called "${slug}": give this one a different id or name`);
    const scheme = await insertScheme(db, { slug, name: definition.name, funder: definition.funder, groupId, status: 'draft', currentVersion: 1 });
    const version = await insertVersion(db, { schemeId: scheme.id, version: 1, status: 'draft', definition, listSnapshotDate, createdBy: ctx.actor.label });
    const after = snapshotOf({ scheme, version, definition });
    await recordAudit(db, ctx.actor, { recordType: 'scheme', recordId: scheme.id, action: 'create', after, summary: `Created ${definition.name}, version 1 (draft)` });
    return after;
  });
}

/**
 * Changes a scheme's terms. A draft is edited in place; an approved version never changes, so
 * editing it makes the next version, a draft, carrying over the activity and hand schedule that
 * still fit. The caller sends the rowVersion it read: a stale edit is a conflict.
 */
export async function updateScheme(ctx: AppContext, schemeId: number, request: UpdateSchemeRequest) {
  authorize(ctx.actor, 'scheme', 'update');
  return inTransaction(ctx, async (db) => {
    // Taken first, as a save of returns takes it: the activity carried into a new draft is then read after any return being saved, never before it.
    await lockScheme(db, schemeId);
    const before = await loadSchemeVersion(db, schemeId);
    const expected = Number(request.rowVersion);
    if (before.scheme.rowVersion !== expected) throw staleEdit(before, expected);
    const editInPlace = before.version.status === 'draft';
    if (!editInPlace && before.version.invoicedOn) throw conflict(invoicedTermsMessage(before.scheme.name, before.version.version, before.version.invoicedOn));
    const number = editInPlace ? before.version.version : before.scheme.currentVersion + 1;
    const { definition, listSnapshotDate } = await resolveDefinition(db, request.definition, before.scheme.groupId, number);
    // One after the other: a transaction's connection runs one query at a time.
    const delivered = await deliveredRows(db, schemeId, before.version.version);
    const hand = await handScheduleRows(db, schemeId, before.version.version);
    const kept = reconcileInputs(definition, delivered, hand);
    // The scheme's name and funder are the version in force's, which everyone reads; a draft's new ones
    // reach the scheme only when it is approved (until a first approval the draft is all there is).
    const naming = hasBeenApproved(before.scheme) ? {} : { name: definition.name, funder: definition.funder };
    const scheme = await updateSchemeIfUnchanged(db, schemeId, expected, { ...naming, status: 'draft', currentVersion: number });
    if (!scheme) throw staleEdit(before, expected);
    let version;
    if (editInPlace) {
      version = await updateVersion(db, before.version.id, { definition, listSnapshotDate });
      const keptDelivered = new Set(kept.delivered.map((r) => r.id));
      const keptHand = new Set(kept.handSchedule.map((r) => r.id));
      await deleteInputRows(db, delivered.filter((r) => !keptDelivered.has(r.id)).map((r) => r.id), hand.filter((r) => !keptHand.has(r.id)).map((r) => r.id));
    } else {
      version = await insertVersion(db, { schemeId, version: number, status: 'draft', definition, listSnapshotDate, createdBy: ctx.actor.label });
      await replaceDelivered(db, schemeId, number, kept.delivered.map(({ id: _id, ...row }) => ({ ...row, version: number })));
      await replaceHandSchedule(db, schemeId, number, kept.handSchedule.map(({ id: _id, ...row }) => ({ ...row, version: number })));
    }
    const after = snapshotOf({ scheme, version, definition });
    const summary = editInPlace ? `Edited draft version ${number}` : `Created version ${number} (draft) from approved version ${before.version.version}`;
    await recordAudit(db, ctx.actor, { recordType: 'scheme', recordId: schemeId, action: 'update', before: snapshotOf(before), after, summary: [summary, ...kept.dropped.map((d) => `dropped ${d}`)].join('; ') });
    return { ...after, dropped: kept.dropped };
  });
}

/** Approves the latest version (admins): it is then fixed, its name and funder become the scheme's, and an earlier approved version is superseded. */
export async function approveScheme(ctx: AppContext, schemeId: number, rowVersion: number) {
  authorize(ctx.actor, 'scheme', 'update');
  return inTransaction(ctx, async (db) => {
    const before = await loadSchemeVersion(db, schemeId);
    if (before.scheme.rowVersion !== rowVersion) throw staleEdit(before, rowVersion);
    if (before.version.status !== 'draft') throw conflict(`Version ${before.version.version} of ${before.scheme.name} is already ${before.version.status}; edit the scheme to make a new version`);
    const versions = await listVersions(db, schemeId);
    const invoicedInForce = versions.find((v) => v.status === 'approved' && v.invoicedOn);
    if (invoicedInForce) throw conflict(invoicedTermsMessage(before.scheme.name, invoicedInForce.version, invoicedInForce.invoicedOn!));
    // New terms change the money of the year they are paid in, and of the year of the version they supersede.
    const periods = [before.definition.period, ...versions.filter((v) => v.status === 'approved').map((v) => (v.definition as { period?: SchemePeriod }).period ?? {})];
    await refuseChangeInClosedYears(db, periods.map(schemePaymentYear), `Approving version ${before.version.version} of ${before.scheme.name}`);
    // Approval must not fix terms the engine cannot run with the inputs recorded so far.
    runScheme(await runInputFor(db, before));
    const scheme = await updateSchemeIfUnchanged(db, schemeId, rowVersion, { status: 'approved', name: before.definition.name, funder: before.definition.funder });
    if (!scheme) throw staleEdit(before, rowVersion);
    const version = await updateVersion(db, before.version.id, { status: 'approved', approvedBy: ctx.actor.label, approvedAt: new Date() });
    // Never an invoiced version (refused above): its activity would be invoiced again under the new one.
    const superseded = await supersedeOtherVersions(db, schemeId, version.version);
    const after = snapshotOf({ scheme, version, definition: before.definition });
    const said = superseded.map((v) => `version ${v.version} superseded`);
    const summary = [`Approved version ${version.version}`, ...said].join('; ');
    await recordAudit(db, ctx.actor, { recordType: 'scheme', recordId: schemeId, action: 'update', before: snapshotOf(before), after, summary });
    return { ...after, superseded: superseded.map((v) => v.version) };
  });
}

function staleEdit(current: LoadedVersion, expected: number) {
  // Named as the page names it (the latest version's name, a draft's too); the row versions are for programs, in the details.
  return staleChange(`${current.definition.name} was changed by someone else since you opened it. Reload it and make your change again.`, expected, current.scheme.rowVersion);
}
