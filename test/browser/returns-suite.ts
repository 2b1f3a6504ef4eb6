import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeSchemeRequest } from '../support/factories.js';
import { eventually, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, demoPracticeManager, saveScreenshot, screenshotDir, signIn } from './harness.js';

async function fillDate(page: Page, id: string, day: string, month: string, year: string) {
  await page.locator(`#${id}-day`).fill(day);
  await page.locator(`#${id}-month`).fill(month);
  await page.locator(`#${id}-year`).fill(year);
}

/** A scheme's activity returns due: the federation sets the day, a practice manager finds their return on My items until they send it. */
export function returnsSuite(harness: () => BrowserHarness) {
  describe('activity returns due (admin and practice manager)', () => {
    it('puts Kibworth’s return on its practice manager’s My items from the due date until it is sent', async () => {
      const admin = await harness().newPage();
      await signIn(admin, demoAdmin);
      const headers = { 'x-csrf-token': (await (await admin.request.get('/api/session')).json()).csrfToken as string };
      const request = makeSchemeRequest({ id: 'spring-clinics-2018', name: 'Spring clinics 2018' });
      const created = await admin.request.post('/api/schemes', { data: request, headers });
      expect(created.status()).toBe(201);
      const { scheme } = (await created.json()) as { scheme: { id: number; rowVersion: number } };
      expect((await admin.request.post(`/api/schemes/${scheme.id}/approve`, { data: { rowVersion: scheme.rowVersion }, headers })).status()).toBe(200);

      await admin.goto(`/schemes/${scheme.id}#delivered`);
      const panel = admin.locator('section[aria-labelledby="returns-due-heading"]');
      await eventually(() => textOf(panel)).toContain('Waiting for 3 of 3 practices');
      expect(await textOf(panel)).toContain('Kibworth Medical Centre');
      await fillDate(admin, 'returns-due', '11', '', '2018');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await problemsSay(panel, 'Activity returns due date must include a month');
      expect(await admin.title()).toBe('Error: Spring clinics 2018 – atscale');
      // Only the box the message is about turns red.
      expect(await panel.locator('.nhsuk-input--error').evaluateAll((boxes) => boxes.map((b) => b.id))).toEqual(['returns-due-month']);
      await fillDate(admin, 'returns-due', '31', '4', '2018');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await problemsSay(panel, 'Activity returns due date must be a real date');
      expect(await panel.locator('.nhsuk-input--error').count()).toBe(3);
      await fillDate(admin, 'returns-due', '11', '5', '2018');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await visible(panel.getByText('Activity returns were due by 11 May 2018: that date has passed, so the returns still awaited are overdue.'));
      expect(await admin.title()).not.toMatch(/^Error: /);
      await eventually(() => textOf(panel.locator('.nhsuk-inset-text'))).toContain('Returns were due by 11 May 2018 and are overdue.');
      expect(await textOf(panel.locator('.nhsuk-inset-text li').first())).toBe('Kibworth Medical Centre (C82001)');
      await panel.screenshot({ path: join(screenshotDir, 'scheme-returns-due.png') });

      const manager = await harness().newPage();
      await signIn(manager, demoPracticeManager, '/my-items');
      const item = manager.locator('main tbody tr', { hasText: 'Return activity for Kibworth Medical Centre: Spring clinics 2018' });
      await eventually(() => textOf(item)).toContain('11 May 2018 (overdue)');
      expect(await textOf(item)).toContain('Activity return');
      await item.getByRole('link').click();
      const form = manager.locator('section[aria-labelledby="return"]');
      await eventually(() => textOf(form.locator('.nhsuk-inset-text'))).toContain('Your return for Kibworth Medical Centre was due by 11 May 2018 and is overdue.');
      // The link lands on the return, far down the page.
      await eventually(() => form.evaluate((section) => Math.round(section.getBoundingClientRect().top))).toBe(0);
      await form.getByLabel('Does the practice take part?').selectOption('yes');
      // A return with no figures is not a return.
      await form.getByRole('button', { name: 'Send the return' }).click();
      await problemsSay(form, 'Enter what the practice delivered, or choose No if it did not take part');
      // Activity on a return that says No is refused, beside the answer that contradicts it.
      await form.getByLabel('Does the practice take part?').selectOption('no');
      await form.getByLabel(/^Nurse appointments delivered/).fill('20');
      await form.getByRole('button', { name: 'Send the return' }).click();
      await problemsSay(form, 'The return says the practice did not take part but has activity');
      expect(await form.locator('.nhsuk-form-group--error', { has: manager.locator('#delivered-takes-part') }).count()).toBe(1);
      await form.getByLabel('Does the practice take part?').selectOption('yes');
      // A figure beyond the whole scheme is a slip of the keyboard until the manager says otherwise.
      await form.getByLabel(/^Nurse appointments delivered/).fill('400000');
      await form.getByRole('button', { name: 'Send the return' }).click();
      await eventually(() => textOf(form.locator('.nhsuk-card--warning'))).toContain('400,000 nurse appointments are more than the whole scheme shares out (600 appointments). Check the figures, and send again if they are right.');
      const returned = async () => (await (await manager.request.get(`/api/schemes/${scheme.id}/delivered`)).json()).items.length as number;
      expect(await returned()).toBe(0);
      expect(await form.locator('.nhsuk-error-summary').count()).toBe(0);
      await form.getByLabel(/^Nurse appointments delivered/).fill('40');
      await form.getByLabel(/^GP appointments delivered/).fill('30');
      await form.getByRole('button', { name: 'Send the return' }).click();
      await eventually(() => textOf(form)).toContain('Your return has been received. Returns were due by 11 May 2018.');
      await saveScreenshot(manager, 'scheme-return-received');
      await manager.goto('/my-items');
      await visible(manager.getByRole('heading', { level: 1, name: 'My items' }));
      await eventually(() => manager.locator('main tbody tr', { hasText: 'Spring clinics 2018' }).count()).toBe(0);
      await manager.close();

      // The federation still waits for the other two, then takes the date off.
      await admin.reload();
      await eventually(() => textOf(panel.locator('.nhsuk-inset-text'))).toContain('Waiting for 2 of 3 practices');
      expect(await textOf(panel.locator('.nhsuk-inset-text'))).not.toContain('Kibworth');
      await fillDate(admin, 'returns-due', '', '', '');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await visible(panel.getByText('The due date was removed.'));
      await admin.goto('/schemes');
      await eventually(() => textOf(admin.locator('main tbody tr', { hasText: 'Spring clinics 2018' }))).toContain('No date set');
      await admin.close();
    });
  });
}
