import { bigint, date, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { schemes } from './schemes.js';

/**
 * The federation's finance plan. Money is integer pence; financial years are text "2018/19".
 * Totals (by funder and year, subtotals, the I&E result, the cash flow) are never stored: they are
 * added up from these rows when read.
 */
const pence = (name: string) => bigint(name, { mode: 'number' });
const audited = {
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** The years the plan covers; an I&E line or running cost outside them is refused. Each year's opening cash and the balance to warn below. */
export const financeYears = pgTable('finance_years', {
  id: serial('id').primaryKey(),
  financialYear: text('financial_year').notNull().unique(),
  openingBalancePence: pence('opening_balance_pence').notNull().default(0),
  cashThresholdPence: pence('cash_threshold_pence').notNull().default(0),
  notes: text('notes'),
  /**
   * The day (in England) the year's accounts were closed, and who closed them ("Name <address>"):
   * while set, nothing that would change the year's figures is written (src/app/finance/closed-years.ts).
   * Reopening clears both; the audit keeps every closing and reopening with its reason.
   */
  closedOn: date('closed_on'),
  closedBy: text('closed_by'),
  ...audited,
});

/** A source of income: who pays, for what, how sure it is, and how it is paid. */
export const incomeStreams = pgTable(
  'income_streams',
  {
    id: serial('id').primaryKey(),
    funder: text('funder').notNull(),
    name: text('name').notNull(),
    /** secured | potential | ended */
    status: text('status').notNull(),
    /** monthly | quarterly | annually | on_claim */
    frequency: text('frequency').notNull().default('monthly'),
    arrearsMonths: integer('arrears_months').notNull().default(0),
    /** The share paid on to practices, in basis points (9500 = 95%). */
    practicesShareBasisPoints: integer('practices_share_basis_points').notNull().default(0),
    contractReference: text('contract_reference'),
    endDate: date('end_date'),
    comment: text('comment'),
    /** The scheme this stream pays for: the cash flow then takes the scheme's own figures (invoice, payments to practices). */
    schemeId: integer('scheme_id').references(() => schemes.id, { onDelete: 'set null' }),
    ...audited,
  },
  (t) => [unique('income_streams_funder_name_status').on(t.funder, t.name, t.status), unique('income_streams_scheme').on(t.schemeId)],
);

/** A stream's amount in one financial year. */
export const incomeStreamYears = pgTable(
  'income_stream_years',
  {
    id: serial('id').primaryKey(),
    streamId: integer('stream_id')
      .notNull()
      .references(() => incomeStreams.id, { onDelete: 'cascade' }),
    financialYear: text('financial_year').notNull(),
    amountPence: pence('amount_pence').notNull(),
    ...audited,
  },
  (t) => [unique('income_stream_years_stream_year').on(t.streamId, t.financialYear), index('income_stream_years_year').on(t.financialYear)],
);

/** An income line of a year's I&E (secured or potential): what the federation itself keeps, which may be a stream's net share. */
export const ieIncomeLines = pgTable(
  'ie_income_lines',
  {
    id: serial('id').primaryKey(),
    financialYear: text('financial_year').notNull(),
    /** secured | potential */
    section: text('section').notNull(),
    line: text('line').notNull(),
    amountPence: pence('amount_pence').notNull(),
    comment: text('comment'),
    streamId: integer('stream_id').references(() => incomeStreams.id, { onDelete: 'set null' }),
    /** The scheme whose federation fee this line is: the I&E then also shows the fee the schemes engine works out. */
    schemeId: integer('scheme_id').references(() => schemes.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    ...audited,
  },
  (t) => [unique('ie_income_lines_year_section_line').on(t.financialYear, t.section, t.line), unique('ie_income_lines_scheme').on(t.schemeId)],
);

/** A running-cost budget line of a year (staff, premises, IT, insurance, professional fees…). */
export const runningCostLines = pgTable(
  'running_cost_lines',
  {
    id: serial('id').primaryKey(),
    financialYear: text('financial_year').notNull(),
    category: text('category').notNull(),
    line: text('line').notNull(),
    amountPence: pence('amount_pence').notNull(),
    comment: text('comment'),
    frequency: text('frequency').notNull().default('monthly'),
    arrearsMonths: integer('arrears_months').notNull().default(0),
    ...audited,
  },
  (t) => [unique('running_cost_lines_year_line').on(t.financialYear, t.line)],
);

/** A cost-saving initiative's expected and realised saving in a year, and who benefits. */
export const costSavings = pgTable(
  'cost_savings',
  {
    id: serial('id').primaryKey(),
    initiative: text('initiative').notNull(),
    financialYear: text('financial_year').notNull(),
    expectedPence: pence('expected_pence').notNull(),
    realisedPence: pence('realised_pence'),
    /** practices | federation */
    beneficiary: text('beneficiary').notNull().default('practices'),
    comment: text('comment'),
    ...audited,
  },
  (t) => [unique('cost_savings_initiative_year').on(t.initiative, t.financialYear)],
);
