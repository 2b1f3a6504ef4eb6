import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Any group of practices: a federation, a PCN or ICB footprint, a locality (hub) inside one,
 * or a peer group an analyst defines. Dashboards compare a practice against any of them.
 */
export const practiceGroups = pgTable(
  'practice_groups',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // federation | pcn | icb_footprint | locality | peer_group
    parentId: integer('parent_id'),
    commissionerCode: text('commissioner_code'),
    description: text('description'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A name is unique among groups of its kind under the same parent: two federations may each have a "North" locality.
  (t) => [uniqueIndex('practice_groups_name_key').on(t.kind, sql`coalesce(${t.parentId}, 0)`, t.name), index('practice_groups_parent_idx').on(t.parentId)],
);

/** A practice's membership of a group from a start date, until an end date (inclusive) or open-ended. */
export const groupMemberships = pgTable(
  'group_memberships',
  {
    id: serial('id').primaryKey(),
    groupId: integer('group_id').notNull(),
    practiceCode: text('practice_code').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('group_memberships_key').on(t.groupId, t.practiceCode, t.startDate), index('group_memberships_practice_idx').on(t.practiceCode)],
);
