import { invalid, type Problem } from '../errors.js';
import { decodeText } from './decode-text.js';
import { isWorkbook, isZip } from './detect-nhs-file.js';

/**
 * A CSV file's text for an import. A workbook or another zip file chosen in its place (an .xlsx
 * renamed .csv, or the zip a download came in) is refused as what it is, rather than read as
 * garbled text whose header "lacks columns".
 */
export function csvText(file: { name: string; content: Uint8Array }): string {
  if (isZip(file.content)) {
    const message = isWorkbook(file.content, file.name)
      ? 'this is an Excel workbook, not a CSV file: open it in Excel, save it as "CSV UTF-8 (Comma delimited)", and choose that file'
      : 'this is a zip archive, not a CSV file: unzip it and choose the CSV inside';
    throw invalid(`${file.name} is not a CSV file`, [{ file: file.name, line: 1, message }]);
  }
  return decodeText(file.content);
}

/** A file with a header and nothing under it: said, so an import of it does not read as done. */
export const noRowsProblem = (file: string): Problem => ({ file, line: 2, message: 'the file has a header but no rows under it: nothing to import' });
