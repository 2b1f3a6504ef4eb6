import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrationsFolder } from '../../src/db/client.js';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * The app's migrations up to, not including, `tag`, in a folder of their own: a database migrated
 * from it is as one was before that migration shipped, and migrating it then with the app's own
 * folder runs the real migration file (and any after it) as an upgrade would.
 */
function migrationsBefore(tag: string): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'atscale-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const path = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  const at = journal.entries.find((e) => e.tag === tag);
  if (!at) throw new Error(`No migration ${tag} in ${migrationsFolder}`);
  writeFileSync(path, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx < at.idx) }));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Migrates the database as it was before `tag` shipped. */
export async function migrateBefore(database: Database, tag: string): Promise<void> {
  const before = migrationsBefore(tag);
  try {
    await database.migrate(before.folder);
  } finally {
    before.remove();
  }
}
