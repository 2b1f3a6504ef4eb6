import { describe, expect, it } from 'vitest';
import { detectNhsFile, wrongNhsFileProblem } from './detect-nhs-file.js';
import { readNhsData } from '../../../test/support/nhs-files.js';

const head = (name: string, bytes = 4096) => readNhsData(name).subarray(0, bytes);

describe('detectNhsFile on the first bytes of real files', () => {
  it.each([
    ['epraccur-2018-06.csv', 'epraccur'],
    ['epraccur-2022-12.csv', 'epraccur'],
    ['epraccur-2026-06.csv', 'epraccur'],
    ['gp-reg-pat-prac-all-2025-04.csv', 'patients-registered'],
    ['gp-reg-pat-prac-all-2021-01.csv', 'patients-registered'],
    ['gp-reg-pat-prac-map-2026-08.csv', 'practice-map'],
    ['ePCN-2023-01.xlsx', 'epcn'],
    // QOF files are NHS files too, but not ones the registry imports.
    ['MAPPING_NHS_GEOGRAPHIES_2223.csv', null],
    ['PREVALENCE_2223.csv', null],
  ] as const)('%s → %s', (name, expected) => {
    expect(detectNhsFile(head(name), name)).toBe(expected);
  });

  it('recognises epraccur from a head cut inside the first row', () => {
    expect(detectNhsFile(head('epraccur-2018-06.csv', 150), 'x.csv')).toBe('epraccur');
  });

  it('takes a decoded string as well as bytes', () => {
    expect(detectNhsFile(head('gp-reg-pat-prac-map-2026-08.csv').toString('latin1'), 'x.csv')).toBe('practice-map');
  });
});

describe('detectNhsFile on small inputs', () => {
  it.each([
    { case: 'totals header with a BOM', head: '\uFEFFPUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n', expected: 'patients-registered' },
    { case: 'old mapping header', head: 'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,CCG_CODE,STP_CODE\n', expected: 'practice-map' },
    { case: 'a zip that is not a workbook', head: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, ...new TextEncoder().encode('gp-reg-pat-prac-all.csv')]), expected: null },
    { case: 'a zip named .xlsx', head: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), name: 'ePCN.xlsx', expected: 'epcn' },
    { case: 'an epraccur-like row with a bad status', head: `"A81001",${'"x",'.repeat(9)}"19740401","","Q",${'"",'.repeat(13)}""\n`, expected: null },
    { case: 'empty', head: '', expected: null },
    { case: 'prose', head: 'Hello, world\n', expected: null },
  ])('$case → $expected', ({ head: h, name, expected }) => {
    expect(detectNhsFile(h, name ?? 'upload.csv')).toBe(expected);
  });
});

describe('wrongNhsFileProblem', () => {
  it('is null for the expected kind', () => {
    expect(wrongNhsFileProblem(head('epraccur-2026-06.csv'), 'epraccur.csv', 'epraccur')).toBeNull();
  });

  it.each([
    {
      case: 'a mapping file offered as list sizes',
      head: head('gp-reg-pat-prac-map-2026-08.csv'),
      expected: 'patients-registered',
      message:
        'this looks like a "Patients Registered at a GP Practice" mapping file (gp-reg-pat-prac-map); expected a "Patients Registered at a GP Practice" totals file (gp-reg-pat-prac-all)',
    },
    {
      case: 'a workbook offered as epraccur',
      head: head('ePCN-2023-01.xlsx'),
      expected: 'epraccur',
      message: 'this looks like an ODS ePCN workbook (ePCN.xlsx); expected an ODS epraccur file (GP practices / prescribing cost centres)',
    },
    {
      case: 'a zip still packed',
      head: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      expected: 'patients-registered',
      message: 'this is a zip archive: unzip it and choose the CSV inside; expected a "Patients Registered at a GP Practice" totals file (gp-reg-pat-prac-all)',
    },
    { case: 'something else', head: 'a,b\n1,2\n', expected: 'epraccur', message: 'this is not a file atscale recognises; expected an ODS epraccur file (GP practices / prescribing cost centres)' },
  ] as const)('$case', ({ head: h, expected, message }) => {
    expect(wrongNhsFileProblem(h, 'upload', expected)).toEqual({ file: 'upload', message });
  });
});
