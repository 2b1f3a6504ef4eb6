import type { Db } from '../db/client.js';
import { firstSealFailures, resealFrom, sealAt, sealCounts, type SealedRow, type SealFailure } from '../db/repos/audit-seals.js';
import { conflict, invalid } from '../domain/errors.js';
import { formatDateTime } from '../domain/iso-date.js';
import { formatCount } from '../domain/schemes/format-money.js';
import type { Actor } from './context.js';
import { authorize } from './permissions.js';

/** A seal kept away from atscale (a line of `atscale audit verify`, printed and filed, or emailed to the DPO): its place in the chain and its SHA-256. */
export interface KeptSeal {
  seq: number;
  hash: string;
}

export interface AuditSealCheck {
  /** True when every sealed row matches its seal, none is missing, and a kept seal given matches. */
  ok: boolean;
  sealed: number;
  unsealed: number;
  first: SealedRow | null;
  /** The last row sealed: keep its place and seal elsewhere to check later that the log was not rewritten up to it. */
  head: SealedRow | null;
  failures: (SealFailure & { message: string })[];
  kept?: KeptSeal & { matches: boolean; message: string };
  /** The check in sentences, as the audit page and the command line say it. */
  sentences: string[];
}

/** "1234:9f86d0…": a kept seal as the command line and the API take it. */
export function readKeptSeal(text: string, field = 'anchor'): KeptSeal {
  const match = /^\s*(\d{1,15}):([0-9a-f]{64})\s*$/i.exec(text);
  if (!match) throw invalid('A kept seal is its place and its SHA-256, as `atscale audit verify` prints it: 1234:9f86d0… (64 hexadecimal digits)', [{ field, message: 'must be written place:seal' }]);
  return { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
}

const rowWords = (f: { id: number; at: string }) => `Audit row ${f.id} (written ${formatDateTime(f.at)})`;

function failureMessage(f: SealFailure): string {
  if (f.fault === 'altered') return `${rowWords(f)}, place ${formatCount(f.seq!)} in the chain, does not match its seal: it, or the row before it, was changed after it was written.`;
  if (f.fault === 'missing_before') return `${rowWords(f)}, place ${formatCount(f.seq!)} in the chain, follows a gap: the row or rows before it were removed.`;
  return `${rowWords(f)} is outside the sealed chain though written after sealing began: it was written with sealing switched off, or its seal was removed.`;
}

function keptMessage(kept: KeptSeal, held: string | null): string {
  if (held === kept.hash) return `The seal kept for place ${formatCount(kept.seq)} matches: the log up to there is as it was when that seal was taken.`;
  if (held === null) return `The log holds no row at place ${formatCount(kept.seq)}, which the kept seal names: rows were removed from its end, or this is another database.`;
  return `The row at place ${formatCount(kept.seq)} no longer has the seal kept for it: the log was rewritten at or before that place (an anonymisation seals again from the first row it changes and says so in its own row).`;
}

/**
 * Checks every seal of the audit log (admins): the first row that fails, if any, named with when it
 * was written; and, given a seal kept elsewhere, whether the log still holds it. Sealing shows a
 * change made behind atscale's back; it cannot show one made by someone who seals the whole chain
 * again, which a seal kept elsewhere does (docs/audit.md).
 */
export async function checkAuditSeals(ctx: { db: Db; actor: Actor }, kept?: KeptSeal): Promise<AuditSealCheck> {
  authorize(ctx.actor, 'audit', 'read');
  const [counts, found, held] = [await sealCounts(ctx.db), await firstSealFailures(ctx.db), kept ? await sealAt(ctx.db, kept.seq) : undefined];
  const failures = found.map((f) => ({ ...f, message: failureMessage(f) }));
  const keptCheck = kept ? { ...kept, matches: held === kept.hash, message: keptMessage(kept, held ?? null) } : undefined;
  const sentences = [
    counts.head
      ? `${formatCount(counts.sealed)} audit ${counts.sealed === 1 ? 'row is' : 'rows are'} sealed, from ${formatDateTime(counts.first!.at)} to ${formatDateTime(counts.head.at)}.`
      : 'No audit row is sealed yet.',
    ...(counts.unsealed ? [`${formatCount(counts.unsealed)} ${counts.unsealed === 1 ? 'row was' : 'rows were'} written before sealing began, and cannot be checked.`] : []),
    ...(failures.length ? failures.map((f) => f.message) : counts.sealed ? ['Every sealed row matches its seal.'] : []),
    ...(keptCheck ? [keptCheck.message] : []),
    ...(counts.head ? [`The latest seal, to keep elsewhere: ${counts.head.seq}:${counts.head.hash}`] : []),
  ];
  return { ok: failures.length === 0 && (keptCheck?.matches ?? true), ...counts, failures, ...(keptCheck ? { kept: keptCheck } : {}), sentences };
}

export interface Resealing {
  /** The place in the chain sealing began again from, and how many rows were sealed again. */
  from: number;
  rows: number;
  /** The latest seal before, so a seal kept from before can still be matched against this row's record. */
  latestBefore: KeptSeal;
}

/**
 * Runs a change that rewrites rows of the audit log (anonymising a former user rewrites their name in
 * it), then seals again from the first row it changed. Refused while the log fails its check, as
 * sealing again would hide what failed.
 */
export async function rewritingAudit<T>(db: Db, rewrite: () => Promise<T>): Promise<{ result: T; resealed: Resealing | null }> {
  const [broken] = await firstSealFailures(db);
  if (broken) throw conflict(`The audit log fails its check: ${failureMessage(broken)} This change would seal the log again and hide that, so nothing was changed; find out what happened first (atscale audit verify).`);
  const { head } = await sealCounts(db);
  const result = await rewrite();
  const changed = (await firstSealFailures(db)).find((f) => f.fault === 'altered');
  if (!changed || !head) return { result, resealed: null };
  return { result, resealed: { from: changed.seq!, rows: await resealFrom(db, changed.seq!), latestBefore: { seq: head.seq, hash: head.hash } } };
}
