import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmQuestionCancels, dateIn, eventually, expectTableInside, fillDate, money, moneyWithPence, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, demoCommissioner, download, saveScreenshot, screenshotDir, seriousAxeViolations, signIn } from './harness.js';

const elrData = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '../shared/data/elr');
const seedLocalities = Papa.parse<Record<string, string>>(readFileSync(join(elrData, 'localities.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
export const cbsTitle = /Public health community based services/;
const transformation = /ELR transformation fund/;
export const kibworthWinter = Papa.parse<Record<string, string>>(readFileSync(join(elrData, 'winter-access-2017-18-expected.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.find((r) => r.practice === 'Kibworth Medical Centre')!;
const harboroughList = Number(seedLocalities.find((l) => l.locality === 'Harborough')!.list_size_total);

export const rowOf = (page: Page, text: string | RegExp) => page.locator('tbody tr', { hasText: text });

export async function openFund(page: Page) {
  await page.goto('/funds');
  await page.getByRole('link', { name: transformation }).click();
  await visible(page.getByRole('heading', { level: 2, name: 'Each locality’s share' }));
}

/** Contracts with sub-contracts, and per-head funds with applications, decisions and drawdowns. */
export function contractsSuite(harness: () => BrowserHarness) {
  describe('contracts and funds (admin)', () => {
    let page: Page;
    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin);
    });

    it('adds a practice under a contract at the share its fee leaves, marks one signed and keeps a PDF', async () => {
      await page.goto('/contracts');
      await page.getByRole('link', { name: cbsTitle }).click();
      await eventually(() => textOf(page.locator('.nhsuk-inset-text'))).toContain('2 of 13 practices have not signed');
      // The share is the contract's: said, not asked.
      const addForm = page.getByRole('form', { name: 'Add practices under this contract' });
      expect(await textOf(addForm)).toContain('The practice is paid 95% of the tariff; the federation keeps its 5% fee, set on the contract.');
      await page.getByRole('button', { name: 'Add practices' }).click();
      await problemsSay(page, /Choose at least one practice/);
      await addForm.getByLabel(/\(C82056\)/).check();
      await page.getByRole('button', { name: 'Add practices' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-inset-text'))).toContain('3 of 14 practices have not signed');
      await page.getByRole('button', { name: /Mark signed today for THE JUBILEE|Mark signed today for The Jubilee/ }).click();
      await eventually(() => textOf(page.locator('.nhsuk-inset-text'))).toContain('2 of 14 practices have not signed');
      // The button went with the change: the row's Change button has the focus in its place.
      await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Change (THE JUBILEE|The Jubilee)/);
      await page.getByLabel('Add a signed copy or schedule').setInputFiles({ name: 'cbs-signed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%demo\n') });
      await page.getByRole('button', { name: 'Add document' }).click();
      await visible(page.getByRole('link', { name: 'cbs-signed.pdf' }));
      await page.getByLabel('Add a signed copy or schedule').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
      await page.getByRole('button', { name: 'Add document' }).click();
      await problemsSay(page, /notes.pdf: the file’s contents are not a PDF or a Word document/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'contract-cbs');
      // One added by mistake is removed, asked first.
      await page.getByLabel('Add a signed copy or schedule').setInputFiles({ name: 'wrong-contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%wrong\n') });
      await page.getByRole('button', { name: 'Add document' }).click();
      await page.getByRole('button', { name: 'Remove wrong-contract.pdf' }).click();
      await page.getByRole('button', { name: 'Yes, remove wrong-contract.pdf' }).click();
      await visible(page.getByText('Removed wrong-contract.pdf.'));
      expect(await page.getByRole('link', { name: 'wrong-contract.pdf' }).count()).toBe(0);
      await visible(page.getByRole('link', { name: 'cbs-signed.pdf' }));
      // The register names them too, though the contract has ended.
      const unsigned = (await textOf(page.locator('.nhsuk-inset-text'))).replace(/^[\s\S]*(?:has|have) not signed: /, '').replace(/\.\s*$/, '').split(/, | and /);
      await page.goto('/contracts');
      await eventually(() => textOf(rowOf(page, cbsTitle))).toContain(unsigned.join(', '));
      await page.getByRole('link', { name: cbsTitle }).click();
      await visible(page.getByRole('heading', { level: 2, name: 'Practices sub-contracted' }));
    });

    it('corrects a sub-contract’s signing date and notes, and removes a practice added by mistake', async () => {
      // Glenfield Surgery, added unsigned above.
      const glenfield = page.locator('main tbody tr', { hasText: 'C82056' });
      await glenfield.getByRole('button', { name: /^Change/ }).click();
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Change Glenfield Surgery’s sub-contract' }) });
      await visible(form);
      await form.locator('#sub-signed-day').fill('2');
      await form.locator('#sub-signed-month').fill('4');
      await form.locator('#sub-signed-year').fill('2018');
      await form.getByLabel('Notes (optional)').fill('Signed copy held by the practice manager');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-notification-banner'))).toContain('Glenfield Surgery’s sub-contract saved');
      await eventually(() => textOf(glenfield)).toContain('2 April 2018');
      expect(await textOf(glenfield)).toContain('Signed copy held by the practice manager');
      expect(await textOf(page.locator('.nhsuk-inset-text'))).toContain('1 of 14 practices has not signed');
      // Added by mistake after all: removed, after a second look.
      await glenfield.getByRole('button', { name: /^Change/ }).click();
      const question = page.getByRole('region', { name: /Remove Glenfield Surgery from this contract\?/ });
      await confirmQuestionCancels(page, question, 'confirm-remove-heading', () => page.getByRole('button', { name: 'Remove from this contract' }).click());
      await page.getByRole('button', { name: 'Remove from this contract' }).click();
      expect(await textOf(question)).toContain('the audit log keeps what it said');
      await form.screenshot({ path: join(screenshotDir, 'contract-remove-practice.png') });
      await question.getByRole('button', { name: 'Yes, remove Glenfield Surgery' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-notification-banner'))).toContain('Glenfield Surgery removed from the contract');
      await eventually(() => glenfield.count()).toBe(0);
      expect(await textOf(page.locator('.nhsuk-inset-text'))).toContain('1 of 13 practices has not signed');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('opens a contract whose footprint is all sub-contracted, saying there is none left to add', async () => {
      await page.goto('/contracts');
      await page.getByRole('link', { name: /Rutland patient app/ }).click();
      await visible(page.getByText('Every practice of the contract’s footprint is sub-contracted: there are none to add.'));
      expect(await page.getByRole('form', { name: 'Add practices under this contract' }).count()).toBe(0);
    });

    it('adds a contract, refusing a negative value and an end before the start', async () => {
      await page.goto('/contracts');
      await page.getByRole('link', { name: 'Add a contract' }).click();
      await page.getByRole('button', { name: 'Add contract' }).click();
      await problemsSay(page, 'Enter the title');
      await page.getByLabel('Title').fill('Diabetes specialist nurses (LLR)');
      await page.getByLabel('Commissioner').fill('West Leicestershire CCG');
      await page.getByLabel('Parties', { exact: true }).fill('WL CCG; ELR GP Federation; Latham House Medical Practice');
      await page.locator('#contract-footprintGroupId').selectOption({ label: 'East Leicestershire & Rutland GP Federation' });
      for (const [key, [d, m, y]] of Object.entries({ startDate: ['1', '5', '2018'], endDate: ['31', '3', '2018'] })) {
        await page.locator(`#contract-${key}-day`).fill(d!);
        await page.locator(`#contract-${key}-month`).fill(m!);
        await page.locator(`#contract-${key}-year`).fill(y!);
      }
      await page.getByLabel('Value in pounds (optional)').fill('-£80,000');
      await page.getByRole('button', { name: 'Add contract' }).click();
      // Both problems at the first attempt, each naming its field.
      await problemsSay(page, 'Value in pounds: "-£80,000" is negative');
      expect(await textOf(page.locator('.nhsuk-error-summary'))).toContain('End date must be on or after the start date');
      await page.getByLabel('Value in pounds (optional)').fill('£80,000');
      await page.locator('#contract-endDate-year').fill('2019');
      await page.getByRole('button', { name: 'Add contract' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Diabetes specialist nurses (LLR)' }));
      expect(await textOf(page.locator('.nhsuk-summary-list'))).toContain('£80,000 a year');
      await saveScreenshot(page, 'contract-new');
    });

    it('changes a contract’s value on its page, and a stale page gets the conflict message', async () => {
      const stale = await harness().newPage();
      await signIn(stale, demoAdmin, page.url());
      await visible(stale.getByText('Change the contract’s details'));
      await page.getByText('Change the contract’s details').click();
      await page.getByLabel('Value in pounds (optional)').fill('£90,000');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved the contract’s details.'));
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain('£90,000 a year');
      await saveScreenshot(page, 'contract-changed');
      await stale.getByText('Change the contract’s details').click();
      await stale.getByLabel('Notice period in days (optional)').fill('90');
      await stale.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(stale, 'This contract was changed by someone else since you opened it');
    });

    it('sets up a per-head fund and shows what it comes to, then changes its rate', async () => {
      const federationList = seedLocalities.reduce((sum, l) => sum + Number(l.list_size_total), 0);
      await page.goto('/funds');
      // Each fund's columns add up: what remains is allocated less what waits for a decision and what is approved.
      await eventually(() => page.locator('main tbody tr').count()).toBeGreaterThan(0);
      // Every column in sight on a laptop, who gives the money said under each fund's name.
      await expectTableInside(page, page.locator('main .app-scroll-box'));
      expect(await textOf(page.locator('main tbody tr', { hasText: transformation }))).toContain('From ELR CCG');
      const headers = await page.locator('main thead th').allInnerTexts();
      const pence = (text: string) => Math.round(Number(text.replace(/[£,]/g, '').replace('−', '-')) * 100);
      const allocated: number[] = [];
      for (const row of await page.locator('main tbody tr:not(.app-table__row--total)').all()) {
        const cells = await row.locator('td').allInnerTexts();
        const at = (header: string) => pence(cells[headers.indexOf(header)]!);
        expect(at('Allocated') - at('Waiting for a decision') - at('Approved')).toBe(at('Left to apply for'));
        allocated.push(at('Allocated'));
      }
      const total = await page.locator('main .app-table__row--total td').allInnerTexts();
      expect([total[0], pence(total[headers.indexOf('Allocated')]!)]).toEqual(['All funds', allocated.reduce((a, b) => a + b, 0)]);
      await page.getByRole('link', { name: 'Add a fund' }).click();
      await page.getByLabel('Name').fill('ELR winter resilience fund');
      await page.getByLabel('Funder').fill('ELR CCG');
      await page.getByLabel('Footprint').selectOption({ label: 'East Leicestershire & Rutland GP Federation' });
      await fillDate(page, 'fund-listSnapshotDate', '1/1/2018');
      await page.getByLabel('Rate per patient for each financial year').fill('2018/19: £1.25');
      await page.getByRole('button', { name: 'Add fund' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'ELR winter resilience fund' }));
      await eventually(() => textOf(page.locator('table').first().locator('.app-table__row--total'))).toContain(money(125 * federationList));
      // Every practice counted on 1 January 2018 was still a member throughout 2018/19.
      expect(await page.getByTestId('fund-departures').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'fund-new');
      await page.getByRole('link', { name: 'Change the fund’s details and rates' }).click();
      await eventually(() => page.getByLabel('Rate per patient for each financial year').inputValue()).toBe('2018/19: £1.25');
      // The list-size date comes back as it was typed, not as the database keeps it (2018-01-01).
      expect(await dateIn(page, 'fund-listSnapshotDate')).toBe('1/1/2018');
      await page.getByLabel('Rate per patient for each financial year').fill('2018/19: £1.25; 2019/20: £1');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved ELR winter resilience fund.'));
      await page.getByRole('link', { name: 'ELR winter resilience fund' }).click();
      await eventually(() => textOf(page.locator('table').first().locator('.app-table__row--total'))).toContain(money(225 * federationList));
      // Narborough, counted on the 2018 lists, left for Leicester City before 2019/20: its share of that year is named.
      const departures = page.getByTestId('fund-departures');
      await eventually(() => textOf(departures)).toContain('Narborough Health Centre (C82119) left East Leicestershire & Rutland GP Federation on 31 March 2019, before 2019/20, yet has a share of that year');
      expect(await textOf(departures)).toContain('A practice cannot apply after it closed or left; its locality can.');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('works each locality’s share out from the list sizes, with the fund’s £818,137.50 total', async () => {
      await page.goto('/funds'); // in the menu's "More" list at this width
      await eventually(() => textOf(rowOf(page, transformation))).toContain('£818,137.50');
      await openFund(page);
      for (const locality of seedLocalities) {
        const list = Number(locality.list_size_total);
        const row = await textOf(page.locator('table').nth(1).locator('tbody tr', { hasText: locality.locality! }).first());
        // The 2017/18 column (50p a patient) has pence, so the 2018/19 and total columns beside it show them too.
        expect(row).toContain(moneyWithPence(50 * list));
        expect(row).toContain(moneyWithPence(250 * list));
      }
      expect(await textOf(page.locator('table').nth(1).locator('.app-table__row--total'))).toContain('£818,137.50');
      expect((await download(page, 'Download XLSX')).body.subarray(0, 2).toString()).toBe('PK');
      await saveScreenshot(page, 'fund-transformation');
    });

    it('refuses an application for more than is left, in pounds and linked to its costed lines, and takes one that fits', async () => {
      await openFund(page);
      await page.getByRole('link', { name: 'Apply for money from this fund' }).click();
      await page.getByLabel('Who is applying').selectOption({ label: `Harborough locality (${money(50 * harboroughList)} left to apply for)` });
      // What is left is said before the lines are written, not only in a refusal.
      await eventually(() => textOf(page.locator('#applicant-pot'))).toMatch(new RegExp(`^Harborough has ${money(50 * harboroughList).replace(/[.$]/g, '\\$&')} left to apply for: £[\\d,.]+ allocated, £[\\d,.]+ of it already asked for or approved\\.$`));
      await page.getByLabel('Title').fill('Harborough GPTeamNet');
      await page.getByLabel('Purpose').fill('Policy and information sharing across the Harborough practices');
      await page.getByLabel('Line 1: what the money is for').fill('GPTeamNet licences');
      await page.getByLabel('Line 1: amount (£)').fill('£20,000');
      await page.getByRole('button', { name: 'Add another line' }).click();
      await page.getByLabel('Line 2: what the money is for').fill('Set-up and training');
      await page.getByLabel('Line 2: amount (£)').fill('10,500');
      await eventually(() => textOf(page.getByText(/Total asked for/))).toBe('Total asked for: £30,500');
      await page.getByRole('button', { name: 'Send application' }).click();
      await problemsSay(page, /£30,500 asked for in the costed lines, but only £30,102.50 of the fund is left for Harborough \(£[\d,.]+ allocated, £[\d,.]+ of it already asked for or approved\)/);
      // The problem is the amount: its link goes to the first line's amount box.
      expect(await page.locator('.nhsuk-error-summary a', { hasText: '£30,500 asked for' }).getAttribute('href')).toBe('#line-1-amount');
      await page.getByLabel('Line 2: amount (£)').fill('£4,000.50');
      // A paper application made earlier, recorded now: dated the day it was made.
      await fillDate(page, 'submitted-on', '3/12/2018');
      await page.getByRole('button', { name: 'Send application' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Harborough GPTeamNet' }));
      expect(await textOf(page.locator('.nhsuk-summary-list'))).toContain('Waiting for a decision');
      expect(await textOf(page.locator('.nhsuk-summary-list'))).toMatch(/Applied\s*3 December 2018 \(recorded [^)]+\) by /);
      expect(await textOf(page.locator('.app-table__row--total'))).toContain('£24,000.50');
    });
  });

  describe('contracts and funds (commissioner, then admin drawdown)', () => {
    let commissioner: Page;
    let admin: Page;
    beforeAll(async () => {
      commissioner = await harness().newPage();
      await signIn(commissioner, demoCommissioner);
      admin = await harness().newPage();
      await signIn(admin, demoAdmin);
    });

    it('lets the commissioner part-approve with a reason, and the admin draw down no more than approved', async () => {
      await openFund(commissioner);
      await commissioner.getByRole('link', { name: 'Harborough GPTeamNet' }).click();
      await commissioner.getByLabel('Approve part of it').check();
      await commissioner.getByRole('button', { name: 'Record decision' }).click();
      await problemsSay(commissioner, /Enter the amount approved/);
      await commissioner.getByLabel('Amount approved (£)').fill('£20,000');
      await commissioner.getByLabel(/Reason/).fill('Licences approved; training to come from the practices’ own budgets');
      // Recorded afterwards: dated the day it was decided, which the page says beside when it was recorded.
      await fillDate(commissioner, 'decided-on', '1/2/2019');
      await commissioner.getByRole('button', { name: 'Record decision' }).click();
      await eventually(() => textOf(commissioner.locator('.nhsuk-summary-list'))).toContain('Part-approved');
      expect(await textOf(commissioner.locator('.nhsuk-summary-list__row', { hasText: 'Decision' }))).toMatch(/1 February 2019 \(recorded \d{1,2} [A-Z][a-z]+ \d{4} at/);
      expect(await commissioner.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
      // The form has gone with the decision; the page still says it was recorded.
      await visible(commissioner.getByText('Decision recorded: part-approved.'));
      await saveScreenshot(commissioner, 'fund-application-decided');

      await admin.goto(commissioner.url());
      // The money was drawn in the fund's last year (today is after it: the demo is 2018's).
      await fillDate(admin, 'drawn-on', '1/3/2019');
      await admin.getByLabel('Amount (£)').fill('20,000.01');
      await admin.getByLabel('Evidence').fill('Invoice GTN-2018-07');
      await admin.getByRole('button', { name: 'Record drawdown' }).click();
      await problemsSay(admin, /Amount must be at most £20,000: £20,000 approved, £0 drawn already/);
      await admin.getByLabel('Amount (£)').fill('£12,000');
      // A drawdown records money already paid: dated after today, it is refused as an update would be.
      await fillDate(admin, 'drawn-on', `1/1/${new Date().getFullYear() + 1}`);
      await admin.getByRole('button', { name: 'Record drawdown' }).click();
      await problemsSay(admin, 'Date must be today or in the past');
      // Nor before the decision it draws on, nor after the fund's last year (the demo's transformation fund runs to 2018/19).
      await fillDate(admin, 'drawn-on', '31/1/2019');
      await admin.getByRole('button', { name: 'Record drawdown' }).click();
      await problemsSay(admin, /31 January 2019 is before the application was approved, on 1 February 2019/);
      await fillDate(admin, 'drawn-on', '1/4/2019');
      await admin.getByRole('button', { name: 'Record drawdown' }).click();
      await problemsSay(admin, /1 April 2019 is after the fund’s last year, 2018\/19, ended on 31 March 2019/);
      await fillDate(admin, 'drawn-on', '1/3/2019');
      await admin.getByRole('button', { name: 'Record drawdown' }).click();
      await visible(admin.getByText('Drawdown recorded'));
      await eventually(() => textOf(admin.locator('.nhsuk-summary-list'))).toContain('£12,000 (£8,000 left to draw)');
      expect(await seriousAxeViolations(admin)).toEqual([]);
      await saveScreenshot(admin, 'fund-application-drawdown');

      // A date before the fund began is refused; a drawdown recorded in error is taken back, after a second look.
      await admin.getByLabel('Amount (£)').fill('£1,000');
      await admin.getByLabel('Evidence').fill('Invoice GTN-2018-08 (wrong)');
      await fillDate(admin, 'drawn-on', '1/1/2010');
      await admin.getByRole('button', { name: 'Record drawdown' }).click();
      await problemsSay(admin, /1 January 2010 is before the fund’s first year, 2017\/18, starts on 1 April 2017/);
      await fillDate(admin, 'drawn-on', '1/3/2019');
      await admin.getByRole('button', { name: 'Record drawdown' }).click();
      await eventually(() => textOf(admin.locator('.nhsuk-summary-list'))).toContain('£13,000 (£7,000 left to draw)');
      const takeBack = () => admin.getByRole('button', { name: /^Take back the drawdown of £1,000/ }).click();
      await confirmQuestionCancels(admin, admin.getByRole('region', { name: /Take back the drawdown of £1,000/ }), 'confirm-take-back-heading', takeBack);
      await takeBack();
      await admin.getByRole('button', { name: 'Yes, take it back' }).click();
      await visible(admin.getByText('Drawdown taken back.'));
      await eventually(() => textOf(admin.locator('.nhsuk-summary-list'))).toContain('£12,000 (£8,000 left to draw)');

      await openFund(admin);
      const harborough = await textOf(admin.locator('table').nth(3).locator('tbody tr', { hasText: 'Harborough' }));
      expect(harborough).toContain(money(200 * harboroughList)); // the demo's 2018/19 application, still waiting
      expect(harborough).toContain('£20,000');
      expect(harborough).toContain('£12,000');
      expect(harborough).toContain(money(50 * harboroughList - 2_000_000));
    });
  });
}
