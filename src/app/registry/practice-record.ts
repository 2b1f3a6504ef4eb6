import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import { invalid } from '../../domain/errors.js';
import { z } from 'zod';
import { groupMemberships, practiceGroups, practiceOverview, practices } from '../../db/schema/index.js';
import { todayInEnglandSql } from '../../db/today.js';
import { practiceStatuses } from '../../domain/registry/practice-status.js';
import { practiceLabels as label } from '../../domain/registry/practice-labels.js';
import type { RecordType } from '../records/record-type.js';

/**
 * Practices come from the ODS file; people add only what ODS cannot know: the name the federation
 * uses for the practice, and notes. Everything else changes only by importing a newer NHS file.
 */
const practiceInput = z.object({
  localName: z.string().trim().max(120).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

/** The practice's memberships today of the groups `which` picks, joined to their groups. */
const currentMembershipsOf = (which: SQL): SQL => sql`from ${groupMemberships} join ${practiceGroups} on ${practiceGroups.id} = ${groupMemberships.groupId}
  where ${which} and ${groupMemberships.practiceCode} = ${practiceOverview.odsCode}
    and ${groupMemberships.startDate} <= ${todayInEnglandSql} and (${groupMemberships.endDate} is null or ${groupMemberships.endDate} >= ${todayInEnglandSql})`;

/**
 * The practice is in the group today, in England (a membership started and not yet ended);
 * `kind` narrows it to groups of that kind.
 */
const memberToday = (groupId: unknown, kind?: string): SQL => sql`exists (
  select 1 ${currentMembershipsOf(sql`${groupMemberships.groupId} = ${groupId}`)}
    ${kind ? sql`and ${practiceGroups.kind} = ${kind}` : sql``})`;

/**
 * The practice's localities today within one group (the group itself when it is a locality): a
 * list of a federation's members shows the federation's localities, not another group's.
 */
const localitiesWithin = (groupId: unknown): SQL => sql`(select string_agg(${practiceGroups.name}, '; ' order by ${practiceGroups.name})
  ${currentMembershipsOf(sql`${practiceGroups.kind} = 'locality' and (${practiceGroups.parentId} = ${groupId} or ${practiceGroups.id} = ${groupId})`)})`;

/** Where a group id a filter takes finds its name, for a download's "About" tab. */
const groupNames = { id: practiceGroups.id, name: practiceGroups.name };

const odsCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{3,10}$/, 'must be an ODS code such as C82001');

export const practiceRecord: RecordType<z.infer<typeof practiceInput>> = {
  name: 'practice',
  label: 'practice',
  table: practices,
  source: practiceOverview,
  idColumn: practices.odsCode,
  sourceIdColumn: practiceOverview.odsCode,
  versionColumn: practices.rowVersion,
  createdByPeople: false,
  parseId: (raw) => odsCode.parse(raw),
  fields: {
    odsCode: { header: label.odsCode, column: practiceOverview.odsCode, kind: 'text', filter: 'exact', sortable: true },
    name: { header: label.displayName, column: practiceOverview.displayName, kind: 'text', filter: 'search', sortable: true },
    status: { header: label.status, column: practiceOverview.status, kind: 'text', filter: 'exact', sortable: true, labels: 'words', values: practiceStatuses },
    gpPractice: { header: label.isGpPractice, column: practiceOverview.isGpPractice, kind: 'boolean', filter: 'exact' },
    commissioner: { header: label.commissionerCode, column: practiceOverview.commissionerCode, kind: 'text', filter: 'exact', sortable: true },
    pcn: { header: label.pcnCode, column: practiceOverview.pcnCode, kind: 'text', filter: 'exact', sortable: true },
    pcnName: { header: label.pcnName, column: practiceOverview.pcnName, kind: 'text', filter: 'search', sortable: true },
    locality: { header: label.locality, column: practiceOverview.locality, kind: 'text', filter: 'search', sortable: true },
    postcode: { header: label.postcode, column: practiceOverview.postcode, kind: 'text', filter: 'search', sortable: true },
    listSize: { header: label.listSize, column: practiceOverview.listSize, kind: 'integer', sortable: true },
    listSizeDate: { header: label.listSizeDate, column: practiceOverview.listSizeDate, kind: 'date', sortable: true },
  },
  // Two, so a list can be a federation's members in one of its localities (?memberOf=1&inLocality=4).
  conditions: {
    memberOf: { kind: 'integer', label: 'Members of', names: groupNames, description: 'members today of the group with this id (its localities show as theirs)', where: (groupId) => memberToday(groupId), reads: (groupId) => ({ locality: localitiesWithin(groupId) }) },
    inLocality: { kind: 'integer', label: 'In locality', names: groupNames, description: 'members today of the locality with this id', where: (groupId) => memberToday(groupId, 'locality') },
    // Every federation's members at once (a policy many federations' practices must read).
    memberOfKind: { kind: 'text', label: 'Members of any group of kind', description: 'members today of any group of this kind (federation, pcn, icb_footprint, locality, peer_group)', where: (kind) => sql`exists (select 1 ${currentMembershipsOf(sql`${practiceGroups.kind} = ${String(kind)}`)})` },
  },
  labels: label,
  defaultSort: 'name',
  createSchema: practiceInput,
  // Anything else sent is refused, by name, rather than quietly dropped: it comes from the NHS files.
  updateSchema: practiceInput.loose().superRefine((input, ctx) => {
    for (const key of Object.keys(input)) if (!(key in practiceInput.shape)) ctx.addIssue({ code: 'custom', path: [key], message: 'comes from the NHS files: import a newer one to change it' });
  }) as unknown as typeof practiceInput,
  practiceCodeOf: (row) => String(row.odsCode),
  async prepare(db, input, existing) {
    const values: Record<string, unknown> = {};
    if (input.localName) await refuseNameOfAnother(db, input.localName, String(existing?.odsCode ?? ''));
    if (input.localName !== undefined) values.localName = input.localName || null;
    if (input.notes !== undefined) values.notes = input.notes || null;
    return values;
  },
  present: (row) => row,
};

export const practiceExists = async (db: Parameters<RecordType['prepare']>[0], code: string) =>
  (await db.select({ odsCode: practices.odsCode }).from(practices).where(eq(practices.odsCode, code)).limit(1)).length > 0;

/** A name the federation gives a practice must not be another practice's: lists, statements and applications would show two of it. */
async function refuseNameOfAnother(db: Parameters<RecordType['prepare']>[0], name: string, odsCode: string): Promise<void> {
  const [other] = await db
    .select({ odsCode: practiceOverview.odsCode, name: practiceOverview.displayName })
    .from(practiceOverview)
    .where(and(sql`lower(${practiceOverview.displayName}) = lower(${name})`, ne(practiceOverview.odsCode, odsCode)))
    .limit(1);
  if (other) throw invalid(`${other.name} (${other.odsCode}) already has that name`, [{ field: 'localName', message: `${other.name} (${other.odsCode}) already has that name: choose another, so the two practices can be told apart` }]);
}
