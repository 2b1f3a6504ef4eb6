import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../test/support/databases.js';
import { bulkInsert, type BulkColumn } from './bulk.js';
import type { Database } from './client.js';
import { postgresDays } from './copy-binary.js';

describe('postgresDays', () => {
  it.each([
    ['2000-01-01', 0],
    ['2000-01-02', 1],
    ['1999-12-31', -1],
    ['1948-07-05', -18807],
    ['2024-02-29', 8825],
  ])('%s is %i days from 2000-01-01', (iso, days) => {
    expect(postgresDays(iso)).toBe(days);
  });

  it('refuses what is not an ISO date', () => {
    for (const text of ['20240229', '2024-2-290', '2024-02-2x', '+024-02-29', '2024-02-29T00']) expect(() => postgresDays(text)).toThrow(`'${text}' is not an ISO date`);
  });
});

/** Drizzle wraps the driver's error on PGlite; the database's own message is its cause there. */
const isDuplicateKey = (e: unknown) => /duplicate key/.test(`${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message}`);

interface Row {
  code: string;
  name: string | null;
  count: number | null;
  share: number | null;
  active: boolean | null;
  opened: string | null;
  extra: unknown;
}

const columns: BulkColumn<Row>[] = [
  { name: 'code', type: 'text', value: (r) => r.code },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'count', type: 'int', value: (r) => r.count },
  { name: 'share', type: 'float8', value: (r) => r.share },
  { name: 'active', type: 'bool', value: (r) => r.active },
  { name: 'opened', type: 'date', value: (r) => r.opened },
  { name: 'extra', type: 'jsonb', value: (r) => r.extra },
];

const rows: Row[] = [
  { code: 'A81001', name: 'The Densham Surgery', count: 11_503, share: 0.125, active: true, opened: '1974-04-01', extra: { kept: ['a', 'b'] } },
  // Non-ASCII text (windows-1252 files decode to these), an empty string that is not NULL, negatives.
  { code: 'Y02625', name: 'Café “Médical”, Ærø – 5‰', count: -3, share: -1.5e-9, active: false, opened: '2026-02-28', extra: 'ünïcode' },
  { code: 'Z00001', name: '', count: 0, share: 0, active: null, opened: null, extra: null },
  { code: 'Z00002', name: null, count: null, share: null, active: true, opened: '1999-12-31', extra: [1, 2.5, null] },
];

// On PostgreSQL inside a transaction the rows go by binary COPY; on PGlite by one INSERT. Both must store the same values.
describe.each(databaseKinds)('bulkInsert (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.execute(sql`CREATE TABLE bulk_probe (code text PRIMARY KEY, name text, count integer, share double precision, active boolean, opened date, extra jsonb)`);
  });
  afterAll(() => database?.close());

  it('stores every type, NULLs and non-ASCII text as given', async () => {
    // Enough rows to cross several COPY chunks.
    const many = [...rows, ...Array.from({ length: 4500 }, (_, i): Row => ({ code: `M${String(i).padStart(5, '0')}`, name: `Practice ${i}`, count: i, share: i / 7, active: i % 2 === 0, opened: '2010-01-01', extra: { i } }))];
    expect(await database.db.transaction((tx) => bulkInsert(tx as never, 'bulk_probe', columns, many))).toBe(kind === 'postgres' ? 'copy' : 'insert');
    const stored = await database.query<Row>(`SELECT code, name, count, share, active, to_char(opened, 'YYYY-MM-DD') AS opened, extra FROM bulk_probe WHERE code NOT LIKE 'M%' ORDER BY code`);
    expect(stored).toEqual(rows);
    const [counted] = await database.query<{ n: number; total: number }>(`SELECT count(*)::int AS n, sum(count)::int AS total FROM bulk_probe WHERE code LIKE 'M%'`);
    expect(counted).toEqual({ n: 4500, total: (4499 * 4500) / 2 });
  });

  it('takes COPY only inside a transaction on PostgreSQL, where it has the connection to itself', async () => {
    expect(await bulkInsert(database.db, 'bulk_probe', columns, [{ ...rows[0]!, code: 'POOL1' }])).toBe('insert');
    expect(await database.db.transaction((tx) => bulkInsert(tx as never, 'bulk_probe', columns, []))).toBe('none');
    expect(await database.query("SELECT code FROM bulk_probe WHERE code = 'POOL1'")).toEqual([{ code: 'POOL1' }]);
  });

  it('writes nothing when a row breaks a constraint', async () => {
    const before = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk_probe');
    await expect(database.db.transaction((tx) => bulkInsert(tx as never, 'bulk_probe', columns, [{ ...rows[0]!, code: 'NEW01' }, rows[0]!]))).rejects.toSatisfy(isDuplicateKey);
    expect(await database.query('SELECT count(*)::int AS n FROM bulk_probe')).toEqual(before);
  });
});
