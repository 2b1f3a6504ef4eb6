import { describe, expect, it } from 'vitest';
import { formatCell, type ReportColumn, type ReportRow } from './report-columns.js';
import { displayCell } from './report-cells.js';
import { schemeReportTables } from './report-tables.js';
import { runScheme } from './run-scheme.js';
import { ELR_DATA, EXAMPLES, loadExample, readRecords } from '../../../test/support/scheme-seeds.js';

const winterInput = loadExample('winter-access-2017-18');
const winter = schemeReportTables(runScheme(winterInput), winterInput.definition);
const pharmacistInput = loadExample('clinical-pharmacists-2018');
const pharmacists = schemeReportTables(runScheme(pharmacistInput), pharmacistInput.definition);
const table = (tables: typeof winter, name: string) => tables.find((t) => t.name === name)!;

describe('schemeReportTables', () => {
  it.each([
    ['winter', winter, ['overview', 'allocation', 'payments', 'summary', 'footing', 'statements', 'warnings']],
    ['pharmacists', pharmacists, ['overview', 'allocation', 'summary', 'footing', 'schedule', 'contributions', 'contributions_year_1_cost', 'differences', 'statements']],
  ] as const)('gives the %s scheme the tables it has', (_name, tables, names) => {
    expect(tables.map((t) => t.name)).toEqual(names);
  });

  it('lays the winter overview out as the seed does: every expected column and cell, as text', () => {
    const expected = readRecords(`${ELR_DATA}winter-access-2017-18-expected.csv`);
    const overview = table(winter, 'overview');
    for (const [i, row] of expected.entries()) {
      for (const [key, value] of Object.entries(row)) {
        if (value === '') continue; // the seed leaves some TOTAL cells blank
        const column = overview.columns.find((c) => c.key === key)!;
        expect(formatCell(column, overview.rows[i]![key] ?? null), `${row.practice} ${key}`).toBe(value);
      }
    }
  });

  it('puts each practice contribution and its TOTAL in the pharmacist overview', () => {
    const overview = table(pharmacists, 'overview');
    expect(overview.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['wte_days_per_week', 'contribution_2018_19', 'contribution_2021_22', 'contribution_total']));
    expect(overview.rows.at(-1)).toMatchObject({ practice: 'TOTAL', list_size: 93492, wte_days_per_week: 15, contribution_2018_19: 93860, contribution_total: 564826 });
  });

  it.each([
    ['gross_cost', [180860, 184377, 187965, 191624, 186206, 744826]],
    ['cost_per_patient', [1.93, 1.97, 2.01, 2.05, 1.99, null]],
  ])('schedule column %s: the years, their average, then their total', (key, values) => {
    expect(table(pharmacists, 'schedule').rows.map((r) => r[key] ?? null)).toEqual(values);
  });

  it('totals each cost line of the schedule, as its funding and gross cost are', () => {
    const schedule = table(pharmacists, 'schedule');
    const years = schedule.rows.slice(0, -2);
    const lines = schedule.columns.filter((c) => c.key.startsWith('cost_') && c.key !== 'cost_per_patient');
    expect(lines.map((c) => c.label)).toEqual(['Clinical pharmacists £', 'Federation support £']);
    for (const column of lines) {
      const sum = years.reduce((total, r) => total + Math.round(Number(r[column.key]) * 100), 0);
      expect(Math.round(Number(schedule.rows.at(-1)![column.key]) * 100)).toBe(sum);
    }
  });

  it('says which contribution schedule each table is, and gives the other one its own table and total', () => {
    const titled = Object.fromEntries(pharmacists.map((t) => [t.name, t.title]));
    expect(titled).toMatchObject({
      overview: 'NHS England clinical pharmacists scheme 2018-2022. Contributions: uplifted cost less NHS England funding',
      schedule: 'Multi-year cost sharing: uplifted cost less NHS England funding, shared by the practices',
      contributions: "Each practice’s contribution by year: uplifted cost less NHS England funding",
      contributions_year_1_cost: "The other schedule, each practice’s contribution by year: year-1 cost less NHS England funding",
      differences: "The federation's 2018 spreadsheet against the cost model’s contributions, uplifted cost less NHS England funding (difference = hand − model)",
    });
    // The year-1 schedule's TOTAL row is the hand schedule the seed worked out that way, year by year.
    const hand = readRecords(`${EXAMPLES}clinical-pharmacists-2018-hand-schedule.csv`);
    const other = table(pharmacists, 'contributions_year_1_cost');
    expect(hand.map((h) => other.rows.at(-1)![`contribution_${h.year!.replace('/', '_')}`])).toEqual(hand.map((h) => Number(h.amount)));
    const summary = new Map(table(pharmacists, 'summary').rows.map((r) => [r.metric, r]));
    expect(summary.get('practices_contribution_total_year_1_cost')).toMatchObject({ value: summary.get('hand_schedule_total')!.value, rule: expect.stringMatching(/^the other schedule, year-1 cost less NHS England funding: /) });
    expect(summary.get('practices_contribution_total')!.rule).toMatch(/^uplifted cost less NHS England funding: /);
    expect(table(pharmacists, 'footing').rows.filter((r) => r.table === 'Schedule at year-1 cost')).toHaveLength(hand.length + 1);
  });

  it('names the footing in the summary', () => {
    const summary = Object.fromEntries(table(winter, 'summary').rows.map((r) => [r.metric, r.value]));
    expect(summary).toMatchObject({ appointments_allocated_total: 5100, appointments_sum_of_rounded_rows: 5099, delivered_cost: 66689, delivered_cost_sum_of_rounded_rows: 66692, grand_total: 70024, grand_total_sum_of_shown_parts: 70023 });
  });

  it('keeps each footing figure a number, with £ as its unit where it is money, and shows it so', () => {
    const footing = table(winter, 'footing');
    const appointments = footing.rows.find((r) => r.column === 'appointments')!;
    const cost = footing.rows.find((r) => r.table === 'Payments' && r.column === 'delivered cost')!;
    expect(appointments).toMatchObject({ total: 5100, sum_of_rounded_rows: 5099, difference: -1, unit: null });
    expect(cost).toMatchObject({ total: 66689, sum_of_rounded_rows: 66692, difference: 3, unit: '£' });
    const shown = (row: ReportRow) => footing.columns.filter((c) => c.kind !== 'text').map((c) => displayCell(c, row[c.key] ?? null, row));
    expect(shown(appointments)).toEqual(['5,100', '5,099', '−1']);
    expect(shown(cost)).toEqual(['£66,689', '£66,692', '£3']);
  });

  it('says which summary figures are pounds, and shows them with £', () => {
    const summary = table(winter, 'summary');
    const value = summary.columns.find((c) => c.key === 'value')!;
    const row = (metric: string) => summary.rows.find((r) => r.metric === metric)!;
    expect(displayCell(value, row('list_size_total').value ?? null, row('list_size_total'))).toBe('327,255');
    expect(displayCell(value, row('federation_fee').value ?? null, row('federation_fee'))).toBe('£3,334');
    expect(summary.rows.filter((r) => r.unit === '£').map((r) => r.metric)).toEqual(['delivered_cost', 'delivered_cost_sum_of_rounded_rows', 'federation_fee', 'grand_total', 'grand_total_sum_of_shown_parts']);
  });
});

describe('formatCell', () => {
  const column = (decimals?: number): ReportColumn => ({ key: 'x', label: 'X', kind: 'number', ...(decimals !== undefined ? { decimals } : {}) });
  it.each([
    [column(2), 7.5, '7.50'],
    [column(1), 1, '1.0'],
    [column(0), 2600, '2600'],
    [column(), 1.061208, '1.061208'],
    [column(2), null, ''],
    [column(), 'text', 'text'],
  ])('%j %s → %j', (col, value, text) => {
    expect(formatCell(col, value)).toBe(text);
  });
});
