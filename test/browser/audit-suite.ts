import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, saveScreenshot, signIn } from './harness.js';

/** The admin menu and the audit log, as the federation admin uses them (run before the admin forms change the demo). */
export function auditSuite(harness: () => BrowserHarness) {
  let page: Page;

  beforeAll(async () => {
    page = await harness().newPage();
    await signIn(page, demoAdmin, '/users');
  });

  describe('admin menu', () => {
    it('gathers imports, users, people and the audit log under Admin, and keeps the menu marked there', async () => {
      await page.locator('.nhsuk-header__navigation-list').getByRole('link', { name: 'Admin', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Admin' }));
      for (const name of ['Imports', 'Users', 'People', 'Audit log']) await visible(page.locator('main').getByRole('link', { name, exact: true }));
      await page.locator('main').getByRole('link', { name: 'Users', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: /Users/ }));
      expect(await textOf(page.locator('.nhsuk-header__navigation-list [aria-current="true"]'))).toBe('Admin');
      // People is under Governance's path but in Admin's section: one menu entry is marked, the closest.
      await page.goto('/governance/people');
      await visible(page.getByRole('heading', { level: 1, name: /People/ }));
      expect(await page.locator('.nhsuk-header__navigation-list [aria-current]').allInnerTexts()).toEqual(['Admin']);
    });

    it('pages through the whole audit log, refuses an impossible date or dates the wrong way round, says once when nothing matches, and offers the changes as downloads', async () => {
      await page.goto('/audit');
      await eventually(() => textOf(page.locator('main'))).toMatch(/Showing 1 to \d+ of [\d,]+ changes/);
      const total = Number((await textOf(page.locator('main'))).match(/of ([\d,]+) changes/)![1]!.replaceAll(',', ''));
      // Sign-ins are left out until asked for: they would bury the changes.
      expect(await page.locator('main tbody tr', { hasText: /signed in/i }).count()).toBe(0);
      await page.getByLabel('Record type').selectOption({ label: 'Any, with sign-ins' });
      await page.getByRole('button', { name: 'Show changes' }).click();
      await page.waitForURL('**/audit?recordType=any');
      await eventually(async () => Number((await textOf(page.locator('main'))).match(/of ([\d,]+) changes/)?.[1]?.replaceAll(',', ''))).toBeGreaterThan(total);
      await page.goto('/audit');
      if (total > 100) {
        await page.getByRole('link', { name: 'Next' }).first().click();
        await eventually(() => textOf(page.locator('main'))).toContain(`Showing 101 to ${Math.min(200, total)} of`);
      }
      await page.locator('#audit-to-day').fill('30');
      await page.locator('#audit-to-month').fill('2');
      await page.locator('#audit-to-year').fill('2026');
      await page.getByRole('button', { name: 'Show changes' }).click();
      await problemsSay(page, 'To must be a real date');
      // Dates the wrong way round are refused; dates that hold no changes say so, once.
      const dates = { from: ['1', '12', '2026'], to: ['1', '1', '2026'] };
      for (const [field, [day, month, year]] of Object.entries(dates)) {
        await page.locator(`#audit-${field}-day`).fill(day!);
        await page.locator(`#audit-${field}-month`).fill(month!);
        await page.locator(`#audit-${field}-year`).fill(year!);
      }
      await page.getByRole('button', { name: 'Show changes' }).click();
      await problemsSay(page, 'To must be the same as or after From');
      await page.locator('#audit-from-month').fill('1');
      await page.locator('#audit-from-year').fill('2001');
      await page.locator('#audit-to-year').fill('2001');
      await page.getByRole('button', { name: 'Show changes' }).click();
      await page.waitForURL('**/audit?from=2001-01-01&to=2001-01-01');
      await eventually(() => textOf(page.locator('main'))).toContain('No changes match these filters.');
      expect(await textOf(page.locator('main'))).not.toMatch(/No changes have been recorded|No changes match$/m);
      const href = await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
      const csv = await page.request.get(href!);
      expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('When (UK time),Who,Who (as recorded),Record type,Record,Record name,Action,Summary,Before,After');
      // Back to the users page, where the next tests start.
      await page.goto('/users');
      await visible(page.getByRole('heading', { level: 1, name: /Users/ }));
    });

    it('names the record of each change, with the ID beneath that the filter finds it by', async () => {
      await page.goto('/audit?recordType=session');
      const recordCells = page.locator('main tbody tr td:nth-child(4)');
      // A sign-in is kept under the user's ID, and named by their email (other users may have signed in since).
      await eventually(async () => (await recordCells.allInnerTexts()).map((t) => t.trim())).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${demoAdmin.email.replaceAll('.', '\\.')}\nID \\d+$`))]));
      await page.goto('/audit?recordType=membership');
      await eventually(() => textOf(recordCells.first())).toMatch(/^C\d{5} in \S.*\nID \d+$/);
      const named = await textOf(recordCells.first());
      await page.locator('#record-id').fill(named.split('\nID ')[1]!);
      await page.getByRole('button', { name: 'Show changes' }).click();
      await page.waitForURL(/recordId=\d+/);
      await eventually(async () => [...new Set((await recordCells.allInnerTexts()).map((t) => t.trim()))]).toEqual([named]);
      await saveScreenshot(page, 'audit-log-record-names');
      // By who made the change: part of a name, any case (what the demo loaded is the demo's).
      await page.goto('/audit');
      await page.getByLabel('Who made it (name or email)').fill('DEMO');
      await page.getByRole('button', { name: 'Show changes' }).click();
      await page.waitForURL(/who=DEMO/);
      await eventually(async () => [...new Set((await page.locator('main tbody tr td:nth-child(2)').allInnerTexts()).map((t) => t.trim()).filter(Boolean))]).toEqual(['Demo data']);
      // The demo load's summary lists all it added: cut in the table, whole a click away.
      await page.goto('/audit?recordType=demo');
      const demoRow = page.locator('main tbody tr').first();
      await eventually(() => textOf(demoRow.locator('td').last())).toMatch(/^Loaded the demo federation: .{100,200}…\nWhole summary/s);
      await demoRow.getByText('Whole summary').click();
      expect(await textOf(demoRow.locator('details').first())).toContain('the peer group');
      await page.goto('/users');
      await visible(page.getByRole('heading', { level: 1, name: /Users/ }));
    });
  });
}
