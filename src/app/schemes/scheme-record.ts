import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { practiceGroups, schemes } from '../../db/schema/index.js';
import { parseSerialId, type RecordType } from '../records/record-type.js';
import { createSchemeSchema, updateSchemeSchema } from './scheme-requests.js';
import { schemesSeenBy } from './scheme-visibility.js';

/**
 * Schemes in the generic record framework, for what every record type has: list (filter, sort,
 * page), get, CSV/XLSX export and audit history. Changes go through the scheme use cases
 * (create, versioned update, approve), which have their own routes.
 */
export const schemeRecord: RecordType<Record<string, unknown>> = {
  name: 'scheme',
  label: 'scheme',
  table: schemes,
  source: schemes,
  idColumn: schemes.id,
  sourceIdColumn: schemes.id,
  versionColumn: schemes.rowVersion,
  createdByPeople: true,
  ownWriteRoutes: true,
  parseId: parseSerialId,
  fields: {
    id: { header: 'ID', column: schemes.id, kind: 'integer', filter: 'exact', sortable: true },
    slug: { header: 'Short name', column: schemes.slug, kind: 'text', filter: 'exact', sortable: true },
    name: { header: 'Name', column: schemes.name, kind: 'text', filter: 'search', sortable: true },
    funder: { header: 'Funder', column: schemes.funder, kind: 'text', filter: 'search', sortable: true },
    status: { header: 'Status', column: schemes.status, kind: 'text', filter: 'exact', sortable: true, labels: 'words' },
    currentVersion: { header: 'Latest version', column: schemes.currentVersion, kind: 'integer', sortable: true },
    returnsDueOn: { header: 'Activity returns due', column: schemes.returnsDueOn, kind: 'date', sortable: true },
    groupId: { header: 'Group', column: schemes.groupId, kind: 'integer', filter: 'exact', sortable: true, names: { id: practiceGroups.id, name: practiceGroups.name } },
  },
  defaultSort: 'name',
  // Another federation's schemes are not a practice manager's business (scheme-visibility.ts).
  readScope: schemesSeenBy,
  createSchema: createSchemeSchema as unknown as z.ZodType<Record<string, unknown>>,
  updateSchema: updateSchemeSchema.partial() as unknown as z.ZodType<Partial<Record<string, unknown>>>,
  prepare() {
    return Promise.reject(new AppError('unsupported', 'Schemes are created, edited and approved through the scheme routes (POST /api/schemes, PATCH /api/schemes/{id})'));
  },
  present: (row) => row,
};
