import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, demoCommissioner, demoPracticeManager, signIn } from './harness.js';

const navigationLinks = (page: Page) => page.locator('.nhsuk-header__navigation-list a').allInnerTexts();
const editHeading = (page: Page) => page.getByRole('heading', { name: 'Local name and notes' });

/** What a practice manager may see and change, and two admins saving the same practice. */
export function permissionsSuite(harness: () => BrowserHarness) {
  describe('practice manager', () => {
    let page: Page;

    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoPracticeManager);
    });

    it('sees no imports, users or audit links, and is refused the imports page', async () => {
      await visible(page.locator('.nhsuk-header__navigation-list'));
      const links = (await navigationLinks(page)).map((t) => t.trim());
      expect(links).toEqual(expect.arrayContaining(['Overview', 'Practices', 'Groups']));
      expect(links).not.toContain('Imports');
      expect(links).not.toContain('Users');
      expect(links).not.toContain('Audit log');
      await page.goto('/imports');
      await eventually(() => textOf(page.locator('h1'))).toBe('You do not have permission');
      expect(await page.locator('input[type=file]').count()).toBe(0);
    });

    it('finds their own practice first on the overview: its details, its money and its quality', async () => {
      await page.goto('/');
      const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Your practice', exact: true }) });
      await eventually(() => textOf(panel)).toContain('Kibworth Medical Centre (C82001)');
      expect(await panel.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/practices/C82001', '/finance/practices/C82001', '/quality/practices/C82001', '/my-items', '/schemes']);
      await panel.getByRole('link', { name: 'What the practice is paid and owes' }).click();
      await eventually(() => textOf(page.locator('h1'))).toContain('Kibworth Medical Centre');
    });

    it('finds their own practice marked on the quality dashboard, and its own quality page opens on a chart over time', async () => {
      await page.goto('/quality');
      const kibworth = page.locator('main tbody tr', { hasText: 'C82001' });
      await eventually(() => textOf(kibworth)).toContain('Marked on the funnel plot');
      expect(await page.locator('main tbody tr', { hasText: 'Marked on the funnel plot' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Download the funnel plot (SVG)' }).getAttribute('href')).toContain('highlight=C82001');
      await page.goto('/quality/practices/C82001');
      await visible(page.getByTestId('spc-chart').locator('svg'));
      // The indicator menu names the indicator on the page, so Show without a change keeps it.
      const shown = await textOf(page.locator('main h2').first());
      const chosen = page.getByLabel('Indicator');
      expect(shown).toContain(await chosen.locator('option:checked').innerText());
    });

    it('reads a scheme as their practice sees it: its own row against the whole scheme’s totals, or that it takes no part', async () => {
      await page.goto('/schemes');
      await page.getByRole('link', { name: /Winter access scheme/ }).click();
      await visible(page.getByText('your practice’s row, then the total of every practice in the scheme', { exact: false }));
      await visible(page.getByText('The invoice to the funder, for every practice in the scheme:'));
      await page.goto('/schemes');
      await page.getByRole('link', { name: /clinical pharmacists/i }).click();
      await visible(page.getByText('Your practice does not take part in this scheme.'));
    });

    it('can edit the local name and notes of their own practice only', async () => {
      await page.goto('/practices/C82001');
      await eventually(() => textOf(page.locator('h1'))).toBe('Kibworth Medical Centre');
      await visible(editHeading(page));
      await page.getByLabel('Notes', { exact: true }).fill('Branch surgery closes early on Wednesdays.');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Your changes were saved.'));
      const notes = page.locator('.nhsuk-summary-list__row', { has: page.locator('.nhsuk-summary-list__key', { hasText: /^Notes$/ }) });
      await eventually(() => textOf(notes)).toContain('Branch surgery closes early on Wednesdays.');

      // The history shows the groups it joined, as everyone who reads memberships sees them.
      await visible(page.getByRole('link', { name: 'Joined Harborough locality', exact: true }));

      await page.goto('/practices/C82002');
      await eventually(() => textOf(page.locator('h1'))).toBe('Countesthorpe Health Centre');
      expect(await editHeading(page).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Audit history' }).count()).toBe(0);
    });
  });

  describe('two people edit the same practice', () => {
    it('the second save is refused with the conflict message, and reloading lets them try again', async () => {
      const first = await harness().newPage();
      const second = await harness().newPage();
      await signIn(first, demoAdmin, '/practices/C82010');
      await signIn(second, demoAdmin, '/practices/C82010');
      for (const page of [first, second]) await visible(editHeading(page));

      await first.getByLabel('Notes', { exact: true }).fill('Notes from the first page');
      await first.getByRole('button', { name: 'Save changes' }).click();
      await visible(first.getByText('Your changes were saved.'));

      await second.getByLabel('Notes', { exact: true }).fill('Notes from the second page');
      await second.getByRole('button', { name: 'Save changes' }).click();
      const summary = second.locator('.nhsuk-error-summary');
      await eventually(() => textOf(summary)).toContain('was changed by someone else since you opened it');
      await eventually(() => second.evaluate(() => document.activeElement?.closest('.nhsuk-error-summary') !== null)).toBe(true);

      await second.getByRole('button', { name: 'Reload the practice' }).click();
      await eventually(() => second.getByLabel('Notes', { exact: true }).inputValue()).toBe('Notes from the first page');
      await second.getByLabel('Notes', { exact: true }).fill('Notes from the second page, after reloading');
      await second.getByRole('button', { name: 'Save changes' }).click();
      await visible(second.getByText('Your changes were saved.'));
      const [stored] = await harness().database.query<{ notes: string }>("select notes from practices where ods_code = 'C82010'");
      expect(stored?.notes).toBe('Notes from the second page, after reloading');
    });
  });

  describe('landing (commissioner)', () => {
    it('says on the overview how many items wait for them, linked to My items', async () => {
      const page = await harness().newPage();
      await signIn(page, demoCommissioner);
      const mine = (await (await page.request.get('/api/my-items')).json()) as { items: { kind: string }[] };
      expect(mine.items.filter((i) => i.kind === 'fund_decision').length).toBeGreaterThan(0);
      await eventually(() => textOf(page.getByTestId('items-waiting').locator('p'))).toBe(`You have ${mine.items.length} items to act on: My items.`);
      await page.getByTestId('items-waiting').getByRole('link', { name: 'My items' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'My items' }));
      await page.close();
    });
  });
}
