import { boolean, date, integer, pgView, text, timestamp } from 'drizzle-orm/pg-core';

/** Defined in migration 0001_practice_overview.sql; declared here so queries are typed. */
export const practiceOverview = pgView('practice_overview', {
  odsCode: text('ods_code').notNull(),
  displayName: text('display_name').notNull(),
  name: text('name').notNull(),
  localName: text('local_name'),
  status: text('status').notNull(),
  isGpPractice: boolean('is_gp_practice').notNull(),
  prescribingSetting: text('prescribing_setting').notNull(),
  commissionerCode: text('commissioner_code'),
  commissionerName: text('commissioner_name'),
  pcnCode: text('pcn_code'),
  pcnName: text('pcn_name'),
  icbCode: text('icb_code'),
  icbName: text('icb_name'),
  postcode: text('postcode'),
  address: text('address'),
  openDate: date('open_date'),
  closeDate: date('close_date'),
  phone: text('phone'),
  notes: text('notes'),
  sourceDate: date('source_date'),
  listSize: integer('list_size'),
  listSizeDate: date('list_size_date'),
  locality: text('locality'),
  rowVersion: integer('row_version').notNull(),
}).existing();

/** Defined in migration 0002_membership_overview.sql. */
export const membershipOverview = pgView('membership_overview', {
  id: integer('id').notNull(),
  groupId: integer('group_id').notNull(),
  groupName: text('group_name').notNull(),
  groupKind: text('group_kind').notNull(),
  groupParentId: integer('group_parent_id'),
  practiceCode: text('practice_code').notNull(),
  practiceName: text('practice_name'),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  current: boolean('current').notNull(),
  rowVersion: integer('row_version').notNull(),
}).existing();

/** Defined in migration 0002_membership_overview.sql: users without password hashes. */
export const userOverview = pgView('user_overview', {
  id: integer('id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  disabled: boolean('disabled').notNull(),
  practiceCodes: text('practice_codes').notNull(),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  rowVersion: integer('row_version').notNull(),
}).existing();
