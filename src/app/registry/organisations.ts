import { bulkUpsert, type BulkColumn } from '../../db/bulk.js';
import type { Db } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { type AuditEntry, recordAudit } from '../audit.js';
import type { Actor } from '../context.js';
import { sameValue } from './import-report.js';

export interface OrganisationRow {
  code: string;
  name: string;
  kind: 'region' | 'icb' | 'sub_icb' | 'pcn';
  parentCode: string | null;
  openDate?: string | null;
  closeDate?: string | null;
}

export const organisationColumns: BulkColumn<OrganisationRow & { sourceDate?: string | null }>[] = [
  { name: 'code', type: 'text', value: (o) => o.code },
  { name: 'name', type: 'text', value: (o) => o.name },
  { name: 'kind', type: 'text', value: (o) => o.kind },
  { name: 'parent_code', type: 'text', value: (o) => o.parentCode },
  { name: 'open_date', type: 'date', value: (o) => o.openDate ?? null },
  { name: 'close_date', type: 'date', value: (o) => o.closeDate ?? null },
  { name: 'source_date', type: 'date', value: (o) => o.sourceDate ?? null },
];

/**
 * Saves the organisations a file dated `asOf` names. Only what changed is written, and each change
 * to one already held is audited with before and after (new ones are counted in the import's own
 * row). One whose facts came from a newer file is left as it is (`older` counts them), so importing
 * an old release after a new one does not bring back old names; one that a newer file confirms
 * unchanged takes that file's date. A file that gives no open and close dates (the practice map)
 * leaves the stored dates alone.
 */
export async function saveOrganisations(db: Db, actor: Actor, rows: readonly OrganisationRow[], withDates: boolean, asOf: string): Promise<{ added: number; changed: number; older: number }> {
  const stored = new Map((await db.select().from(organisations)).map((o) => [o.code, o]));
  const fields = withDates ? (['name', 'kind', 'parentCode', 'openDate', 'closeDate'] as const) : (['name', 'kind', 'parentCode'] as const);
  const writes: (OrganisationRow & { sourceDate: string })[] = [];
  const audits: AuditEntry[] = [];
  let older = 0;
  for (const row of rows) {
    const current = stored.get(row.code);
    if (current?.sourceDate && current.sourceDate > asOf) {
      older++;
      continue;
    }
    // A row with no name keeps the name held, or takes its code when there is none.
    const named = { ...row, name: row.name || current?.name || row.code, sourceDate: asOf };
    const changed = current ? fields.filter((f) => !sameValue(current[f], named[f])) : fields;
    if (changed.length === 0 && sameValue(current?.sourceDate, asOf)) continue;
    writes.push(withDates || !current ? named : { ...named, openDate: current.openDate, closeDate: current.closeDate });
    if (current && changed.length) {
      audits.push({
        recordType: 'organisation',
        recordId: row.code,
        action: 'update',
        before: Object.fromEntries(changed.map((f) => [f, current[f] ?? null])),
        after: Object.fromEntries(changed.map((f) => [f, named[f] ?? null])),
      });
    }
  }
  await bulkUpsert(db, 'organisations', organisationColumns, writes, { target: ['code'], update: ['name', 'kind', 'parent_code', 'open_date', 'close_date', 'source_date', 'updated_at'] });
  await recordAudit(db, actor, audits);
  return { added: writes.filter((w) => !stored.has(w.code)).length, changed: audits.length, older };
}
