import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/**
 * Queries over the audit log's seals (migration 0032: each row, as its transaction commits, takes the
 * next place in one chain and a SHA-256 over the previous row's seal and its own content,
 * `audit_link`). Checking recomputes every seal in the database with that same function.
 */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface SealedRow {
  id: number;
  seq: number;
  hash: string;
  at: string;
}

/** Why a row fails its check. */
export type SealFault = 'altered' | 'missing_before' | 'not_sealed';

export interface SealFailure {
  id: number;
  seq: number | null;
  at: string;
  fault: SealFault;
}

export interface SealCounts {
  sealed: number;
  /** Rows written before sealing began (migration 0032, or a backup made before it): outside the chain. */
  unsealed: number;
  first: SealedRow | null;
  head: SealedRow | null;
}

const sealedRow = (r: { id: unknown; seq: unknown; hash: string; at: unknown }): SealedRow => ({ id: Number(r.id), seq: Number(r.seq), hash: r.hash, at: new Date(String(r.at)).toISOString() });

export async function sealCounts(db: Db): Promise<SealCounts> {
  const [counts] = rowsOf<{ sealed: number; unsealed: number }>(
    await db.execute(sql`SELECT count(seq)::int AS sealed, count(*) FILTER (WHERE seq IS NULL AND hash = 'unsealed')::int AS unsealed FROM audit_log`),
  );
  const ends = rowsOf<{ id: unknown; seq: unknown; hash: string; at: unknown }>(
    await db.execute(sql`(SELECT id, seq, hash, at FROM audit_log WHERE seq IS NOT NULL ORDER BY seq LIMIT 1) UNION ALL (SELECT id, seq, hash, at FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1)`),
  );
  return { sealed: counts?.sealed ?? 0, unsealed: counts?.unsealed ?? 0, first: ends[0] ? sealedRow(ends[0]) : null, head: ends[1] ? sealedRow(ends[1]) : null };
}

/**
 * The first row of the chain whose seal does not match its content and the row before it, or that
 * follows a gap (rows removed); and the first row outside the chain that should be in it (written
 * with sealing switched off, or marked as older than sealing though written after it began).
 */
export async function firstSealFailures(db: Db): Promise<SealFailure[]> {
  const inChain = rowsOf<{ id: unknown; seq: unknown; at: unknown; gap: boolean }>(
    await db.execute(sql`
      SELECT id, seq, at, seq <> coalesce(prev_seq, 0) + 1 AS gap FROM (
        SELECT id, seq, at, hash, lag(seq) OVER w AS prev_seq, audit_link(lag(hash) OVER w, seq, a) AS expected
        FROM audit_log a WHERE seq IS NOT NULL WINDOW w AS (ORDER BY seq)
      ) c
      WHERE hash IS DISTINCT FROM expected OR seq <> coalesce(prev_seq, 0) + 1
      ORDER BY seq LIMIT 1`),
  );
  const outside = rowsOf<{ id: unknown; at: unknown }>(
    await db.execute(sql`
      SELECT id, at FROM audit_log
      WHERE seq IS NULL AND (hash IS DISTINCT FROM 'unsealed' OR id > (SELECT min(id) FROM audit_log WHERE seq IS NOT NULL))
      ORDER BY id LIMIT 1`),
  );
  const at = (value: unknown) => new Date(String(value)).toISOString();
  return [
    ...inChain.map((r): SealFailure => ({ id: Number(r.id), seq: Number(r.seq), at: at(r.at), fault: r.gap ? 'missing_before' : 'altered' })),
    ...outside.map((r): SealFailure => ({ id: Number(r.id), seq: null, at: at(r.at), fault: 'not_sealed' })),
  ];
}

/** The seal the chain holds at a place, or null when it has no row there. */
export async function sealAt(db: Db, seq: number): Promise<string | null> {
  const [row] = rowsOf<{ hash: string }>(await db.execute(sql`SELECT hash FROM audit_log WHERE seq = ${seq}`));
  return row?.hash ?? null;
}

/** Seals every row again from a place in the chain on (`audit_reseal`), after an anonymisation rewrote some of them: how many it sealed. */
export async function resealFrom(db: Db, seq: number): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT audit_reseal(${seq}) AS n`));
  return Number(row?.n ?? 0);
}
