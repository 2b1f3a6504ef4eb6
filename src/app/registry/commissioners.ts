import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, practices } from '../../db/schema/index.js';

/**
 * The organisations that commission practices: sub-ICB locations (once CCGs) and, since 2022, ICBs
 * themselves (an ICB footprint names its ICB).
 */
const commissionerKinds = ['sub_icb', 'icb'];

/**
 * Whether the registry holds a commissioner: `held` when it knows the code, `unknown` when it knows
 * others but not this one, `none held` when it knows no commissioner at all (a fresh install, before
 * the first NHS file). The registry knows a commissioner from the organisations a PCN file names,
 * and from the commissioner the ODS file gives each practice: an ODS import alone names commissioners
 * it stores no organisation for, and those count.
 */
export async function commissionerStanding(db: Db, code: string): Promise<'held' | 'unknown' | 'none held'> {
  const organisationWhere = async (where?: SQL) => (await db.select({ code: organisations.code }).from(organisations).where(and(inArray(organisations.kind, commissionerKinds), where)).limit(1)).length > 0;
  const practiceWhere = async (where: SQL) => (await db.select({ code: practices.odsCode }).from(practices).where(where).limit(1)).length > 0;
  if ((await organisationWhere(eq(organisations.code, code))) || (await practiceWhere(eq(practices.commissionerCode, code)))) return 'held';
  if ((await organisationWhere()) || (await practiceWhere(isNotNull(practices.commissionerCode)))) return 'unknown';
  return 'none held';
}
