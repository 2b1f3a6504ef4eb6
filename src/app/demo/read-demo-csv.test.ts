import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoFolder, readDemoCsv } from './read-demo-csv.js';

const csvFiles = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? csvFiles(join(folder, entry.name)) : entry.name.endsWith('.csv') ? [join(folder, entry.name)] : []));

describe('the demo’s own CSV files', () => {
  it.each(csvFiles(demoFolder).map((path) => relative(demoFolder, path)))('%s has as many cells in every row as in its header', (name) => {
    expect(readDemoCsv(name).length).toBeGreaterThan(0);
  });

  it('keeps a fund’s whole description, comma and all', () => {
    expect(readDemoCsv('funds/funds.csv').find((f) => f.name === 'ELR demand management 2018/19')!.description).toMatch(/\(the I&E books £33,000\)\.$/);
  });
});
