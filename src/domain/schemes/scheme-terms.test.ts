import { describe, expect, it } from 'vitest';
import { schemeReportTables } from './report-tables.js';
import { runScheme } from './run-scheme.js';
import { approvalTerms, invoiceTerms, schemeTerms } from './scheme-terms.js';
import { loadExample } from '../../../test/support/scheme-seeds.js';

const winter = loadExample('winter-access-2017-18');
const pharmacists = loadExample('clinical-pharmacists-2018');
const terms = (definition: typeof winter.definition) => Object.fromEntries(schemeTerms(definition).map((t) => [t.key, t.value]));
const summaryOf = (input: typeof winter) => schemeReportTables(runScheme(input), input.definition).find((t) => t.name === 'summary')!;

describe('schemeTerms', () => {
  it('words the winter scheme as its page does: 8 weeks, by list size, the two delivery models and the fee', () => {
    expect(terms(winter.definition)).toEqual({
      Funder: 'NHS England, through East Leicestershire and Rutland CCG',
      Period: '8 weeks; Financial year 2017/18',
      Basis: 'By registered list size',
      Shared: '5,100 appointments over the scheme',
      'Delivery models': ['Nurse: 4 appointments an hour at £50 an hour', 'GP: 6 appointments an hour at £95 an hour'],
      Fee: 'Federation fee (5%): 5% of the delivered cost, charged to the funder on top (not taken from practices)',
    });
  });

  it('adds the cost over several years and the funding, year by year, for the pharmacist scheme', () => {
    expect(terms(pharmacists.definition)).toMatchObject({
      'Cost in the first year': ['Clinical pharmacists: 3 at £58,620'],
      'Annual uplift': '2% a year from the second year',
      'Fixed costs each year': ['Federation support: £5,000'],
      Funding: ['NHS England: £87,000 in 2018/19, £60,000 in 2019/20, £33,000 in 2020/21, £0 in 2021/22', 'ELR CCG: £0 in 2018/19, £0 in 2019/20, £0 in 2020/21, £0 in 2021/22'],
      'Delivery models': 'None',
      Fee: 'No fee',
    });
  });
});

describe('approvalTerms', () => {
  it.each([
    [{ approvedAt: '2018-01-02T10:30:00Z', approvedBy: 'demo', listSnapshotDate: '2018-01-01' }, '2 January 2018 at 10:30am by Demo data', '1 January 2018'],
    [{ approvedAt: null, approvedBy: null, listSnapshotDate: null }, 'Not yet approved', 'List sizes as given in the scheme'],
  ])('says who approved %o and which list sizes it used', (version, approved, snapshot) => {
    expect(approvalTerms(version, winter.definition)).toEqual([
      { key: 'Approved', value: approved },
      { key: 'List-size snapshot used', value: snapshot },
    ]);
  });
});

describe('invoiceTerms', () => {
  it('gives the winter invoice as the summary rounds it, the fee by its label', () => {
    expect(invoiceTerms(summaryOf(winter), winter.definition)).toEqual([
      { key: 'Delivered cost', value: '£66,689' },
      { key: 'Federation fee (5%)', value: '£3,334' },
      { key: 'Total to invoice', value: '£70,024' },
    ]);
  });

  it('gives nothing for a scheme that pays for no activity', () => {
    expect(invoiceTerms(summaryOf(pharmacists), pharmacists.definition)).toEqual([]);
  });
});
