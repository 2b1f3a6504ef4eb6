import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, practices } from '../../db/schema/index.js';
import { commissionerOn, pcnOn } from '../../db/repos/practice-on-date.js';

/** A practice's commissioner and PCN, with their names, as they were on a date. */
export interface PlaceOn {
  commissionerCode: string | null;
  commissionerName: string | null;
  pcnCode: string | null;
  pcnName: string | null;
}

/** Each practice's commissioner and PCN on `date` (by `commissionerOn` and `pcnOn`), named as the registry names them now. */
export async function placesOn(db: Db, codes: readonly string[], date: string): Promise<Map<string, PlaceOn>> {
  if (!codes.length) return new Map();
  const rows = await db.select({ odsCode: practices.odsCode, commissionerCode: commissionerOn(date), pcnCode: pcnOn(date) }).from(practices).where(inArray(practices.odsCode, [...codes]));
  const named = [...new Set(rows.flatMap((r) => [r.commissionerCode, r.pcnCode]).filter((c): c is string => !!c))];
  const names = new Map(named.length ? (await db.select({ code: organisations.code, name: organisations.name }).from(organisations).where(inArray(organisations.code, named))).map((o) => [o.code, o.name]) : []);
  const nameOf = (code: string | null) => (code ? (names.get(code) ?? null) : null);
  return new Map(rows.map((r) => [r.odsCode, { commissionerCode: r.commissionerCode, commissionerName: nameOf(r.commissionerCode), pcnCode: r.pcnCode, pcnName: nameOf(r.pcnCode) }]));
}
