import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { percentSchema, percentToBasisPoints } from '../../domain/percent.js';
import { invalid } from '../../domain/errors.js';
import { contractDateProblems, noticeDateOf } from '../../domain/contracts/contract-reminders.js';
import { parsePoundsToPence, poundsText } from '../../domain/contracts/pounds-and-years.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { valueBases, valueBasisHeading, valueBasisWords } from '../../domain/contracts/value-basis.js';
import { contractDocuments, contracts, practiceGroups, subContracts } from '../../db/schema/index.js';
import { findGroup } from '../../db/repos/contracts.js';
import { parseSerialId, type RecordType } from '../records/record-type.js';
import { practiceScope } from '../permissions.js';

const contractInput = z.object({
  title: z.string().trim().min(1, 'Enter the contract’s title').max(200),
  reference: z.string().trim().max(100).nullable().optional(),
  commissioner: z.string().trim().min(1, 'Enter who commissions it').max(200),
  parties: z.string().trim().min(1, 'Enter the parties to the contract').max(1000),
  footprintGroupId: z.coerce.number().int().positive('Choose the federation or locality the contract covers'),
  startDate: isoDateSchema,
  endDate: isoDateSchema.nullable().optional(),
  renewalDate: isoDateSchema.nullable().optional(),
  noticePeriodDays: z.coerce.number().int().min(0, 'must not be negative').max(3650).nullable().optional(),
  value: poundsText.nullable().optional(),
  // In the words of the form's choices ("The value is: A year, In total, Estimated, paid at tariff").
  valueBasis: z.enum(valueBases, { message: 'Choose whether the value is a year, in total or estimated, paid at tariff' }),
  federationFeePercent: percentSchema.default(5),
  description: z.string().trim().max(4000).nullable().optional(),
});

/** A head contract in the register. Sub-contracts, documents and reminders hang off it. */
export const contractRecord: RecordType<z.infer<typeof contractInput>> = {
  name: 'contract',
  label: 'contract',
  table: contracts,
  source: contracts,
  idColumn: contracts.id,
  sourceIdColumn: contracts.id,
  versionColumn: contracts.rowVersion,
  createdByPeople: true,
  parseId: parseSerialId,
  // A practice manager reads only the contracts their practice is sub-contracted under, as the register shows them.
  readScope: (actor) => {
    const scope = practiceScope(actor);
    if (!scope) return undefined;
    return scope.length ? sql`EXISTS (SELECT 1 FROM ${subContracts} s WHERE s.contract_id = ${contracts.id} AND s.practice_code IN (${sql.join(scope.map((c) => sql`${c}`), sql`, `)}))` : sql`false`;
  },
  fields: {
    id: { header: 'ID', column: contracts.id, kind: 'integer', filter: 'exact', sortable: true },
    title: { header: 'Title', column: contracts.title, kind: 'text', filter: 'search', sortable: true },
    reference: { header: 'Reference', column: contracts.reference, kind: 'text', filter: 'exact', sortable: true },
    commissioner: { header: 'Commissioner', column: contracts.commissioner, kind: 'text', filter: 'search', sortable: true },
    parties: { header: 'Parties', column: contracts.parties, kind: 'text', filter: 'search' },
    footprintGroupId: { header: 'Footprint group', column: contracts.footprintGroupId, kind: 'integer', filter: 'exact', names: { id: practiceGroups.id, name: practiceGroups.name } },
    startDate: { header: 'Starts', column: contracts.startDate, kind: 'date', sortable: true },
    endDate: { header: 'Ends', column: contracts.endDate, kind: 'date', sortable: true },
    renewalDate: { header: 'Renewal date', column: contracts.renewalDate, kind: 'date', sortable: true },
    noticePeriodDays: { header: 'Notice period (days)', column: contracts.noticePeriodDays, kind: 'integer' },
    valuePence: { header: 'Value (pence)', column: contracts.valuePence, kind: 'integer', pence: true, sortable: true },
    valueBasis: { header: valueBasisHeading, column: contracts.valueBasis, kind: 'text', filter: 'exact', labels: valueBasisWords },
    federationFeeBp: { header: 'Federation fee (basis points)', column: contracts.federationFeeBp, kind: 'integer', basisPoints: true },
  },
  defaultSort: 'title',
  dependents: [
    { column: subContracts.contractId, one: 'sub-contracted practice', many: 'sub-contracted practices' },
    { column: contractDocuments.contractId, one: 'document', many: 'documents' },
  ],
  createSchema: contractInput,
  updateSchema: contractInput.partial(),
  async prepare(db, input, existing) {
    const { value, federationFeePercent, ...rest } = input;
    if (input.footprintGroupId !== undefined && !(await findGroup(db, input.footprintGroupId))) {
      throw invalid('The footprint group does not exist', [{ field: 'footprintGroupId', message: `no group ${input.footprintGroupId}` }]);
    }
    const start = input.startDate ?? (existing?.startDate as string);
    const end = input.endDate === undefined ? (existing?.endDate as string | null) : input.endDate;
    const renewal = input.renewalDate === undefined ? (existing?.renewalDate as string | null) : input.renewalDate;
    const [first, ...more] = contractDateProblems({ startDate: start, endDate: end, renewalDate: renewal });
    if (first) throw invalid(first.field === 'endDate' ? 'The contract ends before it starts' : 'The renewal date is before the contract starts', [first, ...more]);
    const values: Record<string, unknown> = { ...rest };
    if (value !== undefined) values.valuePence = value === null ? null : parsePoundsToPence(value, { field: 'value' });
    if (federationFeePercent !== undefined) values.federationFeeBp = percentToBasisPoints(federationFeePercent);
    return values;
  },
  presents: { noticeDate: z.iso.date().nullable() },
  present: (row) => ({ ...row, noticeDate: noticeDateOf({ startDate: row.startDate as string, endDate: row.endDate as string | null, renewalDate: row.renewalDate as string | null, noticePeriodDays: row.noticePeriodDays as number | null }) }),
};
