import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull(), // admin | practice_manager | commissioner | clinician
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
});

/** The practices a practice manager (or clinician) works for: their scope. */
export const userPractices = pgTable(
  'user_practices',
  {
    userId: integer('user_id').notNull(),
    practiceCode: text('practice_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.practiceCode] })],
);

/** Sessions are looked up by a hash of the cookie's token, so a leaked table does not leak sessions. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Every change to stored data: who, when, what, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorLabel: text('actor_label').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action').notNull(), // create | update | delete | import | restore
    before: jsonb('before'),
    after: jsonb('after'),
    summary: text('summary'),
    /**
     * The row's place in the sealed chain, in the order rows were committed, and its seal: SHA-256
     * over the previous row's seal and this row's content (`audit_link`, migration 0032). Both are set
     * when its transaction commits; rows written before sealing began hold seal 'unsealed'.
     */
    seq: bigint('seq', { mode: 'number' }),
    hash: text('hash'),
  },
  (t) => [index('audit_record_idx').on(t.recordType, t.recordId), index('audit_at_idx').on(t.at), uniqueIndex('audit_seq_idx').on(t.seq)],
);
