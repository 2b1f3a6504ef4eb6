import Papa from 'papaparse';
import type { Problem } from '../errors.js';
import { decodeText } from './decode-text.js';
import { normaliseName } from './header-columns.js';
import { parseNhsDate } from './nhs-dates.js';
import { parsePracticeStatus } from './practice-status.js';

/**
 * Recognises an NHS file from its first bytes, so an upload of the wrong file (a mapping file
 * offered as list sizes, a zip not yet unpacked) is refused with a message saying what it is,
 * instead of a page of row problems.
 */
export type NhsFileKind = 'epraccur' | 'patients-registered' | 'practice-map' | 'epcn';

const KIND_NAMES: Readonly<Record<NhsFileKind, string>> = {
  epraccur: 'an ODS epraccur file (GP practices / prescribing cost centres)',
  'patients-registered': 'a "Patients Registered at a GP Practice" totals file (gp-reg-pat-prac-all)',
  'practice-map': 'a "Patients Registered at a GP Practice" mapping file (gp-reg-pat-prac-map)',
  epcn: 'an ODS ePCN workbook (ePCN.xlsx)',
};

/** How a kind of file is named to people. */
export function describeNhsFileKind(kind: NhsFileKind): string {
  return KIND_NAMES[kind];
}

/**
 * The kind of NHS file whose first bytes (a few kilobytes are plenty) are `head`, or null.
 * `fileName` only settles a zip archive that does not show it is a workbook.
 */
export function detectNhsFile(head: Uint8Array | string, fileName: string): NhsFileKind | null {
  if (isZip(head)) return isWorkbook(head, fileName) ? 'epcn' : null;
  const text = typeof head === 'string' ? head.replace(/^\uFEFF/, '') : decodeText(head);
  const breakAt = text.search(/[\r\n]/);
  const firstLine = breakAt === -1 ? text : text.slice(0, breakAt);
  const fields = Papa.parse<string[]>(firstLine, { delimiter: ',' }).data[0] ?? [];

  const names = new Set(fields.map(normaliseName));
  const hasAny = (...wanted: string[]) => wanted.some((name) => names.has(normaliseName(name)));
  if (hasAny('EXTRACT_DATE')) {
    if (hasAny('NUMBER_OF_PATIENTS') && hasAny('CODE', 'PRACTICE_CODE')) return 'patients-registered';
    if (hasAny('PRACTICE_CODE') && hasAny('PCN_CODE', 'SUB_ICB_LOCATION_CODE', 'CCG_CODE')) return 'practice-map';
    return null;
  }
  // Headerless: recognise epraccur by its first row. A head cut mid-row still shows fields 1–13.
  const complete = breakAt !== -1 ? fields.length === 27 : fields.length >= 13;
  const looksLikeEpraccur =
    complete && /^[A-Z0-9]{3,10}$/.test(fields[0]?.trim() ?? '') && /^\d{8}$/.test(fields[10]?.trim() ?? '') && parseNhsDate(fields[10]!) !== null && parsePracticeStatus(fields[12] ?? '') !== null;
  return looksLikeEpraccur ? 'epraccur' : null;
}

/**
 * A problem refusing the file when it is not the `expected` kind, naming what it looks like
 * instead; null when it is the expected kind.
 */
export function wrongNhsFileProblem(head: Uint8Array | string, fileName: string, expected: NhsFileKind): Problem | null {
  const kind = detectNhsFile(head, fileName);
  if (kind === expected) return null;
  const wanted = `expected ${describeNhsFileKind(expected)}`;
  if (kind !== null) return { file: fileName, message: `this looks like ${describeNhsFileKind(kind)}; ${wanted}` };
  if (isZip(head)) return { file: fileName, message: `this is a zip archive: unzip it and choose the CSV inside; ${wanted}` };
  return { file: fileName, message: `this is not a file atscale recognises; ${wanted}` };
}

const ZIP_MAGIC = 'PK\u0003\u0004';

export function isZip(head: Uint8Array | string): boolean {
  if (typeof head === 'string') return head.startsWith(ZIP_MAGIC);
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

// Zip entry names are stored uncompressed; an Office workbook names its parts like this.
export function isWorkbook(head: Uint8Array | string, fileName: string): boolean {
  const raw = typeof head === 'string' ? head : new TextDecoder('latin1').decode(head.subarray(0, 64 * 1024));
  return raw.includes('[Content_Types].xml') || raw.includes('xl/') || /\.xlsx$/i.test(fileName);
}
