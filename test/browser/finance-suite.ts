import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmQuestionCancels, eventually, expectTableInside, headingLevelsSkipped, problemsSay, textOf, visible } from './assertions.js';
import { amountsIn, incomeTotals, penceIn, pounds, readCsv, section, sumOf } from './finance-edit-steps.js';
import { financeFiguresTests, scenarioPosition } from './finance-figures-steps.js';
import { type BrowserHarness, demoAdmin, demoPracticeManager, saveScreenshot, screenshotDir, seriousAxeViolations, signIn } from './harness.js';

/** Finance in the browser: the ELR income table, the 2018/19 I&E, the cash flow and a scenario, and who sees what. */
export function financeSuite(harness: () => BrowserHarness) {
  describe('finance (admin)', () => {
    let page: Page;
    const streams = readCsv('income-streams.csv');
    const years = ['2017/18', '2018/19', '2019/20'];

    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin);
    });

    it('shows secured and potential income by funder and year, totalled as the seed does, and warns about money counted twice', async () => {
      await page.getByRole('link', { name: 'Finance', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Finance' }));
      const warning = await textOf(page.locator('.nhsuk-card--warning', { hasText: 'Money counted twice' }));
      expect(warning).toContain('Demand management 2018/19 is counted twice');
      expect(await headingLevelsSkipped(page)).toEqual([]);
      const total = await textOf(section(page, 'funder-totals').locator('.app-table__row--total'));
      for (const year of years) {
        for (const status of ['secured', 'potential']) expect(total).toContain(pounds(sumOf(streams.filter((r) => r.financial_year === year && r.status === status))));
      }
      expect(total).toContain(pounds(sumOf(streams.filter((r) => r.status === 'secured'))));
      expect(total).toContain(pounds(sumOf(streams.filter((r) => r.status === 'potential'))));
      // Every column of the streams, the admin's Change links last, in sight on a laptop and a small one.
      await expectTableInside(page, section(page, 'streams').locator('.app-scheme-table'));
      const savings = await textOf(section(page, 'savings').locator('.app-table__row--total'));
      expect(savings).toContain(pounds(sumOf(readCsv('cost-savings.csv'))));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-streams');
    });

    it('shows the 2018/19 I&E added up from its lines: a deficit of £4,188 on secured income only, £688 if the potential income comes in', async () => {
      await page.getByRole('link', { name: 'Income and expenditure' }).click();
      await eventually(() => textOf(page.locator('#ie-heading'))).toBe('2018/19: a deficit of £4,188 on secured income only');
      await visible(page.getByText('If the potential income of £3,500 comes in: a deficit of £688.'));
      const table = await textOf(section(page, 'ie-heading'));
      const printed = readCsv('ie-forecast-2018-19.csv').filter((r) => r.row_type !== 'item' && r.section !== 'expenditure');
      for (const row of printed) expect(table).toContain(pounds(Number(row.amount)));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-ie');
    });

    it('puts the winter scheme’s fee, as the schemes engine works it out, beside the plan’s line, and links another line to a scheme', async () => {
      const api = async (path: string) => (await page.request.get(new URL(path, page.url()).href)).json();
      const winter = (await api('/api/schemes?pageSize=100')).items.find((s: { slug: string }) => s.slug === 'winter-access-2017-18');
      const feePence: number = (await api(`/api/schemes/${winter.id}/run`)).run.payments.totals.fee.total;
      const planned = Number(readCsv('ie-forecast-2018-19.csv').find((r) => r.line === 'Winter scheme 17/18')!.amount);
      const withFee = -688 * 100 + feePence - planned * 100;
      const fees = page.getByRole('table').filter({ hasText: 'Worked out' });
      const winterRow = fees.locator('tr', { hasText: 'Winter scheme 17/18' });
      await eventually(async () => (await textOf(winterRow)).split('\t')).toEqual(expect.arrayContaining(['Winter access scheme 2017/18', pounds(planned), pounds(feePence / 100), pounds(feePence / 100 - planned)]));
      await visible(page.getByText(`With the schemes’ fees worked out from their delivered activity: a deficit of ${pounds(-withFee / 100)} if the potential income comes in.`));
      await saveScreenshot(page, 'finance-ie-scheme-fees');
      // A scheme over several years cannot be a line's fee (its payments are not split by year), and the winter scheme is already one.
      await page.getByRole('button', { name: 'Change H Pylori' }).click();
      await page.locator('#change-ie-lines-schemeId').selectOption({ label: 'NHS England clinical pharmacists scheme 2018-2022' });
      await page.getByRole('button', { name: 'Save the line' }).click();
      await problemsSay(page, 'runs over 4 financial years');
      await page.locator('#change-ie-lines-schemeId').selectOption({ label: 'Winter access scheme 2017/18' });
      await page.getByRole('button', { name: 'Save the line' }).click();
      await problemsSay(page, 'already linked to another I&E line, “Winter scheme 17/18”');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-ie-scheme-link-refused');
      await page.getByRole('button', { name: 'Close without saving' }).click();
      await eventually(() => textOf(page.locator('#ie-heading'))).toBe('2018/19: a deficit of £4,188 on secured income only');
      // The secured winter stream pays for the scheme: its page says so and its form keeps the link.
      const stream = (await api('/api/income-streams?name=Winter&pageSize=10')).items.find((s: { status: string }) => s.status === 'secured');
      await page.goto(`/finance/streams/${stream.id}`);
      await visible(page.getByText(/Pays for the scheme Winter access scheme 2017\/18\. Once the scheme’s delivered activity is recorded/));
      expect(await page.locator('#edit-stream-schemeId option:checked').innerText()).toBe('Winter access scheme 2017/18');
      await saveScreenshot(page, 'finance-stream-scheme');
      await page.goto('/finance/ie');
    });

    it('shows the cash flow month by month with a chart, and picks out the months below a chosen threshold', async () => {
      await page.getByRole('link', { name: 'Cash flow' }).click();
      await visible(page.locator('#balance-heading'));
      expect(await section(page, 'balance-heading').locator('svg rect').count()).toBe(12);
      // Twelve months and the TOTAL row.
      expect(await section(page, 'balance-heading').locator('tbody tr').count()).toBe(13);
      const lowAtDefault = await section(page, 'balance-heading').locator('svg rect[fill="#d5281b"]').count();
      expect(await textOf(page.locator('.app-finance-low'))).toContain(`${lowAtDefault} months end below £20,000`);
      await page.getByLabel('Warn when the balance ends a month below').fill('-£50,000');
      await page.getByRole('button', { name: 'Show the cash flow' }).click();
      await eventually(() => page.url()).toContain('threshold=-%C2%A350%2C000');
      await eventually(() => section(page, 'balance-heading').locator('svg rect[fill="#d5281b"]').count()).toBe(0);
      await visible(page.getByText('No month ends below −£50,000.'));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Warn when the balance ends a month below').fill('');
      await page.getByRole('button', { name: 'Show the cash flow' }).click();
      await eventually(() => section(page, 'balance-heading').locator('svg rect[fill="#d5281b"]').count()).toBe(lowAtDefault);
      await saveScreenshot(page, 'finance-cash-flow');
    });

    it('compares a scenario with the plan: losing the potential winter scheme deepens the deficit by its I&E line', async () => {
      await page.getByRole('link', { name: 'Scenarios' }).click();
      const winterLine = Number(readCsv('ie-forecast-2018-19.csv').find((r) => r.line === 'Winter scheme 18/19')!.amount);
      await page.getByRole('group', { name: /Winter access scheme \(NHS E\)/ }).getByLabel('Lost').check();
      await page.getByRole('button', { name: 'Compare with the plan' }).click();
      await eventually(() => textOf(page.locator('#comparison-heading'))).toBe('If Winter access scheme lost');
      // Losing it leaves the cautious position as it was, and takes its line out of the position if the potential income comes in.
      expect(await scenarioPosition(page, 'On secured income only')).toBe('The plan: a deficit of £4,188. This scenario: a deficit of £4,188.');
      expect(await scenarioPosition(page, 'If the potential income comes in')).toBe(`The plan: a deficit of £688. This scenario: a deficit of ${pounds(688 + winterLine)}.`);
      expect(await section(page, 'comparison-heading').locator('svg[role="img"]').count()).toBe(2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-scenario');
    });

    it('adds nothing for a won stream the plan already counts as secured, and says so', async () => {
      const streams = readCsv('income-streams.csv').filter((r) => r.financial_year === '2018/19' && Number(r.amount) > 0);
      const twin = streams.find((p) => p.status === 'potential' && streams.some((s) => s.status === 'secured' && s.stream === p.stream))!;
      await page.getByRole('group', { name: /Winter access scheme \(NHS E\)/ }).getByLabel('As planned').check();
      await page.getByRole('group', { name: new RegExp(`^${twin.stream}`) }).getByLabel('Won').check();
      await page.getByRole('button', { name: 'Compare with the plan' }).click();
      await eventually(() => textOf(page.locator('#comparison-heading'))).toBe(`If ${twin.stream} won`);
      const text = await textOf(section(page, 'comparison-heading'));
      expect(text).toContain('The plan: a deficit of £688. This scenario: a deficit of £688.');
      expect(text).toContain(`${twin.stream} is already counted as secured in 2018/19`);
    });

    financeFiguresTests(() => page, harness);

    it('adds a running-cost line, refusing a negative amount, and the I&E takes it in', async () => {
      await page.goto('/finance/ie');
      const form = page.getByRole('region', { name: 'Add a running-cost line for 2018/19' });
      await form.getByLabel('Budget line').fill('Insurance');
      await form.getByLabel('Line', { exact: true }).fill('Professional indemnity');
      await form.getByLabel('Amount for the year').fill('-5');
      await form.getByRole('button', { name: 'Add the running-cost line' }).click();
      await problemsSay(form, 'must not be negative');
      await form.getByLabel('Amount for the year').fill('£1,000');
      await form.getByRole('button', { name: 'Add the running-cost line' }).click();
      await visible(section(page, 'costs-heading').getByText('Professional indemnity'));
      await saveScreenshot(page, 'finance-running-cost-added');
      await eventually(() => textOf(page.locator('#ie-heading'))).toBe('2018/19: a deficit of £5,188 on secured income only');
      // Breaking the single total into lines: remove it, and only the new line is left.
      const secured = sumOf(readCsv('ie-forecast-2018-19.csv').filter((r) => r.row_type === 'item' && r.section === 'secured income'));
      // Removing a line asks first, naming it and what it takes out of the year.
      const removeTotal = () => section(page, 'edit-costs-heading').getByRole('button', { name: 'Remove Running costs (total)' }).click();
      const question = page.getByRole('region', { name: /Remove Running costs \(total\)\?/ });
      await confirmQuestionCancels(page, question, 'remove-running-costs-heading', removeTotal);
      expect(await textOf(page.locator('#ie-heading'))).toBe('2018/19: a deficit of £5,188 on secured income only');
      await removeTotal();
      expect(await textOf(question)).toContain('Its £173,620 comes out of 2018/19 at once');
      await question.getByRole('button', { name: 'Yes, remove Running costs (total)' }).click();
      await eventually(() => textOf(page.locator('#ie-heading'))).toBe(`2018/19: a surplus of ${pounds(secured - 1000)} on secured income only`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-running-cost-lines');
    });

    it('adds a potential income line to the I&E and removes it again', async () => {
      const heading = page.locator('#ie-heading');
      const before = await textOf(heading);
      const potential = async () => Number(/potential income of £([\d,]+)/.exec(await textOf(section(page, 'ie-heading').locator('p').first()))![1]!.replace(/,/g, ''));
      const potentialBefore = await potential();
      const form = page.getByRole('region', { name: 'Add an income line for 2018/19' });
      await form.getByLabel('Income', { exact: true }).selectOption('potential');
      await form.getByLabel('Line', { exact: true }).fill('Care home ward rounds (Rutland CC)');
      await form.getByLabel('Amount for the year').fill('£2,500');
      await form.getByRole('button', { name: 'Add the income line' }).click();
      await visible(form.getByText('Added Care home ward rounds (Rutland CC). The I&E above includes it.'));
      const ie = page.locator('table').first();
      await eventually(() => textOf(ie)).toContain('Care home ward rounds (Rutland CC)');
      await eventually(potential).toBe(potentialBefore + 2500);
      await section(page, 'income-lines-heading').screenshot({ path: join(screenshotDir, 'finance-income-lines.png') });
      const removeLine = () => section(page, 'income-lines-heading').getByRole('button', { name: 'Remove Care home ward rounds (Rutland CC)' }).click();
      const question = page.getByRole('region', { name: /Remove Care home ward rounds \(Rutland CC\)\?/ });
      await confirmQuestionCancels(page, question, 'remove-ie-lines-heading', removeLine);
      expect(await textOf(ie)).toContain('Care home ward rounds (Rutland CC)');
      await removeLine();
      expect(await textOf(question)).toContain('Its £2,500 of potential income comes out of 2018/19 at once: the I&E changes with it (the cash flow, which counts the income streams, does not)');
      await question.getByRole('button', { name: 'Yes, remove Care home ward rounds (Rutland CC)' }).click();
      await eventually(() => textOf(heading)).toBe(before);
      // The table reloads on its own: under load it may follow the heading by a moment.
      await eventually(() => textOf(ie)).not.toContain('Care home ward rounds (Rutland CC)');
    });

    it('adds a potential stream with an amount for a year, and the potential total grows by that amount', async () => {
      await page.goto('/finance');
      await visible(page.locator('#funder-totals'));
      const before = await incomeTotals(page);
      await page.locator('#add-stream-funder').fill('Rutland County Council');
      await page.locator('#add-stream-name').fill('Care home ward rounds');
      await page.locator('#add-stream-practicesSharePercent').fill('95');
      await page.getByRole('button', { name: 'Add the stream' }).click();
      await visible(page.getByRole('heading', { level: 1, name: /Care home ward rounds/ }));
      await page.locator('#add-amount-financialYear').selectOption('2018/19');
      await page.locator('#add-amount-amount').fill('£12,345.67');
      await page.getByRole('button', { name: 'Add the amount' }).click();
      await visible(page.locator('#amounts-heading').locator('..').getByRole('cell', { name: '£12,345.67' }));
      // Taking a year's amount away asks first; cancelled, the amount stays.
      const question = page.getByRole('region', { name: /Remove the amount for 2018\/19\?/ });
      await confirmQuestionCancels(page, question, 'remove-amount-heading', () => page.getByRole('button', { name: 'Remove 2018/19' }).click());
      // Put away, the question gives focus back to the button that asked it.
      await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Remove 2018/19');
      await visible(page.locator('#amounts-heading').locator('..').getByRole('cell', { name: '£12,345.67' }));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-stream-added');
      await page.getByRole('link', { name: 'Finance', exact: true }).first().click();
      await eventually(() => incomeTotals(page)).toEqual({ secured: before.secured, potential: before.potential + 1_234_567 });
      await visible(section(page, 'streams').getByRole('link', { name: 'Change Care home ward rounds' }));
      await saveScreenshot(page, 'finance-stream-in-totals');
    });

    it('changes the stream to secured, and the amount moves from the potential to the secured total', async () => {
      const before = await incomeTotals(page);
      await section(page, 'streams').getByRole('link', { name: 'Change Care home ward rounds' }).click();
      await page.locator('#edit-stream-status').selectOption('secured');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved Care home ward rounds.'));
      await page.getByRole('link', { name: 'Finance', exact: true }).first().click();
      await eventually(() => incomeTotals(page)).toEqual({ secured: before.secured + 1_234_567, potential: before.potential - 1_234_567 });
    });

    it('refuses a change made on a page someone else has changed since, with the conflict message', async () => {
      await section(page, 'streams').getByRole('link', { name: 'Change Care home ward rounds' }).click();
      await visible(page.locator('#edit-stream-comment'));
      const other = await harness().newPage();
      await signIn(other, demoAdmin, page.url());
      await other.locator('#edit-stream-comment').fill('Confirmed by the council in writing');
      await other.getByRole('button', { name: 'Save changes' }).click();
      await visible(other.getByText('Saved Care home ward rounds.'));
      await page.locator('#edit-stream-comment').fill('Awaiting the council’s letter');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(page, 'This income stream was changed by someone else since you opened it');
      await saveScreenshot(page, 'finance-stream-conflict');
    });

    it('deletes the stream after saying what goes with it, and the secured total drops by its amount', async () => {
      await page.goto('/finance');
      const before = await incomeTotals(page);
      await section(page, 'streams').getByRole('link', { name: 'Change Care home ward rounds' }).click();
      await page.getByText('Delete this income stream').click();
      await visible(page.getByText(/its amount in every year for good/));
      await page.locator('details[open]').screenshot({ path: join(screenshotDir, 'finance-stream-delete.png') });
      await page.getByRole('button', { name: 'Delete Care home ward rounds' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Finance' }));
      await eventually(() => incomeTotals(page)).toEqual({ secured: before.secured - 1_234_567, potential: before.potential });
      expect(await section(page, 'streams').getByRole('link', { name: 'Change Care home ward rounds' }).count()).toBe(0);
    });

    it('adds a cost saving and changes its realised amount, and the savings total follows', async () => {
      await page.goto('/finance');
      const savingsTotals = async () => amountsIn(await textOf(section(page, 'savings').locator('.app-table__row--total')));
      // The realised total is blank until some saving has a realised figure.
      const [expectedBefore, realisedBefore] = await savingsTotals();
      const realisedShown = realisedBefore === undefined ? [] : [realisedBefore];
      await page.locator('#add-saving-initiative').fill('Shared stationery contract');
      await page.locator('#add-saving-financialYear').fill('2018/19');
      await page.locator('#add-saving-expected').fill('£2,500');
      await page.getByRole('button', { name: 'Add the saving' }).click();
      await visible(section(page, 'savings').getByRole('link', { name: 'Change Shared stationery contract 2018/19' }));
      await eventually(savingsTotals).toEqual([expectedBefore! + 250_000, ...realisedShown]);
      await section(page, 'savings').getByRole('link', { name: 'Change Shared stationery contract 2018/19' }).click();
      await page.locator('#edit-saving-realised').fill('1,800');
      await page.getByRole('button', { name: 'Save the saving' }).click();
      await visible(page.getByText('Saved Shared stationery contract 2018/19.'));
      await eventually(savingsTotals).toEqual([expectedBefore! + 250_000, (realisedBefore ?? 0) + 180_000]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-saving-changed');
    });

    it('raises the year’s opening balance, and the cash flow opens £10,000 higher', async () => {
      await page.getByRole('link', { name: 'Cash flow' }).click();
      const opening = async () => penceIn(await textOf(page.getByText(/^Opens at/)));
      const before = await opening();
      expect(penceIn(await page.locator('#edit-year-openingBalance').inputValue())).toBe(before);
      await page.locator('#edit-year-openingBalance').fill(`£${(before + 1_000_000) / 100}`);
      await page.getByRole('button', { name: 'Save the year' }).click();
      await eventually(opening).toBe(before + 1_000_000);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-year-changed');
    });

    it('says a year outside the plan is a page not found, once, and takes a year written short', async () => {
      await page.goto('/finance/ie?year=2030/31');
      await visible(page.getByRole('heading', { level: 1, name: 'Page not found' }));
      // Once the page has settled (under load its parts answer one by one).
      await eventually(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await visible(page.getByText('2030/31 is outside the finance plan'));
      await page.goto('/finance/ie?year=18/19');
      await eventually(() => textOf(page.locator('#ie-heading'))).toMatch(/^2018\/19: /);
      // The year chooser shows the year the figures are for, not the first it offers (2017/18).
      expect(await page.getByLabel('Financial year').inputValue()).toBe('2018/19');
      await page.goto('/finance/scenarios?year=19/20');
      await eventually(() => page.getByLabel('Financial year').inputValue()).toBe('2019/20');
      await visible(page.getByText(/^Urgent care \(ELR CCG\): £75,000 potential in 2019\/20$/));
    });
  });

  describe('finance (practice manager)', () => {
    let page: Page;
    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoPracticeManager, '/finance');
    });

    it('sees the income streams and savings, but not the federation’s I&E or cash flow', async () => {
      await visible(page.getByRole('heading', { level: 1, name: 'Finance' }));
      await visible(section(page, 'streams').locator('table'));
      expect(await page.getByRole('heading', { name: 'Import a finance file' }).count()).toBe(0);
      for (const form of ['Add an income stream', 'Add a cost saving']) expect(await page.getByRole('heading', { name: form }).count()).toBe(0);
      expect(await page.locator('main').getByRole('link', { name: /^Change/ }).count()).toBe(0);
      await page.goto('/finance/streams/1');
      await visible(page.getByRole('heading', { level: 1, name: 'You do not have permission' }));
      await page.goto('/finance/ie');
      await visible(page.getByRole('heading', { level: 1, name: 'You do not have permission' }));
    });
  });
}
