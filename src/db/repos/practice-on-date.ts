import { sql, type SQL } from 'drizzle-orm';
import { pcnSources } from '../../domain/registry/pcn-sources.js';
import { pcnMemberships, practiceHistory, practices } from '../schema/index.js';

/*
 * A practice's facts as they were on a date, as SQL over `practices` (the table itself, not an
 * alias): the registry keeps today's facts in the row and what each ODS file changed in
 * practice_history, so a past date reads back through the changes made since.
 */

/**
 * A practice's commissioner as it was on `date`, for a query over `practices`: the one the first
 * ODS change of commissioner after that date replaced (a change dated by the join date the file
 * gave with it, where it gave one), or today's when none has changed it since
 * (a registry built from one ODS file has no history, so it answers with today's).
 */
export function commissionerOn(date: string): SQL<string | null> {
  // The day of the move: the join date the ODS file gave with it, else the file's own date.
  const movedOn = sql`coalesce((${practiceHistory.snapshot} ->> 'joinedCommissionerOn')::date, ${practiceHistory.validFrom})`;
  const changedAfter = sql`${practiceHistory.odsCode} = ${practices.odsCode} AND ${movedOn} > ${date} AND ${practiceHistory.changedFields} @> '["commissionerCode"]'::jsonb`;
  const replaced = sql`SELECT ${practiceHistory.snapshot} #>> '{before,commissionerCode}' FROM ${practiceHistory} WHERE ${changedAfter} ORDER BY ${movedOn}, ${practiceHistory.id} LIMIT 1`;
  return sql<string | null>`(CASE WHEN EXISTS (SELECT 1 FROM ${practiceHistory} WHERE ${changedAfter}) THEN (${replaced}) ELSE ${practices.commissionerCode} END)`;
}

/**
 * A practice's ODS status on `date`: the one the first ODS change of status after that date
 * replaced (dated by the file that showed it, as the files give no date for a practice going
 * dormant), or today's when none has changed it since. So a practice dormant now was active on a
 * date before an ODS file first showed it dormant.
 */
export function statusOn(date: string): SQL<string> {
  const changedAfter = sql`${practiceHistory.odsCode} = ${practices.odsCode} AND ${practiceHistory.validFrom} > ${date} AND ${practiceHistory.changedFields} @> '["status"]'::jsonb`;
  const replaced = sql`SELECT ${practiceHistory.snapshot} #>> '{before,status}' FROM ${practiceHistory} WHERE ${changedAfter} ORDER BY ${practiceHistory.validFrom}, ${practiceHistory.id} LIMIT 1`;
  return sql<string>`coalesce((${replaced}), ${practices.status})`;
}

/**
 * A practice's PCN on `date`, from its dated PCN memberships: the one covering the date; none in a
 * gap after one ended, or before the first one ePCN dates (its dates are real). Before a first one
 * that only a mapping file dates (the file's date, not when the practice joined), that one, as a
 * list size before the first snapshot is the first. A practice with no membership rows has today's
 * PCN, whatever set it.
 */
export function pcnOn(date: string): SQL<string | null> {
  const ofPractice = sql`${pcnMemberships.practiceCode} = ${practices.odsCode}`;
  const covering = sql`SELECT ${pcnMemberships.pcnCode} FROM ${pcnMemberships} WHERE ${ofPractice} AND ${pcnMemberships.startDate} <= ${date} AND (${pcnMemberships.endDate} IS NULL OR ${pcnMemberships.endDate} >= ${date}) ORDER BY ${pcnMemberships.startDate} DESC LIMIT 1`;
  const first = sql`SELECT CASE WHEN ${pcnMemberships.source} = ${pcnSources.epcn} THEN NULL ELSE ${pcnMemberships.pcnCode} END FROM ${pcnMemberships} WHERE ${ofPractice} ORDER BY ${pcnMemberships.startDate} LIMIT 1`;
  const startedBy = sql`EXISTS (SELECT 1 FROM ${pcnMemberships} WHERE ${ofPractice} AND ${pcnMemberships.startDate} <= ${date})`;
  return sql<string | null>`(CASE WHEN NOT EXISTS (SELECT 1 FROM ${pcnMemberships} WHERE ${ofPractice}) THEN ${practices.pcnCode} WHEN ${startedBy} THEN (${covering}) ELSE (${first}) END)`;
}
