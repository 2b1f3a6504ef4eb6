import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Schemes funded per head and shared between practices. A scheme keeps every version of its
 * terms: a draft is edited in place, an approved version never changes (editing it makes the next
 * version). Delivered activity and hand schedules belong to one version. Money is integer pence.
 */
export const schemes = pgTable('schemes', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  /**
   * The name and funder of the approved version in force, what everyone reads in lists, statements and
   * exports; a draft's own (admins see them from the draft version) become these when it is approved.
   * Before any version is approved, the draft's.
   */
  name: text('name').notNull(),
  funder: text('funder').notNull(),
  /** The group (e.g. the federation) whose members take part when a definition names no practices. */
  groupId: integer('group_id'),
  /** The status of the latest version: draft | approved | superseded (in practice draft or approved: only an earlier version is superseded). */
  status: text('status').notNull(),
  /** The latest version's number (which may be a draft). */
  currentVersion: integer('current_version').notNull(),
  /** The day practices' activity returns are due (one date for the scheme, whichever version they go to); null when no date is set. */
  returnsDueOn: date('returns_due_on'),
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The index that lets one recorded invoice at a time hold an invoice reference, across all schemes. */
export const INVOICE_REFERENCE_KEY = 'scheme_versions_invoice_reference_key';

export const schemeVersions = pgTable(
  'scheme_versions',
  {
    id: serial('id').primaryKey(),
    schemeId: integer('scheme_id').notNull(),
    version: integer('version').notNull(),
    /** draft | approved | superseded (an approved version that a later approved version replaced). */
    status: text('status').notNull(),
    /** The validated SchemeDefinition with its practices resolved (list sizes filled in from the registry or given inline). */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    /** The registry list-size snapshot the practices' list sizes were taken from; null for an inline practice table. */
    listSnapshotDate: date('list_snapshot_date'),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /**
     * The day this version's payments were invoiced to the commissioner, and the invoice's reference.
     * Set, the version is settled: its activity returns and hand schedule no longer change.
     */
    invoicedOn: date('invoiced_on'),
    invoiceReference: text('invoice_reference'),
    /**
     * What the invoice was for, in pence, as the version's run gave it when "invoiced" was recorded:
     * the total, the delivered cost and the fee (null for a scheme without one). Null for an invoice
     * recorded before amounts were kept (migration 0029), whose amount is not known.
     */
    invoicedPence: bigint('invoiced_pence', { mode: 'number' }),
    invoicedDeliveredPence: bigint('invoiced_delivered_pence', { mode: 'number' }),
    invoicedFeePence: bigint('invoiced_fee_pence', { mode: 'number' }),
    /** The day the practices were paid on the invoiced figures, with a reference or remittance note; only once invoiced. */
    paidOn: date('paid_on'),
    paymentReference: text('payment_reference'),
    /** The total paid to the practices, in pence, when "paid" was recorded; null for a payment recorded before amounts were kept. */
    paidPence: bigint('paid_pence', { mode: 'number' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scheme_versions_key').on(t.schemeId, t.version),
    // A reference names one invoice: while an invoice is recorded under it, no other version of any scheme may be, however the case is written,
    // even two recorded at the same moment (the use case's check cannot see another transaction's); undone, it is free again.
    uniqueIndex(INVOICE_REFERENCE_KEY)
      .on(sql`upper(${t.invoiceReference})`)
      .where(sql`${t.invoicedOn} is not null and ${t.invoiceReference} is not null`),
  ],
);

/** Activity a practice returned under one delivery model: for the whole scheme (week null) or one week. */
export const schemeDelivered = pgTable(
  'scheme_delivered',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeId: integer('scheme_id').notNull(),
    version: integer('version').notNull(),
    practiceCode: text('practice_code').notNull(),
    modelId: text('model_id').notNull(),
    week: integer('week'),
    /** Units delivered (appointments, hours, sessions…); null where the return left the figure blank. */
    quantity: doublePrecision('quantity'),
    /** What the return says about taking part: yes | no | unknown, or null when it does not say. */
    takesPart: text('takes_part'),
    /** Where the figure came from: the uploaded file's name, or "api". */
    source: text('source').notNull(),
    line: integer('line'),
    /**
     * The day (in England) the practice's return was first received: kept when it is corrected, so a
     * return first received after the due date stays late. Null for a row that is not yet a return
     * (every figure blank) and for returns recorded before this was kept.
     */
    receivedOn: date('received_on'),
    /**
     * When the practice's return was last changed, and by whom (who sent it, or who recorded it for the
     * practice; an actor label): the same on every row of that save. A save that changes nothing
     * leaves it. Null where not known: returns loaded from a file of old returns (the demo's), and those
     * recorded before this was kept.
     */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: text('sent_by'),
  },
  (t) => [unique('scheme_delivered_key').on(t.schemeId, t.version, t.practiceCode, t.modelId, t.week).nullsNotDistinct(), index('scheme_delivered_version_idx').on(t.schemeId, t.version)],
);

/** A schedule someone worked out by hand (e.g. last year's spreadsheet), to check against the cost model. */
export const schemeHandSchedules = pgTable(
  'scheme_hand_schedules',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeId: integer('scheme_id').notNull(),
    version: integer('version').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    year: text('year').notNull(),
    /** null for the year's total across the practices. */
    practiceCode: text('practice_code'),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    line: integer('line'),
  },
  (t) => [unique('scheme_hand_schedules_key').on(t.schemeId, t.version, t.year, t.practiceCode).nullsNotDistinct()],
);

/**
 * Every invoice recorded under a reference, kept when "invoiced" is undone, so an audit line can say
 * what a reference named before it was given again. Which invoice holds a reference now is the
 * version's (`scheme_versions_invoice_reference_key`): undone, a reference is free again. Amounts in
 * pence, as the version kept them (null where an invoice recorded before amounts were kept is corrected).
 */
export const schemeInvoiceReferences = pgTable(
  'scheme_invoice_references',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reference: text('reference').notNull(),
    schemeId: integer('scheme_id').notNull(),
    version: integer('version').notNull(),
    invoicedOn: date('invoiced_on').notNull(),
    invoicedPence: bigint('invoiced_pence', { mode: 'number' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scheme_invoice_references_reference_idx').on(t.reference)],
);
