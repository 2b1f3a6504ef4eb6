import { describe, expect, it } from 'vitest';
import { runScheme } from './run-scheme.js';
import { formatPence } from './format-money.js';
import { formatStatement } from './statement.js';
import { loadExample, makeDefinition, makePractice } from '../../../test/support/scheme-seeds.js';

const winter = runScheme(loadExample('winter-access-2017-18'));
const pharmacists = runScheme(loadExample('clinical-pharmacists-2018'));
const statementFor = (run: typeof winter, name: string) => run.statements.find((s) => s.practiceName === name)!;

describe('buildStatements', () => {
  it('gives a practice of a money-per-head scheme its share to the penny as the amount payable, the shares adding up to the pot', () => {
    // £32,725.50 shared by list among three practices whose shares are not whole pennies.
    const practices = [makePractice({ odsCode: 'C99001', listSize: 26_437 }), makePractice({ odsCode: 'C99002', listSize: 7_301 }), makePractice({ odsCode: 'C99003', listSize: 12_995 })];
    const definition = makeDefinition({ shared: { unit: 'gbp', quantity: 32_725.5 }, deliveryModels: [], rounding: { quantity: 'largest_remainder_2dp' } });
    const run = runScheme({ definition, practices });
    const payable = run.statements.map((s) => s.totals.find((t) => t.label === 'Amount payable to the practice')!.amountPence);
    expect(payable.reduce((a, b) => a + b, 0)).toBe(3_272_550);
    const listTotal = 26_437 + 7_301 + 12_995;
    // Each within a penny of its exact share.
    payable.forEach((pence, i) => expect(Math.abs(pence - (3_272_550 * practices[i]!.listSize!) / listTotal)).toBeLessThan(1));
    expect(run.statements[0]!.lines).toContainEqual({ label: 'Allocation', detail: 'its share of £32,725.50', amountPence: payable[0] });
  });

  it.each([
    { practice: 'The Croft Medical Centre', lines: [['GP delivered', '81 appointments at 6 an hour, paid £95 an hour', 128250]], payable: 128300 },
    { practice: 'The Billesdon Surgery', lines: [['Nurse delivered', '25 appointments at 4 an hour, paid £50 an hour', 31250], ['GP delivered', '84 appointments at 6 an hour, paid £95 an hour', 133000]], payable: 164300 },
    { practice: 'Kibworth Medical Centre', lines: [['Nurse delivered', '208 appointments at 4 an hour, paid £50 an hour', 260000]], payable: 260000 },
  ])("$practice: lines to the penny, paid $payable pence after rounding", ({ practice, lines, payable }) => {
    const statement = statementFor(winter, practice);
    for (const [label, detail, amount] of lines) expect(statement.lines).toContainEqual({ label, detail, amountPence: amount });
    expect(statement.totals[0]).toEqual({ label: 'Amount payable to the practice', amountPence: payable, rule: 'half-up to a whole pound, from the unrounded figure' });
  });

  it('says how the share and allocation were reached', () => {
    const statement = statementFor(winter, 'Kibworth Medical Centre');
    expect(statement.lines.slice(0, 2)).toEqual([
      { label: 'Share', detail: '2.84% (list of 9,301 out of 327,255)', amountPence: null },
      { label: 'Allocation', detail: '145 appointments (18 a week over 8 weeks)', amountPence: null },
    ]);
    expect(statement.warnings).toEqual(['Kibworth Medical Centre delivered 208 appointments against an allocation of 145 (63 more); paid for all of it']);
  });

  it('says the fee in words, charged to the commissioner, so the amount column holds only what the practice is paid', () => {
    const statement = statementFor(winter, 'Kibworth Medical Centre');
    const fee = winter.payments!.rows.find((r) => r.practiceKey === statement.practiceKey)!.feePence!;
    expect(fee).toBeGreaterThan(0);
    expect(statement.lines.find((l) => l.label.startsWith('Federation fee'))).toEqual({ label: winter.payments!.fee!.label, detail: `${formatPence(fee)} on this practice’s activity, charged to the commissioner on top (not deducted from this payment)`, amountPence: null, chargedToCommissionerPence: fee });
    const amounts = statement.lines.flatMap((l) => (l.amountPence === null ? [] : [l.amountPence]));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(statement.totals[0]!.amountPence);
  });

  it('says when no activity was returned', () => {
    expect(statementFor(winter, 'Latham House Medical Practice').lines).toContainEqual({ label: 'Delivered', detail: 'no activity returned', amountPence: null });
  });

  // What a practice's money page says beside each scheme's amount: the same run's figures, in a few words.
  it.each([
    { run: winter, practice: 'Kibworth Medical Centre', delivered: '208 appointments delivered' },
    { run: winter, practice: 'The Billesdon Surgery', delivered: '109 appointments delivered' },
    { run: winter, practice: 'Latham House Medical Practice', delivered: 'No activity returned' },
    { run: pharmacists, practice: 'Oakham Medical Practice', delivered: null },
  ])('sums up what $practice delivered: $delivered', ({ run, practice, delivered }) => {
    expect(statementFor(run, practice).delivered).toBe(delivered);
  });

  it("lists a practice's contribution year by year in a multi-year scheme", () => {
    const oakham = statementFor(pharmacists, 'Oakham Medical Practice');
    expect(oakham.lines[1]).toEqual({ label: 'Allocation', detail: '2.6 pharmacist days a week', amountPence: null });
    expect(oakham.lines.filter((l) => l.label.startsWith('Contribution')).map((l) => l.label)).toEqual(['Contribution 2018/19', 'Contribution 2019/20', 'Contribution 2020/21', 'Contribution 2021/22']);
    expect(oakham.totals[0]!.label).toBe('Contribution over 4 years');
    // Which of the two schedules it is (DOMAIN 4.2), as the scheme's pages say.
    for (const line of oakham.lines.filter((l) => l.label.startsWith('Contribution'))) expect(line.detail).toMatch(/^\d+\.\d\d% of the practices’ contribution \(uplifted cost less NHS England funding\)$/);
  });

  it('says where a practice’s years, each rounded on its own, do not add to its contribution over the years, with both figures', () => {
    let differing = 0;
    for (const statement of pharmacists.statements) {
      const years = statement.lines.filter((l) => l.label.startsWith('Contribution ')).reduce((sum, l) => sum + l.amountPence!, 0);
      const total = statement.totals.find((t) => t.label.startsWith('Contribution over'))!.amountPence;
      const note = statement.warnings.find((w) => w.startsWith('The 4 years'));
      if (years === total) expect(note).toBeUndefined();
      else {
        differing++;
        expect(note).toBe(`The 4 years, each rounded on its own, add to ${formatPence(years)}; the contribution over 4 years is worked out from the unrounded years and rounded once, to ${formatPence(total)}.`);
      }
    }
    // South Wigston, County, Billesdon and Long Clawson among them.
    expect(differing).toBeGreaterThanOrEqual(4);
  });

  it('formats as text', () => {
    const text = formatStatement(statementFor(winter, 'The Croft Medical Centre'));
    expect(text).toContain('Winter access scheme 2017/18: statement for The Croft Medical Centre (C82067)');
    expect(text).toMatch(/Amount payable to the practice\s+£1,283\s+\(half-up to a whole pound/);
  });
});
