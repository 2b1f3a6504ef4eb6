import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { parsePoundsToPence, poundsText } from '../../domain/contracts/pounds-and-years.js';
import { financialYearSchema } from '../../domain/finance/financial-year.js';
import { conflict, invalid } from '../../domain/errors.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { applicationsOf, findGroup } from '../../db/repos/contracts.js';
import type { Db } from '../../db/client.js';
import { checkPotsStillCover } from '../../domain/funds/fund-applications.js';
import { fundApplications, funds, practiceGroups } from '../../db/schema/index.js';
import { parseSerialId, type RecordType } from '../records/record-type.js';
import { applicationPots, type FundRow, fundPractices, stateOfFund } from './fund-report.js';
import { refuseClash } from '../records/clash.js';

const rateEntry = z.object({ year: financialYearSchema, rate: poundsText });

/** Rates as a form or a CSV cell writes them: "2017/18: £0.50; 2018/19: £2", read into year and rate pairs to check one by one. */
const splitRates = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const [year = '', rate = ''] = part.split(/[:=]/).map((s) => s.trim());
          return { year, rate };
        })
    : value;

const fundInput = z.object({
  name: z.string().trim().min(1, 'Enter the fund’s name').max(200),
  commissioner: z.string().trim().min(1, 'Enter who gives the fund').max(200),
  footprintGroupId: z.coerce.number().int().positive('Choose the federation the fund is for'),
  listSnapshotDate: isoDateSchema,
  rates: z.preprocess(splitRates, z.array(rateEntry).min(1, 'add a rate for at least one financial year (e.g. 2018/19: £2)')),
  description: z.string().trim().max(4000).nullable().optional(),
});

/**
 * Refuses a change of rates, list-size date or footprint that would leave a locality's or a
 * practice's share below what its applications hold (`checkPotsStillCover`).
 */
async function refuseUncoveredApplications(db: Db, fund: FundRow, field: string): Promise<void> {
  if (!(await applicationsOf(db, fund.id)).length) return;
  const pots = applicationPots(await stateOfFund(db, fund), () => true);
  checkPotsStillCover(pots.map((p) => ({ name: p.name, allocatedPence: p.allocatedPence, committedPence: p.requestedPence + p.approvedPence })), field);
}

/** A per-head fund: a rate per registered patient for each financial year, on the footprint's list at a snapshot date. */
export const fundRecord: RecordType<z.infer<typeof fundInput>> = {
  name: 'fund',
  label: 'fund',
  table: funds,
  source: funds,
  idColumn: funds.id,
  sourceIdColumn: funds.id,
  versionColumn: funds.rowVersion,
  createdByPeople: true,
  parseId: parseSerialId,
  fields: {
    id: { header: 'ID', column: funds.id, kind: 'integer', filter: 'exact', sortable: true },
    name: { header: 'Fund', column: funds.name, kind: 'text', filter: 'search', sortable: true },
    commissioner: { header: 'Commissioner', column: funds.commissioner, kind: 'text', filter: 'search', sortable: true },
    footprintGroupId: { header: 'Footprint group', column: funds.footprintGroupId, kind: 'integer', filter: 'exact', names: { id: practiceGroups.id, name: practiceGroups.name } },
    listSnapshotDate: { header: 'List sizes at', column: funds.listSnapshotDate, kind: 'date', sortable: true },
  },
  defaultSort: 'name',
  dependents: [{ column: fundApplications.fundId, one: 'application', many: 'applications' }],
  createSchema: fundInput,
  updateSchema: fundInput.partial(),
  async prepare(db, input, existing) {
    if (input.footprintGroupId !== undefined && !(await findGroup(db, input.footprintGroupId))) {
      throw invalid('The footprint group does not exist', [{ field: 'footprintGroupId', message: `no group ${input.footprintGroupId}` }]);
    }
    const { rates, ...rest } = input;
    const values: Record<string, unknown> = { ...rest };
    if (rates) {
      const years = rates.map((r) => r.year);
      const repeated = years.find((y, i) => years.indexOf(y) !== i);
      if (repeated) throw invalid(`The rate for ${repeated} is given twice`, [{ field: 'rates', message: `${repeated} appears twice` }]);
      values.rates = rates.map((r) => ({ year: r.year, ratePence: parsePoundsToPence(r.rate, { field: 'rates' }) })).sort((a, b) => a.year.localeCompare(b.year));
    }
    // A fund is worked out from its footprint's list sizes at the snapshot: refuse a date without them now, not when the register is next opened.
    if (input.footprintGroupId !== undefined || input.listSnapshotDate !== undefined) {
      await fundPractices(db, { ...(existing as FundRow | undefined), ...values } as FundRow);
    }
    const reshared = ['rates', 'listSnapshotDate', 'footprintGroupId'].find((field) => input[field as keyof typeof input] !== undefined);
    if (existing && reshared) await refuseUncoveredApplications(db, { ...(existing as FundRow), ...values } as FundRow, reshared);
    if (input.name) {
      const name = input.name;
      await refuseClash(db, funds, funds.id, eq(funds.name, name), existing?.id, () => conflict(`There is already a fund called "${name}"`));
    }
    return values;
  },
  present: (row) => row,
};
