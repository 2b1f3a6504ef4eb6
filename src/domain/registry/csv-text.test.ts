import { describe, expect, it } from 'vitest';
import { csvText } from './csv-text.js';

const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join(' '))]);
const refusal = (file: { name: string; content: Uint8Array }) => {
  try {
    csvText(file);
    return null;
  } catch (error) {
    return (error as { problems: { message: string }[] }).problems[0]!.message;
  }
};

describe('csvText', () => {
  it.each([
    ['a workbook renamed .csv', { name: 'risks.csv', content: zip('[Content_Types].xml', 'xl/workbook.xml') }, /^this is an Excel workbook, not a CSV file: /],
    ['a zip a download came in', { name: 'returns.csv', content: zip('returns.csv') }, /^this is a zip archive, not a CSV file: unzip it/],
  ])('refuses %s as what it is', (_case, file, message) => {
    expect(refusal(file)).toMatch(message);
  });

  it('reads a CSV, its byte-order mark dropped', () => {
    expect(csvText({ name: 'risks.csv', content: Buffer.from('\ufeffid,risk\n1,Estates\n') })).toBe('id,risk\n1,Estates\n');
  });
});
