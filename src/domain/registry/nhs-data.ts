import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Test support only: where the real NHS open-data files live (/work/shared/data/nhs beside the
 * repository). They are read in place, never copied into the repository, so tests fail loudly
 * when the folder is missing rather than silently testing nothing.
 */
const NHS_DATA_DIR = new URL('../../../../shared/data/nhs/', import.meta.url);

export function nhsDataPath(name: string): string {
  const dir = fileURLToPath(NHS_DATA_DIR);
  if (!existsSync(dir)) throw new Error(`NHS open-data folder not found at ${dir}: the registry tests read the real files there (see SOURCES.md)`);
  const path = fileURLToPath(new URL(name, NHS_DATA_DIR));
  if (!existsSync(path)) throw new Error(`NHS open-data file ${name} not found in ${dir}`);
  return path;
}

export function readNhsData(name: string): Buffer {
  return readFileSync(nhsDataPath(name));
}
