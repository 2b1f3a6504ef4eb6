import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { useDemoDatabase } from '../../../test/support/demo-database.js';
import { adminActor, contextFor, makeSchemeRequest, managerOf } from '../../../test/support/factories.js';
import { subContracts } from '../../db/schema/index.js';
import { runStoredScheme, schemeStatement } from '../schemes/run-stored-scheme.js';
import { recordSettlement } from '../schemes/settlement.js';
import { approveScheme, createScheme, updateScheme } from '../schemes/save-scheme.js';
import { practiceMoney } from './practice-money.js';

const seed = (file: string) => Papa.parse<Record<string, string>>(readFileSync(join(import.meta.dirname, '../../../../shared/data/elr', file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const winterExpected = seed('winter-access-2017-18-expected.csv');

describe.each(databaseKinds)('what a practice receives and pays (%s)', (kind) => {
  const demo = useDemoDatabase(kind);
  const admin = () => contextFor(demo(), adminActor);

  it('gives Kibworth its winter access payment as the seed table states it, and its sub-contracts', async () => {
    const money = await practiceMoney(contextFor(demo(), managerOf('C82001')), 'c82001');
    expect(money.practice.odsCode).toBe('C82001');
    const winter = money.schemes.find((s) => s.name.startsWith('Winter access'))!;
    const seedRow = winterExpected.find((r) => r.practice === 'Kibworth Medical Centre')!;
    expect(winter.receivesPence).toBe(Number(seedRow.delivered_cost) * 100);
    expect(winter.paysPence).toBeNull();
    expect(winter.contributionBasis).toBeNull();
    // The demo's public plans give no invoice dates, so the payment is not said to be invoiced, nor paid.
    expect(winter.settlement).toEqual({ invoiced: null, paid: null });
    // What was delivered, as Kibworth's statement for the same version sums it up.
    const statement = await schemeStatement(contextFor(demo(), managerOf('C82001')), winter.schemeId, 'C82001', { version: winter.version });
    expect(winter.delivered).toBe(statement.statement.delivered);
    expect(winter.delivered).toBe('208 appointments delivered');
    const held = (await demo().db.select().from(subContracts)).filter((s) => s.practiceCode === 'C82001');
    expect(money.subContracts.map((s) => [s.contractId, s.sharePercent])).toEqual(expect.arrayContaining(held.map((s) => [s.contractId, s.shareBp / 100])));
    expect(money.subContracts).toHaveLength(held.length);
    expect(money.totals).toMatchObject({ paidPence: 0, notYetPaidPence: money.schemes.reduce((sum, s) => sum + (s.receivesPence ?? 0), 0) });
  });

  it('counts a scheme’s payment as paid only once the federation records paying the practices', async () => {
    const before = await practiceMoney(admin(), 'C82001');
    const winter = before.schemes.find((s) => s.name.startsWith('Winter access'))!;
    const invoiced = { on: '2018-05-15', reference: 'INV-0042' };
    await recordSettlement(admin(), winter.schemeId, { version: winter.version, invoiced, paid: null, basedOn: { invoiced: null, paid: null } }, '2026-03-01');
    expect((await practiceMoney(admin(), 'C82001')).totals).toEqual(before.totals);
    await recordSettlement(admin(), winter.schemeId, { version: winter.version, invoiced, paid: { on: '2018-05-30', reference: null }, basedOn: { invoiced, paid: null } }, '2026-03-01');
    const after = await practiceMoney(admin(), 'C82001');
    expect(after.totals).toEqual({ paidPence: before.totals.notYetPaidPence, notYetPaidPence: 0, paysPence: before.totals.paysPence });
    expect(after.schemes.find((s) => s.schemeId === winter.schemeId)!.settlement.paid).toMatchObject({ on: '2018-05-30', reference: null });
    // Undone again, so the demo's scheme reads as the public plans leave it for the other tests.
    await recordSettlement(admin(), winter.schemeId, { version: winter.version, invoiced, paid: null, basedOn: { invoiced, paid: { on: '2018-05-30', reference: null } } }, '2026-03-01');
    await recordSettlement(admin(), winter.schemeId, { version: winter.version, invoiced: null, paid: null, basedOn: { invoiced, paid: null } }, '2026-03-01');
  });

  it('gives a pharmacist-scheme practice its contribution for each year, as on its statement', async () => {
    const money = await practiceMoney(admin(), 'C82067');
    const pharmacists = money.schemes.find((s) => s.name.includes('pharmacists'))!;
    const run = await runStoredScheme(admin(), pharmacists.schemeId);
    const schedule = run.run.multiYear!.practices.find((p) => p.practiceKey === 'C82067')!;
    expect(pharmacists.years.map((y) => y.paysPence)).toEqual(schedule.years.map((y) => y.contributionPence));
    expect(pharmacists.paysPence).toBe(pharmacists.years.reduce((sum, y) => sum + y.paysPence, 0));
    expect(pharmacists.years.map((y) => y.year)).toEqual(['2018/19', '2019/20', '2020/21', '2021/22']);
    expect(money.totals.paysPence).toBe(pharmacists.paysPence);
    // The cost model’s schedule, as on the statement, and the page says so.
    expect(pharmacists.contributionBasis).toEqual(run.run.multiYear!.basis);
    expect(pharmacists.contributionBasis).toEqual({ kind: 'uplifted_cost', label: 'uplifted cost less NHS England funding' });
  });

  it('gives the approved version in force, to an admin too, and no money for a scheme still being prepared', async () => {
    const request = makeSchemeRequest({ shared: { unit: 'gbp', quantity: 30_000 }, deliveryModels: [], rounding: { quantity: 'largest_remainder_2dp' } });
    const { scheme } = await createScheme(admin(), request);
    const moneyOf = async () => (await practiceMoney(admin(), 'C82001')).schemes.find((s) => s.schemeId === scheme.id);
    expect(await moneyOf()).toBeUndefined();
    await approveScheme(admin(), scheme.id, 1);
    const approved = (await moneyOf())!;
    expect(approved).toMatchObject({ version: 1, receivesPence: expect.any(Number) });
    // A draft of twice the money is the federation's working, not the practice's money.
    await updateScheme(admin(), scheme.id, { rowVersion: 2, definition: { ...request.definition, shared: { unit: 'gbp', quantity: 60_000 } } });
    expect(await moneyOf()).toEqual(approved);
  });

  it('keeps a practice manager to their own practice and names a practice it does not know', async () => {
    await expect(practiceMoney(contextFor(demo(), managerOf('C82001')), 'C82002')).rejects.toThrow('your own practices');
    await expect(practiceMoney(admin(), 'Z99999')).rejects.toThrow('Practice Z99999');
    // A clinician, even of the practice, is told what the page is for, not which record type they may not read.
    await expect(practiceMoney(contextFor(demo(), { userId: null, label: 'clinician', role: 'clinician', practiceCodes: ['C82001'] }), 'C82001')).rejects.toThrow('A practice’s money page includes its contracts and sub-contracts, which are for its practice manager, the federation and the commissioner to see. Each scheme’s payments to practices are on the scheme’s page.');
  });
});
