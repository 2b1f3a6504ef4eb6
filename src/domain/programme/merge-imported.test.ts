import { describe, expect, it } from 'vitest';
import { baseOf, mergeImported } from './merge-imported.js';

const groups = { lead: ['lead'], target: ['timeText', 'targetDate'], status: ['status'] };
const line = (lead: string, timeText: string, targetDate: string) => ({ lead, timeText, targetDate });

describe('merging a re-imported plan line with what people changed in atscale', () => {
  it.each([
    ['nobody changed anything', line('JW', 'Nov 16', '2016-11-30'), line('JW', 'Nov 16', '2016-11-30'), line('JW', 'Nov 16', '2016-11-30'), {}, []],
    ['only the file changed the lead', line('JW', 'Nov 16', '2016-11-30'), line('JW', 'Nov 16', '2016-11-30'), line('GC', 'Nov 16', '2016-11-30'), { lead: 'GC' }, []],
    ['only people changed the lead', line('JW', 'Nov 16', '2016-11-30'), line('RB', 'Nov 16', '2016-11-30'), line('JW', 'Nov 16', '2016-11-30'), {}, []],
    ['both changed it the same way', line('JW', 'Nov 16', '2016-11-30'), line('GC', 'Nov 16', '2016-11-30'), line('GC', 'Nov 16', '2016-11-30'), {}, []],
    ['both changed it differently', line('JW', 'Nov 16', '2016-11-30'), line('RB', 'Nov 16', '2016-11-30'), line('GC', 'Nov 16', '2016-11-30'), {}, ['lead']],
    ['people moved the target, the file changed the lead', line('JW', 'Nov 16', '2016-11-30'), line('JW', 'Dec 16', '2016-12-31'), line('GC', 'Nov 16', '2016-11-30'), { lead: 'GC' }, []],
    ['the file moved the whole target', line('JW', 'Nov 16', '2016-11-30'), line('JW', 'Nov 16', '2016-11-30'), line('JW', 'Q4 16/17', '2017-03-31'), { timeText: 'Q4 16/17', targetDate: '2017-03-31' }, []],
  ])('%s', (_case, base, current, file, take, clashes) => {
    const outcome = mergeImported(groups, base, current, file);
    expect(outcome.take).toEqual(take);
    expect(outcome.clashes.map((c) => c.field)).toEqual(clashes);
  });

  it('names what was kept and what the file says when both changed a field', () => {
    const outcome = mergeImported(groups, line('JW', 'Nov 16', '2016-11-30'), line('JW', 'Dec 16', '2016-12-31'), line('JW', 'Jan 17', '2017-01-31'));
    expect(outcome.clashes).toEqual([{ field: 'target', kept: { timeText: 'Dec 16', targetDate: '2016-12-31' }, file: { timeText: 'Jan 17', targetDate: '2017-01-31' } }]);
  });

  it('keeps the row, and names the difference, where nobody knows what the file said last (a line imported before bases were kept)', () => {
    const outcome = mergeImported(groups, null, line('RB', 'Nov 16', '2016-11-30'), line('GC', 'Nov 16', '2016-11-30'));
    expect(outcome).toEqual({ take: {}, clashes: [{ field: 'lead', kept: { lead: 'RB' }, file: { lead: 'GC' } }] });
    expect(mergeImported(groups, null, line('RB', 'Nov 16', '2016-11-30'), line('RB', 'Nov 16', '2016-11-30'))).toEqual({ take: {}, clashes: [] });
  });

  it('leaves a field the file does not give alone, and takes one the last import did not give', () => {
    const base = line('JW', 'Nov 16', '2016-11-30');
    expect(mergeImported(groups, base, { ...base, status: 'done' }, base).take).toEqual({});
    expect(mergeImported(groups, base, { ...base, status: 'done' }, { ...base, status: 'in_progress' }).take).toEqual({ status: 'in_progress' });
  });

  it('compares JSON values whatever order their keys come back in', () => {
    const allocations = { allocations: ['allocations'] };
    const stored = { allocations: [{ text: '£5', column: 'a_gbp_000' }] };
    const given = { allocations: [{ column: 'a_gbp_000', text: '£5' }] };
    expect(mergeImported(allocations, given, stored, given)).toEqual({ take: {}, clashes: [] });
  });

  it('keeps as base only the fields the file gives', () => {
    expect(baseOf(groups, { lead: 'JW', timeText: 'Nov 16', targetDate: '2016-11-30', sourceLine: 4 })).toEqual({ lead: 'JW', timeText: 'Nov 16', targetDate: '2016-11-30' });
  });
});
