/**
 * NHS open-data files are published as UTF-8 (sometimes with a BOM, when saved from Excel), but
 * older ODS extracts and files re-saved on Windows arrive as windows-1252. Trying strict UTF-8
 * first is safe: windows-1252 text with accented names (e.g. byte 0xE9) is almost never valid UTF-8.
 */
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeText(buf: Uint8Array): string {
  // "Unicode" text as Windows saves it (PowerShell's Out-File, some reporting tools): UTF-16 with its
  // byte-order mark. Read as bytes, every other character would be a NUL and no header would match.
  const utf16 = utf16Encoding(buf);
  if (utf16) return new TextDecoder(utf16, { ignoreBOM: false }).decode(buf);
  const body = hasUtf8Bom(buf) ? buf.subarray(UTF8_BOM.length) : buf;
  try {
    // ignoreBOM: the BOM is already gone; a second one would be content, not a marker.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

// Bytes 0x80–0x9F, where windows-1252 differs from latin-1 (€, curly quotes, dashes…). Some Node
// builds decode the 'windows-1252' label as latin-1, so these are mapped here whatever the build.
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Text as a parser wants it: bytes are decoded, and a BOM left in an already-decoded string is dropped. */
export function textOf(input: string | Uint8Array): string {
  if (typeof input !== 'string') return decodeText(input);
  return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
}

function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

function utf16Encoding(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 2) return null;
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  return buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : null;
}
