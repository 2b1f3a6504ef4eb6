import { formatCount } from '../../domain/schemes/format-money.js';
import { countOf, formatList } from '../../domain/words.js';
import { sql } from 'drizzle-orm';
import { decodeText, detectNhsFile, parseEpcnWorkbook, parsePracticeMap } from '../../domain/registry/index.js';
import type { Problem } from '../../domain/errors.js';
import { bulkUpsert } from '../../db/bulk.js';
import { pcnMemberships, practices } from '../../db/schema/index.js';
import { type AuditEntry, recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { emptyReport, importAuditRows, type ImportOptions, type ImportReport, olderNote, rejectedReport, skipPracticesNotInRegistry, unknownPracticesReport, withUnknownPractices } from './import-report.js';
import { unknownPracticeCodes } from '../../db/repos/registry.js';
import { historyColumns, type HistoryRow } from './practice-history.js';
import { type OrganisationRow, saveOrganisations } from './organisations.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { endAtClosing } from '../../domain/registry/pcn-closing.js';
import { pcnSources } from '../../domain/registry/pcn-sources.js';

interface Membership {
  practiceCode: string;
  pcnCode: string;
  startDate: string;
  endDate: string | null;
  line?: number;
  /** Where the practice's code is: a column number (CSV) or letter (workbook). */
  column?: number | string;
  /** The file and sheet the row is on, for a workbook: "ePCN.xlsx [PCN Core Partner Details]". */
  where?: string;
}

/** "6,391 practices had their PCN set; 3 changed PCN; 6,126 had their ICB or IT supplier set or changed", or that nothing of theirs changed. */
function practiceChangeWords(firstPcn: number, movedPcn: number, otherwise: number): string {
  if (!firstPcn && !movedPcn && !otherwise) return 'No practice changed PCN, ICB or IT supplier';
  const pcn = firstPcn + movedPcn > 0;
  const parts = [
    ...(firstPcn ? [`${countOf(firstPcn, 'practice')} had ${firstPcn === 1 ? 'its' : 'their'} PCN set`] : []),
    ...(movedPcn ? [`${countOf(movedPcn, 'practice')} changed PCN`] : []),
    ...(otherwise ? [`${countOf(otherwise, 'practice')} had ${pcn ? 'only ' : ''}their ICB or IT supplier set or changed`] : []),
  ];
  return parts.join('; ');
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Imports PCN membership from either NHS source: the ODS ePCN workbook (memberships with their
 * own start and end dates, history included) or the practice → PCN / sub-ICB / ICB mapping file
 * published with the patients-registered data (the membership on its extract date).
 */
export async function importPcnFile(ctx: AppContext, file: { name: string; content: Uint8Array }, options: ImportOptions = {}): Promise<ImportReport> {
  authorize(ctx.actor, 'pcn', 'import');
  const kind = detectNhsFile(file.content.subarray(0, 4096), file.name);
  let orgs: OrganisationRow[] = [];
  let incoming: Membership[] = [];
  let referenceDate: string;
  const extra = new Map<string, { icbCode: string | null; supplier: string | null }>();
  let problems: Problem[];
  if (kind === 'epcn') {
    const parsed = await parseEpcnWorkbook(Buffer.from(file.content), file.name);
    problems = parsed.problems;
    orgs = parsed.pcns.map((p) => ({ code: p.code, name: p.name, kind: 'pcn', parentCode: p.subIcbCode || null, openDate: p.openDate, closeDate: p.closeDate }));
    incoming = parsed.memberships.map((m) => ({ practiceCode: m.practiceCode, pcnCode: m.pcnCode, startDate: m.startDate, endDate: m.endDate, line: m.line, column: m.practiceCodeColumn, where: `${file.name} [${m.sheet}]` }));
    // The latest date the workbook gives; a workbook that cannot be read or lists no members has none (not 1970).
    referenceDate = options.asOf ?? incoming.reduce((d, m) => [m.startDate, m.endDate ?? ''].reduce((a, b) => (b > a ? b : a), d), '');
    if (!problems.length && !incoming.length) problems.push({ file: file.name, message: 'the workbook lists no PCN core partner practices: nothing to import' });
  } else if (kind === 'practice-map') {
    const parsed = parsePracticeMap(decodeText(file.content), file.name);
    problems = parsed.problems;
    referenceDate = parsed.extractDate;
    const seen = new Map<string, OrganisationRow>();
    for (const r of parsed.rows) {
      if (r.regionCode) seen.set(r.regionCode, { code: r.regionCode, name: r.regionName, kind: 'region', parentCode: null });
      if (r.icbCode) seen.set(r.icbCode, { code: r.icbCode, name: r.icbName, kind: 'icb', parentCode: r.regionCode || null });
      if (r.subIcbCode) seen.set(r.subIcbCode, { code: r.subIcbCode, name: r.subIcbName, kind: 'sub_icb', parentCode: r.icbCode || null });
      if (r.pcnCode) seen.set(r.pcnCode, { code: r.pcnCode, name: r.pcnName ?? '', kind: 'pcn', parentCode: r.subIcbCode || null });
      extra.set(r.practiceCode, { icbCode: r.icbCode || null, supplier: r.supplier || null });
      if (r.pcnCode) incoming.push({ practiceCode: r.practiceCode, pcnCode: r.pcnCode, startDate: referenceDate, endDate: null, line: r.line, column: parsed.practiceCodeColumn });
    }
    orgs = [...seen.values()];
  } else {
    return rejectedReport('pcns', file.name, [{ file: file.name, message: 'this is not a PCN file: expected the ODS ePCN workbook (ePCN.xlsx) or the gp-reg-pat-prac-map CSV' }]);
  }
  if (problems.length) {
    // Rows naming practices the registry lacks are problems too, listed with the rest rather than after they are put right.
    const codes = options.skipUnknown ? new Set<string>() : await unknownPracticeCodes(ctx.db, incoming.map((m) => m.practiceCode));
    const unknown = incoming.filter((m) => codes.has(m.practiceCode)).map((m) => ({ line: m.line, column: m.column, code: m.practiceCode, file: m.where }));
    return rejectedReport('pcns', file.name, withUnknownPractices(file.name, problems, unknown), referenceDate);
  }
  const report = emptyReport('pcns', file.name, referenceDate);

  return ctx.db.transaction(async (tx) => {
    const stored = new Map((await tx.select().from(practices)).map((p) => [p.odsCode, p]));
    const unknown = incoming.filter((m) => !stored.has(m.practiceCode));
    if (unknown.length && !options.skipUnknown) {
      return unknownPracticesReport('pcns', file.name, unknown.map((m) => ({ line: m.line, column: m.column, code: m.practiceCode, file: m.where })), referenceDate);
    }
    skipPracticesNotInRegistry(report, unknown.length, unknown.map((u) => u.practiceCode), ['membership', 'memberships']);
    // A closed practice is in no PCN after its close date, whatever a file that lags behind ODS says.
    const closeDateOf = (code: string) => stored.get(code)?.closeDate ?? null;
    const known = incoming.filter((m) => stored.has(m.practiceCode)).map((m) => ({ ...m, endDate: endAtClosing(m, closeDateOf(m.practiceCode)) }));
    const closedBefore = known.filter((m) => closeDateOf(m.practiceCode)! < m.startDate);
    const memberships = known.filter((m) => !closedBefore.includes(m));
    leaveOutClosed(report, closedBefore.map((m) => m.practiceCode));
    const named = await saveOrganisations(tx as never, ctx.actor, orgs, kind === 'epcn', referenceDate);
    report.notes.push(`Organisations (PCNs and their commissioners): ${formatCount(named.added)} added, ${formatCount(named.changed)} renamed, moved or re-dated.`);
    if (named.older) report.notes.push(olderNote(named.older, ['organisation', 'organisations'], `names and dates from a file newer than this one (${formatLongDate(referenceDate)})`));

    const existing = await tx.select().from(pcnMemberships);
    const key = (m: { practiceCode: string; pcnCode: string; startDate: string }) => `${m.practiceCode}|${m.pcnCode}|${m.startDate}`;
    const byKey = new Map(existing.map((m) => [key(m), m]));
    // Open, or ending on or after the file's date (a practice closing after it, whose membership its closing ends).
    const openByPractice = new Map(existing.filter((m) => !m.endDate || m.endDate >= referenceDate).map((m) => [m.practiceCode, m]));
    const writes: Membership[] = [];
    const membershipAudits: AuditEntry[] = [];
    const change = (stored: Membership & { id: number }, endDate: string | null) => {
      report.updated++;
      writes.push({ ...stored, endDate });
      membershipAudits.push({ recordType: 'pcn_membership', recordId: stored.id, action: 'update', before: { practiceCode: stored.practiceCode, pcnCode: stored.pcnCode, startDate: stored.startDate, endDate: stored.endDate }, after: { endDate } });
    };
    let older = 0;
    const source = kind === 'epcn' ? pcnSources.epcn : pcnSources.map;
    for (const m of memberships) {
      const same = byKey.get(key(m));
      const open = openByPractice.get(m.practiceCode);
      if (kind === 'practice-map' && open?.pcnCode === m.pcnCode) {
        report.unchanged++;
      } else if (kind === 'practice-map' && open && open.startDate >= m.startDate) {
        // The file is older than the membership held: it does not undo a newer move.
        older++;
        report.unchanged++;
      } else if (same) {
        if ((same.endDate ?? null) === m.endDate) report.unchanged++;
        // A file dated before a membership ended cannot know it ended: it does not reopen it.
        else if (m.endDate === null && same.endDate !== null && referenceDate <= same.endDate) {
          older++;
          report.unchanged++;
        } else change(same, m.endDate);
      } else {
        // A practice that moved PCN: its previous open membership ends the day before.
        if (kind === 'practice-map' && open) change(open, dayBefore(m.startDate));
        report.inserted++;
        writes.push(m);
      }
    }
    // A closed practice's membership this file does not name (the mapping file leaves closed practices out) ends on its close date too.
    const written = new Set(writes.map(key));
    for (const m of existing) {
      const endDate = endAtClosing(m, closeDateOf(m.practiceCode));
      if (endDate !== m.endDate && !written.has(key(m))) change(m, endDate);
    }
    if (older) report.notes.push(olderNote(older, ['membership', 'memberships'], `facts as new as this file or newer (${formatLongDate(referenceDate)})`));
    await bulkUpsert(
      tx as never,
      'pcn_memberships',
      [
        { name: 'practice_code', type: 'text', value: (m: Membership) => m.practiceCode },
        { name: 'pcn_code', type: 'text', value: (m: Membership) => m.pcnCode },
        { name: 'start_date', type: 'date', value: (m: Membership) => m.startDate },
        { name: 'end_date', type: 'date', value: (m: Membership) => m.endDate },
        { name: 'source', type: 'text', value: () => source },
      ],
      writes,
      { target: ['practice_code', 'pcn_code', 'start_date'], update: ['end_date', 'source'] },
    );

    // Each practice's current PCN is its open membership; record a history row where it changed.
    const current = await tx.execute(sql`SELECT DISTINCT ON (practice_code) practice_code, pcn_code FROM ${pcnMemberships} WHERE end_date IS NULL OR end_date >= ${referenceDate} ORDER BY practice_code, start_date DESC`);
    const currentPcn = new Map(((current as { rows: unknown[] }).rows as { practice_code: string; pcn_code: string }[]).map((r) => [r.practice_code, r.pcn_code]));
    const history: HistoryRow[] = [];
    const updates: { odsCode: string; pcnCode: string | null; icbCode: string | null; supplier: string | null }[] = [];
    const audits: AuditEntry[] = [];
    for (const [code, p] of stored) {
      const closed = p.closeDate !== null && p.closeDate <= referenceDate;
      const pcnCode = currentPcn.get(code) ?? (closed || (kind === 'practice-map' && extra.has(code)) ? null : p.pcnCode);
      const more = extra.get(code);
      const icbCode = more?.icbCode ?? p.icbCode;
      const supplier = more?.supplier ?? p.supplier;
      if (pcnCode === p.pcnCode && icbCode === p.icbCode && supplier === p.supplier) continue;
      updates.push({ odsCode: code, pcnCode: pcnCode ?? null, icbCode: icbCode ?? null, supplier: supplier ?? null });
      audits.push({ recordType: 'practice', recordId: code, action: 'update', before: { pcnCode: p.pcnCode, icbCode: p.icbCode, supplier: p.supplier }, after: { pcnCode: pcnCode ?? null, icbCode: icbCode ?? null, supplier: supplier ?? null } });
      if (pcnCode !== p.pcnCode) history.push({ odsCode: code, validFrom: referenceDate, changedFields: ['pcnCode'], snapshot: { pcnCode, previousPcnCode: p.pcnCode } });
    }
    if (updates.length) {
      await tx.execute(sql`UPDATE practices p SET pcn_code = u.pcn, icb_code = u.icb, supplier = u.supplier, row_version = p.row_version + 1, updated_at = now()
        FROM unnest(${sql.param(updates.map((u) => u.odsCode))}::text[], ${sql.param(updates.map((u) => u.pcnCode))}::text[], ${sql.param(updates.map((u) => u.icbCode))}::text[], ${sql.param(updates.map((u) => u.supplier))}::text[]) AS u(code, pcn, icb, supplier)
        WHERE p.ods_code = u.code`);
    }
    await bulkUpsert(tx as never, 'practice_history', historyColumns, history, undefined);
    // The counts are of memberships (a practice that moved has one ended and one begun), so say what they came to for the practices.
    // A practice that had no PCN before had its PCN set (the first import), rather than changed.
    const firstPcn = history.filter((h) => h.snapshot.previousPcnCode === null).length;
    const practicesSaid = practiceChangeWords(firstPcn, history.length - firstPcn, updates.length - history.length);
    report.notes.push(`The counts are of PCN memberships: a practice that moved PCN has its old membership ended (updated) and its new one added (inserted). ${practicesSaid}.`);
    await recordAudit(tx as never, ctx.actor, importAuditRows(report, 'PCN import', [...membershipAudits, ...audits], { after: { practicesChanged: updates.length }, summaryTail: `; ${practicesSaid.charAt(0).toLowerCase()}${practicesSaid.slice(1)}` }));
    return report;
  });
}

/** Rows placing a practice in a PCN after it closed, left out and named: the membership would begin after the practice was gone. */
function leaveOutClosed(report: ImportReport, codes: readonly string[]): void {
  if (!codes.length) return;
  const named = [...new Set(codes)].sort();
  report.skipped += codes.length;
  const more = named.length > 10 ? [`${formatCount(named.length - 10)} more`] : [];
  report.notes.push(`Skipped ${countOf(codes.length, 'row')} placing ${named.length === 1 ? 'a practice' : 'practices'} in a PCN after ${named.length === 1 ? 'it' : 'they'} closed: ${formatList([...named.slice(0, 10), ...more])}.`);
}
