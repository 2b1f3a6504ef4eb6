import { describe, expect, it } from 'vitest';
import { findPractice, participatingPractices, readPracticeTable, toSchemePractices } from './practices.js';
import { csv, makePractice, problemsOf } from '../../../test/support/scheme-seeds.js';

describe('readPracticeTable', () => {
  it('reads practices keyed by ODS code, with locality, cluster and participation', () => {
    const practices = readPracticeTable(csv('p.csv', 'practice,ods_code,locality,cluster,list_size,takes_part,note\nOakham Medical Practice,c82010,Rutland,Oakham,"16,000",Yes,lead\nNo Code Surgery,,SLAM,,100,?,\n'));
    expect(practices).toEqual([
      { key: 'C82010', name: 'Oakham Medical Practice', odsCode: 'C82010', listSize: 16000, locality: 'Rutland', cluster: 'Oakham', participation: 'yes', source: { file: 'p.csv', line: 2 } },
      { key: 'No Code Surgery', name: 'No Code Surgery', listSize: 100, locality: 'SLAM', participation: 'unknown', source: { file: 'p.csv', line: 3 } },
    ]);
  });

  it.each([
    { name: 'a bad ODS code', text: 'practice,ods_code,list_size\nA,C8201,1\n', line: 2, column: 2, message: /not an ODS practice code/ },
    { name: 'a list size that is not a number', text: 'practice,list_size\nA,lots\n', line: 2, column: 2, message: /"lots" is not a list size/ },
    { name: 'a fractional list size', text: 'practice,list_size\nA,10.5\n', line: 2, column: 2, message: /not a list size/ },
    { name: 'a negative list size', text: 'practice,list_size\nA,-1\n', line: 2, column: 2, message: /not a list size/ },
    { name: 'a blank name', text: 'practice,list_size\n,1\n', line: 2, column: 1, message: /blank/ },
    { name: 'a bad take-part flag', text: 'practice,takes_part\nA,perhaps\n', line: 2, column: 2, message: /Yes, No or \?/ },
    { name: 'no practice column', text: 'surgery,list_size\nA,1\n', line: 1, column: undefined, message: /"practice" column/ },
    { name: 'a practice listed twice', text: 'practice,ods_code\nA,C82001\nB,C82001\n', line: 3, column: undefined, message: /appears twice/ },
  ])('refuses $name at line $line', ({ text, line, column, message }) => {
    const [problem] = problemsOf(() => readPracticeTable(csv('p.csv', text)));
    expect(problem).toMatchObject({ file: 'p.csv', line, ...(column ? { column } : {}) });
    expect(problem!.message).toMatch(message);
  });
});

describe('practices', () => {
  const practices = [makePractice({ name: 'The Croft Medical Centre', odsCode: 'C82067' }), makePractice({ name: 'Severn Surgery', participation: 'no' })];

  it.each([
    ['C82067', 'The Croft Medical Centre'],
    ['c82067', 'The Croft Medical Centre'],
    ['the croft  medical centre', 'The Croft Medical Centre'],
    ['Severn Surgery', 'Severn Surgery'],
    ['Croft', undefined],
  ])('findPractice(%j) → %s', (reference, name) => {
    expect(findPractice(practices, reference)?.name).toBe(name);
  });

  it('leaves out practices that decline, and refuses a scheme with none left', () => {
    expect(participatingPractices(practices).map((p) => p.name)).toEqual(['The Croft Medical Centre']);
    expect(problemsOf(() => participatingPractices([makePractice({ participation: 'no' })]))[0]!.message).toMatch(/not taking part/);
    expect(() => participatingPractices([])).toThrow(/no participating practices/);
  });

  it('refuses the same practice twice in an inline list, naming the entry', () => {
    const problems = problemsOf(() => toSchemePractices([{ name: 'A', odsCode: 'C82001', participation: 'yes' }, { name: 'B', odsCode: 'C82001', participation: 'yes' }]));
    expect(problems).toEqual([{ field: 'practices.1', message: 'practice "B" appears twice (also at entry 1)' }]);
  });

  it('takes two practices of one name with their own ODS codes, found by code and not by the name they share', () => {
    const churchRoads = toSchemePractices([
      { name: 'Church Road Surgery', odsCode: 'M85048', participation: 'yes' },
      { name: 'CHURCH ROAD SURGERY', odsCode: 'M85697', participation: 'yes' },
    ]);
    expect(churchRoads.map((p) => p.key)).toEqual(['M85048', 'M85697']);
    expect(findPractice(churchRoads, 'm85697')?.key).toBe('M85697');
    expect(findPractice(churchRoads, 'Church Road Surgery')).toBeUndefined();
    // Without a code, a practice is known by its name alone, which may then be given once only.
    const problems = problemsOf(() => toSchemePractices([{ name: 'The Surgery', odsCode: 'C82001', participation: 'yes' }, { name: 'The surgery', participation: 'yes' }]));
    expect(problems).toEqual([{ field: 'practices.1', message: 'practice "The surgery" appears twice (also at entry 1)' }]);
  });
});
