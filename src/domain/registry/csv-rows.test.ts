import { describe, expect, it } from 'vitest';
import { countNonBlankLines, readCsvRows, type CsvRow } from './csv-rows.js';

const read = (text: string) => {
  const rows: CsvRow[] = [];
  const problems = readCsvRows(text, 'f.csv', (row) => rows.push(row));
  return { rows: rows.map((r) => [r.line, ...r.fields]), problems };
};

describe('readCsvRows', () => {
  it.each([
    { case: 'CRLF', text: 'a,b\r\nc,d\r\n', rows: [[1, 'a', 'b'], [2, 'c', 'd']] },
    { case: 'LF, no final newline', text: 'a,b\nc,d', rows: [[1, 'a', 'b'], [2, 'c', 'd']] },
    { case: 'CR only', text: 'a,b\rc,d\r', rows: [[1, 'a', 'b'], [2, 'c', 'd']] },
    { case: 'blank lines are skipped but counted', text: '\na,b\r\n\r\n\nc,d\n\n', rows: [[2, 'a', 'b'], [5, 'c', 'd']] },
    { case: 'quoted line break', text: '"a\r\nstill a",b\nc,d', rows: [[1, 'a\nstill a', 'b'], [3, 'c', 'd']] },
    { case: 'quoted comma and doubled quote', text: '"x, ""y""",z', rows: [[1, 'x, "y"', 'z']] },
    { case: 'every field quoted, empty ones too', text: '"A81001","",""\r\n', rows: [[1, 'A81001', '', '']] },
  ])('$case', ({ text, rows }) => {
    expect(read(text)).toEqual({ rows, problems: [] });
  });

  it('refuses a value holding a NUL (no stored text can), naming its line and column, and reads the rows around it', () => {
    const { rows, problems } = read('a,b\n"c\u0000",d\ne,f\n');
    expect(rows).toEqual([[1, 'a', 'b'], [3, 'e', 'f']]);
    expect(problems).toEqual([{ file: 'f.csv', line: 2, column: 1, message: expect.stringMatching(/^this value holds a NUL character/) }]);
  });

  it('reports an unterminated quote on the line where the row starts', () => {
    const { rows, problems } = read('a,b\nc,"d\n');
    expect(rows).toEqual([[1, 'a', 'b']]);
    expect(problems).toEqual([{ file: 'f.csv', line: 2, message: expect.stringMatching(/^not valid CSV: /) }]);
  });
});

describe('countNonBlankLines', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['a\r\nb\r\n', 2],
    ['a\n\n\nb', 2],
    ['a\rb\r', 2],
    ['a\r\rb\nc\r\n\r\n', 3],
    ['\n\r\n  \n', 1],
  ] as const)('%j → %d', (text, expected) => {
    expect(countNonBlankLines(text)).toBe(expected);
  });
});
