import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { closedWords } from '../../src/domain/finance/closed-years.js';
import { todayInEngland } from '../../src/domain/iso-date.js';
import { eventually, headingLevelsSkipped, problemsSay, textOf, visible } from './assertions.js';
import { makeSchemeRequest } from '../support/factories.js';
import { type BrowserHarness, csrfHeaders, demoAdmin, saveScreenshot, seriousAxeViolations, signIn } from './harness.js';

/**
 * Closing a financial year in the browser: the admin closes 2018/19 after a confirm, its pages say
 * when and by whom, a change to its opening balance is refused naming the year, and reopening asks
 * why. Run last of the finance suites, and it reopens the year, so the others see an open plan.
 */
export function yearEndSuite(harness: () => BrowserHarness) {
  describe('closing a financial year (admin)', () => {
    let page: Page;
    const closed = closedWords({ financialYear: '2018/19', closedOn: todayInEngland(), closedBy: demoAdmin.name });

    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin, '/finance/years');
      // A scheme paid for in 2018/19, approved and not yet invoiced: what the closing names as still open,
      // whatever the suites before this one left settled.
      const headers = await csrfHeaders(page);
      const request = makeSchemeRequest({ id: 'year-end-clinics-2018-19', name: 'Year-end clinics 2018/19', period: { weeks: 8, financialYears: ['2018/19'] } });
      const { scheme } = (await (await page.request.post('/api/schemes', { data: request, headers })).json()) as { scheme: { id: number } };
      expect((await page.request.post(`/api/schemes/${scheme.id}/approve`, { data: { rowVersion: 1 }, headers })).status()).toBe(200);
      await page.reload();
    });

    it('closes 2018/19 after asking, and says so on the years and on its pages', async () => {
      await visible(page.getByRole('heading', { level: 1, name: 'Financial years' }));
      const row = page.getByRole('row', { name: /2018\/19/ });
      expect(await textOf(row)).toMatch(/2018\/19\s+Open/);
      await row.getByRole('button', { name: 'Close 2018/19' }).click();
      await visible(page.getByRole('heading', { name: 'Close 2018/19?' }));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-year-close-question');
      await page.getByRole('button', { name: 'Yes, close 2018/19' }).click();
      // Refused while the scheme is open, naming it; asked again, it closes anyway.
      await visible(page.getByRole('heading', { name: 'Close 2018/19 anyway?' }));
      expect(await textOf(page.locator('#confirm-close-text'))).toContain('Year-end clinics 2018/19 version 1 is approved but not invoiced to the commissioner');
      await page.getByRole('button', { name: 'Yes, close 2018/19 anyway' }).click();
      await visible(page.getByText('Closed 2018/19.'));
      await eventually(() => textOf(page.getByRole('row', { name: /2018\/19/ }))).toContain(closed);
      expect(await headingLevelsSkipped(page)).toEqual([]);
      await page.goto(new URL('/finance/ie?year=2018/19', page.url()).href);
      await eventually(() => textOf(page.locator('.nhsuk-inset-text'))).toContain(`${closed}. Its figures cannot change until an admin reopens it`);
      await saveScreenshot(page, 'finance-year-closed-ie');
    });

    it('refuses a change to the closed year’s opening balance, naming the year and who closed it', async () => {
      await page.goto(new URL('/finance/cash-flow?year=2018/19', page.url()).href);
      const form = page.getByRole('region', { name: 'Change 2018/19’s opening balance and threshold' });
      await form.getByLabel('Opening balance').fill('£1,234');
      await form.getByRole('button', { name: 'Save the year' }).click();
      await problemsSay(form, `This change to a year of the plan would alter the figures of a closed financial year: 2018/19 was ${closed.charAt(0).toLowerCase()}${closed.slice(1)}.`);
      await saveScreenshot(page, 'finance-year-closed-refusal');
    });

    it('reopens the year only with a reason', async () => {
      await page.goto(new URL('/finance/years', page.url()).href);
      await page.getByRole('row', { name: /2018\/19/ }).getByRole('button', { name: 'Reopen 2018/19' }).click();
      const reopenForm = page.locator('form', { has: page.getByLabel('Why reopen 2018/19?') });
      await reopenForm.getByRole('button', { name: 'Reopen 2018/19' }).click();
      await problemsSay(page, 'Say why the year is reopened');
      await page.getByLabel('Why reopen 2018/19?').fill('Auditors asked for the CBS accrual to be corrected');
      await reopenForm.getByRole('button', { name: 'Reopen 2018/19' }).click();
      await visible(page.getByText('Reopened 2018/19.'));
      await eventually(() => textOf(page.getByRole('row', { name: /2018\/19/ }))).toMatch(/2018\/19\s+Open/);
    });
  });
}
