import type { Database } from './client.js';

/**
 * Whether the database answers a trivial query within `withinMs`: 'ok', 'late' (no answer yet), or
 * the error it failed with (PostgreSQL stopped, its database dropped, a wrong DATABASE_URL).
 */
export async function databaseAnswers(database: Database, withinMs: number): Promise<'ok' | 'late' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), withinMs)));
  return Promise.race([database.query('SELECT 1').then(() => 'ok' as const), late])
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
    .finally(() => clearTimeout(timer));
}
