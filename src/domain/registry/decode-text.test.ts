import { describe, expect, it } from 'vitest';
import { decodeText, textOf } from './decode-text.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('decodeText', () => {
  it.each([
    { case: 'plain ASCII', input: bytes(...ascii('"A81001","X"')), expected: '"A81001","X"' },
    { case: 'UTF-8 BOM is dropped', input: bytes(0xef, 0xbb, 0xbf, ...ascii('CODE')), expected: 'CODE' },
    { case: 'UTF-8 é', input: bytes(...ascii('CAF'), 0xc3, 0xa9), expected: 'CAFé' },
    { case: 'UTF-8 with BOM and é', input: bytes(0xef, 0xbb, 0xbf, 0x52, 0xc3, 0xa9), expected: 'Ré' },
    { case: 'windows-1252 é (0xE9) is not UTF-8', input: bytes(...ascii('RENE'), 0xe9), expected: 'RENEé' },
    { case: 'windows-1252 euro sign 0x80', input: bytes(0x80, ...ascii('5')), expected: '€5' },
    { case: 'windows-1252 curly apostrophe 0x92', input: bytes(...ascii('ST MARY'), 0x92, ...ascii('S')), expected: 'ST MARY’S' },
    { case: 'windows-1252 en dash 0x96 and pound 0xA3', input: bytes(0x96, 0xa3), expected: '–£' },
    { case: 'windows-1252 byte 0x81 has no character and stays U+0081', input: bytes(0x81, 0xe9), expected: '\u0081é' },
    { case: 'empty', input: bytes(), expected: '' },
    { case: 'UTF-16LE with its BOM (Windows "Unicode" text), £ included', input: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('CODE,£\r\n', 'utf16le')])), expected: 'CODE,£\r\n' },
    { case: 'UTF-16BE with its BOM', input: bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xa3), expected: 'A£' },
  ])('$case', ({ input, expected }) => {
    expect(decodeText(input)).toBe(expected);
  });
});

describe('textOf', () => {
  it.each([
    { case: 'string with a BOM', input: '\uFEFFCODE', expected: 'CODE' },
    { case: 'string without a BOM', input: 'CODE', expected: 'CODE' },
    { case: 'bytes', input: bytes(0xef, 0xbb, 0xbf, 0x41), expected: 'A' },
  ])('$case', ({ input, expected }) => {
    expect(textOf(input)).toBe(expected);
  });
});
