import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { eventually, expectTableInside, problemsSay, textOf, visible } from './assertions.js';
import { pounds, readCsv, section, sumOf } from './finance-edit-steps.js';
import { type BrowserHarness, demoAdmin, saveScreenshot, seriousAxeViolations, signIn } from './harness.js';

const streamsIn2018 = readCsv('income-streams.csv').filter((r) => r.financial_year === '2018/19');

/** What a scenario says of the plan and itself for one position ("On secured income only"). */
export const scenarioPosition = (page: Page, key: string) => textOf(page.locator('.nhsuk-summary-list__row', { hasText: key }).locator('.nhsuk-summary-list__value'));

/**
 * The finance pages' figures a COO checks against each other: what a scenario changes, why the
 * streams' secured income is not the I&E's, the cash flow's receipts and opening balance, and
 * changing an I&E or running-cost line. Runs inside the admin's finance describe, which leaves the
 * page on the scenarios page; every line it changes is put back.
 */
export function financeFiguresTests(getPage: () => Page, harness: () => BrowserHarness) {
  it('raises the cautious position by the winter line when that stream is won, and says losing H Pylori changes nothing', async () => {
    const page = getPage();
    await page.goto('/finance/scenarios');
    await page.getByRole('group', { name: /Winter access scheme \(NHS E\)/ }).getByLabel('Won').check();
    await page.getByRole('group', { name: /^H Pylori/ }).getByLabel('Lost').check();
    await page.getByRole('button', { name: 'Compare with the plan' }).click();
    await eventually(() => textOf(page.locator('#comparison-heading'))).toBe('If Winter access scheme won, H Pylori lost');
    expect(await scenarioPosition(page, 'On secured income only')).toBe('The plan: a deficit of £4,188. This scenario: a deficit of £688.');
    await visible(page.getByText('Losing H Pylori changes nothing in 2018/19: the plan’s I&E counts no income from it (no I&E line is linked to it), and the cash flow counts only secured streams.'));
    await saveScreenshot(page, 'finance-scenario-won');
  });

  it('says on the streams page and the I&E why the streams’ secured income is not the I&E’s, and totals the streams by status', async () => {
    const page = getPage();
    await page.goto('/finance');
    const secured = sumOf(streamsIn2018.filter((r) => r.status === 'secured'));
    const sentence = page.getByText(new RegExp(`^In 2018/19 the secured income streams bring in ${pounds(secured)} gross, including £[\\d,]+ paid on to practices, while the I&E counts ${pounds(169_432)} of secured income`));
    await visible(sentence);
    const said = await textOf(sentence);
    const totals = section(page, 'streams').locator('.app-table__row--total');
    expect(await totals.count()).toBe(2);
    for (const [i, status] of ['secured', 'potential'].entries()) expect(await totals.nth(i).innerText()).toContain(pounds(sumOf(streamsIn2018.filter((r) => r.status === status))));
    await page.getByRole('link', { name: 'Income and expenditure' }).click();
    await visible(section(page, 'ie-heading').getByText(said));
  });

  it('fits the receipts by stream on a laptop (scrolling sideways on a smaller one) with a TOTAL row, and says where last year’s close differs from the plan’s opening balance', async () => {
    const page = getPage();
    await page.getByRole('link', { name: 'Cash flow' }).click();
    const receipts = section(page, 'receipts-heading').locator('.app-scheme-table');
    await expectTableInside(page, receipts, [1280]);
    await page.setViewportSize({ width: 1024, height: 900 });
    expect(await receipts.evaluate((box) => [box.scrollWidth > box.clientWidth, getComputedStyle(box).overflowX, box.getAttribute('tabindex')])).toEqual([true, 'auto', '0']);
    await page.setViewportSize({ width: 1280, height: 900 });
    const cashReceipts = await textOf(section(page, 'balance-heading').locator('.app-table__row--total td').nth(2));
    expect(await textOf(receipts.locator('.app-table__row--total td').last())).toBe(cashReceipts);
    const note = /2017\/18 closes at £[\d,.]+ in this cash flow; the plan opens 2018\/19 at £56,032\./;
    await visible(section(page, 'balance-heading').getByText(note));
    await visible(page.locator('#edit-year-openingBalance--hint').getByText(note));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'finance-cash-flow-receipts');
  });

  it('says on a stream’s page which reports its amounts feed, naming the I&E line that stands for it', async () => {
    const page = getPage();
    await page.goto('/finance');
    await page.getByRole('link', { name: 'Change CBS (Health checks, contraception, alcohol)' }).click();
    await visible(page.getByText('Its amounts count in the secured income totals and in the cash flow, paid as its terms say (the practices’ 95% share paid on as it comes in).'));
    await visible(page.getByText(/^The I&E does not read these amounts: its income lines are typed separately\. Its line “CBS net income” \(secured, 2018\/19, £9,900\) is the federation’s share/));
  });

  it('changes an income line’s amount and comment, and the I&E follows; a change from a page someone else has changed since is refused', async () => {
    const page = getPage();
    await page.goto('/finance/ie');
    const change = async (on: Page, line: string, values: Record<string, string>) => {
      await on.getByRole('button', { name: `Change ${line}` }).click();
      for (const [field, value] of Object.entries(values)) await on.locator(`#change-ie-lines-${field}`).fill(value);
      await on.getByRole('button', { name: 'Save the line' }).click();
    };
    await change(page, 'Winter scheme 18/19', { amount: '£4,000', comment: 'Bid submitted' });
    await visible(page.getByText('Saved Winter scheme 18/19. The I&E above includes the change.'));
    await visible(page.getByText('If the potential income of £4,000 comes in: a deficit of £188.'));
    await saveScreenshot(page, 'finance-income-line-changed');
    const other = await harness().newPage();
    await signIn(other, demoAdmin, '/finance/ie');
    await change(other, 'Winter scheme 18/19', { comment: 'Bid accepted in principle' });
    await visible(other.getByText('Saved Winter scheme 18/19.', { exact: false }));
    await page.locator('#change-ie-lines-amount').fill('£3,500');
    await page.getByRole('button', { name: 'Save the line' }).click();
    await problemsSay(page, 'This I&E income line was changed by someone else since you opened it');
    await change(other, 'Winter scheme 18/19', { amount: '£3,500', comment: 'TBD' });
    await visible(other.getByText('If the potential income of £3,500 comes in: a deficit of £688.'));
    await other.close();
  });

  it('changes the running-cost line, which the I&E shows once under expenditure, and puts it back', async () => {
    const page = getPage();
    await page.goto('/finance/ie');
    const expenditure = section(page, 'ie-heading').locator('table').first().locator('tr', { hasText: 'Expenditure' });
    await visible(expenditure);
    expect(await expenditure.count()).toBe(1);
    expect(await textOf(expenditure)).toContain('Running costs (total)');
    for (const amount of ['£174,620', '£173,620']) {
      await page.getByRole('button', { name: 'Change Running costs (total)' }).click();
      await page.locator('#change-running-costs-amount').fill(amount);
      await page.getByRole('button', { name: 'Save the line' }).click();
      await eventually(() => textOf(page.locator('#ie-heading'))).toBe(`2018/19: a deficit of ${amount === '£174,620' ? '£5,188' : '£4,188'} on secured income only`);
      if (amount === '£174,620') await saveScreenshot(page, 'finance-running-cost-changed');
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
