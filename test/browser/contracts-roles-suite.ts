import { describe, expect, it } from 'vitest';
import { demoFederationName, demoUsers } from '../../src/app/demo/load-demo.js';
import { confirmQuestionCancels, eventually, money, problemsSay, textOf, visible } from './assertions.js';
import { cbsTitle, kibworthWinter, openFund, rowOf } from './contracts-suite.js';
import { type BrowserHarness, demoCommissioner, demoPracticeManager, download, saveScreenshot, seriousAxeViolations, signedInAdmin, signIn } from './harness.js';

/** Contracts and funds as a practice manager (their own practices), a commissioner and a clinician see them. */
export function contractsRolesSuite(harness: () => BrowserHarness) {
  describe('contracts and funds (practice manager)', () => {
    it('does not offer a practice that left the federation before the application’s date, saying when, as the API refuses it', async () => {
      const { admin, headers } = await signedInAdmin(harness());
      const narborough = { email: 'pm.narborough@elr-federation.example', password: 'a long enough password' };
      const made = await admin.request.post('/api/users', { data: { ...narborough, name: 'Kim Narborough', role: 'practice_manager', practiceCodes: ['C82001', 'C82119'] }, headers });
      expect(made.status()).toBe(201);
      await admin.close();
      const page = await harness().newPage();
      await signIn(page, narborough, '/funds');
      await openFund(page);
      await page.getByRole('link', { name: 'Apply for money from this fund' }).click();
      const options = page.getByLabel('Who is applying').locator('option');
      // Narborough left the federation for Leicester City on 31 March 2019; an application dated today is after that.
      const left = `left ${demoFederationName} on 31 March 2019`;
      await eventually(() => options.allInnerTexts()).toEqual(['Choose', 'Kibworth Medical Centre (C82001), Harborough locality', `Narborough Health Centre (C82119), North Blaby locality: ${left}, so it cannot apply`]);
      expect(await options.nth(2).isDisabled()).toBe(true);
      // A paper application made before it left: offered, with its shares.
      await page.locator('#submitted-on-day').fill('1');
      await page.locator('#submitted-on-month').fill('3');
      await page.locator('#submitted-on-year').fill('2019');
      await eventually(() => options.nth(2).isDisabled()).toBe(false);
      expect(await options.nth(2).innerText()).toBe('Narborough Health Centre (C82119), North Blaby locality');
      await page.getByLabel('Who is applying').selectOption('practice:C82119');
      await eventually(() => textOf(page.locator('#applicant-pot'))).toMatch(/^A practice’s application must fit its own share/);
      // Dated after it left: the form says why it cannot apply, in the API's words.
      await page.locator('#submitted-on-month').fill('6');
      await eventually(() => textOf(page.locator('#applicant-gone'))).toBe(`Narborough Health Centre (C82119) ${left}, before this application’s date (1 June 2019), so it cannot apply: its locality may apply instead.`);
      await page.close();
    });

    it('shows a practice manager their own sub-contracts and lets them apply for their practice only', async () => {
      const page = await harness().newPage();
      await signIn(page, demoPracticeManager, '/contracts');
      await eventually(() => page.locator('tbody tr').count()).toBe(2);
      await page.getByRole('link', { name: cbsTitle }).click();
      await eventually(() => page.locator('tbody tr').count()).toBe(1);
      expect(await textOf(page.locator('tbody tr'))).toContain('C82001');
      expect(await page.getByRole('heading', { name: 'Documents' }).count()).toBe(0);
      expect(await page.getByText('Change the contract’s details').count()).toBe(0);
      await openFund(page);
      expect(await page.getByRole('link', { name: 'Change the fund’s details and rates' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Apply for money from this fund' }).click();
      // The demo's fund ended in 2019: the form says so before anything is typed.
      await visible(page.getByText('This fund’s last year, 2018/19, ended on 31 March 2019. An application dated after that can only be rejected'));
      await eventually(() => page.getByLabel('Who is applying').locator('option').allInnerTexts()).toEqual(['Choose', 'Kibworth Medical Centre (C82001), Harborough locality']);
      await page.getByLabel('Who is applying').selectOption('practice:C82001');
      await eventually(() => textOf(page.locator('#applicant-pot'))).toMatch(/^A practice’s application must fit its own share of the fund and its locality’s allocation\. Kibworth Medical Centre’s own share has £[\d,.]+ left to apply for: £[\d,.]+ allocated\.? Harborough locality has £[\d,.]+ left to apply for: £[\d,.]+ allocated, £[\d,.]+ of it already asked for or approved\.$/);
      await page.getByLabel('Title').fill('Kibworth signposting');
      await page.getByLabel('Purpose').fill('Reception training in active signposting');
      await page.getByLabel('Line 1: what the money is for').fill('Trainer, two sessions');
      await page.getByLabel('Line 1: amount (£)').fill('-500');
      await page.getByRole('button', { name: 'Send application' }).click();
      await problemsSay(page, /not negative/);
      await page.getByLabel('Line 1: amount (£)').fill('£1,500');
      await page.getByRole('button', { name: 'Send application' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Kibworth signposting' }));
      await visible(page.getByText('Kibworth Medical Centre (C82001), Harborough locality'));
      await visible(page.getByText('Application sent. The commissioner decides it; its status shows here.'));
      // While it waits, the page says so, with no "Approved" or "Drawn" row reading "Not recorded" (its milestones, left out, still do).
      const facts = await textOf(page.locator('.nhsuk-summary-list'));
      expect(facts).toMatch(/Decision\s+Waiting for the commissioner’s decision/);
      expect(facts).not.toMatch(/Approved|Drawn/);
      await openFund(page);
      const applications = await page.locator('table').nth(4).locator('tbody tr').allInnerTexts();
      expect(applications.filter((row) => row.includes('Kibworth signposting'))).toHaveLength(1);
      // Harborough's own applications (the locality's plan, which Kibworth shares in, and the GPTeamNet one
      // the admin made above) show too; no other practice's or locality's.
      const others = applications.filter((row) => !row.includes('Kibworth signposting'));
      expect(others).toContainEqual(expect.stringMatching(/^Harborough locality transformation plan 2018\/19\tHarborough locality\t/));
      expect(others.filter((row) => !row.includes('\tHarborough locality\t'))).toEqual([]);
      // The applicant by name, not by code alone.
      expect(await textOf(page.locator('table').nth(4).locator('tbody tr', { hasText: 'Kibworth signposting' }))).toContain('Kibworth Medical Centre (C82001), Harborough locality');
      await saveScreenshot(page, 'fund-practice-manager');

      // Finance → Your practice: what Kibworth is paid and pays, its sub-contracts and that application.
      await page.locator('.nhsuk-header__navigation-list').getByRole('link', { name: 'Finance', exact: true }).click();
      await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Your practice' }).click();
      await visible(page.getByRole('heading', { level: 1, name: /^Money for / }));
      const winterRow = rowOf(page, /Winter access/);
      await eventually(() => winterRow.count()).toBe(1);
      expect(await textOf(winterRow)).toContain(money(Number(kibworthWinter.delivered_cost) * 100));
      // Earned, not paid: the demo's plans record no payment to practices, so nothing is called "paid".
      const summary = await textOf(page.locator('.nhsuk-summary-list'));
      expect(summary).toMatch(/Paid to the practice by schemes\s+£0/);
      // Earlier steps may have given Kibworth other schemes: the total is what every unpaid row earns, winter's among them.
      const schemeRows = await page.locator('table').first().locator('tbody tr').all();
      let unpaidPence = 0;
      for (const row of schemeRows) {
        const [earned = '', payment = ''] = await Promise.all([2, 3].map((n) => textOf(row.locator('td').nth(n))));
        if (!payment.startsWith('Paid') && earned.startsWith('£')) unpaidPence += Math.round(Number(earned.replace(/[£,]/g, '')) * 100);
      }
      expect(unpaidPence).toBeGreaterThanOrEqual(Number(kibworthWinter.delivered_cost) * 100);
      expect(summary).toMatch(new RegExp(`Earned under schemes, not yet paid\\s+${money(unpaidPence).replace(/[.$]/g, '\\$&')}`));
      expect(await textOf(winterRow)).toContain('Not yet paid: the commissioner has not been invoiced yet');
      // Why: what was delivered, as the statement says, and the statement itself.
      expect(await textOf(winterRow)).toContain(`${Number(kibworthWinter.nurse_delivered) + Number(kibworthWinter.gp_delivered)} appointments delivered`);
      const statement = await download(page, 'Statement (PDF) for Winter access scheme 2017/18');
      expect([statement.status, statement.contentType, statement.body.subarray(0, 4).toString()]).toEqual([200, 'application/pdf', '%PDF']);
      expect(await winterRow.getByRole('link', { name: /^Winter access/ }).getAttribute('href')).toMatch(/^\/schemes\/\d+$/);
      await eventually(() => textOf(rowOf(page, 'Kibworth signposting'))).toContain('£1,500');
      expect(await rowOf(page, cbsTitle).count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'finance-practice-money');
    });

    it('lets a practice manager withdraw their application while it waits, asked first; the federation sees it withdrawn', async () => {
      const page = await harness().newPage();
      await signIn(page, demoPracticeManager);
      await openFund(page);
      await page.getByRole('link', { name: 'Kibworth signposting' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Kibworth signposting' }));
      const question = page.getByRole('region', { name: /Withdraw Kibworth signposting\?/ });
      await confirmQuestionCancels(page, question, 'confirm-withdraw-heading', () => page.getByRole('button', { name: 'Withdraw this application' }).click());
      await page.getByRole('button', { name: 'Withdraw this application' }).click();
      expect(await textOf(question)).toContain('the £1,500 it asks for is free for other applications');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
      await visible(page.getByText('Application withdrawn. The commissioner will not be asked to decide it.'));
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain('Withdrawn');
      expect(await textOf(page.locator('.nhsuk-summary-list'))).toMatch(/Withdrawn\s+\d+ \w+ \d{4} at \d+:\d\d[ap]m by Priya Patel/);
      expect(await page.getByRole('button', { name: 'Withdraw this application' }).count()).toBe(0);
      await saveScreenshot(page, 'fund-application-withdrawn');

      // The federation sees it withdrawn; the commissioner has nothing to decide.
      const commissioner = await harness().newPage();
      await signIn(commissioner, demoCommissioner);
      await openFund(commissioner);
      expect(await textOf(commissioner.locator('tbody tr', { hasText: 'Kibworth signposting' }))).toMatch(/Kibworth Medical Centre \(C82001\), Harborough locality\s+Withdrawn/);
      await commissioner.getByRole('link', { name: 'Kibworth signposting' }).click();
      await eventually(() => textOf(commissioner.locator('.nhsuk-summary-list'))).toContain('Withdrawn');
      expect(await commissioner.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
      await commissioner.close();
      await page.close();
    });

    it('tells a clinician contracts are not theirs to see, without a filter for a list they cannot have', async () => {
      const page = await harness().newPage();
      await signIn(page, demoUsers.find((u) => u.role === 'clinician')!, '/contracts');
      await eventually(() => textOf(page.locator('main'))).toMatch(/not allowed|permission/i);
      expect(await page.getByRole('button', { name: 'Show contracts due' }).count()).toBe(0);
      await page.close();
    });
  });
}
