import { afterAll, beforeAll } from 'vitest';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { Database } from '../../src/db/client.js';
import { type DatabaseKind, openTestDatabase } from './databases.js';
import { contextFor } from './factories.js';

/** A fresh database of this kind with the demo federation loaded, for the tests of one describe block. */
export function useDemoDatabase(kind: DatabaseKind): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());
  return () => database!;
}
