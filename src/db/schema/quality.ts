import { bigserial, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The indicator catalogue: what each quality or demand measure counts, in what unit, which way is
 * better and where its figures come from. QOF registers and local indicators are added by their imports.
 */
export const indicators = pgTable('indicators', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  numeratorDefinition: text('numerator_definition'),
  denominatorDefinition: text('denominator_definition'),
  unit: text('unit').notNull(), // proportion | rate_per_1000 | count | minutes
  polarity: text('polarity').notNull(), // higher | lower | neutral
  source: text('source').notNull(),
  cadence: text('cadence').notNull(), // month | year
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One practice's figure for one indicator in one period. `period` is the first day of a month, or
 * the last day of a QOF year (31 March). Exactly one row per practice, indicator and period.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorCode: text('indicator_code').notNull(),
    practiceCode: text('practice_code').notNull(),
    period: date('period').notNull(),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    value: doublePrecision('value').notNull(),
    source: text('source'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_values_key').on(t.indicatorCode, t.period, t.practiceCode), index('indicator_values_practice_idx').on(t.practiceCode, t.indicatorCode, t.period)],
);

/**
 * England's totals of each indicator in each period (every practice with a figure), kept by the
 * imports in the same transaction, so a dashboard reads one row instead of summing thousands.
 */
export const indicatorTotals = pgTable(
  'indicator_totals',
  {
    indicatorCode: text('indicator_code').notNull(),
    period: date('period').notNull(),
    practices: integer('practices').notNull(),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    valueSum: doublePrecision('value_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.period] })],
);

/** The minimum (and optionally the target) a practice should reach on an indicator. */
export const indicatorThresholds = pgTable(
  'indicator_thresholds',
  {
    id: serial('id').primaryKey(),
    indicatorCode: text('indicator_code').notNull(),
    minimum: doublePrecision('minimum'),
    target: doublePrecision('target'),
    note: text('note'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_thresholds_indicator_key').on(t.indicatorCode)],
);
