import { describe, expect, it } from 'vitest';
import { importReportLines } from './import-report-text.js';

describe('an import report as the command line prints it', () => {
  it('names the file, the date it describes in words and where it went, then its counts grouped and lined up, then its notes', () => {
    const report = { file: 'epraccur-2018-06.csv', referenceDate: '2018-06-01', inserted: 13778, updated: 31, unchanged: 0, rejected: 0, skipped: 0, notes: ['Practice C82001 changed its name'] };
    expect(importReportLines(report, '/srv/atscale/pglite')).toEqual([
      'epraccur-2018-06.csv (as at 1 June 2018) via /srv/atscale/pglite',
      '  Inserted   13,778',
      '  Updated        31',
      '  Unchanged       0',
      '  Rejected        0',
      '  Note: Practice C82001 changed its name',
    ]);
  });

  it('says what a file was read as, counts what was skipped, and puts a rejected file’s problems before the notes', () => {
    const report = { file: 'streams.csv', kind: 'streams', inserted: 0, updated: 0, unchanged: 0, rejected: 1, skipped: 2, notes: ['Import again with --skip-unknown'] };
    expect(importReportLines(report, 'the running server', ['Nothing was imported. Problems:', '  streams.csv, line 2: no funder'])).toEqual([
      'streams.csv (streams) via the running server',
      '  Inserted   0',
      '  Updated    0',
      '  Unchanged  0',
      '  Rejected   1',
      '  Skipped    2',
      'Nothing was imported. Problems:',
      '  streams.csv, line 2: no funder',
      '  Note: Import again with --skip-unknown',
    ]);
  });
});
