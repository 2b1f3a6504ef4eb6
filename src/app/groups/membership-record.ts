import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { groupMemberships, membershipOverview, practiceGroups } from '../../db/schema/index.js';
import { practiceExists } from '../registry/practice-record.js';
import { parseSerialId, type RecordType } from '../records/record-type.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { refuseRemovalWhileRelied } from './membership-dependents.js';
import { findGroup, fitLocalityMemberships, type MembershipValues, refuseMembershipDates } from './membership-rules.js';

const isoDate = isoDateSchema;

const membershipInput = z.object({
  groupId: recordIdSchema,
  practiceCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{3,10}$/, 'must be an ODS code such as C82001'),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
});

export const membershipRecord: RecordType<z.infer<typeof membershipInput>> = {
  name: 'membership',
  label: 'membership',
  table: groupMemberships,
  source: membershipOverview,
  idColumn: groupMemberships.id,
  sourceIdColumn: membershipOverview.id,
  versionColumn: groupMemberships.rowVersion,
  createdByPeople: true,
  parseId: parseSerialId,
  fields: {
    id: { header: 'ID', column: membershipOverview.id, kind: 'integer', sortable: true },
    groupId: { header: 'Group ID', column: membershipOverview.groupId, kind: 'integer', filter: 'exact', sortable: true },
    groupName: { header: 'Group', column: membershipOverview.groupName, kind: 'text', filter: 'search', sortable: true },
    groupKind: { header: 'Group kind', column: membershipOverview.groupKind, kind: 'text', filter: 'exact', sortable: true, labels: 'words' },
    groupParentId: { header: 'Parent group ID', column: membershipOverview.groupParentId, kind: 'integer', filter: 'exact', names: { id: practiceGroups.id, name: practiceGroups.name } },
    practiceCode: { header: 'ODS code', column: membershipOverview.practiceCode, kind: 'text', filter: 'exact', sortable: true },
    practiceName: { header: 'Practice', column: membershipOverview.practiceName, kind: 'text', filter: 'search', sortable: true },
    startDate: { header: 'From', column: membershipOverview.startDate, kind: 'date', sortable: true },
    endDate: { header: 'Until', column: membershipOverview.endDate, kind: 'date', sortable: true },
    current: { header: 'Current', column: membershipOverview.current, kind: 'boolean', filter: 'exact' },
  },
  defaultSort: 'practiceName',
  createSchema: membershipInput,
  updateSchema: membershipInput.partial(),
  practiceCodeOf: (row) => String(row.practiceCode),
  async prepare(db, input, existing) {
    const merged = { ...existing, ...input } as z.infer<typeof membershipInput> & { id?: number };
    const group = await findGroup(db, merged.groupId);
    if (!group) throw invalid('That group does not exist', [{ field: 'groupId', message: `no group ${merged.groupId}` }]);
    if (!(await practiceExists(db, merged.practiceCode))) {
      throw invalid(`There is no practice ${merged.practiceCode} in the registry`, [{ field: 'practiceCode', message: `unknown practice ${merged.practiceCode}: import the ODS file first` }]);
    }
    if (merged.endDate && merged.endDate < merged.startDate) throw invalid('The end date is before the start date', [{ field: 'endDate', message: 'must be on or after the start date' }]);
    const values = { groupId: merged.groupId, practiceCode: merged.practiceCode, startDate: merged.startDate, endDate: merged.endDate ?? null };
    await refuseMembershipDates(db, group, values, existing?.id as number | undefined);
    return values;
  },
  afterUpdate: (db, after, actor) => fitLocalityMemberships(db, actor, after as unknown as MembershipValues),
  refuseDelete: refuseRemovalWhileRelied,
  present: (row) => row,
};
