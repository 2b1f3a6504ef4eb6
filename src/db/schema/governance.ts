import { customType, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The risk register. Owners are kept as typed ("JW", "GC/RB") and linked to people by id
 * (`ownerPersonIds`, worked out when saved). Likelihood and impact are 1–5; either may be unset
 * (the ELR seed gives likelihood as L/M/H, kept in `likelihoodRaw`, and no impact at all).
 */
export const risks = pgTable(
  'risks',
  {
    id: serial('id').primaryKey(),
    ref: text('ref').notNull(),
    risk: text('risk').notNull(),
    causeEffect: text('cause_effect'),
    context: text('context'),
    ownerText: text('owner_text'),
    ownerPersonIds: integer('owner_person_ids').array().notNull().default([]),
    likelihood: integer('likelihood'),
    likelihoodRaw: text('likelihood_raw'),
    impact: integer('impact'),
    targetScore: integer('target_score'),
    mitigation: text('mitigation'),
    reviewDate: date('review_date'),
    status: text('status').notNull().default('open'), // open | closed
    /** The day it was closed (today unless given); none while open. */
    closedOn: date('closed_on'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('risks_ref_key').on(t.ref)],
);

/** Every score a risk has had, with when and by whom; a row is added whenever likelihood or impact changes. */
export const riskScoreHistory = pgTable(
  'risk_score_history',
  {
    id: serial('id').primaryKey(),
    riskId: integer('risk_id').notNull().references(() => risks.id, { onDelete: 'cascade' }),
    likelihood: integer('likelihood'),
    impact: integer('impact'),
    score: integer('score'),
    recordedOn: date('recorded_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('risk_score_history_risk_idx').on(t.riskId)],
);

/** A board (or programme board) meeting: agenda, attendees, decisions; actions point at the meeting that raised them. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    heldOn: date('held_on'),
    agenda: text('agenda'),
    attendees: text('attendees'),
    decisions: text('decisions'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meetings_title_key').on(t.title)],
);

/** The board action log: raised at a meeting, carried forward, closed with an outcome. */
export const boardActions = pgTable(
  'board_actions',
  {
    id: serial('id').primaryKey(),
    ref: text('ref').notNull(),
    action: text('action').notNull(),
    ownerText: text('owner_text'),
    ownerPersonIds: integer('owner_person_ids').array().notNull().default([]),
    dueDate: date('due_date'),
    status: text('status').notNull().default('open'), // open | carried_forward | closed
    outcome: text('outcome'),
    /** The day it was closed (today unless given); none while open or carried forward. */
    closedOn: date('closed_on'),
    meetingId: integer('meeting_id').references(() => meetings.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('board_actions_ref_key').on(t.ref), index('board_actions_meeting_idx').on(t.meetingId)],
);

/** Dated updates on an action, appended and never overwritten. */
export const boardActionUpdates = pgTable(
  'board_action_updates',
  {
    id: serial('id').primaryKey(),
    actionId: integer('action_id').notNull().references(() => boardActions.id, { onDelete: 'cascade' }),
    enteredOn: date('entered_on').notNull(),
    text: text('text').notNull(),
    enteredBy: text('entered_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('board_action_updates_action_idx').on(t.actionId)],
);

/** The library of policies, protocols and templates; `practiceCodes` are the practices that must acknowledge. */
export const policies = pgTable(
  'policies',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    kind: text('kind').notNull(), // policy | protocol | template
    description: text('description'),
    version: text('version').notNull(),
    ownerText: text('owner_text'),
    ownerPersonIds: integer('owner_person_ids').array().notNull().default([]),
    approvedOn: date('approved_on'),
    reviewDate: date('review_date'),
    acknowledgeBy: date('acknowledge_by'),
    practiceCodes: text('practice_codes').array().notNull().default([]),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policies_title_key').on(t.title)],
);

/**
 * The files of a policy (PDF or DOCX, checked by their first bytes), every one kept: the newest is
 * the current file, and earlier ones stay so a practice can see what it acknowledged.
 */
export const policyFiles = pgTable(
  'policy_files',
  {
    id: serial('id').primaryKey(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    /** The policy's version when the file was uploaded. */
    version: text('version'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_files_policy_idx').on(t.policyId)],
);

/** Who acknowledged which version of a policy for a practice, and when. */
export const policyAcknowledgements = pgTable(
  'policy_acknowledgements',
  {
    id: serial('id').primaryKey(),
    policyId: integer('policy_id').notNull().references(() => policies.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    practiceCode: text('practice_code').notNull(),
    acknowledgedBy: text('acknowledged_by').notNull(),
    userId: integer('user_id'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policy_acknowledgements_key').on(t.policyId, t.version, t.practiceCode)],
);
