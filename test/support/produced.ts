const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a file says of who produced it and when (`producedWords`), "26 November 2026 at 6:51pm by Jo Walker, with atscale", as a pattern's source. */
export const producedPattern = (name: string) => `\\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{1,2}:\\d{2}[ap]m by ${escaped(name)}, with atscale`;

/** A workbook's "Produced" cell: that and nothing else. */
export const producedBy = (name: string) => new RegExp(`^${producedPattern(name)}$`);
