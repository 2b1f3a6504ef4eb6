import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateIn, eventually, expectTableInside, fillDate, linesOf, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, demoPracticeManager, download, saveScreenshot, seriousAxeViolations, signIn } from './harness.js';

const cbsTitle = /Public health community based services/;
const rowOf = (page: Page, text: string | RegExp) => page.locator('tbody tr', { hasText: text });
const register = (page: Page) => page.locator('main .app-scroll-box');
const sentence = (page: Page) => textOf(page.locator('main p', { hasText: /within \d+ days? of/ }));

/** The contracts register: who has not signed, what falls due, and the window the page says it shows. */
export function contractsRegisterSuite(harness: () => BrowserHarness) {
  describe('contracts register (admin)', () => {
    let page: Page;
    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin);
    });

    it('shows the register with who has not signed, and highlights the notice date due within 90 days', async () => {
      await page.locator('.nhsuk-header__navigation-list').getByRole('link', { name: 'Finance', exact: true }).click();
      await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Contracts', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Contracts' }));
      // The menu marks Finance as the section the page is in (aria-current="true"); "page" is for the Finance page itself.
      expect(await textOf(page.locator('.nhsuk-header__navigation-list [aria-current="true"]'))).toBe('Finance');
      expect(await page.locator('.nhsuk-header__navigation-list [aria-current="page"]').count()).toBe(0);
      // The finance menu stays, with Contracts as the page it is on, and leads on to Funds.
      expect(await textOf(page.getByRole('navigation', { name: 'Finance' }).locator('[aria-current="page"]'))).toBe('Contracts');
      await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Funds', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Funds' }));
      expect(await textOf(page.getByRole('navigation', { name: 'Finance' }).locator('[aria-current="page"]'))).toBe('Funds');
      await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Contracts', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Contracts' }));
      await eventually(() => textOf(rowOf(page, cbsTitle))).toContain('11 of 13');
      // Today the demo's contract has ended: nothing falls due, yet the practices that never signed are still named.
      expect(await textOf(rowOf(page, cbsTitle))).toContain('Ended 31 March 2020');
      expect(await textOf(rowOf(page, cbsTitle))).toContain('The Jubilee Medical Practice, Hazelmere Medical Centre');
      // Money written as the contract's own page writes it; every column in sight on a laptop, none scrolled off to the right.
      expect(await textOf(rowOf(page, cbsTitle))).toContain('£200,000 a year');
      await expectTableInside(page, register(page), [1280]);
      // A status tag in a table keeps to one line.
      expect(await linesOf(rowOf(page, cbsTitle).locator('.nhsuk-tag'))).toBe(1);
      await fillDate(page, 'as-at', '15/12/2019');
      await page.getByRole('button', { name: 'Show contracts due' }).click();
      await eventually(() => page.locator('tbody tr').count()).toBe(1);
      expect(await textOf(rowOf(page, cbsTitle))).toContain('Last day to give notice in 17 days');
      expect(await textOf(rowOf(page, cbsTitle))).toContain('The Jubilee Medical Practice');
      expect(await page.locator('.nhsuk-tag--red', { hasText: 'notice' }).count()).toBe(1);
      // A reminder is a phrase, not a status: it wraps in its column, so on a laptop too every column stays in sight.
      await expectTableInside(page, register(page));
      // The download holds what the page shows: the one contract due in the window.
      const csv = (await download(page, 'Download CSV')).body;
      expect(csv.toString().trim().split('\r\n')).toEqual([expect.stringContaining('Not signed'), expect.stringContaining('Last day to give notice in 17 days')]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'contracts-register');
    });

    it('says a date due today or tomorrow in those words, not in 0 or 1 days', async () => {
      for (const [asAt, reminder] of [
        ['31/12/2019', 'Last day to give notice tomorrow'],
        ['1/1/2020', 'Last day to give notice today'],
      ]) {
        await fillDate(page, 'as-at', asAt!);
        await page.getByRole('button', { name: 'Show contracts due' }).click();
        await eventually(() => textOf(rowOf(page, cbsTitle))).toContain(reminder);
      }
    });

    it('shows in the days box the window the sentence says, whatever else the address holds', async () => {
      // Days in the address without only=1 choose nothing: every contract, with the usual 90 days.
      await page.goto('/contracts?within=120');
      await eventually(() => sentence(page)).toMatch(/^Every contract; dates due within 90 days of /);
      expect(await page.getByLabel('Within this many days').inputValue()).toBe('90');
      await page.goto('/contracts?today=2019-12-15&within=120&only=1');
      await eventually(() => sentence(page)).toBe('Contracts with a notice, renewal or end date within 120 days of 15 December 2019. Show every contract');
      expect(await page.getByLabel('Within this many days').inputValue()).toBe('120');
      expect(await dateIn(page, 'as-at')).toBe('15/12/2019');
      // Back to every contract: the form goes back with the page, to today and 90 days.
      await page.getByRole('link', { name: 'Show every contract' }).click();
      await eventually(() => sentence(page)).toMatch(/^Every contract; dates due within 90 days of /);
      expect(await page.getByLabel('Within this many days').inputValue()).toBe('90');
      expect(await dateIn(page, 'as-at')).toBe('//');
      await page.getByLabel('Within this many days').fill('1');
      await page.getByRole('button', { name: 'Show contracts due' }).click();
      await eventually(() => sentence(page)).toMatch(/^Contracts with a notice, renewal or end date within 1 day of /);
    });

    it('tells a practice manager whether their practice signed, not a count of the one sub-contract they see', async () => {
      const manager = await harness().newPage();
      await signIn(manager, demoPracticeManager, '/contracts');
      await eventually(() => textOf(rowOf(manager, cbsTitle))).toContain('Signed');
      expect(await textOf(manager.locator('thead'))).toContain('Your practices’ sub-contracts');
      expect(await textOf(rowOf(manager, cbsTitle))).not.toMatch(/\d+ of \d+/);
      await manager.getByRole('link', { name: cbsTitle }).click();
      await visible(manager.getByRole('heading', { level: 2, name: 'Your practices under this contract' }));
      await manager.close();
    });

    it('adds one contract for a double click, though the form stays on screen while the contract’s page loads', async () => {
      const slow = await harness().newPage();
      await signIn(slow, demoAdmin);
      await slow.goto('/contracts/new');
      await slow.getByLabel('Title').fill('Double-clicked contract');
      await slow.getByLabel('Commissioner').fill('East Leicestershire and Rutland CCG');
      await slow.getByLabel('Parties', { exact: true }).fill('ELR CCG; ELR GP Federation');
      await slow.locator('#contract-footprintGroupId').selectOption({ label: 'East Leicestershire & Rutland GP Federation' });
      await fillDate(slow, 'contract-startDate', '1/4/2019');
      // On a slow connection the contract's page takes a while to come: until it does, the form it leaves is still there to click.
      await slow.route('**/contract-page-*.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      const add = slow.getByRole('button', { name: 'Add contract' });
      const created = slow.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/contracts');
      await add.click();
      expect((await created).status()).toBe(201);
      await add.click({ timeout: 1000 });
      await visible(slow.getByRole('heading', { level: 1, name: 'Double-clicked contract' }));
      const { items } = (await (await slow.request.get('/api/contracts?pageSize=100')).json()) as { items: { title: string }[] };
      expect(items.filter((c) => c.title === 'Double-clicked contract')).toHaveLength(1);
      await slow.close();
    });

    it('says the new page’s name once its code has come, not the name of the page before', async () => {
      const slow = await harness().newPage();
      await signIn(slow, demoAdmin, '/contracts');
      await visible(slow.getByRole('heading', { level: 1, name: 'Contracts' }));
      const before = await slow.title();
      await slow.route('**/contract-page-*.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await slow.locator('main tbody a').first().click();
      const said = () => slow.evaluate(() => document.querySelector('p[aria-live][tabindex="-1"]')?.textContent ?? '');
      // While the page's code is on its way, nothing is said; then its own name is.
      await slow.waitForTimeout(600);
      expect(await said()).toBe('');
      await eventually(said).not.toBe('');
      expect([await said(), await said() === before]).toEqual([await slow.title(), false]);
      await slow.close();
    });
  });
}
