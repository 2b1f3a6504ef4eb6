/** What a contract's value is: a yearly sum, the whole contract's, or an estimate of activity paid at tariff. */
export const valueBases = ['a_year', 'total', 'tariff'] as const;
export type ValueBasis = (typeof valueBases)[number];

/** The words a table's "Value is" column writes for each basis (the register's download, the contracts export, `atscale contracts list`). */
export const valueBasisWords: Record<ValueBasis, string> = { a_year: 'a year', tariff: 'tariff, estimated', total: 'total' };
