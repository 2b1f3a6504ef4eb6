import { bigint, customType, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const timestamps = () => ({
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Head contracts the federation holds (a council's community-based services contract, a tariff
 * contract, a grant agreement), with their key dates. Money is integer pence; shares are basis
 * points (9,500 = 95%).
 */
export const contracts = pgTable('contracts', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  reference: text('reference'),
  commissioner: text('commissioner').notNull(),
  /** Everyone who signed the head contract, as written in it. */
  parties: text('parties').notNull(),
  /** The group (federation, locality) whose practices may be sub-contracted. */
  footprintGroupId: integer('footprint_group_id').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  renewalDate: date('renewal_date'),
  noticePeriodDays: integer('notice_period_days'),
  valuePence: bigint('value_pence', { mode: 'number' }),
  /** What the value is: a_year | total | tariff (paid per activity at tariff; the value is an estimate). */
  valueBasis: text('value_basis').notNull(),
  federationFeeBp: integer('federation_fee_bp').notNull(),
  description: text('description'),
  ...timestamps(),
});

/** A practice sub-contracted under a head contract: its share of the tariff and the date it signed (null until it does). */
export const subContracts = pgTable(
  'sub_contracts',
  {
    id: serial('id').primaryKey(),
    contractId: integer('contract_id').notNull(),
    practiceCode: text('practice_code').notNull(),
    signedDate: date('signed_date'),
    shareBp: integer('share_bp').notNull(),
    notes: text('notes'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('sub_contracts_key').on(t.contractId, t.practiceCode), index('sub_contracts_practice_idx').on(t.practiceCode)],
);

/** A signed copy or schedule of a head contract (PDF or Word), kept with the contract. */
export const contractDocuments = pgTable(
  'contract_documents',
  {
    id: serial('id').primaryKey(),
    contractId: integer('contract_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contract_documents_contract_idx').on(t.contractId)],
);

/** A fund given per registered patient for a footprint, with a rate for each financial year and the list snapshot it uses. */
export const funds = pgTable('funds', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  commissioner: text('commissioner').notNull(),
  footprintGroupId: integer('footprint_group_id').notNull(),
  listSnapshotDate: date('list_snapshot_date').notNull(),
  /** [{ year: "2018/19", ratePence: 200 }], one per financial year, in order. */
  rates: jsonb('rates').$type<{ year: string; ratePence: number }[]>().notNull(),
  description: text('description'),
  ...timestamps(),
});

/** A locality's (or one practice's) application for part of a fund, and the commissioner's decision. */
export const fundApplications = pgTable(
  'fund_applications',
  {
    id: serial('id').primaryKey(),
    fundId: integer('fund_id').notNull(),
    /** The locality whose allocation the money comes from. */
    localityGroupId: integer('locality_group_id').notNull(),
    /** Set when one practice applies (from its own share, inside its locality's). */
    practiceCode: text('practice_code'),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    milestones: text('milestones'),
    requestedPence: bigint('requested_pence', { mode: 'number' }).notNull(),
    /** submitted | approved | part_approved | rejected | withdrawn */
    status: text('status').notNull(),
    approvedPence: bigint('approved_pence', { mode: 'number' }),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The day the decision was made, as the decider gives it (a decision recorded after the event); decidedAt is when it was recorded. */
    decidedOn: date('decided_on'),
    /** Who withdrew it, and when, while it waited for a decision (the applicant: a practice manager for their practice, or an admin). */
    withdrawnBy: text('withdrawn_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    submittedBy: text('submitted_by').notNull(),
    /**
     * The day the application was made (a paper one recorded later is dated then); a decision is not
     * dated before it. None for one recorded before atscale asked (the day it was made is not known).
     */
    submittedOn: date('submitted_on'),
    ...timestamps(),
  },
  (t) => [index('fund_applications_fund_idx').on(t.fundId)],
);

/** A costed line of an application's business case. */
export const applicationLines = pgTable(
  'application_lines',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id').notNull(),
    lineNo: integer('line_no').notNull(),
    description: text('description').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('application_lines_key').on(t.applicationId, t.lineNo)],
);

/** Money drawn down against an approved application, with the evidence for it. */
export const drawdowns = pgTable(
  'drawdowns',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    drawnOn: date('drawn_on').notNull(),
    evidence: text('evidence').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drawdowns_application_idx').on(t.applicationId)],
);
