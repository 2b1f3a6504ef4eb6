/** What a contract's value is: a yearly sum, the whole contract's, or an estimate of activity paid at tariff. */
export const valueBases = ['a_year', 'total', 'tariff'] as const;
export type ValueBasis = (typeof valueBases)[number];

/**
 * The words for each basis, read after the value ("£80,000 a year"): the web form's choices (with a
 * capital first letter), the register and contract pages, and the "Value basis" column of every
 * table (the register's download, the contracts export, `atscale contracts list`).
 */
export const valueBasisWords: Record<ValueBasis, string> = { a_year: 'a year', total: 'in total', tariff: 'estimated, paid at tariff' };

/** The one heading of the column that says which basis a value is on. */
export const valueBasisHeading = 'Value basis';
