import { describe, expect, it } from 'vitest';
import { readNhsData } from '../../../test/support/nhs-files.js';
import { parsePracticeMap, type PracticeMapRow } from './parse-practice-map.js';

describe('parsePracticeMap on gp-reg-pat-prac-map-2026-08.csv (facts from SOURCES.md)', () => {
  const { extractDate, rows, problems } = parsePracticeMap(readNhsData('gp-reg-pat-prac-map-2026-08.csv'), 'gp-reg-pat-prac-map.csv');
  const byCode = new Map(rows.map((r) => [r.practiceCode, r]));

  it('6,129 practices, extract date 01Aug2026, no problems', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(6_129);
    expect(extractDate).toBe('2026-08-01');
  });

  it('52 Unallocated practices have no PCN; the 1,299 distinct codes SOURCES.md counts include "U", leaving 1,298 PCNs', () => {
    expect(rows.filter((r) => r.pcnCode === null && r.pcnName === null)).toHaveLength(52);
    expect(new Set(rows.map((r) => r.pcnCode)).size).toBe(1_299);
    expect(new Set(rows.flatMap((r) => (r.pcnCode ? [r.pcnCode] : []))).size).toBe(1_298);
    expect(byCode.get('Y03584')).toMatchObject({ pcnCode: null, pcnName: null, subIcbCode: '03W' });
  });

  it('suppliers: EMIS 3,581, TPP 2,540, Medicus 8', () => {
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.supplier ?? 'none'] = (counts[r.supplier ?? 'none'] ?? 0) + 1;
    expect(counts).toEqual({ EMIS: 3_581, TPP: 2_540, Medicus: 8 });
  });

  it('03W PCNs are the nine SOURCES.md lists', () => {
    const pcns = new Set(rows.filter((r) => r.subIcbCode === '03W' && r.pcnCode).map((r) => r.pcnCode));
    expect([...pcns].sort()).toEqual(['U09521', 'U12169', 'U25294', 'U30213', 'U50165', 'U63948', 'U67590', 'U71931', 'U87499']);
  });

  it('C82112 (03W, SEVERN SURGERY) is in Watermead PCN, whose other members are all in 04V', () => {
    expect(byCode.get('C82112')).toMatchObject({ practiceName: 'SEVERN SURGERY', pcnCode: 'U63948', pcnName: 'WATERMEAD PCN', subIcbCode: '03W', icbCode: 'QK1' });
    const others = rows.filter((r) => r.pcnCode === 'U63948' && r.practiceCode !== 'C82112');
    expect(others.map((r) => r.subIcbCode)).toEqual(['04V', '04V', '04V', '04V']);
  });

  it('keeps a comma inside a quoted name (RFC 4180)', () => {
    expect(byCode.get('A89015')?.practiceName).toBe('FULWELL MEDICAL CENTRE,');
    expect(byCode.get('B81004')?.practiceName).toBe('EASTGATE MEDICAL GROUP, HORNSEA');
  });

  it('the first row in full', () => {
    expect(rows[0]).toEqual({
      practiceCode: 'A81001',
      practiceName: 'THE DENSHAM SURGERY',
      postcode: 'TS18 1HU',
      pcnCode: 'U89141',
      pcnName: 'STOCKTON PCN',
      subIcbCode: '16C',
      subIcbName: 'NHS North East and North Cumbria ICB - 16C',
      icbCode: 'QHM',
      icbName: 'NHS North East and North Cumbria Integrated Care Board',
      regionCode: 'Y63',
      regionName: 'North East and Yorkshire',
      supplier: 'TPP',
      line: 2,
    } satisfies PracticeMapRow);
  });
});

const HEADER =
  'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME';
const mapRow = (code: string, pcn = 'U87499,G3 PCN', date = '01Aug2026') =>
  `GP_PRAC_PAT_LIST,${date},${code},"GLENFIELD SURGERY, LEICESTER",LE3 8DG,${pcn},E38000201,03W,NHS Leicester ICB - 03W,E54000015,QK1,NHS LLR ICB,E40000011,Y60,Midlands,EMIS`;

describe('parsePracticeMap formats', () => {
  it.each([
    { case: 'CRLF', text: `${HEADER}\r\n${mapRow('C82056')}\r\n` },
    { case: 'LF, no final newline', text: `${HEADER}\n${mapRow('C82056')}` },
    { case: 'BOM bytes', text: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${HEADER}\n${mapRow('C82056')}\n`)]) },
  ])('$case', ({ text }) => {
    const { rows, problems } = parsePracticeMap(text, 'map.csv');
    expect(problems).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ practiceCode: 'C82056', practiceName: 'GLENFIELD SURGERY, LEICESTER', pcnCode: 'U87499', line: 2 })]);
  });

  it.each([
    { case: 'PCN_CODE U', pcn: 'U,Unallocated' },
    { case: 'Unallocated name in another case', pcn: 'U,UNALLOCATED' },
    { case: 'blank PCN', pcn: ',' },
  ])('$case → no PCN', ({ pcn }) => {
    const { rows, problems } = parsePracticeMap(`${HEADER}\n${mapRow('C82056', pcn)}`, 'map.csv');
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ pcnCode: null, pcnName: null });
  });

  it('a header with no rows under it is a problem, not an import of nothing', () => {
    expect(parsePracticeMap(`${HEADER}\n`, 'map.csv')).toMatchObject({ rows: [], problems: [{ file: 'map.csv', line: 2, message: 'the file has a header but no rows under it: nothing to import' }] });
  });

  it('accepts the older CCG / STP column names and a file without PCN or supplier columns', () => {
    const text = [
      'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,ONS_CCG_CODE,CCG_CODE,CCG_NAME,ONS_STP_CODE,STP_CODE,STP_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME',
      'GP_PRAC_PAT_LIST,01APR2019,C82056,GLENFIELD SURGERY,LE3 8DG,E38000051,03W,NHS EAST LEICESTERSHIRE AND RUTLAND CCG,E54000015,QK1,LEICESTER LEICESTERSHIRE AND RUTLAND STP,E40000008,Y60,MIDLANDS',
    ].join('\r\n');
    const { rows, problems, extractDate } = parsePracticeMap(text, 'map.csv');
    expect(problems).toEqual([]);
    expect(extractDate).toBe('2019-04-01');
    expect(rows[0]).toMatchObject({ subIcbCode: '03W', subIcbName: 'NHS EAST LEICESTERSHIRE AND RUTLAND CCG', icbCode: 'QK1', pcnCode: null, supplier: null });
  });
});

describe('parsePracticeMap problems', () => {
  it.each([
    { case: 'duplicate practice', row: mapRow('C82001'), column: 3, message: 'practice code C82001 appears again (first on line 2)' },
    { case: 'bad PCN code', row: mapRow('C82056', 'u-87499,G3 PCN'), column: 6, message: "PCN code 'u-87499' is not 3 to 10 capital letters or digits" },
    { case: 'mixed extract dates', row: mapRow('C82056', undefined, '01Jul2026'), column: 2, message: 'extract date 1 July 2026 differs from 1 August 2026 on line 2: one file must hold one extract' },
    { case: 'bad extract date', row: mapRow('C82056', undefined, '32Aug2026'), column: 2, message: "extract date '32Aug2026' is not a date" },
  ])('$case → line 3, column $column', ({ row, column, message }) => {
    const { rows, problems } = parsePracticeMap(`${HEADER}\n${mapRow('C82001')}\n${row}\n`, 'map.csv');
    expect(problems).toEqual([{ file: 'map.csv', line: 3, column, message }]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('a missing column is named', () => {
    const { problems } = parsePracticeMap(HEADER.replace('ICB_CODE,ICB_NAME', 'X,Y'), 'map.csv');
    expect(problems).toEqual([
      { file: 'map.csv', line: 1, wholeFile: true, message: 'required column "ICB_CODE" (or "STP_CODE") is missing' },
      { file: 'map.csv', line: 1, wholeFile: true, message: 'required column "ICB_NAME" (or "STP_NAME") is missing' },
    ]);
  });

  it('a quoted field with a line break keeps later line numbers right', () => {
    const twoLineName = mapRow('C82056').replace('"GLENFIELD SURGERY, LEICESTER"', '"GLENFIELD\nSURGERY"');
    const { rows, problems } = parsePracticeMap(`${HEADER}\n${twoLineName}\n${mapRow('C82001')}`, 'map.csv');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.practiceName, r.line])).toEqual([['GLENFIELD\nSURGERY', 2], ['GLENFIELD SURGERY, LEICESTER', 4]]);
  });
});
