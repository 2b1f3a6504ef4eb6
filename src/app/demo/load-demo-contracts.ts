import { and, eq } from 'drizzle-orm';
import { contracts, practiceGroups } from '../../db/schema/index.js';
import { contractRecord } from '../contracts/contract-record.js';
import { subContractRecord } from '../contracts/sub-contract-record.js';
import type { AppContext } from '../context.js';
import { insertPrepared } from '../records/records.js';
import { demoFederationName } from './load-demo.js';
import { readDemoCsv } from './read-demo-csv.js';

/** The footprint a demo CSV names, as a group id: the demo federation, or one of its localities (another federation may have a locality of the same name). */
export async function groupIdByName(ctx: AppContext, name: string): Promise<number> {
  const [federation] = await ctx.db.select({ id: practiceGroups.id }).from(practiceGroups).where(and(eq(practiceGroups.kind, 'federation'), eq(practiceGroups.name, demoFederationName)));
  if (!federation) throw new Error('demo data: the demo federation is not loaded');
  if (name === demoFederationName) return federation.id;
  const [group] = await ctx.db.select({ id: practiceGroups.id }).from(practiceGroups).where(and(eq(practiceGroups.parentId, federation.id), eq(practiceGroups.name, name)));
  if (!group) throw new Error(`demo data: no group called ${name} in ${demoFederationName}`);
  return group.id;
}

/**
 * The federation's head contracts from the ELR seeds (community based services, H. pylori breath
 * tests, the Rutland patient app grant) with their sub-contracted practices, through the record
 * framework so each is checked and audited. Loading twice changes nothing.
 */
export async function loadDemoContracts(ctx: AppContext): Promise<string[]> {
  const [any] = await ctx.db.select({ id: contracts.id }).from(contracts).limit(1);
  if (any) return [];
  const ids = new Map<string, number>();
  for (const row of readDemoCsv('contracts/contracts.csv')) {
    const { footprint, ...input } = row;
    const blank = (key: string) => (input[key] === '' ? null : input[key]);
    const [created] = await insertPrepared(ctx, contractRecord, [
      contractRecord.createSchema.parse({ ...input, footprintGroupId: await groupIdByName(ctx, footprint!), endDate: blank('endDate'), renewalDate: blank('renewalDate'), noticePeriodDays: blank('noticePeriodDays') }),
    ]);
    ids.set(input.reference!, created!.id as number);
  }
  const subs = readDemoCsv('contracts/sub-contracts.csv').map(({ contract, ...row }) =>
    subContractRecord.createSchema.parse({ ...row, contractId: ids.get(contract!), signedDate: row.signedDate || null, notes: row.notes || null }),
  );
  await insertPrepared(ctx, subContractRecord, subs);
  return [`${ids.size} contracts with ${subs.length} sub-contracts`];
}
