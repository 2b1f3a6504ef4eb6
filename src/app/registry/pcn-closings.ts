import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, pcnMemberships, practices } from '../../db/schema/index.js';
import { type ClosingEnded, closingEndedNote, endAtClosing } from '../../domain/registry/pcn-closing.js';
import type { AuditEntry } from '../audit.js';
import { practiceLabel } from '../groups/membership-rules.js';
import type { HistoryRow } from './practice-history.js';

/** What ending closed practices' PCN memberships came to: the audit rows and history to keep, and the import's note. */
export interface ClosingsEnded {
  audits: AuditEntry[];
  history: HistoryRow[];
  note: string | null;
}

/**
 * Ends, on its close date, each open PCN membership of these practices that have closed (an ODS
 * file says so), and takes the PCN off a practice closed by `asOf`: a closed practice is in no
 * PCN, whichever file (ePCN or the mapping file) last placed it in one. Run again, it finds
 * nothing to end.
 */
export async function endPcnMembershipsAtClosing(db: Db, codes: readonly string[], asOf: string): Promise<ClosingsEnded> {
  const none: ClosingsEnded = { audits: [], history: [], note: null };
  if (!codes.length) return none;
  const closed = await db
    .select({ odsCode: practices.odsCode, name: sql<string>`coalesce(${practices.localName}, ${practices.name})`, closeDate: practices.closeDate, pcnCode: practices.pcnCode })
    .from(practices)
    .where(and(sql`${practices.odsCode} = ANY(${sql.param([...codes])}::text[])`, isNotNull(practices.closeDate)));
  if (!closed.length) return none;
  const byCode = new Map(closed.map((p) => [p.odsCode, p]));
  const spans = await db.select().from(pcnMemberships).where(sql`${pcnMemberships.practiceCode} = ANY(${sql.param([...byCode.keys()])}::text[])`);
  const toEnd = spans.flatMap((m) => {
    const endDate = endAtClosing(m, byCode.get(m.practiceCode)!.closeDate);
    return endDate === m.endDate ? [] : [{ ...m, newEnd: endDate! }];
  });
  const leftPcn = closed.filter((p) => p.pcnCode && p.closeDate! <= asOf);
  if (!toEnd.length && !leftPcn.length) return none;

  for (const m of toEnd) await db.update(pcnMemberships).set({ endDate: m.newEnd }).where(sql`${pcnMemberships.id} = ${m.id}`);
  if (leftPcn.length) {
    await db.execute(sql`UPDATE practices SET pcn_code = NULL, row_version = row_version + 1, updated_at = now() WHERE ods_code = ANY(${sql.param(leftPcn.map((p) => p.odsCode))}::text[])`);
  }
  const pcnCodes = [...new Set(toEnd.map((m) => m.pcnCode))];
  const pcnNames = new Map(pcnCodes.length ? (await db.select({ code: organisations.code, name: organisations.name }).from(organisations).where(inArray(organisations.code, pcnCodes))).map((o) => [o.code, o.name]) : []);
  const ended: ClosingEnded[] = toEnd
    .map((m) => ({ practice: practiceLabel(byCode.get(m.practiceCode)!.name, m.practiceCode), pcn: pcnNames.get(m.pcnCode) ?? m.pcnCode, closeDate: m.newEnd }))
    .sort((a, b) => a.practice.localeCompare(b.practice));
  return {
    audits: [
      ...toEnd.map((m): AuditEntry => ({ recordType: 'pcn_membership', recordId: m.id, action: 'update', before: { practiceCode: m.practiceCode, pcnCode: m.pcnCode, startDate: m.startDate, endDate: m.endDate }, after: { endDate: m.newEnd } })),
      ...leftPcn.map((p): AuditEntry => ({ recordType: 'practice', recordId: p.odsCode, action: 'update', before: { pcnCode: p.pcnCode }, after: { pcnCode: null } })),
    ],
    history: leftPcn.map((p) => ({ odsCode: p.odsCode, validFrom: asOf, changedFields: ['pcnCode'], snapshot: { pcnCode: null, previousPcnCode: p.pcnCode } })),
    note: closingEndedNote(ended),
  };
}
