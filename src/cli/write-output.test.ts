import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { exitCodeFor, writeRows } from './output.js';
import { writeOutputFile } from './write-output.js';

describe('writing a file the user named (a backup, --out)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes it', () => {
    writeOutputFile(join(dir, 'backup.json.gz'), 'content');
    expect(readFileSync(join(dir, 'backup.json.gz'), 'utf8')).toBe('content');
  });

  it.each([
    ['a folder that is not there', () => join(dir, 'missing', 'backup.json.gz'), `there is no folder ${join(dir, 'missing')}`, 4],
    ['a folder in place of the file', () => dir, 'it is a folder, not a file', 2],
  ])('says why it cannot, with an exit code, not a stack trace: %s', (_name, path, reason, exitCode) => {
    const error = (() => {
      try {
        writeOutputFile(path(), 'content');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(`Cannot write ${path()}: ${reason}`);
    expect(exitCodeFor(error)).toBe(exitCode);
  });

  it('starts a CSV file with the byte-order mark Excel needs to read £, as downloads do', async () => {
    const rows = [{ fund: 'Pharmacists (ELR CCG £2/patient)' }];
    await writeRows(rows, [{ header: 'Fund', value: (r) => r.fund }], 'csv', { out: join(dir, 'funds.csv') });
    expect(readFileSync(join(dir, 'funds.csv'), 'utf8')).toBe('\uFEFFFund\r\nPharmacists (ELR CCG £2/patient)\r\n');
  });
});
