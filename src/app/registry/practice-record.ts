import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { practiceOverview, practices } from '../../db/schema/index.js';
import type { RecordType } from '../records/record-type.js';

/**
 * Practices come from the ODS file; people add only what ODS cannot know: the name the federation
 * uses for the practice, and notes. Everything else changes only by importing a newer NHS file.
 */
const practiceInput = z.object({
  localName: z.string().trim().max(120).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

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
    odsCode: { header: 'ODS code', column: practiceOverview.odsCode, kind: 'text', filter: 'exact', sortable: true },
    name: { header: 'Name', column: practiceOverview.displayName, kind: 'text', filter: 'search', sortable: true },
    status: { header: 'Status', column: practiceOverview.status, kind: 'text', filter: 'exact', sortable: true, labels: 'words' },
    gpPractice: { header: 'GP practice', column: practiceOverview.isGpPractice, kind: 'boolean', filter: 'exact' },
    commissioner: { header: 'Sub-ICB', column: practiceOverview.commissionerCode, kind: 'text', filter: 'exact', sortable: true },
    pcn: { header: 'PCN', column: practiceOverview.pcnCode, kind: 'text', filter: 'exact', sortable: true },
    pcnName: { header: 'PCN name', column: practiceOverview.pcnName, kind: 'text', filter: 'search', sortable: true },
    locality: { header: 'Locality', column: practiceOverview.locality, kind: 'text', filter: 'search', sortable: true },
    postcode: { header: 'Postcode', column: practiceOverview.postcode, kind: 'text', filter: 'search', sortable: true },
    listSize: { header: 'List size', column: practiceOverview.listSize, kind: 'integer', sortable: true },
    listSizeDate: { header: 'List size date', column: practiceOverview.listSizeDate, kind: 'date', sortable: true },
  },
  defaultSort: 'name',
  createSchema: practiceInput,
  updateSchema: practiceInput,
  practiceCodeOf: (row) => String(row.odsCode),
  async prepare(_db, input) {
    const values: Record<string, unknown> = {};
    if (input.localName !== undefined) values.localName = input.localName || null;
    if (input.notes !== undefined) values.notes = input.notes || null;
    return values;
  },
  present: (row) => row,
};

export const practiceExists = async (db: Parameters<RecordType['prepare']>[0], code: string) =>
  (await db.select({ odsCode: practices.odsCode }).from(practices).where(eq(practices.odsCode, code)).limit(1)).length > 0;
