import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** NHS organisations other than practices: regions, ICBs, sub-ICB locations (formerly CCGs) and PCNs. */
export const organisations = pgTable('organisations', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // region | icb | sub_icb | pcn
  parentCode: text('parent_code'),
  openDate: date('open_date'),
  closeDate: date('close_date'),
  /** The date of the file its facts were last taken from: an older file leaves them alone. */
  sourceDate: date('source_date'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every prescribing cost centre from the ODS epraccur file, GP practices and others, keyed on the
 * ODS code (names change; codes do not). `sourceDate` is the ODS release this row reflects.
 */
export const practices = pgTable(
  'practices',
  {
    odsCode: text('ods_code').primaryKey(),
    name: text('name').notNull(),
    localName: text('local_name'),
    postcode: text('postcode'),
    address: text('address'),
    status: text('status').notNull(), // active | closed | dormant | proposed
    statusRaw: text('status_raw').notNull(),
    prescribingSetting: text('prescribing_setting').notNull(),
    isGpPractice: boolean('is_gp_practice').notNull(),
    nationalGrouping: text('national_grouping'),
    highLevelGeography: text('high_level_geography'),
    commissionerCode: text('commissioner_code'),
    providerCode: text('provider_code'),
    openDate: date('open_date'),
    closeDate: date('close_date'),
    joinParentDate: date('join_parent_date'),
    leftParentDate: date('left_parent_date'),
    phone: text('phone'),
    pcnCode: text('pcn_code'),
    icbCode: text('icb_code'),
    supplier: text('supplier'),
    notes: text('notes'),
    sourceDate: date('source_date'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Only practices in a PCN are looked up by it: the ODS import, which leaves every PCN empty, adds nothing to this index.
  (t) => [index('practices_commissioner_idx').on(t.commissionerCode), index('practices_pcn_idx').on(t.pcnCode).where(sql`${t.pcnCode} IS NOT NULL`)],
);

/** What a practice looked like from a date: one row each time an import changed its name, status, commissioner or PCN. */
export const practiceHistory = pgTable(
  'practice_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    odsCode: text('ods_code').notNull(),
    validFrom: date('valid_from').notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    jobId: text('job_id'),
  },
  (t) => [index('practice_history_code_idx').on(t.odsCode, t.validFrom)],
);

/** A practice's registered list at a date, from a "Patients registered at a GP practice" file. */
export const listSizes = pgTable(
  'list_sizes',
  {
    odsCode: text('ods_code').notNull(),
    snapshotDate: date('snapshot_date').notNull(),
    patients: integer('patients').notNull(),
    commissionerCode: text('commissioner_code'),
    jobId: text('job_id'),
  },
  (t) => [primaryKey({ columns: [t.odsCode, t.snapshotDate] }), index('list_sizes_date_idx').on(t.snapshotDate)],
);

/** Practice → PCN membership with its dates; history rows (ended memberships) are kept. */
export const pcnMemberships = pgTable(
  'pcn_memberships',
  {
    id: serial('id').primaryKey(),
    practiceCode: text('practice_code').notNull(),
    pcnCode: text('pcn_code').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('pcn_memberships_key').on(t.practiceCode, t.pcnCode, t.startDate)],
);

/** Long-running work (imports, demo load) with progress the web UI and CLI can follow. */
export const jobs = pgTable('jobs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  fileName: text('file_name'),
  status: text('status').notNull(), // queued | running | succeeded | failed
  progressDone: integer('progress_done').notNull().default(0),
  progressTotal: integer('progress_total').notNull().default(0),
  message: text('message'),
  result: jsonb('result').$type<Record<string, unknown>>(),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** Renewed while the job's process works on it: a running job whose heartbeat stopped was left by a server that stopped. */
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().default(sql`now()`),
});
