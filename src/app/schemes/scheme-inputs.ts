import type { Db } from '../../db/client.js';
import { departuresOf } from '../../db/repos/registry.js';
import { deliveredRows, findScheme, findVersion, handScheduleRows, listVersions, type DeliveredRow, type HandScheduleRow, type SchemeRow, type SchemeVersionRow } from '../../db/repos/schemes.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { DeliveredActivity } from '../../domain/schemes/delivered.js';
import type { HandSchedule } from '../../domain/schemes/hand-schedule.js';
import type { SchemeRunInput } from '../../domain/schemes/run-scheme.js';
import type { Participation } from '../../domain/schemes/scheme-definition.js';
import { versionInForce } from '../../domain/schemes/versions.js';
import type { Actor } from '../context.js';
import { isAllowed } from '../permissions.js';
import { storedPractices, type StoredDefinition } from './resolve-practices.js';
import { refuseUnseenScheme } from './scheme-visibility.js';

/** A scheme with one of its versions, as the use cases work on it. */
export interface LoadedVersion {
  scheme: SchemeRow;
  version: SchemeVersionRow;
  definition: StoredDefinition;
}

/** Loads a scheme and a version of it: the one asked for, or the latest. */
export async function loadSchemeVersion(db: Db, schemeId: number, versionNumber?: number): Promise<LoadedVersion> {
  const scheme = await findScheme(db, schemeId);
  if (!scheme) throw notFound(`Scheme ${schemeId}`);
  const wanted = versionNumber ?? scheme.currentVersion;
  const version = await findVersion(db, schemeId, wanted);
  if (!version) throw new AppError('not_found', `${scheme.name} has no version ${wanted} (it has versions 1 to ${scheme.currentVersion})`);
  return { scheme, version, definition: version.definition as StoredDefinition };
}

/** Admins, who prepare schemes, see drafts; everyone else reads only versions the federation has approved. */
export const seesDrafts = (actor: Actor): boolean => isAllowed(actor, 'scheme', 'update');

/** What someone who does not see drafts is told about a scheme with no approved version. */
export const beingPrepared = (name: string) => `${name} is being prepared: the federation has not approved a version yet, so there are no figures to show.`;

/**
 * Loads the version a person may read: an admin, the one asked for or the latest (a draft included);
 * anyone else, the one asked for if approved (or superseded), else the latest approved, never a
 * draft the federation is still preparing. A draft is as good as missing to them.
 */
export async function loadReadableVersion(db: Db, actor: Actor, schemeId: number, versionNumber?: number): Promise<LoadedVersion> {
  if (seesDrafts(actor)) return loadSchemeVersion(db, schemeId, versionNumber);
  const scheme = await findScheme(db, schemeId);
  if (!scheme) throw notFound(`Scheme ${schemeId}`);
  await refuseUnseenScheme(db, actor, schemeId);
  const versions = await listVersions(db, schemeId);
  const readable = versions.filter((v) => v.status !== 'draft');
  const version = versionNumber === undefined ? versionInForce(versions) : readable.find((v) => v.version === versionNumber);
  if (!version) {
    const approved = readable.map((v) => v.version).join(', ');
    throw new AppError('not_found', readable.length ? `${scheme.name} has no approved version ${versionNumber} (approved versions: ${approved})` : beingPrepared(scheme.name));
  }
  return { scheme, version, definition: version.definition as StoredDefinition };
}

/** What a return says about taking part, across its weeks: any "yes" wins, then "?", then "no". */
function combineTakesPart(values: readonly (string | null)[]): Participation | null {
  for (const value of ['yes', 'unknown', 'no'] as const) if (values.includes(value)) return value;
  return null;
}

/** Stored rows as the engine's activity returns: one per practice, weekly figures added up per delivery model. */
export function toDeliveredActivity(rows: readonly DeliveredRow[]): DeliveredActivity[] {
  const byPractice = new Map<string, DeliveredRow[]>();
  for (const row of rows) byPractice.set(row.practiceCode, [...(byPractice.get(row.practiceCode) ?? []), row]);
  return [...byPractice].map(([practiceKey, practiceRows]) => {
    const units: Record<string, number | null> = {};
    for (const row of practiceRows) {
      if (row.quantity === null) units[row.modelId] ??= null;
      else units[row.modelId] = (units[row.modelId] ?? 0) + row.quantity;
    }
    const first = practiceRows[0]!;
    return { practiceKey, takesPart: combineTakesPart(practiceRows.map((r) => r.takesPart)), units, source: { file: first.source, ...(first.line !== null ? { line: first.line } : {}) } };
  });
}

export function toHandSchedule(rows: readonly HandScheduleRow[]): HandSchedule | null {
  const first = rows[0];
  if (!first) return null;
  return {
    label: first.label,
    description: first.description,
    entries: rows.map((r) => ({ year: r.year, practiceKey: r.practiceCode, amountPence: r.amountPence, source: { file: r.source, ...(r.line !== null ? { line: r.line } : {}) } })),
  };
}

/** Everything `runScheme` needs for a stored version: its resolved practices and the inputs recorded against it. */
export async function runInputFor(db: Db, loaded: LoadedVersion, reallocateDeclined = false): Promise<SchemeRunInput> {
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const delivered = await deliveredRows(db, loaded.scheme.id, loaded.version.version);
  const hand = await handScheduleRows(db, loaded.scheme.id, loaded.version.version);
  const practices = storedPractices(loaded.definition);
  // Closings and leavings are the registry's and the group's as they stand now, not as they stood when the version was saved.
  const departures = await departuresOf(db, practices.flatMap((p) => (p.odsCode ? [p.odsCode] : [])), loaded.scheme.groupId, loaded.version.listSnapshotDate ?? loaded.definition.listSnapshot?.date ?? '0001-01-01');
  return {
    definition: loaded.definition,
    practices,
    departures,
    delivered: delivered.length ? toDeliveredActivity(delivered) : null,
    handSchedule: toHandSchedule(hand),
    reallocateDeclined,
  };
}
