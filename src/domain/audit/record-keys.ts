import { dateInWords } from '../iso-date.js';

/*
 * Some audited things are facts rather than records with an id, kept under a key made of what they
 * are about: a list size under its practice and date ("C82010@2025-04-01"), an indicator's figure
 * under the indicator, practice and period ("DNA_RATE/C82010@2025-04-01"). Their keys read back as words.
 */

/** "C82010@2025-04-01" → "List size of C82010 at 1 April 2025". */
function listSizeName(key: string): string | null {
  const [code, date] = key.split('@');
  return code && date ? `List size of ${code} at ${dateInWords(date)}` : null;
}

/** "DNA_RATE/C82010@2025-04-01" → "DNA_RATE for C82010 at 1 April 2025". */
function indicatorValueName(key: string): string | null {
  const match = /^([^/]+)\/([^@]+)@(.+)$/.exec(key);
  return match ? `${match[1]} for ${match[2]} at ${dateInWords(match[3]!)}` : null;
}

/** The audited facts whose key names them, by record type. */
export const namesFromKeys: Readonly<Record<string, (key: string) => string | null>> = {
  list_size: listSizeName,
  indicator_value: indicatorValueName,
};
