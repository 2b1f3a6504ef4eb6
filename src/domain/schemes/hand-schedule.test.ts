import { describe, expect, it } from 'vitest';
import { readHandScheduleTable, resolveHandScheduleEntries } from './hand-schedule.js';
import { csv, makeDefinition, makePractice, problemsOf } from '../../../test/support/scheme-seeds.js';

const definition = makeDefinition({
  period: { financialYears: ['2018/19', '2019/20'] },
  costModel: { base: [{ label: 'Pay', amount: 100 }] },
});
const practices = [makePractice({ key: 'C82010', name: 'Oakham Medical Practice', odsCode: 'C82010' })];

describe('readHandScheduleTable', () => {
  it('reads year totals and practice figures', () => {
    const entries = readHandScheduleTable(csv('h.csv', 'year,practice,amount,note\n2018/19,TOTAL,"£93,860",x\n2019/20,,120860\n2019/20,Oakham Medical Practice,20000.505\n'), practices, definition);
    expect(entries.map((e) => [e.year, e.practiceKey, e.amountPence, e.source?.line])).toEqual([
      ['2018/19', null, 9386000, 2],
      ['2019/20', null, 12086000, 3],
      ['2019/20', 'C82010', 2000051, 4],
    ]);
  });

  it.each([
    { name: 'a year not in the scheme', text: 'year,amount\n2017/18,1\n2018/19,1\n2019/20,1\n', line: 2, message: /not one of the scheme’s financial years/ },
    { name: 'an unknown practice', text: 'year,practice,amount\n2018/19,Nowhere,1\n2019/20,,1\n', line: 2, message: /"Nowhere" is not one of this scheme’s practices/ },
    { name: 'an amount that is not money', text: 'year,amount\n2018/19,lots\n2019/20,1\n', line: 2, message: /not an amount of money/ },
    { name: 'a year with no figure', text: 'year,amount\n2018/19,1\n', line: undefined, message: /no figure for 2019\/20/ },
    { name: 'a year given twice', text: 'year,amount\n2018/19,1\n2018/19,2\n2019/20,1\n', line: 3, message: /appears twice/ },
    { name: 'no amount column', text: 'year,total\n2018/19,1\n', line: 1, message: /"amount" column/ },
  ])('refuses $name', ({ text, line, message }) => {
    const [problem] = problemsOf(() => readHandScheduleTable(csv('h.csv', text), practices, definition));
    expect(problem).toMatchObject({ file: 'h.csv', ...(line ? { line } : {}) });
    expect(problem!.message).toMatch(message);
  });
});

describe('resolveHandScheduleEntries', () => {
  it('resolves entries written in the scheme definition, naming the field of a bad one', () => {
    const inline = { ...definition, handSchedule: { label: 'Sheet', entries: [{ year: '2018/19', amount: 1 }, { year: '2019/20', practice: 'Nowhere', amount: 2 }] } };
    expect(problemsOf(() => resolveHandScheduleEntries(inline, practices)).map((p) => p.field)).toEqual(['handSchedule.entries.1.practice', 'handSchedule.entries']);
  });
});
