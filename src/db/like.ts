/** Text for a LIKE or ILIKE pattern, matched as typed: its % and _ (and \) are not wildcards. */
export const likeText = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
