import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './csv-guard.js';

describe('the CSV formula guard, and its undoing on import', () => {
  it.each([
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['-2+3+cmd|"/c calc"!A0', '\'-2+3+cmd|"/c calc"!A0'],
    ['- first step', "'- first step"],
    ['+44 116 000 0000', "'+44 116 000 0000"],
    ['@mention café £5', "'@mention café £5"],
    ['-', "'-"],
    ['-12.5', '-12.5'],
    ['12', '12'],
    ['Kibworth', 'Kibworth'],
    ["'quoted' on purpose", "'quoted' on purpose"],
    ['', ''],
  ])('%j is written %j and read back as it was', (text, written) => {
    expect(guardFormula(text)).toBe(written);
    expect(unguardFormula(written)).toBe(text);
  });

  it("leaves an apostrophe a person typed before ordinary text", () => {
    expect(unguardFormula("'Tis the season")).toBe("'Tis the season");
  });
});
