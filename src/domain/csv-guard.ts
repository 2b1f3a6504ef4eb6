/**
 * Text a spreadsheet would run as a formula when it opens a CSV: it starts with =, +, -, @, a tab
 * or a carriage return. Text that is wholly a number ("-12.5") is a number, not a formula.
 */
const runsAsFormula = (text: string) => /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text);

/** What a CSV download writes for a text cell: a leading ' where a spreadsheet would run it (shown, not run). */
export const guardFormula = (text: string): string => (runsAsFormula(text) ? `'${text}` : text);

/**
 * What an import reads from a cell: the text as it was before `guardFormula`, so a download
 * imported again gives back "- first step" and "+44 116…", not "'- first step".
 */
export const unguardFormula = (text: string): string => (text.startsWith("'") && runsAsFormula(text.slice(1)) ? text.slice(1) : text);
