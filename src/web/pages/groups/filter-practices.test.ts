import { describe, expect, it } from 'vitest';
import { type Findable, filterPractices } from './filter-practices.js';

const practice = (odsCode: string, displayName: string, pcnName: string | null, commissionerCode: string, postcode: string): Findable => ({
  odsCode,
  displayName,
  name: displayName.toUpperCase(),
  pcnCode: pcnName ? `U${odsCode.slice(1)}` : null,
  pcnName,
  commissionerCode,
  postcode,
});

const practices = [
  practice('C82001', 'Kibworth Medical Centre', 'Harborough Villages PCN', '04V', 'LE8 0LG'),
  practice('C82010', 'Market Harborough Medical Centre', 'Harborough PCN', '04V', 'LE16 7BT'),
  practice('C82044', 'St Luke’s Surgery', null, '03W', 'LE15 6DT'),
];
const codes = (words: string) => filterPractices(practices, words).map((p) => p.odsCode);

describe('finding practices in a long list of checkboxes', () => {
  it.each([
    ['', ['C82001', 'C82010', 'C82044']],
    ['   ', ['C82001', 'C82010', 'C82044']],
    ['harborough', ['C82001', 'C82010']],
    ['Harborough  PCN', ['C82001', 'C82010']],
    ['villages harborough', ['C82001']],
    ['c82044', ['C82044']],
    ['st lukes', ['C82044']],
    ["st luke's", ['C82044']],
    ['03W', ['C82044']],
    ['le16', ['C82010']],
    ['harborough 03W', []],
  ])('“%s” finds %j', (words, expected) => {
    expect(codes(words)).toEqual(expected);
  });

  it('keeps the order it was given', () => {
    expect(filterPractices([...practices].reverse(), 'medical').map((p) => p.odsCode)).toEqual(['C82010', 'C82001']);
  });
});
