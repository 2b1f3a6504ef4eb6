import { describe, expect, it } from 'vitest';
import { readNhsData } from '../../../test/support/nhs-files.js';
import { parseEpraccur, type OdsPracticeRecord } from './parse-epraccur.js';

// Several tests look at the same release; parse each file once.
const parsedFiles = new Map<string, ReturnType<typeof parseEpraccur>>();
const parseReal = (name: string) => {
  if (!parsedFiles.has(name)) parsedFiles.set(name, parseEpraccur(readNhsData(name), name));
  return parsedFiles.get(name)!;
};
const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
const activeGp = (r: OdsPracticeRecord) => r.status === 'active' && r.isGpPractice;

describe('parseEpraccur on real ODS releases (facts from SOURCES.md)', () => {
  // Classic format: A/C/D/P status and numeric prescribing setting; 2022-12 and 2025-09 are LF-only.
  it.each([
    { file: 'epraccur-2018-06.csv', rows: 13_809, statuses: { A: 11_445, C: 1_916, D: 445, P: 3 }, activeGp: 7_159, activeGp03W: 33 },
    { file: 'epraccur-2019-11.csv', rows: 14_357, statuses: { A: 11_474, C: 2_427, D: 451, P: 5 }, activeGp: 6_830, activeGp03W: 31 },
    { file: 'epraccur-2022-12.csv', rows: 15_536, statuses: { A: 11_894, C: 3_359, D: 281, P: 2 }, activeGp: 6_859, activeGp03W: 32 },
    { file: 'epraccur-2025-09.csv', rows: 16_685, statuses: { A: 12_440, C: 4_024, D: 218, P: 3 }, activeGp: 6_618, activeGp03W: 31 },
  ])('$file: $rows rows, $activeGp active GP practices, $activeGp03W in 03W', ({ file, rows, statuses, activeGp: gp, activeGp03W }) => {
    const { records, problems } = parseReal(file);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(rows);
    expect(records.at(-1)!.line).toBe(rows);
    expect(countBy(records, (r) => r.statusRaw)).toEqual(statuses);
    expect(records.filter(activeGp)).toHaveLength(gp);
    const elr = records.filter((r) => activeGp(r) && r.commissionerCode === '03W');
    expect(elr).toHaveLength(activeGp03W);
    // The two non-member Y codes stay in 03W throughout.
    expect(elr.map((r) => r.odsCode)).toEqual(expect.arrayContaining(['Y03584', 'Y05412']));
  });

  it('epraccur-2018-06: 8,189 rows with setting 4; 47 rows under 03W, 31 active C82 member practices', () => {
    const { records } = parseReal('epraccur-2018-06.csv');
    expect(records.filter((r) => r.prescribingSetting === '4')).toHaveLength(8_189);
    expect(records.filter((r) => r.commissionerCode === '03W')).toHaveLength(47);
    const members = records.filter((r) => activeGp(r) && r.commissionerCode === '03W' && r.odsCode.startsWith('C82'));
    expect(members).toHaveLength(31);
    // Every prescribing setting is kept, not only GP practices.
    expect(Object.keys(countBy(records, (r) => r.prescribingSetting)).length).toBeGreaterThan(10);
    expect(records.filter((r) => r.commissionerCode === null)).toHaveLength(164);
  });

  it('epraccur-2018-06: the first row in full', () => {
    const { records } = parseReal('epraccur-2018-06.csv');
    expect(records[0]).toEqual({
      odsCode: 'A81001',
      name: 'THE DENSHAM SURGERY',
      nationalGrouping: 'Y54',
      highLevelHealthGeography: 'Q74',
      addressLines: ['THE HEALTH CENTRE', 'LAWSON STREET', 'STOCKTON-ON-TEES', 'CLEVELAND'],
      postcode: 'TS18 1HU',
      openDate: '1974-04-01',
      closeDate: null,
      status: 'active',
      statusRaw: 'A',
      orgSubType: 'B',
      commissionerCode: '00K',
      joinParentDate: '2013-04-01',
      leftParentDate: null,
      phone: '01642 672351',
      providerCode: '00K',
      prescribingSetting: '4',
      isGpPractice: true,
      line: 1,
    } satisfies OdsPracticeRecord);
  });

  it('epraccur-2019-11: Two Shires C82036 is dormant and C82119 has moved to 04C', () => {
    const byCode = new Map(parseReal('epraccur-2019-11.csv').records.map((r) => [r.odsCode, r]));
    expect(byCode.get('C82036')?.status).toBe('dormant');
    expect(byCode.get('C82119')?.commissionerCode).toBe('04C');
  });

  it('epraccur-2025-09: 5-character sub-ICB codes in field 15 are accepted', () => {
    const { records } = parseReal('epraccur-2025-09.csv');
    expect(records.filter((r) => r.commissionerCode?.length === 5).length).toBe(2_434);
  });

  describe('epraccur-2026-06 (2026 value format)', () => {
    const { records, problems } = parseReal('epraccur-2026-06.csv');
    const byCode = new Map(records.map((r) => [r.odsCode, r]));

    it('parses all 15,559 rows without problems', () => {
      expect(problems).toEqual([]);
      expect(records).toHaveLength(15_559);
    });

    it('maps the status words: ACTIVE 12,579, INACTIVE 2,753 (closed), DORMANT 227', () => {
      expect(countBy(records, (r) => r.statusRaw)).toEqual({ ACTIVE: 12_579, INACTIVE: 2_753, DORMANT: 227 });
      expect(countBy(records, (r) => r.status)).toEqual({ active: 12_579, closed: 2_753, dormant: 227 });
    });

    it('role RO76 alone: 8,186 rows, 6,574 of them ACTIVE (the count SOURCES.md gives)', () => {
      expect(records.filter((r) => r.prescribingSetting === 'RO76')).toHaveLength(8_186);
      expect(records.filter((r) => r.prescribingSetting === 'RO76' && r.statusRaw === 'ACTIVE')).toHaveLength(6_574);
    });

    it('RO76|RO268 rows are GP practices too, so active GP practices are 6,574 + 5 = 6,579', () => {
      const dualRole = records.filter((r) => r.prescribingSetting === 'RO76|RO268');
      expect(dualRole.map((r) => r.odsCode)).toEqual(['B81042', 'D81085', 'D82004', 'D83064', 'K82049', 'M84043']);
      expect(dualRole.every((r) => r.isGpPractice)).toBe(true);
      expect(records.filter((r) => r.isGpPractice)).toHaveLength(8_192);
      expect(records.filter(activeGp)).toHaveLength(6_579);
    });

    it('keeps the one row with an empty role, as not a GP practice', () => {
      expect(byCode.get('A99898')).toMatchObject({ prescribingSetting: '', isGpPractice: false });
    });

    it('accepts 5-character sub-ICB commissioner codes', () => {
      for (const code of ['A3A8R', 'W2U3Z', 'D2P2L']) expect(records.some((r) => r.commissionerCode === code)).toBe(true);
    });

    it('03W has 34 GP-practice rows; C82036 is closed and C82119 is under 04C', () => {
      const elr = records.filter((r) => r.isGpPractice && r.commissionerCode === '03W');
      expect(elr).toHaveLength(34);
      expect(byCode.get('C82036')).toMatchObject({ status: 'closed', statusRaw: 'INACTIVE' });
      expect(byCode.get('C82119')?.commissionerCode).toBe('04C');
    });

    it('re-packed address: post town in field 8, empty fields dropped', () => {
      expect(byCode.get('A81002')?.addressLines).toEqual(['FARRER STREET', 'STOCKTON ON TEES']);
    });
  });
});

/** One epraccur row, every field quoted as ODS writes it; `fields` overrides by 1-based field number. */
function row(fields: Record<number, string> = {}): string {
  const base: Record<number, string> = {
    1: 'C82001', 2: 'KIBWORTH HEALTH CENTRE', 3: 'Y55', 4: 'Q71', 5: 'SMEETON ROAD', 8: 'LEICESTER', 10: 'LE8 0LG',
    11: '19740401', 13: 'A', 14: 'B', 15: '03W', 16: '20130401', 18: '0116 279 2422', 22: '0', 24: '03W', 26: '4',
  };
  const merged = { ...base, ...fields };
  return Array.from({ length: 27 }, (_, i) => `"${merged[i + 1] ?? ''}"`).join(',');
}

describe('parseEpraccur line endings and encodings', () => {
  const two = [row(), row({ 1: 'C82002', 2: 'COUNTESTHORPE HEALTH CENTRE' })];
  it.each([
    { case: 'CRLF with final newline', text: two.join('\r\n') + '\r\n' },
    { case: 'LF with final newline', text: two.join('\n') + '\n' },
    { case: 'LF without final newline', text: two.join('\n') },
    { case: 'CRLF without final newline', text: two.join('\r\n') },
    { case: 'CR only (old Mac)', text: two.join('\r') + '\r' },
    { case: 'string with a BOM', text: '\uFEFF' + two.join('\r\n') },
  ])('$case: two records on lines 1 and 2', ({ text }) => {
    const { records, problems } = parseEpraccur(text, 'epraccur.csv');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.odsCode, r.line])).toEqual([['C82001', 1], ['C82002', 2]]);
  });

  it('keeps line numbers right across blank lines', () => {
    const { records } = parseEpraccur(`${two[0]}\r\n\r\n\r\n${two[1]}\r\n`, 'epraccur.csv');
    expect(records.map((r) => r.line)).toEqual([1, 4]);
  });

  it('decodes a UTF-8 file with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(row({ 2: 'CAFÉ SURGERY' }))]);
    expect(parseEpraccur(bytes, 'epraccur.csv').records[0]?.name).toBe('CAFÉ SURGERY');
  });

  it('decodes a windows-1252 name (byte 0xE9)', () => {
    const [before, after] = row({ 2: 'RENEE SURGERY' }).split('RENEE');
    const bytes = new Uint8Array([...new TextEncoder().encode(before + 'REN'), 0xe9, ...new TextEncoder().encode('E' + after)]);
    expect(parseEpraccur(bytes, 'epraccur.csv').records[0]?.name).toBe('RENéE SURGERY');
  });

  it('reports progress and ends with done = total', () => {
    const calls: [number, number][] = [];
    parseEpraccur(Array.from({ length: 4_500 }, (_, i) => row({ 1: `Y${String(i).padStart(5, '0')}` })).join('\n'), 'epraccur.csv', {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([[2_000, 4_500], [4_000, 4_500], [4_500, 4_500]]);
  });
});

describe('parseEpraccur problems', () => {
  it.each<{ case: string; fields: Record<number, string>; column: number; message: string }>([
    { case: 'bad open date', fields: { 11: '20181301' }, column: 11, message: "open date '20181301' is not a date (expected YYYYMMDD)" },
    { case: 'empty open date', fields: { 11: '' }, column: 11, message: 'open date is empty' },
    { case: 'impossible close date', fields: { 12: '20210231', 13: 'C' }, column: 12, message: "close date '20210231' is not a date (expected YYYYMMDD)" },
    { case: 'bad join parent date', fields: { 16: '2013041' }, column: 16, message: "join parent date '2013041' is not a date (expected YYYYMMDD)" },
    { case: 'bad left parent date', fields: { 17: 'SOON' }, column: 17, message: "left parent date 'SOON' is not a date (expected YYYYMMDD)" },
    { case: 'empty organisation code', fields: { 1: '' }, column: 1, message: 'organisation code is empty' },
    { case: 'lower-case organisation code', fields: { 1: 'c82001' }, column: 1, message: "organisation code 'c82001' is not 3 to 10 capital letters or digits" },
    { case: 'organisation code too long', fields: { 1: 'C820010000X' }, column: 1, message: "organisation code 'C820010000X' is not 3 to 10 capital letters or digits" },
    { case: 'unknown status', fields: { 13: 'X' }, column: 13, message: "status 'X' is not one ODS uses (A, C, D, P, ACTIVE, INACTIVE, DORMANT)" },
    { case: '6-character commissioner', fields: { 15: 'A3A8RX' }, column: 15, message: "commissioner 'A3A8RX' is not 3 to 5 capital letters or digits" },
    { case: '2-character commissioner', fields: { 15: '3W' }, column: 15, message: "commissioner '3W' is not 3 to 5 capital letters or digits" },
  ])('$case → line 2, column $column', ({ fields, column, message }) => {
    const { records, problems } = parseEpraccur(`${row({ 1: 'C82002' })}\r\n${row(fields)}\r\n`, 'epraccur.csv');
    expect(problems).toEqual([{ file: 'epraccur.csv', line: 2, column, message }]);
    expect(records.map((r) => r.line)).toEqual([1]);
  });

  it.each<{ case: string; fields: Record<number, string>; expected: string | null }>([
    { case: '5-character sub-ICB code', fields: { 15: 'A3A8R' }, expected: 'A3A8R' },
    { case: 'no commissioner (sub-type Z)', fields: { 14: 'Z', 15: '', 16: '' }, expected: null },
  ])('accepts $case', ({ fields, expected }) => {
    const { records, problems } = parseEpraccur(row(fields), 'epraccur.csv');
    expect(problems).toEqual([]);
    expect(records[0]?.commissionerCode).toBe(expected);
  });

  it.each([
    { case: 'too few fields', text: row().replace(/,""$/, ''), found: 26 },
    { case: 'too many fields', text: row() + ',""', found: 28 },
  ])('$case: the row is refused', ({ text, found }) => {
    const { records, problems } = parseEpraccur(`${row({ 1: 'C82002' })}\n${text}`, 'epraccur.csv');
    expect(problems).toEqual([{ file: 'epraccur.csv', line: 2, message: `expected 27 fields, found ${found}` }]);
    expect(records).toHaveLength(1);
  });

  it('reports every fault of a row, not only the first', () => {
    const { problems } = parseEpraccur(row({ 11: '31FEB2021', 13: 'Q', 15: 'TOOLONG' }), 'epraccur.csv');
    expect(problems.map((p) => p.column)).toEqual([11, 13, 15]);
  });

  it('a duplicate organisation code is a problem on the second line', () => {
    const { records, problems } = parseEpraccur([row(), row({ 1: 'C82002' }), row({ 2: 'OTHER NAME' })].join('\r\n'), 'epraccur.csv');
    expect(problems).toEqual([{ file: 'epraccur.csv', line: 3, column: 1, message: 'organisation code C82001 appears again (first on line 1)' }]);
    expect(records.map((r) => r.name)).toEqual(['KIBWORTH HEALTH CENTRE', 'KIBWORTH HEALTH CENTRE']);
  });

  it('an unterminated quote is a problem with its line', () => {
    const { problems } = parseEpraccur(`${row()}\n"C82002","BROKEN`, 'epraccur.csv');
    expect(problems).toEqual([expect.objectContaining({ file: 'epraccur.csv', line: 2 })]);
    expect(problems[0]!.message).toMatch(/not valid CSV/);
  });
});
