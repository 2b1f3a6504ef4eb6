import { formatCount } from '../schemes/format-money.js';

/** How many codes a sentence names before it counts the rest. */
export const codesNamed = 10;

/** "A81001, A81002 and 6,199 more": the first codes, then how many others, so a national file reads as one line. */
export function sampleOfCodes(codes: readonly string[], named = codesNamed): string {
  const shown = codes.slice(0, named);
  const rest = codes.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${formatCount(rest)} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

const practices = (n: number) => (n === 1 ? '1 practice' : `${formatCount(n)} practices`);

/**
 * Why a file naming practices the registry does not hold was refused, and the way on, in one
 * sentence: "6,209 practices in this file are not in the registry (A81001, … and 6,199 more):
 * import the ODS practice file (epraccur) first, or " + `skipThem`, which each place words as its
 * people skip them (a box on the imports page, --skip-unknown on the command line).
 */
export function notInRegistrySentence(codes: readonly string[], skipThem: string): string {
  return `${practices(codes.length)} in this file ${codes.length === 1 ? 'is' : 'are'} not in the registry (${sampleOfCodes(codes)}): import the ODS practice file (epraccur) first, or ${skipThem}.`;
}

/** "Skipped 6,209 rows for 6,209 practices not in the registry: A81001, … and 6,199 more." `rows` names what was skipped: rows, memberships. */
export function skippedPracticesNote(skipped: number, rows: readonly [string, string], codes: readonly string[]): string {
  return `Skipped ${skipped === 1 ? `1 ${rows[0]}` : `${formatCount(skipped)} ${rows[1]}`} for ${practices(codes.length)} not in the registry: ${sampleOfCodes(codes)}.`;
}
