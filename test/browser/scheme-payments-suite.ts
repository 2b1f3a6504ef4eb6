import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPence } from '../../src/domain/schemes/format-money.js';
import { makeSchemeRequest } from '../support/factories.js';
import { confirmQuestionCancels, eventually, fillDate, headingLevelsSkipped, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, csrfHeaders, demoAdmin, demoPracticeManager, saveScreenshot, screenshotDir, signIn } from './harness.js';

/** The run's payment totals in pence, as GET …/run gives them. */
type RunTotals = { grandTotal: { total: number }; amount: { total: number; sumOfRoundedRows: number }; fee: { total: number } };

const settled = 'Version 1’s payments were invoiced to the commissioner on 15 May 2018, so its activity returns and hand schedule are settled and can no longer change.';

/** Records the invoice or the payment in the panel's form: a day refused first (with its message), then a day and reference recorded (with the banner). */
async function recordStep(panel: Locator, form: { date: string; reference: string; button: string }, says: { refused: [string, string]; recorded: [string, string, string] }) {
  await fillDate(panel, form.date, says.refused[0]);
  await panel.getByRole('button', { name: form.button }).click();
  await problemsSay(panel, says.refused[1]);
  await fillDate(panel, form.date, says.recorded[0]);
  await panel.getByLabel(form.reference).fill(says.recorded[1]);
  await panel.getByRole('button', { name: form.button }).click();
  await visible(panel.getByText(says.recorded[2]));
}

/** The admin signed in, with a scheme of three practices over 2017/18 that they have approved (version 1). */
async function approvedScheme(harness: BrowserHarness, id: string, name: string) {
  const admin = await harness.newPage();
  await signIn(admin, demoAdmin);
  const headers = await csrfHeaders(admin);
  const request = makeSchemeRequest({ id, name, period: { weeks: 8, financialYears: ['2017/18'] } });
  const { scheme } = (await (await admin.request.post('/api/schemes', { data: request, headers })).json()) as { scheme: { id: number } };
  expect((await admin.request.post(`/api/schemes/${scheme.id}/approve`, { data: { rowVersion: 1 }, headers })).status()).toBe(200);
  return { admin, headers, request, scheme };
}

/**
 * Settling a scheme's payments: the federation records that the version in force was invoiced to
 * the commissioner and later paid to practices; from the invoice on, nobody changes its returns
 * (the practice manager is told why instead of being given the form); undoing asks first; no new
 * version is made over an invoiced one, and next year's scheme starts from its terms instead.
 */
export function schemePaymentsSuite(harness: () => BrowserHarness) {
  describe('invoicing a scheme and paying practices (admin and practice manager)', () => {
    it('records the invoice and the payment, closes the returns to everyone with the reason, and reopens them when undone', async () => {
      const { admin, headers, scheme } = await approvedScheme(harness(), 'autumn-clinics-2017', 'Autumn clinics 2017');
      const entries = [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 40, gp: 10 } }];
      expect((await admin.request.post(`/api/schemes/${scheme.id}/delivered`, { data: { entries }, headers })).status()).toBe(200);

      await admin.goto(`/schemes/${scheme.id}#invoice`);
      const panel = admin.locator('section[aria-labelledby="invoice"]');
      await eventually(() => textOf(panel)).toContain('Not invoiced yet');
      await panel.getByRole('button', { name: 'Record the invoice' }).click();
      await problemsSay(panel, 'Enter the date invoiced');
      // What it was invoiced for, as the run the page reads gives it: in the banner, beside the total to invoice and in the panel with its split.
      const { totals } = ((await (await admin.request.get(`/api/schemes/${scheme.id}/run`)).json()) as { run: { payments: { totals: RunTotals } } }).run.payments;
      await recordStep(panel, { date: 'invoiced-on', reference: 'Invoice reference (optional)', button: 'Record the invoice' }, {
        refused: ['31/3/2017', 'Date invoiced must not be before the scheme began (1 April 2017)'],
        recorded: ['15/5/2018', 'INV-0042', `Recorded: Invoiced on 15 May 2018 (ref INV-0042) for ${formatPence(totals.grandTotal.total)}.`],
      });
      const invoicedFor = `Invoiced on 15 May 2018 (ref INV-0042) for ${formatPence(totals.grandTotal.total)}`;
      const payments = admin.locator('section[aria-labelledby="payments"]');
      await eventually(() => textOf(payments.locator('.nhsuk-summary-list'))).toContain(invoicedFor);
      expect(await textOf(panel.locator('.nhsuk-summary-list'))).toContain(`${invoicedFor} (delivered cost ${formatPence(totals.amount.total)} and fee ${formatPence(totals.fee.total)})`);
      // The federation's own forms give way too: nothing to upload or type into a settled version.
      const delivered = admin.locator('section[aria-labelledby="delivered"]');
      await eventually(() => textOf(delivered)).toContain(settled);
      expect(await delivered.locator('form').count()).toBe(0);
      expect(await headingLevelsSkipped(admin)).toEqual([]);
      await panel.screenshot({ path: join(screenshotDir, 'scheme-invoiced.png') });

      // The practice manager is told why instead of being given the form; the API refuses them too.
      const manager = await harness().newPage();
      await signIn(manager, demoPracticeManager, `/schemes/${scheme.id}#return`);
      const form = manager.locator('section[aria-labelledby="return"]');
      await eventually(() => textOf(form)).toContain(settled);
      expect(await form.getByRole('button', { name: 'Send the return' }).count()).toBe(0);
      // Their own rows, not the federation's working: no footing notes of rows they cannot see, no reallocation what-if.
      expect(await textOf(manager.getByRole('navigation', { name: 'On this page' }))).not.toMatch(/Footing notes|Reallocation/);
      expect(await manager.getByText('How the totals are worked out').count()).toBe(0);
      expect(await textOf(form.locator('.nhsuk-summary-list'))).toContain('40');
      await manager.setViewportSize({ width: 390, height: 844 });
      await form.screenshot({ path: join(screenshotDir, 'scheme-return-invoiced-390.png') });
      await manager.setViewportSize({ width: 1280, height: 900 });
      const read = await (await manager.request.get(`/api/schemes/${scheme.id}/delivered`)).json();
      const refused = await manager.request.post(`/api/schemes/${scheme.id}/delivered`, { data: { entries, basedOn: read.practiceRevisions }, headers: await csrfHeaders(manager) });
      expect([refused.status(), (await refused.json()).message]).toEqual([403, expect.stringContaining(settled)]);
      await manager.goto('/schemes');
      const managerRow = manager.locator('main tbody tr', { hasText: 'Autumn clinics 2017' });
      await eventually(() => textOf(managerRow)).toContain('Closed: payments invoiced');
      expect(await textOf(managerRow.locator('.nhsuk-tag--blue'))).toBe('Invoiced');

      // Paid to practices, not before the invoice; "invoiced" cannot be undone while a payment is recorded.
      await recordStep(panel, { date: 'paid-on', reference: 'Reference or remittance note (optional)', button: 'Record the payment' }, {
        refused: ['14/5/2018', 'Date paid must not be before the invoice date (15 May 2018)'],
        recorded: ['30/5/2018', 'BACS run 77', `Recorded: Paid ${formatPence(totals.amount.sumOfRoundedRows)} to practices on 30 May 2018 (BACS run 77).`],
      });
      expect(await panel.getByRole('button', { name: 'Undo “invoiced”' }).count()).toBe(0);
      expect(await textOf(panel)).toContain('To undo “invoiced”, undo the payment to practices first.');
      const paidFor = `Paid ${formatPence(totals.amount.sumOfRoundedRows)} to practices on 30 May 2018 (BACS run 77)`;
      await eventually(() => textOf(panel.locator('.nhsuk-summary-list'))).toContain(paidFor);
      const versions = admin.locator('section[aria-labelledby="versions"]');
      expect(await textOf(versions)).toContain(`${formatPence(totals.grandTotal.total)} invoiced, ${formatPence(totals.amount.sumOfRoundedRows)} paid`);
      await admin.goto('/schemes');
      const row = admin.locator('main tbody tr', { hasText: 'Autumn clinics 2017' });
      await eventually(() => textOf(row)).toContain('on 30 May 2018, invoiced 15 May 2018');
      // What it was invoiced and paid for, where a finance officer looks for it, as the versions table says it.
      expect(await textOf(row)).toContain(`${formatPence(totals.grandTotal.total)} invoiced, ${formatPence(totals.amount.sumOfRoundedRows)} paid`);
      expect(await textOf(row.locator('.nhsuk-tag--green').last())).toBe('Paid');
      await admin.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(admin, 'schemes-list-paid-390');
      await admin.setViewportSize({ width: 1280, height: 900 });

      // Undoing asks first; undoing "invoiced" reopens the returns.
      await admin.goto(`/schemes/${scheme.id}#invoice`);
      let question = panel.locator('[aria-labelledby="confirm-undo-paid-heading"]');
      await confirmQuestionCancels(admin, question, 'confirm-undo-paid-heading', () => panel.getByRole('button', { name: 'Undo “paid to practices”' }).click());
      await panel.getByRole('button', { name: 'Undo “paid to practices”' }).click();
      await question.getByRole('button', { name: 'Yes, undo “paid to practices”' }).click();
      await visible(panel.getByText('Version 1’s payment to practices is no longer recorded.'));
      await panel.getByRole('button', { name: 'Undo “invoiced”' }).click();
      question = panel.locator('[aria-labelledby="confirm-undo-invoiced-heading"]');
      expect(await textOf(question)).toContain('Version 1’s activity returns and hand schedule open again');
      await question.getByRole('button', { name: 'Yes, undo “invoiced”' }).click();
      await visible(panel.getByText('Version 1 is no longer invoiced: its activity returns and hand schedule are open again.'));
      await eventually(() => delivered.locator('form').count()).toBeGreaterThan(0);
      await manager.goto(`/schemes/${scheme.id}#return`);
      await visible(form.getByRole('button', { name: 'Send the return' }));
      await manager.close();
      // Another scheme's invoice holds INV-0099: refused, saying so beside the box. Undone, INV-0042 is free again: a return changed,
      // the version is invoiced again under it, and the banner says what for.
      const changed = [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 80, gp: 10 } }];
      expect((await admin.request.post(`/api/schemes/${scheme.id}/delivered`, { data: { entries: changed }, headers })).status()).toBe(200);
      const other = await approvedScheme(harness(), 'autumn-extra-2017', 'Autumn extra clinics 2017');
      const held = { version: 1, invoiced: { on: '2018-05-15', reference: 'INV-0099' }, paid: null, basedOn: { invoiced: null, paid: null } };
      expect((await other.admin.request.put(`/api/schemes/${other.scheme.id}/settlement`, { data: held, headers: other.headers })).status()).toBe(200);
      await other.admin.close();
      await admin.reload();
      await fillDate(panel, 'invoiced-on', '16/5/2018');
      await panel.getByLabel('Invoice reference (optional)').fill('INV-0099');
      await panel.getByRole('button', { name: 'Record the invoice' }).click();
      await problemsSay(panel, 'INV-0099 is the invoice of version 1 of Autumn extra clinics 2017, recorded on 15 May 2018 for £0.');
      expect(await textOf(panel.locator('#invoiced-reference--error-message'))).toContain('A reference names one invoice');
      await panel.getByLabel('Invoice reference (optional)').fill('INV-0042');
      await panel.getByRole('button', { name: 'Record the invoice' }).click();
      const again = (await (await admin.request.get(`/api/schemes/${scheme.id}/run`)).json()).run.payments.totals.grandTotal.total as number;
      await visible(panel.getByText(`Recorded: Invoiced on 16 May 2018 (ref INV-0042) for ${formatPence(again)}.`, { exact: false }));
      expect(again).not.toBe(totals.grandTotal.total);
      await admin.close();
    });

    it('keeps an invoiced version’s terms, and starts next year’s scheme from them', async () => {
      const { admin, headers, request, scheme } = await approvedScheme(harness(), 'winter-top-up-2017', 'Winter top-up 2017');
      await admin.request.post(`/api/schemes/${scheme.id}/delivered`, { data: { entries: [{ practice: 'C82002', units: { nurse: 30, gp: 5 } }] }, headers });
      const none = { invoiced: null, paid: null };
      const invoiced = await admin.request.put(`/api/schemes/${scheme.id}/settlement`, { data: { version: 1, invoiced: { on: '2018-05-15', reference: 'INV-0050' }, paid: null, basedOn: none }, headers });
      expect(invoiced.status()).toBe(200);
      // A new version would carry the invoiced activity, to be invoiced again: refused.
      const edited = await admin.request.patch(`/api/schemes/${scheme.id}`, { data: { rowVersion: 2, definition: { ...request.definition, fee: { percent: 4 } } }, headers });
      expect([edited.status(), (await edited.json()).message]).toEqual([409, expect.stringContaining('so its terms and activity are settled')]);

      await admin.goto(`/schemes/${scheme.id}`);
      await eventually(() => textOf(admin.getByTestId('invoiced-terms'))).toContain('Version 1 was invoiced to the commissioner on 15 May 2018, so its terms and activity are settled.');
      expect(await admin.getByRole('link', { name: 'Edit the scheme’s terms' }).count()).toBe(0);
      await admin.getByRole('link', { name: 'Start a new scheme from these terms' }).click();
      await eventually(() => admin.getByLabel('Name', { exact: true }).inputValue()).toBe('Winter top-up 2018');
      expect(await admin.getByLabel('Quantity shared').inputValue()).toBe(String(request.definition.shared.quantity));
      expect(await admin.getByLabel('Financial years').inputValue()).toBe('2018/19');
      expect(await textOf(admin.locator('main .nhsuk-inset-text').first())).toContain('Started from the terms of Winter top-up 2017 (version 1), a year on.');
      await admin.getByRole('button', { name: 'Save as a draft' }).click();
      await problemsSay(admin.locator('main'), 'Enter the list-size snapshot date');
      await fillDate(admin, 'scheme-snapshot', '1/1/2018');
      await admin.getByRole('button', { name: 'Save as a draft' }).click();
      await visible(admin.getByRole('heading', { name: 'Winter top-up 2018', level: 1 }));
      await saveScreenshot(admin, 'scheme-started-from-another');
      // It starts with no returns and not invoiced; the old scheme keeps its invoice.
      const next = Number(new URL(admin.url()).pathname.split('/').pop());
      expect((await (await admin.request.get(`/api/schemes/${next}/delivered`)).json()).items).toEqual([]);
      const versions = (await (await admin.request.get(`/api/schemes/${scheme.id}/versions`)).json()).items as { status: string; invoiced: { on: string } | null }[];
      expect(versions.map((v) => [v.status, v.invoiced?.on ?? null])).toEqual([['approved', '2018-05-15']]);
      await admin.close();
    });
  });
}
