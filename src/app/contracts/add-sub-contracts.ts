import { z } from 'zod';
import { isoDateSchema } from '../../domain/iso-date.js';
import { GP_PRACTICE_CODE } from '../../domain/registry/ods-codes.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { insertPrepared } from '../records/records.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { subContractRecord } from './sub-contract-record.js';

/** Several footprint practices put under a contract at once, signed on one date or not yet. */
export const addSubContractsSchema = z.object({
  practiceCodes: z.array(z.string().trim().toUpperCase().regex(GP_PRACTICE_CODE, 'must be an ODS practice code such as C82001')).min(1, 'Choose at least one practice'),
  signedDate: isoDateSchema.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

/**
 * Puts the chosen practices under a contract, all or none: each is checked as one added alone would
 * be (in the footprint, not already under it; its share what the contract's fee leaves) and audited.
 * A federation-wide contract took one form per practice.
 */
export async function addSubContracts(ctx: AppContext, contractId: number, input: unknown) {
  authorize(ctx.actor, 'sub_contract', 'create');
  const choice = parseOrRefuse(addSubContractsSchema, input, 'Choose the practices to add');
  return ctx.db.transaction(async (tx) => {
    const rows = choice.practiceCodes.map((practiceCode) => ({ contractId, practiceCode, signedDate: choice.signedDate ?? null, notes: choice.notes ?? null }));
    const created = await insertPrepared({ ...ctx, db: tx as never }, subContractRecord, rows);
    return { added: created.length, subContracts: created };
  });
}
