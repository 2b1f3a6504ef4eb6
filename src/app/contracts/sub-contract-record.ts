import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { percentSchema, percentToBasisPoints } from '../../domain/percent.js';
import { checkInFootprint, checkShareWithFee, wholeShareBp } from '../../domain/contracts/sub-contract-rules.js';
import { conflict, notFound } from '../../domain/errors.js';
import { isoDateSchema, refuseFutureDate, todayInEngland } from '../../domain/iso-date.js';
import { findContract, findGroup, groupMembersDuring } from '../../db/repos/contracts.js';
import { contracts, subContracts } from '../../db/schema/index.js';
import { parseSerialId, type RecordType } from '../records/record-type.js';
import { practiceScope } from '../permissions.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { GP_PRACTICE_CODE } from '../../domain/registry/ods-codes.js';

const subContractInput = z.object({
  contractId: recordIdSchema,
  practiceCode: z.string().trim().toUpperCase().regex(GP_PRACTICE_CODE, 'must be an ODS practice code such as C82001'),
  signedDate: isoDateSchema.nullable().optional(),
  /** The practice's share of the tariff, in percent: 95 with a 5% federation fee. Left out, it is what the contract's fee leaves. */
  sharePercent: percentSchema.optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

/** A practice sub-contracted under a head contract. A practice manager reads their own practices' only. */
export const subContractRecord: RecordType<z.infer<typeof subContractInput>> = {
  name: 'sub_contract',
  label: 'sub-contract',
  table: subContracts,
  source: subContracts,
  idColumn: subContracts.id,
  sourceIdColumn: subContracts.id,
  versionColumn: subContracts.rowVersion,
  createdByPeople: true,
  parseId: parseSerialId,
  fields: {
    id: { header: 'ID', column: subContracts.id, kind: 'integer', sortable: true },
    contractId: { header: 'Contract ID', column: subContracts.contractId, kind: 'integer', filter: 'exact', sortable: true, names: { id: contracts.id, name: contracts.title } },
    practiceCode: { header: 'ODS code', column: subContracts.practiceCode, kind: 'text', filter: 'exact', sortable: true },
    signedDate: { header: 'Signed', column: subContracts.signedDate, kind: 'date', sortable: true },
    shareBp: { header: 'Share (basis points)', column: subContracts.shareBp, kind: 'integer', basisPoints: true, sortable: true },
    notes: { header: 'Notes', column: subContracts.notes, kind: 'text', filter: 'search' },
  },
  defaultSort: 'practiceCode',
  createSchema: subContractInput,
  updateSchema: subContractInput.omit({ contractId: true, practiceCode: true }).partial(),
  practiceCodeOf: (row) => (row.practiceCode as string | undefined) ?? null,
  readScope: (actor) => {
    const scope = practiceScope(actor);
    return scope ? (scope.length ? inArray(subContracts.practiceCode, [...scope]) : sql`false`) : undefined;
  },
  async prepare(db, input, existing) {
    const contractId = input.contractId ?? (existing?.contractId as number);
    const practiceCode = input.practiceCode ?? (existing?.practiceCode as string);
    const contract = await findContract(db, contractId);
    if (!contract) throw notFound(`Contract ${contractId}`);
    if (input.practiceCode) {
      const footprint = await findGroup(db, contract.footprintGroupId);
      const members = await groupMembersDuring(db, contract.footprintGroupId, contract.startDate, contract.endDate);
      checkInFootprint(practiceCode, new Set(members), footprint?.name ?? `group ${contract.footprintGroupId}`);
      const [clash] = await db
        .select({ id: subContracts.id })
        .from(subContracts)
        .where(and(eq(subContracts.contractId, contractId), eq(subContracts.practiceCode, practiceCode), existing ? ne(subContracts.id, existing.id as number) : undefined));
      if (clash) throw conflict(`${practiceCode} already has a sub-contract under ${contract.title}`);
    }
    // A signature is a fact: it has happened (a date to come is a reminder, not a signing).
    refuseFutureDate(input.signedDate, todayInEngland(), 'The signature', 'signedDate');
    const { sharePercent, ...rest } = input;
    const values: Record<string, unknown> = { ...rest };
    if (sharePercent !== undefined) {
      values.shareBp = percentToBasisPoints(sharePercent);
      checkShareWithFee(values.shareBp as number, contract.federationFeeBp);
    } else if (!existing) values.shareBp = wholeShareBp - contract.federationFeeBp;
    return values;
  },
  present: (row) => row,
};
