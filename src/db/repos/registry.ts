import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/**
 * Which of these practice codes the registry does not hold. Asked of the database, so checking a
 * national file (thousands of codes, nearly all known) does not load every practice into memory.
 */
export async function unknownPracticeCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const result = await db.execute(sql`SELECT c AS ods_code FROM unnest(${sql.param([...new Set(codes)])}::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM practices p WHERE p.ods_code = c)`);
  return new Set((result as unknown as { rows: { ods_code: string }[] }).rows.map((r) => r.ods_code));
}
