import type { Db } from '../../db/client.js';
import { localitiesOn } from '../../db/repos/registry.js';
import { groupMembersOn, listSizesAt, registryPractices, snapshotDatesFor } from '../../db/repos/schemes.js';
import { AppError, type Problem } from '../../domain/errors.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { missingListSizesMessage, nearestSnapshots } from '../../domain/schemes/list-snapshot.js';
import { toSchemePractices, type SchemePractice } from '../../domain/schemes/practices.js';
import { runScheme } from '../../domain/schemes/run-scheme.js';
import { parseSchemeDefinition, type SchemeDefinition, type SchemePracticeEntry } from '../../domain/schemes/scheme-definition.js';

/** A stored definition: its practices are always a resolved list, each with its ODS code. */
export type StoredDefinition = SchemeDefinition & { practices: SchemePracticeEntry[] };

export interface ResolvedDefinition {
  definition: StoredDefinition;
  listSnapshotDate: string | null;
}

/**
 * A scheme kept in atscale reads nothing from disk: the `{ file }` forms of the scheme-file format
 * are refused, naming where each kind of input goes instead.
 */
function refuseFileForms(definition: SchemeDefinition): void {
  const problems: Problem[] = [];
  if (definition.practices && !Array.isArray(definition.practices)) {
    problems.push({ field: 'practices', message: `a stored scheme cannot read "${definition.practices.file}": list the practices (name, odsCode…) or name a listSnapshot and the registry supplies them` });
  }
  if (definition.delivered) problems.push({ field: 'delivered', message: `a stored scheme cannot read "${definition.delivered.file}": send delivered activity to POST /api/schemes/{id}/delivered` });
  if (definition.handSchedule?.file) {
    problems.push({ field: 'handSchedule.file', message: `a stored scheme cannot read "${definition.handSchedule.file}": write the entries inline or send them to POST /api/schemes/{id}/hand-schedule` });
  }
  if (problems.length) throw new AppError('invalid', 'A scheme kept in atscale cannot name files', { problems });
}

/** The practices a definition names inline; each needs an ODS code the registry knows. */
async function inlinePractices(db: Db, entries: readonly SchemePracticeEntry[], problems: Problem[]): Promise<SchemePracticeEntry[]> {
  const known = await registryPractices(db, entries.flatMap((p) => (p.odsCode ? [p.odsCode] : [])));
  entries.forEach((p, i) => {
    if (!p.odsCode) problems.push({ field: `practices.${i}.odsCode`, message: `practice "${p.name}" needs its ODS code: a stored scheme maps practices to the registry by ODS code` });
    else if (!known.has(p.odsCode)) problems.push({ field: `practices.${i}.odsCode`, message: `practice "${p.name}" (${p.odsCode}) is not in the registry` });
  });
  return [...entries];
}

/** The members of the scheme's group on the snapshot date, named as the registry names them. */
export async function groupPractices(db: Db, groupId: number | null, date: string, problems: Problem[]): Promise<SchemePracticeEntry[]> {
  if (!groupId) {
    problems.push({ field: 'practices', message: 'list the practices, or choose the group (groupId) whose member practices take part' });
    return [];
  }
  const codes = await groupMembersOn(db, groupId, date);
  if (codes.length === 0) problems.push({ field: 'listSnapshot.date', message: `The group had no member practices on ${formatLongDate(date)}: choose a date when it had members.` });
  const known = await registryPractices(db, codes);
  // Localities as they were on the snapshot date, like the members themselves.
  const localities = await localitiesOn(db, groupId, date);
  return codes.map((odsCode) => {
    const locality = localities.get(odsCode)?.name;
    return { name: known.get(odsCode)?.displayName ?? odsCode, odsCode, participation: 'yes', ...(locality ? { locality } : {}) };
  });
}

/**
 * The registry's list size of each practice on exactly the snapshot date, and, when some or all have
 * none, the one message saying so (naming the date and the nearest snapshot dates held). The
 * builder's preview reads the same, so the preview and the save agree.
 */
export async function listSizesOn(db: Db, entries: readonly SchemePracticeEntry[], date: string): Promise<{ sizes: Map<string, number>; message: string | null }> {
  const codes = entries.flatMap((p) => (p.odsCode ? [p.odsCode] : []));
  const sizes = await listSizesAt(db, codes, date);
  const missing = entries.flatMap((p) => (p.odsCode && !sizes.has(p.odsCode) ? [{ name: p.name, odsCode: p.odsCode }] : []));
  const nearest = missing.length ? nearestSnapshots(await snapshotDatesFor(db, missing.map((p) => p.odsCode), null), date) : { before: null, after: null };
  return { sizes, message: missingListSizesMessage({ date, practices: codes.length, missing, nearest }) };
}

/** Takes each practice's list size from the registry at the snapshot date; one problem when any practice has none. */
async function applyListSnapshot(db: Db, entries: SchemePracticeEntry[], date: string, problems: Problem[]): Promise<SchemePracticeEntry[]> {
  const { sizes, message } = await listSizesOn(db, entries, date);
  if (message) problems.push({ field: 'listSnapshot.date', message });
  return entries.map((p, i) => {
    const patients = p.odsCode ? sizes.get(p.odsCode) : undefined;
    if (p.listSize !== undefined && patients !== undefined && p.listSize !== patients) {
      problems.push({ field: `practices.${i}.listSize`, message: `practice "${p.name}" is given a list size of ${p.listSize}, but the registry has ${patients} on ${formatLongDate(date)}: leave listSize out, or leave out the listSnapshot` });
    }
    return patients === undefined ? p : { ...p, listSize: patients };
  });
}

/** The engine's practices for a stored definition: keyed by ODS code. */
export function storedPractices(definition: StoredDefinition): SchemePractice[] {
  return toSchemePractices(definition.practices);
}

/**
 * Validates a definition for storing: the same zod schema as scheme files, no file references,
 * practices resolved from the registry (a list snapshot supplies the list sizes; a definition with
 * no practices takes the group's members), then a trial run so every rule of the engine is checked
 * before anything is saved.
 */
export async function resolveDefinition(db: Db, input: unknown, groupId: number | null, version: number): Promise<ResolvedDefinition> {
  const parsed = parseSchemeDefinition(input);
  refuseFileForms(parsed);
  const problems: Problem[] = [];
  const snapshot = parsed.listSnapshot?.date ?? null;
  let entries = Array.isArray(parsed.practices) ? await inlinePractices(db, parsed.practices, problems) : await groupPractices(db, groupId, snapshot!, problems);
  if (snapshot && !problems.length) entries = await applyListSnapshot(db, entries, snapshot, problems);
  if (problems.length) throw new AppError('invalid', 'The scheme’s practices cannot be resolved from the registry', { problems });
  const definition: StoredDefinition = { ...parsed, version, practices: entries };
  runScheme({ definition, practices: storedPractices(definition) });
  return { definition, listSnapshotDate: snapshot };
}
