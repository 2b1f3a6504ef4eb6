import type { Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoFederationName } from '../../src/app/demo/load-demo.js';
import { eventually, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, saveScreenshot, seriousAxeViolations, signIn } from './harness.js';

/** Current members of the demo federation today: two practices have left (Narborough in 2019, Two Shires in 2020). */
const currentMembers = { practices: '29', listSize: '308,935' };
/** On 1 January 2018 all 31 practices were members, with the seed's list sizes. */
const januaryMembers = { practices: '31', listSize: '327,255' };

/** Signing in, the federation overview, a locality, a practice page and the practices list, as the demo admin. */
export function overviewSuite(harness: () => BrowserHarness) {
  let page: Page;

  beforeAll(async () => {
    page = await harness().newPage();
  });

  /** The value beside a key in the page's first summary list. */
  const summaryValue = (key: string) =>
    page.locator('.nhsuk-summary-list__row', { has: page.locator('.nhsuk-summary-list__key', { hasText: new RegExp(`^${key}$`) }) }).first().locator('.nhsuk-summary-list__value');
  const heading1 = () => textOf(page.locator('h1'));

  describe('signed out', () => {
    it('sends people to sign in, asking who is signed in without a refused request; the sign-in page has no serious accessibility problems', async () => {
      const refused: string[] = [];
      const noteRefused = (response: Response) => void (response.status() >= 400 && refused.push(`${response.status()} ${response.url()}`));
      page.on('response', noteRefused);
      await page.goto('/practices');
      await page.waitForURL('**/sign-in');
      await eventually(heading1).toBe('Sign in to atscale');
      await page.waitForLoadState('networkidle');
      page.off('response', noteRefused);
      expect(refused).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('shows a focused error summary when the password is wrong', async () => {
      await page.getByLabel('Email address').fill(demoAdmin.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await eventually(() => textOf(summary)).toContain('The email address or password is not right');
      expect(await textOf(summary)).toContain('There is a problem');
      await eventually(() => page.evaluate(() => document.activeElement?.closest('.nhsuk-error-summary') !== null)).toBe(true);
      expect(await textOf(page.locator('#email--error-message'))).toContain('not right');
    });
  });

  describe('keyboard', () => {
    it('puts focus back at the top of each new page: its name is read, and the next Tab reaches the skip link', async () => {
      const keys = await harness().newPage();
      await signIn(keys, demoAdmin, '/');
      await visible(keys.locator('main h1'));
      await keys.locator('.nhsuk-header__navigation-list').getByRole('link', { name: 'Practices', exact: true }).focus();
      await keys.keyboard.press('Enter');
      await visible(keys.getByRole('heading', { level: 1, name: /Practices/ }));
      await eventually(() => keys.evaluate(() => document.activeElement?.textContent === document.title && document.title.includes('Practices'))).toBe(true);
      await keys.keyboard.press('Tab');
      expect(await keys.evaluate(() => document.activeElement?.classList.contains('nhsuk-skip-link'))).toBe(true);
    });

    it('does the same for the first page after signing in with the keyboard', async () => {
      const keys = await harness().newPage();
      await keys.goto('/sign-in');
      await keys.getByLabel('Email address').fill(demoAdmin.email);
      await keys.getByLabel('Password').fill(demoAdmin.password);
      await keys.keyboard.press('Enter');
      await keys.waitForURL((url) => url.pathname !== '/sign-in');
      await visible(keys.locator('main h1'));
      await eventually(() => keys.evaluate(() => document.activeElement !== document.body && document.activeElement?.textContent === document.title)).toBe(true);
      await keys.keyboard.press('Tab');
      expect(await keys.evaluate(() => document.activeElement?.classList.contains('nhsuk-skip-link'))).toBe(true);
    });
  });

  describe('narrow screens', () => {
    it('folds the menu into "More" on a tablet and a phone, after signing in and on a fresh load, with nothing wider than the screen', async () => {
      for (const width of [768, 375]) {
        const narrow = await harness().newPage();
        await narrow.setViewportSize({ width, height: 900 });
        await narrow.goto('/sign-in');
        await narrow.getByLabel('Email address').fill(demoAdmin.email);
        await narrow.getByLabel('Password').fill(demoAdmin.password);
        await narrow.getByRole('button', { name: 'Sign in' }).click();
        for (const reload of [false, true]) {
          if (reload) await narrow.goto('/practices');
          await visible(narrow.locator('.nhsuk-header__menu-toggle'));
          await eventually(() => narrow.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
        }
        if (width === 375) {
          // The header row's sort buttons are hidden on a phone; "Sort by" above the table sorts instead.
          await narrow.goto('/practices');
          const sortBy = narrow.getByLabel('Sort by');
          await visible(sortBy);
          const descending = (await sortBy.locator('option').allInnerTexts()).find((o) => o.endsWith('(descending)'))!;
          await sortBy.selectOption({ label: descending });
          await narrow.waitForURL(/dir=desc/);
          await eventually(() => sortBy.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe(descending);
          // The current section, folded into "More", puts its current-page bar under "More".
          await narrow.goto('/governance/risks');
          const more = narrow.locator('.nhsuk-header__menu-toggle');
          await visible(more);
          expect(await more.evaluate((button) => getComputedStyle(button, '::before').borderBottomWidth)).not.toBe('0px');
          // A total row's label stands alone on a phone, not as a value of the first column.
          await narrow.goto('/');
          const totalLabel = narrow.locator('section[data-locality] .app-table__row--total td').first();
          await visible(totalLabel);
          expect((await totalLabel.innerText()).trim()).toMatch(/^[A-Z][\w &]* total$/);
        }
        // Wide parts (a long select, the heat map, the milestone grid) scroll inside the page, not the page itself.
        for (const path of ['/quality', '/programme', '/governance/risks', '/programme/stp']) {
          await narrow.goto(path);
          await visible(narrow.locator('main h1'));
          await narrow.waitForLoadState('networkidle');
          expect(await narrow.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}`).toBe(width);
        }
      }
    });
  });

  describe('federation overview (admin)', () => {
    it('shows the federation, its 6 localities and the registered population of its current members', async () => {
      await signIn(page, demoAdmin);
      await eventually(heading1).toBe(demoFederationName);
      await visible(page.getByText('Commissioner: 03W'));
      await eventually(() => page.locator('section[data-locality]').count()).toBe(6);
      await eventually(() => textOf(summaryValue('Total registered population'))).toBe(currentMembers.listSize);
      expect(await textOf(summaryValue('Number of practices'))).toBe(currentMembers.practices);
      expect(await textOf(summaryValue('List sizes as at'))).toBe('1 January 2018');
      // Set up already: the admin is offered changes to it, not to set it up again.
      await visible(page.getByRole('link', { name: `Change ${demoFederationName}`, exact: true }));
      const former = page.locator('section[aria-labelledby="former-members"]');
      expect(await textOf(former)).toContain('C82119');
      // Two Shires left when it closed, and the table says so; Narborough moved away, still open.
      expect(await textOf(former.locator('tr', { hasText: 'C82036' }))).toContain('30 June 2020, when it closed');
      expect(await textOf(former.locator('tr', { hasText: 'C82119' }))).not.toContain('when it closed');
      // Every heading and cell of the locality tables fits its column, none running into the next ("Sub-ICB code" into "List size").
      const overflowing = (width: number) =>
        page.setViewportSize({ width, height: 900 }).then(() =>
          page.locator('.app-table--members th, .app-table--members td').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent)),
        );
      expect(await overflowing(1000)).toEqual([]);
      expect(await overflowing(1280)).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'overview');
    });

    it('keeps each column heading of the localities’ tables inside its column, from a small laptop to a wide screen', async () => {
      const overlapping = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('section[data-locality] thead th')].flatMap((th) => {
            const text = document.createRange();
            text.selectNodeContents(th);
            const [words, cell] = [text.getBoundingClientRect(), th.getBoundingClientRect()];
            return words.left < cell.left - 1 || words.right > cell.right + 1 ? [(th as HTMLElement).innerText] : [];
          }),
        );
      for (const width of [1280, 1024, 800]) {
        await page.setViewportSize({ width, height: 900 });
        await visible(page.locator('section[data-locality] thead th'));
        expect(await overlapping(), `at ${width}px`).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it('shows membership on 1 January 2018: 31 practices and 327,255 patients', async () => {
      await page.getByLabel('Day').fill('1');
      await page.getByLabel('Month').fill('1');
      await page.getByLabel('Year').fill('2018');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.waitForURL('**/?on=2018-01-01');
      await eventually(() => textOf(summaryValue('Number of practices'))).toBe(januaryMembers.practices);
      expect(await textOf(summaryValue('Total registered population'))).toBe(januaryMembers.listSize);
      expect(await textOf(summaryValue('Membership on'))).toBe('1 January 2018');
      // A day the calendar has not got, typed into the address, shows today's membership rather than an error page.
      await page.goto('/?on=2024-02-31');
      await eventually(() => textOf(summaryValue('Membership on'))).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
      await page.goto('/?on=2018-01-01');
      await eventually(() => textOf(summaryValue('Membership on'))).toBe('1 January 2018');
    });

    it('links each locality to its page, with its practices and total', async () => {
      await page.getByRole('link', { name: 'Harborough', exact: true }).click();
      await eventually(heading1).toBe('Harborough');
      await visible(page.getByText(`Part of ${demoFederationName}`));
      await visible(page.getByRole('link', { name: 'Kibworth Medical Centre' }));
      await visible(page.getByRole('row', { name: /Harborough total/ }));
    });

    it('offers the groups, a locality’s memberships and the schemes as downloads', async () => {
      for (const [path, noun] of [['/groups', 'the groups'], ['/schemes', 'the schemes']] as const) {
        await page.goto(path);
        const href = await page.getByRole('link', { name: `Download CSV of ${noun}` }).getAttribute('href');
        const csv = await page.request.get(href!);
        expect([csv.status(), csv.headers()['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
      }
      await page.goto('/groups');
      await page.getByRole('link', { name: 'Harborough', exact: true }).click();
      const href = await page.getByRole('link', { name: /Download CSV of the memberships of Harborough/ }).getAttribute('href');
      const lines = (await (await page.request.get(href!)).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines.slice(1).every((l) => l.includes('Harborough'))).toBe(true);
      expect(lines.some((l) => l.includes('Kibworth Medical Centre'))).toBe(true);
      // The federation's own page offers its memberships too, the closed practice's included.
      await page.getByRole('link', { name: 'East Leicestershire & Rutland GP Federation' }).first().click();
      const federationCsv = await page.getByRole('link', { name: /Download CSV of the memberships of East Leicestershire & Rutland GP Federation/ }).getAttribute('href');
      const members = (await (await page.request.get(federationCsv!)).text()).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
      expect(members.length).toBeGreaterThanOrEqual(31);
      expect(members.some((l) => l.includes('Two Shires'))).toBe(true);
    });
  });

  describe('practice page', () => {
    it('shows Kibworth (C82001): ODS facts, list size 9,301 on 1 January 2018, its groups', async () => {
      await page.getByRole('link', { name: 'Kibworth Medical Centre' }).click();
      await page.waitForURL('**/practices/C82001');
      await eventually(heading1).toBe('Kibworth Medical Centre');
      expect(await textOf(summaryValue('ODS name'))).toBe('KIBWORTH HEALTH CENTRE');
      expect(await textOf(summaryValue('Status'))).toBe('Active');
      expect(await textOf(summaryValue('List size'))).toBe('9,301 on 1 January 2018');
      expect(await textOf(summaryValue('Close date'))).toBe('None: the practice is open');
      // A sub-ICB location's NHS name ends with its code: said once.
      expect(await textOf(summaryValue('Commissioner'))).toMatch(/^03W – (?!.*03W$)/);
      const sizes = page.locator('table', { has: page.locator('caption', { hasText: 'Registered patients' }) });
      const latest = await textOf(sizes.locator('tbody tr'));
      expect(latest).toContain('1 January 2018');
      expect(latest).toContain('9,301');
      await visible(page.getByRole('link', { name: 'Harborough' }));
      // Its history says which groups it joined, each line linked to the group.
      const history = page.locator('table', { has: page.locator('caption', { hasText: 'History of Kibworth Medical Centre' }) });
      // The date in its column, the line beside it.
      expect(await textOf(history.locator('tbody tr', { has: page.getByRole('link', { name: 'Joined Harborough locality', exact: true }) }))).toMatch(/^1 April 2017\s+Joined Harborough locality/);
      expect(await textOf(history.locator('tbody tr', { hasText: `Joined ${demoFederationName}` }))).toContain('1 April 2017');
      expect(await page.getByRole('link', { name: 'Quality indicators for this practice' }).getAttribute('href')).toBe('/quality/practices/C82001');
      await visible(page.getByRole('heading', { name: 'Audit history' }));
      // Its audit history has the changes to what names it too: its joining the locality, as a membership.
      const audit = page.locator('table', { has: page.locator('caption', { hasText: 'Changes to C82001 and to the records that name it' }) });
      await eventually(() => audit.locator('tbody tr', { hasText: 'C82001 in Harborough' }).count()).toBeGreaterThan(0);
      expect(await textOf(audit.locator('tbody tr', { hasText: 'C82001 in Harborough' }))).toContain('Membership');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'practice');
    });
  });

  describe('practices list', () => {
    it('opens on the federation’s open members; Show offers all GP practices and everything in the registry', async () => {
      await page.goto('/practices');
      await visible(page.getByText(`Showing 1 to ${currentMembers.practices} of ${currentMembers.practices} practices`));
      const show = page.getByLabel('Show');
      expect(await show.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe(`Members of ${demoFederationName}`);
      expect(await page.getByLabel('Status').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe('Active');
      expect(await show.locator('option').allInnerTexts()).toEqual(expect.arrayContaining(['All GP practices', 'Everything in the registry']));
      const href = await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
      expect(href).toMatch(/^\/api\/practices\/export\.csv\?status=active&memberOf=\d+$/);
      await page.getByLabel('Locality').selectOption({ label: 'Rutland' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/inLocality=\d+/);
      await visible(page.getByText('Showing 1 to 4 of 4 practices'));
      // The form is made afresh for the new filters: the keyboard stays on its Apply button, not lost to the page's top.
      await eventually(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Apply filters');
      // The download gives the rows the page shows.
      const rutland = await page.request.get(`${harness().baseUrl}${await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href')}`);
      expect((await rutland.text()).trim().split('\r\n').slice(1).map((line) => line.split(',')[0]).sort()).toEqual(['C82010', 'C82044', 'C82077', 'C82649']);
      await saveScreenshot(page, 'practices-locality');
    });

    it('searches all GP practices, sorts (aria-sort) and offers downloads with the same filters', async () => {
      await page.goto('/practices');
      await page.getByLabel('Show').selectOption({ label: 'All GP practices' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/gpPractice=true/);
      // Open ones: Two Shires closed in 2020.
      await visible(page.getByText('Showing 1 to 30 of 30 practices'));
      await page.getByLabel('Status').selectOption({ label: 'Any status' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=any/);
      await visible(page.getByText('Showing 1 to 31 of 31 practices'));
      await page.getByLabel('Search').fill('surgery');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/q=surgery/);
      await eventually(() => textOf(page.locator('tbody tr'))).toMatch(/surgery/i);

      await page.getByRole('button', { name: /List size/ }).first().click();
      await page.waitForURL(/sort=listSize&dir=asc/);
      await eventually(() => textOf(page.locator('th[aria-sort="ascending"]'))).toContain('List size');
      await page.getByRole('button', { name: /List size/ }).first().click();
      await page.waitForURL(/dir=desc/);
      await eventually(() => textOf(page.locator('th[aria-sort="descending"]'))).toContain('List size');

      const href = await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
      expect(href).toMatch(/^\/api\/practices\/export\.csv\?.*q=surgery.*gpPractice=true/);
      const response = await page.request.get(`${harness().baseUrl}${href}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toMatch(/surgery/i);
      await saveScreenshot(page, 'practices-list');
    });

    it('pages through the list, keeping the filters', async () => {
      await page.goto('/practices?pageSize=10&gpPractice=true&status=any');
      await visible(page.getByText('Showing 1 to 10 of 31 practices'));
      await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Next/ }).click();
      await visible(page.getByText('Showing 11 to 20 of 31 practices'));
      expect(await textOf(page.locator('.nhsuk-pagination [aria-current="page"]'))).toBe('2');
      await page.getByRole('link', { name: 'Page 4' }).click();
      await visible(page.getByText('Showing 31 to 31 of 31 practices'));
      expect(new URL(page.url()).searchParams.get('pageSize')).toBe('10');
      // An address past the last page says so, rather than "Showing 981 to 31".
      await page.goto('/practices?pageSize=10&page=99&gpPractice=true&status=any');
      await visible(page.getByText('There is no page 99: the 31 practices fill 4 pages'));
    });
  });

  describe('pages that do not exist', () => {
    it('shows the 404 page', async () => {
      await page.goto('/no-such-page');
      await eventually(heading1).toBe('Page not found');
      await page.goto('/practices/ZZZ999');
      await eventually(heading1).toBe('Page not found');
    });

    it('shows the 404 page, not the server’s refusal, for a record address whose id or code names nothing', async () => {
      const addresses = [
        ...['/fund-applications', '/funds', '/contracts', '/schemes', '/groups', '/programme/tasks', '/governance/risks', '/governance/actions', '/governance/meetings', '/governance/policies', '/governance/people', '/finance/streams'].map((base) => `${base}/abc`),
        '/fund-applications/999999',
        '/fund-applications/0',
        '/contracts/2147483648',
        '/funds/abc/edit',
        '/funds/abc/apply',
        '/schemes/1.5/edit',
        '/practices/%25',
        '/finance/practices/%25',
        '/quality/practices/XYZ',
        '/quality/practices/C99999',
      ];
      for (const address of addresses) {
        await page.goto(address);
        await eventually(async () => `${address}: ${await heading1()}`).toBe(`${address}: Page not found`);
        expect(await page.locator('main h1').count()).toBe(1);
      }
    });
  });
}
