import type { Db } from '../../db/client.js';
import { handScheduleRows, replaceHandSchedule, type HandScheduleInsert, type HandScheduleRow } from '../../db/repos/schemes.js';
import { AppError } from '../../domain/errors.js';
import { csvText } from '../../domain/registry/index.js';
import { readHandScheduleTable, resolveHandScheduleEntries, type HandScheduleEntry } from '../../domain/schemes/hand-schedule.js';
import { parseCsv } from '../../domain/schemes/tabular-input.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { storedPractices } from './resolve-practices.js';
import { lockedTransaction } from './save-scheme.js';
import { loadSchemeVersion, type LoadedVersion } from './scheme-inputs.js';
import { refuseIfSettled, refuseIfYearClosed } from './settlement.js';
import { presentVersionSummary } from './scheme-presenters.js';
import { handScheduleSchema, type HandScheduleRequest } from './scheme-requests.js';
import { refuseStale, revisionOf } from './upload-revision.js';

function requireCostModel(loaded: LoadedVersion): void {
  if (!loaded.definition.costModel || !loaded.definition.period.financialYears) {
    throw new AppError('invalid', `Version ${loaded.version.version} of ${loaded.scheme.name} has no cost model over financial years to compare a hand schedule with`, {
      problems: [{ field: 'costModel', message: 'add a cost model and financial years to the scheme first' }],
    });
  }
}

const figures = (rows: readonly (HandScheduleRow | HandScheduleInsert)[]) =>
  rows.map((r) => ({ label: r.label, description: r.description ?? null, year: r.year, practiceCode: r.practiceCode ?? null, amountPence: r.amountPence }));

/** Replaces the version's hand schedule (all or nothing); the same figures again change nothing, and one changed since `basedOn` was read is not replaced. */
async function saveHandSchedule(ctx: AppContext, db: Db, loaded: LoadedVersion, label: string, description: string | null, entries: readonly HandScheduleEntry[], file: string | null, basedOn: string | undefined) {
  const rows: HandScheduleInsert[] = entries.map((e) => ({
    schemeId: loaded.scheme.id,
    version: loaded.version.version,
    label,
    description,
    year: e.year,
    practiceCode: e.practiceKey,
    amountPence: e.amountPence,
    source: file ?? 'api',
    line: e.source?.line ?? null,
  }));
  refuseIfSettled(loaded);
  const before = await handScheduleRows(db, loaded.scheme.id, loaded.version.version);
  const result = { scheme: loaded.scheme.name, version: presentVersionSummary(loaded.version), label, figures: rows.length };
  if (JSON.stringify(figures(before)) === JSON.stringify(figures(rows))) return { ...result, changed: false };
  await refuseIfYearClosed(db, loaded, 'hand schedule');
  refuseStale(basedOn, revisionOf(figures(before)), `The hand schedule of version ${loaded.version.version} changed`);
  await replaceHandSchedule(db, loaded.scheme.id, loaded.version.version, rows);
  await recordAudit(db, ctx.actor, {
    recordType: 'scheme',
    recordId: loaded.scheme.id,
    action: file ? 'import' : 'update',
    before: { version: loaded.version.version, handSchedule: figures(before) },
    after: { version: loaded.version.version, handSchedule: figures(rows) },
    summary: `Recorded the hand schedule "${label}" for version ${loaded.version.version}${file ? ` from ${file}` : ''}`,
  });
  return { ...result, changed: true };
}

/** Records a hand schedule sent as JSON: figures by year, for the year's total or for one practice, in pounds. */
export async function recordHandSchedule(ctx: AppContext, schemeId: number, request: HandScheduleRequest, versionNumber?: number) {
  authorize(ctx.actor, 'scheme', 'import');
  const body = handScheduleSchema.parse(request);
  return lockedTransaction(ctx, schemeId, async (db) => {
    const loaded = await loadSchemeVersion(db, schemeId, versionNumber);
    requireCostModel(loaded);
    const definition = { ...loaded.definition, handSchedule: { label: body.label, entries: body.entries } };
    const entries = resolveHandScheduleEntries(definition, storedPractices(loaded.definition));
    return saveHandSchedule(ctx, db, loaded, body.label, body.description ?? null, entries, null, body.basedOn);
  });
}

/** Records a hand schedule from a CSV file: `year`, an optional `practice` (blank or TOTAL) and `amount` in pounds. */
export async function importHandScheduleCsv(ctx: AppContext, schemeId: number, file: { name: string; content: Uint8Array }, options: { label?: string; description?: string; version?: number; basedOn?: string }) {
  authorize(ctx.actor, 'scheme', 'import');
  return lockedTransaction(ctx, schemeId, async (db) => {
    const loaded = await loadSchemeVersion(db, schemeId, options.version);
    requireCostModel(loaded);
    const entries = readHandScheduleTable(parseCsv(csvText(file), file.name), storedPractices(loaded.definition), loaded.definition);
    return saveHandSchedule(ctx, db, loaded, options.label?.trim() || `Hand schedule ${file.name}`, options.description?.trim() || null, entries, file.name, options.basedOn);
  });
}

/** The hand schedule recorded against a version (admins), with the revision to send back when replacing it. */
export async function getHandSchedule(ctx: AppContext, schemeId: number, versionNumber?: number) {
  authorize(ctx.actor, 'scheme', 'import');
  const loaded = await loadSchemeVersion(ctx.db, schemeId, versionNumber);
  const rows = await handScheduleRows(ctx.db, loaded.scheme.id, loaded.version.version);
  return { scheme: { id: loaded.scheme.id, name: loaded.scheme.name }, version: presentVersionSummary(loaded.version), label: rows[0]?.label ?? null, description: rows[0]?.description ?? null, items: figures(rows), revision: revisionOf(figures(rows)) };
}
