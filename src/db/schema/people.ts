import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The people a federation's plans, risks and board actions name as owners, leads or attendees:
 * board members, managers, commissioners' staff. Plans often name them by initials ("GC/RB"), so
 * initials are kept. A person may also sign in (userId), but most never do.
 */
export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    initials: text('initials'),
    jobTitle: text('job_title'),
    organisation: text('organisation'),
    email: text('email'),
    userId: integer('user_id'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('people_name_key').on(t.name), uniqueIndex('people_initials_key').on(t.initials)],
);
