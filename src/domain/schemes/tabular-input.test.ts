import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { cellProblem, columnIndex, parseCsv, parseNumberCell, parseParticipation } from './tabular-input.js';

describe('parseCsv', () => {
  it('keeps the line each row starts on, through quoted line breaks and CRLF', () => {
    const table = parseCsv('practice,list_size\r\n"The Masharani Practice, Lutterworth Health Centre",5786\r\n"Two\nlines",1\r\nLast,2\r\n', 'p.csv');
    expect(table.header).toEqual(['practice', 'list_size']);
    expect(table.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, 'The Masharani Practice, Lutterworth Health Centre', '5786'],
      [3, 'Two\nlines', '1'],
      [5, 'Last', '2'],
    ]);
  });

  it.each([
    ['a doubled quote', 'a\n"say ""hello"""\n', ['say "hello"']],
    ['blank lines are skipped', 'a\n\nx\n', ['x']],
    ['no final newline', 'a,b\n1,2', ['1', '2']],
    ['an empty last cell', 'a,b\n1,\n', ['1', '']],
    ['a byte-order mark is the caller\'s to strip; a plain header parses', 'a\n1\n', ['1']],
  ])('%s', (_name, text, cells) => {
    expect(parseCsv(text, 'x.csv').rows[0]!.cells).toEqual(cells);
  });

  it.each([
    ['an unclosed quote', 'a\n"open\n', /never closed/],
    ['an empty file', '', /no header row/],
    ['a last row cut short', 'a,b,c\n1,2,3\n4,"half a val', /never closed/],
    ['a last row cut short after a comma', 'a,b,c\n1,2,3\n4,5', /ends part-way through this row \(2 of the header's 3 fields\)/],
    ['a NUL byte in a value, which no stored text can hold', 'a,b\n1,x\u0000y\n', /holds a NUL character/],
    ['a value with an unquoted comma', 'a,b\nKibworth, Harborough,9301\n', /3 fields but the header has 2/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseCsv(text, 'x.csv')).toThrow(AppError);
    try {
      parseCsv(text, 'x.csv');
    } catch (error) {
      expect((error as AppError).problems[0]!.message).toMatch(message);
    }
  });
});

describe('parseCsv: rows that do not fit the header', () => {
  const problemsOf = (text: string) => {
    try {
      parseCsv(text, 'x.csv');
    } catch (error) {
      return (error as AppError).problems;
    }
    return [];
  };

  it('names the line and the first extra or missing column of every such row at once', () => {
    expect(problemsOf('a,b,c\n1,2,3,4\n"two\nlines",2,3\n4,5,6,,7,\n8,9').map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 2, column: 4 },
      { line: 5, column: 4 },
      { line: 6, column: 3 },
    ]);
  });

  it('counts a lone CR inside quotes as a line, as it does between rows', () => {
    expect(problemsOf('a,b\r"two\rlines",2,3\r4,5\r').map((p) => p.line)).toEqual([2]);
    expect(problemsOf('a,b\r"two\rlines",2\r3,4,5\r').map((p) => p.line)).toEqual([4]);
  });

  it('drops blank cells past the header, as a spreadsheet leaves them, and reads a row without its trailing empty cells', () => {
    expect(parseCsv('a,b\n1,2,,\n', 'x.csv').rows[0]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a,b,c\n1\n2,3,4\n', 'x.csv').rows.map((r) => r.cells)).toEqual([['1'], ['2', '3', '4']]);
    expect(parseCsv('a,b,c\n1,2,3\n4,5\n', 'x.csv').rows[1]!.cells).toEqual(['4', '5']);
  });
});

describe('cells', () => {
  it.each([
    ['208', 208],
    ['', null],
    ['  ', null],
    ['1,234', 1234],
    ['£93,860', 93860],
    ['12.5', 12.5],
    ['-4', -4],
    ['.5', 0.5],
    ['twelve', Number.NaN],
    ['12,34', Number.NaN],
    ['1e3', Number.NaN],
  ])('parseNumberCell(%j) = %s', (text, expected) => {
    expect(parseNumberCell(text)).toBe(expected);
  });

  it.each([
    ['Yes', 'yes'],
    ['y', 'yes'],
    ['No', 'no'],
    ['?', 'unknown'],
    ['', null],
    ['maybe', undefined],
  ])('parseParticipation(%j) = %s', (text, expected) => {
    expect(parseParticipation(text)).toBe(expected);
  });

  it('finds columns whatever their case and spacing, and names them in problems', () => {
    const table = parseCsv('Practice,ODS Code,List-Size\nA,C82001,1\n', 'p.csv');
    expect([columnIndex(table, ['ods_code']), columnIndex(table, ['list_size']), columnIndex(table, ['missing'])]).toEqual([1, 2, -1]);
    expect(cellProblem(table, table.rows[0]!, 2, 'bad')).toEqual({ file: 'p.csv', line: 2, column: 3, message: 'bad (column "List-Size")' });
  });
});
