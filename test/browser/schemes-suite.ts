import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmQuestionCancels, eventually, fillDate, problemsSay, textOf, visible } from './assertions.js';
import { demoUsers } from '../../src/app/demo/load-demo.js';
import { type BrowserHarness, demoAdmin, demoPracticeManager, saveScreenshot, screenshotDir, seriousAxeViolations, signIn } from './harness.js';
import { count, pharmacistsShortfall, pharmacistsYear1Contributions, pounds, winterExpected } from './scheme-seed-figures.js';

export const section = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);
export const totalRow = (page: Page, id: string) => section(page, id).locator('.app-table__row--total');

async function openScheme(page: Page, name: RegExp) {
  await page.goto('/schemes');
  await page.getByRole('link', { name }).click();
  await eventually(() => textOf(page.locator('h1'))).toMatch(name);
  await visible(section(page, 'allocation'));
}

/** Opens "Set up a scheme" as the admin and types its first terms, with list sizes at 1 January 2018. */
async function startScheme(harness: () => BrowserHarness, terms: { name: string; funder: string; quantity: string; years?: string }): Promise<Page> {
  const page = await harness().newPage();
  await signIn(page, demoAdmin, '/schemes/new');
  await page.getByLabel('Name', { exact: true }).fill(terms.name);
  await page.getByLabel(/^Funder/).fill(terms.funder);
  await page.getByLabel('Quantity shared').fill(terms.quantity);
  await page.locator('#scheme-snapshot-day').fill('1');
  await page.locator('#scheme-snapshot-month').fill('1');
  await page.locator('#scheme-snapshot-year').fill('2018');
  if (terms.years) await page.getByLabel('Financial years').fill(terms.years);
  return page;
}

/** Schemes in the browser: the demo's two worked examples, recording activity, and who sees what. */
export function schemesSuite(harness: () => BrowserHarness) {
  describe('schemes (admin)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin);
    });

    it('lists both demo schemes from the menu', async () => {
      await page.getByRole('link', { name: 'Schemes', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Schemes' }));
      await visible(page.getByRole('link', { name: 'Winter access scheme 2017/18' }));
      await visible(page.getByRole('link', { name: /clinical pharmacists/i }));
      await eventually(() => textOf(page.locator('tbody tr', { hasText: 'Winter access' }))).toContain('1 January 2018');
      // The winter scheme collects returns; the pharmacists scheme pays for no activity.
      expect(await textOf(page.locator('tbody tr', { hasText: 'Winter access' }))).toContain('No due date set');
      await eventually(() => textOf(page.locator('tbody tr', { hasText: /clinical pharmacists/i }))).toContain('No activity to return');
    });

    it('shows the winter scheme’s total row and invoice as the seed printed them, with the footing note', async () => {
      const expected = winterExpected();
      await openScheme(page, /Winter access scheme 2017\/18/);
      const payments = await textOf(totalRow(page, 'payments'));
      expect(payments).toContain('Total');
      expect(payments).toContain(count(expected.delivered));
      expect(payments).toContain(pounds(expected.cost));
      expect(payments).toContain(pounds(expected.fee));
      const invoice = await textOf(section(page, 'payments').locator('.nhsuk-summary-list'));
      expect(invoice).toContain(pounds(expected.total));
      expect(await section(page, 'allocation').locator('tbody tr').count()).toBeGreaterThan(20);

      const footing = page.locator('.nhsuk-inset-text', { hasText: 'How the totals are worked out' });
      // Which totals differ from their rounded rows is folded away until asked for.
      expect(await textOf(footing)).not.toContain('delivered cost (rows half-up');
      await footing.getByText(/^Where the rounded rows do not add up to their total \(\d+\)$/).click();
      const inset = await textOf(footing);
      expect(inset).toContain('the unrounded rows added up, then rounded once');
      expect(inset).toContain(`total to invoice (rows half-up to a whole pound): total ${pounds(expected.total)}`);
      expect(inset).toContain(`delivered cost (rows half-up to a whole pound): total ${pounds(expected.cost)}`);

      expect(await page.getByRole('link', { name: /Workbook of every table/ }).getAttribute('href')).toMatch(/\/export\.xlsx\?version=1$/);
      expect(await page.getByRole('link', { name: 'PDF statement for Kibworth Medical Centre' }).getAttribute('href')).toMatch(/\/statements\/C82001\.pdf\?version=1$/);
      await visible(page.getByRole('link', { name: 'Edit the scheme’s terms' }));
      await visible(page.getByText('editing it creates version 2, a draft'));
      expect(await page.getByRole('button', { name: /Approve/ }).count()).toBe(0);

      await saveScreenshot(page, 'scheme-winter-access');
      // The payments table is wider than the reading column: take the screen's width, not the section's.
      const box = (await section(page, 'payments').boundingBox())!;
      await page.screenshot({ path: join(screenshotDir, 'scheme-payments.png'), fullPage: true, clip: { x: 0, y: box.y, width: page.viewportSize()!.width, height: box.height } });
    });

    it('redistributes declined capacity on request, keeping the whole allocation', async () => {
      await openScheme(page, /Winter access scheme 2017\/18/);
      await page.getByRole('link', { name: 'Show how declined and unused capacity would be reallocated' }).click();
      const table = section(page, 'reallocation').locator('table');
      await visible(table);
      const cells = async (row: ReturnType<Page['locator']>) => (await row.locator('td, th').allInnerTexts()).map((t) => t.trim());
      // Columns: practice, released because, before, released, received, after.
      const [, , before, released, received, after] = await cells(totalRow(page, 'reallocation'));
      expect(after).toBe(before);
      expect(received).toBe(released);
      expect(Number(released!.replaceAll(',', ''))).toBeGreaterThan(0);
      // A practice whose return says it did not take part gives up its whole allocation.
      const severn = section(page, 'reallocation').locator('tbody tr', { hasText: 'Severn Surgery' });
      const [, reason, severnBefore, severnReleased, , severnAfter] = await cells(severn);
      expect(reason).toMatch(/did not take part|declined/i);
      expect(severnReleased).toBe(severnBefore);
      expect(severnAfter).toBe('0');
      await page.getByRole('link', { name: 'Show the figures as agreed, without reallocation' }).click();
      await visible(page.getByRole('link', { name: 'Show how declined and unused capacity would be reallocated' }));
    });

    it('has no serious or critical accessibility problems on the scheme page', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('refuses a delivered-activity CSV naming an unknown practice, naming its line and column', async () => {
      const csv = ['practice,takes_part,nurse_appointments_delivered,gp_appointments_delivered', 'Kibworth Medical Centre,Yes,208,0', 'Bushlow Surgery,Yes,10,5'].join('\n');
      await page.locator('#delivered-file').setInputFiles({ name: 'returns.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Upload and record' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await eventually(() => textOf(summary)).toContain('The activity returns were not recorded');
      const text = await textOf(summary);
      expect(text).toContain('line 3');
      expect(text).toContain('column 1');
      expect(text).toContain('Bushlow Surgery');
      // Nothing was saved: the total still shows the seed's delivered appointments.
      expect(await textOf(totalRow(page, 'payments'))).toContain(count(winterExpected().delivered));
    });

    it('opens one practice’s return on what it last returned, so saving it unchanged changes nothing', async () => {
      const form = page.locator('form[aria-label="Enter a practice’s delivered activity"]');
      await form.getByLabel('Practice', { exact: true }).selectOption('C82001');
      // The winter seed's Kibworth return: 208 nurse appointments, none by GPs, and it takes part.
      await eventually(() => form.getByLabel(/^Nurse appointments delivered/).inputValue()).toBe('208');
      expect(await form.getByLabel(/^GP appointments delivered/).inputValue()).toBe('0');
      expect(await form.getByLabel('Does the practice take part?').inputValue()).toBe('yes');
      // Typed over, key by key, as a person would.
      await form.getByLabel(/^Nurse appointments delivered/).clear();
      await form.getByLabel(/^Nurse appointments delivered/).pressSequentially('208');
      await form.getByRole('button', { name: 'Save the return' }).click();
      await eventually(() => textOf(form.locator('.nhsuk-inset-text'))).toContain('Nothing changed');
    });

    it('refuses an upload made before someone else recorded a return, and keeps theirs', async () => {
      const url = `/api/schemes/${/\/schemes\/(\d+)/.exec(page.url())![1]}/delivered`;
      const headers = { 'x-csrf-token': (await (await page.request.get('/api/session')).json()).csrfToken as string };
      const kibworth = async () => Object.fromEntries(((await (await page.request.get(url)).json()).items as { practiceCode: string; modelId: string; quantity: number }[]).filter((r) => r.practiceCode === 'C82001').map((r) => [r.modelId, r.quantity]));
      const seed = await kibworth();
      // Kibworth's practice manager sends a correction after this page was opened.
      const corrected = { ...seed, nurse: seed.nurse! + 5 };
      expect((await page.request.post(url, { data: { entries: [{ practice: 'C82001', units: corrected }] }, headers })).status()).toBe(200);
      const csv = ['practice,takes_part,nurse_appointments_delivered,gp_appointments_delivered', 'Kibworth Medical Centre,Yes,1,1'].join('\n');
      await page.locator('#delivered-file').setInputFiles({ name: 'returns.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Upload and record' }).click();
      await problemsSay(page, 'The activity returns for version 1 changed after you opened this page');
      expect(await kibworth()).toEqual(corrected);
      expect((await page.request.post(url, { data: { entries: [{ practice: 'C82001', units: seed }] }, headers })).status()).toBe(200);
    });

    it('shows the pharmacists scheme’s schedule chart and the hand schedule’s shortfall', async () => {
      await openScheme(page, /clinical pharmacists/i);
      await visible(section(page, 'schedule').locator('svg[role="img"]'));
      expect(await section(page, 'schedule').locator('svg rect').count()).toBe(12);
      const callout = await textOf(section(page, 'differences').locator('.nhsuk-card--warning', { hasText: 'short of the cost model' }));
      expect(callout).toContain(`a shortfall of ${pounds(pharmacistsShortfall())}`);
      // The figures are said once; the cause follows as a sentence of its own.
      expect(callout.split(pounds(pharmacistsShortfall())).length - 1).toBe(1);
      expect(callout).toMatch(/\. It leaves out the 2% annual uplift/);
      // Each schedule says which it is (DOMAIN 4.2); the other, at the year-1 cost, is a click away.
      expect(await textOf(section(page, 'schedule').locator('p'))).toBe('Multi-year cost sharing: uplifted cost less NHS England funding, shared by the practices.');
      const contributions = section(page, 'contributions');
      expect(await textOf(contributions.locator('p'))).toBe("Each practice’s contribution by year: uplifted cost less NHS England funding.");
      await contributions.getByText('The other schedule: every year at the year-1 cost').click();
      expect(await textOf(contributions.locator('details p'))).toContain('year-1 cost less NHS England funding');
      const year1 = pharmacistsYear1Contributions();
      const otherTotal = await textOf(contributions.locator('details .app-table__row--total'));
      for (const amount of [...year1, year1.reduce((a, b) => a + b, 0)]) expect(otherTotal).toContain(pounds(amount));
      await section(page, 'schedule').screenshot({ path: join(screenshotDir, 'scheme-schedule-chart.png') });
      await saveScreenshot(page, 'scheme-pharmacists');
    });
  });

  describe('scheme builder (admin)', () => {
    it('previews the allocation while the terms are typed, saves a draft and approves it', async () => {
      const page = await startScheme(harness, { name: 'Flu clinic support 2018', funder: 'East Leicestershire and Rutland CCG', quantity: '1000' });
      await visible(page.getByRole('heading', { level: 1, name: 'Set up a scheme' }));
      const preview = page.locator('section[aria-labelledby="preview-heading"]');
      await eventually(() => preview.locator('.app-table__row--total').count()).toBe(1);
      expect(await textOf(preview.locator('.app-table__row--total'))).toContain('1,000');
      expect(await preview.locator('tbody tr:not(.app-table__row--total)').count()).toBeGreaterThan(20);
      await saveScreenshot(page, 'scheme-builder');
      await page.getByRole('button', { name: 'Save as a draft' }).click();
      await eventually(() => textOf(page.locator('h1'))).toContain('Flu clinic support 2018');
      await visible(page.getByText('Draft', { exact: true }));
      // Approving fixes the terms, so the page asks first (the one confirm question); Escape or Cancel leaves the draft as it was.
      const question = page.getByRole('region', { name: /Approve version 1\?/ });
      await confirmQuestionCancels(page, question, 'confirm-approve-heading', () => page.getByRole('button', { name: 'Approve version 1' }).click());
      await visible(page.getByText('Draft', { exact: true }));
      await page.getByRole('button', { name: 'Approve version 1' }).click();
      expect(await textOf(question)).toContain('Its terms are then fixed');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await question.getByRole('button', { name: 'Yes, approve version 1' }).click();
      await visible(page.getByText('Version 1 approved.'));
      await eventually(() => page.getByRole('button', { name: 'Approve version 1' }).count()).toBe(0);
      await visible(page.getByText('editing it creates version 2, a draft'));
    });

    it('says once, in the preview and on saving, that a snapshot date holds no list sizes, naming the nearest', async () => {
      const page = await startScheme(harness, { name: 'Snapshot check 2018', funder: 'East Leicestershire and Rutland CCG', quantity: '100' });
      await fillDate(page, 'scheme-snapshot', '1/2/2018');
      const message = 'The registry holds no list sizes on 1 February 2018 for any of the scheme’s 31 practices. The latest list-size snapshot is 1 January 2018, before it; there is none after: choose 1 January 2018, or import a newer list-size file.';
      const preview = page.locator('section[aria-labelledby="preview-heading"]');
      await eventually(() => textOf(preview)).toContain(message);
      expect(await preview.locator('table').count()).toBe(0);
      await page.getByRole('button', { name: 'Save as a draft' }).click();
      await problemsSay(page, message);
      expect(await page.locator('.nhsuk-error-summary li').count()).toBe(1);
      expect(await page.locator('.nhsuk-error-summary a').getAttribute('href')).toMatch(/^#scheme-snapshot/);
      await saveScreenshot(page, 'scheme-builder-no-list-sizes');
      await fillDate(page, 'scheme-snapshot', '1/1/2018');
      await eventually(() => preview.locator('.app-table__row--total').count()).toBe(1);
      await page.close();
    });

    it('keeps the practices a version left out, and its financial year, when its terms are edited', async () => {
      const page = await startScheme(harness, { name: 'Minor surgery support 2018/19', funder: 'East Leicestershire and Rutland CCG', quantity: '400', years: '2018/19' });
      const boxes = page.locator('#scheme-practices input[type=checkbox]');
      await eventually(() => boxes.count()).toBeGreaterThan(20);
      const members = await boxes.count();
      const leftOut = [boxes.nth(0), boxes.nth(1)];
      const leftOutCodes = await Promise.all(leftOut.map((b) => b.getAttribute('value')));
      for (const box of leftOut) await box.uncheck();
      await visible(page.getByText(`${members - 2} of ${members} practices take part`));
      await page.getByRole('button', { name: 'Save as a draft' }).click();
      await eventually(() => textOf(page.locator('h1'))).toContain('Minor surgery support 2018/19');
      await page.getByRole('button', { name: 'Approve version 1' }).click();
      await page.getByRole('button', { name: 'Yes, approve version 1' }).click();
      await eventually(() => page.getByRole('button', { name: 'Approve version 1' }).count()).toBe(0);

      // Version 2 changes the fee only: the same practices take part, over the same year.
      await page.getByRole('link', { name: 'Edit the scheme’s terms' }).click();
      await visible(page.getByText(`${members - 2} of ${members} practices take part`));
      for (const box of leftOut) expect(await box.isChecked()).toBe(false);
      await page.getByLabel(/^Federation fee/).fill('3');
      await page.getByRole('button', { name: 'Save the changes' }).click();
      await eventually(() => textOf(section(page, 'versions'))).toContain('Version 2 (shown)');
      expect(await textOf(section(page, 'terms'))).toContain('2018/19');
      const schemeId = /\/schemes\/(\d+)/.exec(page.url())![1];
      const versions = await (await page.request.get(new URL(`/api/schemes/${schemeId}/versions`, page.url()).href)).json();
      const codesOf = (v: { definition: { practices: { odsCode: string }[] } }) => v.definition.practices.map((p) => p.odsCode);
      expect(versions.items.map(codesOf)).toEqual([codesOf(versions.items[0]), codesOf(versions.items[0])]);
      expect(codesOf(versions.items[1])).toHaveLength(members - 2);
      expect(codesOf(versions.items[1])).not.toContain(leftOutCodes[0]);
      expect(versions.items[1].definition.period.financialYears).toEqual(['2018/19']);
    });

    it('builds a scheme with a cost over several years, checks a hand schedule against it and keeps each version', async () => {
      const page = await startScheme(harness, { name: 'Shared nurse 2019–21', funder: 'NHS England', quantity: '500', years: '2019/20, 2020/21' });
      await page.getByLabel(/Annual uplift/).fill('2');
      await page.getByRole('button', { name: 'Add a rising cost line' }).click();
      await page.getByLabel('Rising cost line 1').fill('Practice nurse');
      await page.getByLabel('Cost each in the first year (£)').fill('£40,000');
      await page.getByRole('button', { name: 'Add a funding source' }).click();
      await page.getByLabel('Funding source 1').fill('NHS England');
      await page.getByLabel('2019/20 (£)').fill('10,000');
      await page.getByLabel('2020/21 (£)').fill('0');
      // Year 1: £40,000 − £10,000; year 2: £40,800 (2% uplift) − £0.
      const preview = page.locator('section[aria-labelledby="preview-heading"]');
      await eventually(() => textOf(preview)).toContain('Preview of the cost over the years');
      const schedule = await textOf(preview.locator('table', { hasText: '2020/21' }).last());
      expect(schedule).toContain('£30,000');
      expect(schedule).toContain('£40,800');
      expect(await textOf(preview)).toContain('Multi-year cost sharing: uplifted cost less NHS England funding, shared by the practices.');
      await saveScreenshot(page, 'scheme-builder-cost-model');
      await page.getByRole('button', { name: 'Save as a draft' }).click();
      await eventually(() => textOf(page.locator('h1'))).toContain('Shared nurse 2019–21');
      await visible(section(page, 'schedule'));

      // A hand schedule that forgot the uplift: £800 short in 2020/21.
      const hand = ['year,practice,amount', '2019/20,TOTAL,"30,000"', '2020/21,TOTAL,"40,000"'].join('\n');
      await page.getByLabel('What is this schedule?').fill('Spreadsheet without the pay award');
      await page.locator('#hand-schedule-file').setInputFiles({ name: 'hand.csv', mimeType: 'text/csv', buffer: Buffer.from(hand) });
      await page.getByRole('button', { name: 'Upload and compare' }).click();
      const callout = section(page, 'differences').locator('.nhsuk-card--warning', { hasText: 'short of the cost model' });
      await eventually(() => textOf(callout)).toContain('a shortfall of £800');

      // Approve, change the terms: version 2; version 1 stays readable with its own figures.
      await page.getByRole('button', { name: 'Approve version 1' }).click();
      await page.getByRole('button', { name: 'Yes, approve version 1' }).click();
      await eventually(() => page.getByRole('button', { name: 'Approve version 1' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Edit the scheme’s terms' }).click();
      await page.getByLabel('Cost each in the first year (£)').fill('42000');
      await page.getByRole('button', { name: 'Save the changes' }).click();
      await eventually(() => textOf(section(page, 'versions'))).toContain('Version 2 (shown)');
      await eventually(() => textOf(section(page, 'schedule'))).toContain('£42,000');
      await section(page, 'versions').getByRole('link', { name: 'Version 1' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-inset-text', { hasText: 'You are looking at version 1' }))).toContain('See the latest version (2)');
      await eventually(() => textOf(section(page, 'schedule'))).toContain('£40,000');
      await saveScreenshot(page, 'scheme-older-version');
      // The list shows the draft and, beside it, the approved version still in force.
      await page.goto('/schemes');
      await eventually(() => textOf(page.locator('main tbody tr', { hasText: 'Shared nurse 2019–21' }))).toContain('Draft version 1 approved');
    });
  });

  describe('schemes (practice manager)', () => {
    let page: Page;

    it('sees only Kibworth’s row, the totals, no actions and no uploads', async () => {
      page = await harness().newPage();
      await signIn(page, demoPracticeManager);
      await openScheme(page, /Winter access scheme 2017\/18/);
      const rows = section(page, 'allocation').locator('tbody tr:not(.app-table__row--total)');
      await eventually(() => rows.count()).toBe(1);
      expect(await textOf(rows)).toContain('Kibworth Medical Centre');
      await visible(totalRow(page, 'allocation'));
      expect(await page.getByRole('link', { name: 'Edit the scheme’s terms' }).count()).toBe(0);
      expect(await page.locator('input[type=file]').count()).toBe(0);
    });

    it('returns Kibworth’s own activity and sees its payment change', async () => {
      const schemeId = /\/schemes\/(\d+)/.exec(page.url())![1];
      const recorded = async () => {
        const delivered = await (await page.request.get(new URL(`/api/schemes/${schemeId}/delivered`, page.url()).href)).json();
        return Object.fromEntries((delivered.items as { modelId: string; quantity: number | null }[]).map((r) => [r.modelId, r.quantity]));
      };
      const before = await recorded();
      expect(Object.keys(before).sort()).toEqual(['gp', 'nurse']);
      const form = section(page, 'return');
      const paymentRow = section(page, 'payments').locator('tbody tr:not(.app-table__row--total)');
      const send = async (figures: Record<string, number | null>) => {
        await form.getByLabel(/^Nurse appointments delivered/).fill(String(figures.nurse ?? ''));
        await form.getByLabel(/^GP appointments delivered/).fill(String(figures.gp ?? ''));
        await form.getByRole('button', { name: 'Send the return' }).click();
        await eventually(() => textOf(form.locator('.nhsuk-inset-text'))).toContain('Recorded 1 return');
        await eventually(recorded).toEqual(figures);
      };
      // The form opens with what the practice last returned, to correct rather than retype.
      await eventually(() => form.getByLabel(/^Nurse appointments delivered/).inputValue()).toBe(String(before.nurse));
      await form.getByLabel('Does the practice take part?').selectOption('yes');
      const more = { ...before, nurse: before.nurse! + 7 };
      await send(more);
      await eventually(() => textOf(paymentRow)).toContain(count(more.nurse));
      await saveScreenshot(page, 'scheme-practice-return');
      // Put the demo's figures back for the suites that follow.
      await send(before);

      // The federation corrects Kibworth's return while the form is open: sending over it is refused, not overwritten.
      const admin = await harness().newPage();
      await signIn(admin, demoAdmin);
      const csrf = (await (await admin.request.get('/api/session')).json()).csrfToken as string;
      const correction = { nurse: before.nurse! + 1, gp: before.gp };
      const corrected = await admin.request.post(`/api/schemes/${schemeId}/delivered`, { data: { entries: [{ practice: 'C82001', units: correction }] }, headers: { 'x-csrf-token': csrf } });
      expect(corrected.status()).toBe(200);
      await admin.close();
      await form.getByLabel(/^Nurse appointments delivered/).fill('1');
      await form.getByRole('button', { name: 'Send the return' }).click();
      const summary = form.locator('.nhsuk-error-summary');
      await eventually(() => textOf(summary)).toContain('Someone else changed this return after you opened it');
      expect(await textOf(summary)).toContain('Reload the page to see what is recorded now');
      expect(await recorded()).toEqual(correction);
      await form.screenshot({ path: join(screenshotDir, 'scheme-practice-return-conflict.png') });
      await form.getByRole('button', { name: 'Show the return as recorded now' }).click();
      await eventually(() => form.getByLabel(/^Nurse appointments delivered/).inputValue()).toBe(String(correction.nurse));
      expect(await summary.count()).toBe(0);
      // What the manager typed stays in view beside the figures recorded now.
      expect(await textOf(form.locator('.nhsuk-inset-text', { hasText: 'were not sent' }))).toContain(`The figures you typed were not sent: Nurse appointments delivered 1; GP appointments delivered ${before.gp}.`);
      await send(before);
    });

    it('is told, for each table of rows, that Kibworth does not take part in a scheme it is not in, not "Nothing to show"', async () => {
      await openScheme(page, /clinical pharmacists scheme/);
      for (const id of ['allocation', 'contributions']) {
        await eventually(() => textOf(section(page, id))).toContain('Your practice does not take part in this scheme.');
      }
      expect(await page.getByText('Nothing to show.').count()).toBe(0);
    });
  });

  describe('schemes (commissioner)', () => {
    it('reads every practice’s figures, with no buttons or forms', async () => {
      const page = await harness().newPage();
      await signIn(page, demoUsers.find((u) => u.role === 'commissioner')!);
      await openScheme(page, /Winter access scheme 2017\/18/);
      expect(await section(page, 'allocation').locator('tbody tr:not(.app-table__row--total)').count()).toBeGreaterThan(20);
      expect(await page.getByRole('link', { name: 'Edit the scheme’s terms' }).count()).toBe(0);
      expect(await page.locator('main button, main input, main select').count()).toBe(0);
      await page.goto('/schemes/new');
      await eventually(() => textOf(page.locator('h1'))).toBe('You do not have permission');
    });
  });
}
