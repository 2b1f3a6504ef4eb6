import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readNhsData } from '../../../test/support/nhs-files.js';
import { parseEpcnWorkbook } from './parse-epcn.js';

describe('parseEpcnWorkbook on ePCN-2023-01.xlsx (facts from SOURCES.md)', async () => {
  const { pcns, memberships, problems } = await parseEpcnWorkbook(readNhsData('ePCN-2023-01.xlsx'), 'ePCN-2023-01.xlsx');

  it('1,329 PCNs, 65 with a close date; no problems', () => {
    expect(problems).toEqual([]);
    expect(pcns).toHaveLength(1_329);
    expect(pcns.filter((p) => p.closeDate !== null)).toHaveLength(65);
    expect(pcns[0]).toEqual({ code: 'U00070', name: 'WEST MERTON PCN', subIcbCode: '36L', subIcbName: 'NHS SOUTH WEST LONDON ICB - 36L', openDate: '2019-10-01', closeDate: null });
  });

  it('7,455 core partner rows, history kept: 1,064 have an end date', () => {
    expect(memberships).toHaveLength(7_455);
    expect(memberships.filter((m) => m.endDate !== null)).toHaveLength(1_064);
    expect(memberships[0]).toEqual({
      practiceCode: 'A81001',
      practiceName: 'THE DENSHAM SURGERY',
      pcnCode: 'U89141',
      startDate: '2019-10-01',
      endDate: null,
      line: 2,
      sheet: 'PCN Core Partner Details',
      practiceCodeColumn: 'A',
    });
  });

  it('C82056 (Glenfield) moved from North Blaby PCN to G3 PCN on 2022-04-01', () => {
    const rows = memberships.filter((m) => m.practiceCode === 'C82056').map((m) => [m.pcnCode, m.startDate, m.endDate]);
    expect(rows).toEqual([
      ['U12169', '2019-10-01', '2022-03-31'],
      ['U87499', '2022-04-01', null],
    ]);
  });

  it('C82112 (SPECTRUM HEALTH) has two ended rows', () => {
    const rows = memberships.filter((m) => m.practiceCode === 'C82112');
    expect(rows.map((m) => [m.practiceName, m.pcnCode, m.endDate])).toEqual([
      ['SPECTRUM HEALTH', 'U09521', '2022-03-31'],
      ['SPECTRUM HEALTH', 'U50165', '2022-06-08'],
    ]);
  });

  it('03W has the 8 PCNs SOURCES.md lists', () => {
    expect(pcns.filter((p) => p.subIcbCode === '03W').map((p) => p.name)).toEqual([
      'OADBY & WIGSTON PCN',
      'NORTH BLABY PCN',
      'MELTON, SYSTON AND VALE PCN',
      'CROSS COUNTIES PCN',
      'MARKET HARBOROUGH & BOSWORTH PCN',
      'RUTLAND HEALTH PCN',
      'SOUTH BLABY & LUTTERWORTH PCN',
      'G3 PCN',
    ]);
  });
});

type Cell = string | number | boolean | Date | null;

/** A small in-memory ePCN workbook; `sheets` maps sheet names to rows (header first). */
async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PCN_HEADER = ['PCN Code', 'PCN Name', 'Current Sub ICB Loc Code', 'Sub ICB Location', 'Open Date', 'Close Date', 'Postcode'];
const PARTNER_HEADER = [
  'Partner\nOrganisation\nCode',
  'Partner\nName',
  'PCN Code',
  'PCN Name',
  'Practice to PCN\nRelationship\nStart Date',
  'Practice to PCN\nRelationship\nEnd Date',
  'Practice Sub ICB Loc and PCN Sub ICB Loc Match ',
];
const G3: Cell[] = ['U87499', 'G3 PCN', '03W', 'NHS LLR ICB - 03W', '20190701', '', 'LE3 8DG'];
const GLENFIELD: Cell[] = ['C82056', 'THE GLENFIELD SURGERY', 'U87499', 'G3 PCN', '20220401', null, true];

describe('parseEpcnWorkbook layouts', () => {
  it('accepts the pre-2022 CCG wording, other sheet-name spacing, and a title row above the header', async () => {
    const buf = await workbook({
      'PCN Details': [['PCN Code', 'PCN Name', 'Current CCG Code', 'CCG', 'Open Date', 'Close Date'], ['U87499', 'G3 PCN', '03W', 'NHS ELR CCG', '20190701', null]],
      'PCN Core Partner Details': [['ePCN release'], ['Partner Organisation Code', 'Partner Name', 'PCN Code', 'PCN Name', 'Practice to PCN Relationship Start Date', 'Practice to PCN Relationship End Date'], GLENFIELD.slice(0, 6)],
    });
    const { pcns, memberships, problems } = await parseEpcnWorkbook(buf, 'ePCN-2021.xlsx');
    expect(problems).toEqual([]);
    expect(pcns).toEqual([{ code: 'U87499', name: 'G3 PCN', subIcbCode: '03W', subIcbName: 'NHS ELR CCG', openDate: '2019-07-01', closeDate: null }]);
    expect(memberships).toEqual([expect.objectContaining({ practiceCode: 'C82056', startDate: '2022-04-01', endDate: null, line: 3 })]);
  });

  it('reads numeric and real Excel date cells as dates too', async () => {
    const buf = await workbook({
      PCNDetails: [PCN_HEADER, ['U87499', 'G3 PCN', '03W', 'x', 20190701, new Date(Date.UTC(2023, 2, 31)), '']],
      'PCN Core Partner Details': [PARTNER_HEADER, GLENFIELD],
    });
    const { pcns, problems } = await parseEpcnWorkbook(buf, 'ePCN.xlsx');
    expect(problems).toEqual([]);
    expect(pcns[0]).toMatchObject({ openDate: '2019-07-01', closeDate: '2023-03-31' });
  });
});

describe('parseEpcnWorkbook problems', () => {
  it.each<{ case: string; pcnRow: Record<number, string>; line: number; column: string; message: string }>([
    { case: 'bad open date', pcnRow: { 4: '20191301' }, line: 2, column: 'E', message: "open date '20191301' is not a date (expected YYYYMMDD)" },
    { case: 'empty open date', pcnRow: { 4: '' }, line: 2, column: 'E', message: 'open date is empty' },
    { case: 'bad PCN code', pcnRow: { 0: 'U 87499' }, line: 2, column: 'A', message: "PCN code 'U 87499' is not 3 to 10 capital letters or digits" },
    { case: 'bad sub-ICB code', pcnRow: { 2: 'QK1XYZ' }, line: 2, column: 'C', message: "sub-ICB location (CCG) code 'QK1XYZ' is not 3 to 5 capital letters or digits" },
  ])('PCNDetails: $case → row $line, column $column', async ({ pcnRow, line, column, message }) => {
    const row = G3.map((value, i) => (i in pcnRow ? pcnRow[i]! : value));
    const buf = await workbook({ PCNDetails: [PCN_HEADER, row], 'PCN Core Partner Details': [PARTNER_HEADER, GLENFIELD] });
    const { pcns, problems } = await parseEpcnWorkbook(buf, 'ePCN-2023-01.xlsx');
    expect(problems).toEqual([{ file: 'ePCN-2023-01.xlsx [PCNDetails]', line, column, message }]);
    expect(pcns).toEqual([]);
  });

  it('partner sheet: bad end date and a repeated membership, by row and column letter', async () => {
    const buf = await workbook({
      PCNDetails: [PCN_HEADER, G3],
      'PCN Core Partner Details': [PARTNER_HEADER, GLENFIELD, ['C82001', 'KIBWORTH', 'U50165', 'MH&B', '20190701', '20223101', true], GLENFIELD],
    });
    const { memberships, problems } = await parseEpcnWorkbook(buf, 'ePCN-2023-01.xlsx');
    expect(problems).toEqual([
      { file: 'ePCN-2023-01.xlsx [PCN Core Partner Details]', line: 3, column: 'F', message: "relationship end date '20223101' is not a date (expected YYYYMMDD)" },
      { file: 'ePCN-2023-01.xlsx [PCN Core Partner Details]', line: 4, column: 'A', message: 'C82056 joins U87499 on 1 April 2022 again (first on row 2)' },
    ]);
    expect(memberships.map((m) => m.line)).toEqual([2]);
  });

  it('a missing sheet is named, with the sheets the workbook has', async () => {
    const buf = await workbook({ PCNDetails: [PCN_HEADER, G3], Notes: [['read me']] });
    const { pcns, problems } = await parseEpcnWorkbook(buf, 'ePCN.xlsx');
    expect(pcns).toHaveLength(1);
    expect(problems).toEqual([{ file: 'ePCN.xlsx', message: 'sheet "PCN Core Partner Details" is missing; the workbook has "PCNDetails", "Notes"' }]);
  });

  it('a missing column is named on the header row', async () => {
    const buf = await workbook({ PCNDetails: [PCN_HEADER.filter((h) => h !== 'Close Date'), G3], 'PCN Core Partner Details': [PARTNER_HEADER, GLENFIELD] });
    const { problems } = await parseEpcnWorkbook(buf, 'ePCN.xlsx');
    expect(problems).toEqual([{ file: 'ePCN.xlsx [PCNDetails]', line: 1, wholeFile: true, message: 'required column "Close Date" is missing' }]);
  });

  it('bytes that are not a workbook are one problem', async () => {
    const { problems } = await parseEpcnWorkbook(Buffer.from('PCN Code,PCN Name\n'), 'ePCN.csv');
    expect(problems).toEqual([{ file: 'ePCN.csv', message: 'not a readable Excel workbook (.xlsx): it is damaged or cut short, or another kind of file; download it again from NHS England' }]);
  });
});
