import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayInEngland } from '../../src/domain/iso-date.js';
import { makeSchemeRequest } from '../support/factories.js';
import { eventually, fillDate, problemsSay, textOf, visible } from './assertions.js';
import { demoUsers } from '../../src/app/demo/load-demo.js';
import type { DeliveredList } from '../../src/web/pages/schemes/types.js';
import { type BrowserHarness, csrfHeaders, demoAdmin, demoPracticeManager, saveScreenshot, screenshotDir, seriousAxeViolations, signedInAdmin, signIn } from './harness.js';

/** A day `days` from today in England: as the date boxes take it ("21/3/2026") and as the pages write it ("21 March 2026"). */
function dayFromToday(days: number) {
  const at = new Date(`${todayInEngland()}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return {
    boxes: `${at.getUTCDate()}/${at.getUTCMonth() + 1}/${at.getUTCFullYear()}`,
    words: at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
}

/**
 * A scheme's activity returns due: the federation sets the day, a practice manager finds their
 * return on My items and sends it up to the day; after it the return is closed to them, and the
 * federation records the rest, a late one tagged as such.
 */
export function returnsSuite(harness: () => BrowserHarness) {
  describe('activity returns due (admin and practice manager)', () => {
    it('puts Kibworth’s return on its practice manager’s My items until it is sent, closes it after the due date, and tags a return the federation records late', async () => {
      const { admin, headers } = await signedInAdmin(harness());
      const request = makeSchemeRequest({ id: 'spring-clinics-2018', name: 'Spring clinics 2018' });
      const created = await admin.request.post('/api/schemes', { data: request, headers });
      expect(created.status()).toBe(201);
      const { scheme } = (await created.json()) as { scheme: { id: number; rowVersion: number } };
      expect((await admin.request.post(`/api/schemes/${scheme.id}/approve`, { data: { rowVersion: scheme.rowVersion }, headers })).status()).toBe(200);

      await admin.goto(`/schemes/${scheme.id}#delivered`);
      const panel = admin.locator('section[aria-labelledby="returns-due-heading"]');
      await eventually(() => textOf(panel)).toContain('Waiting for 3 of 3 practices');
      expect(await textOf(panel)).toContain('Kibworth Medical Centre');
      await fillDate(panel, 'returns-due', '11//2018');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await problemsSay(panel, 'Activity returns due date must include a month');
      expect(await admin.title()).toBe('Error: Spring clinics 2018 – atscale');
      // Only the box the message is about turns red.
      expect(await panel.locator('.nhsuk-input--error').evaluateAll((boxes) => boxes.map((b) => b.id))).toEqual(['returns-due-month']);
      await fillDate(panel, 'returns-due', '31/4/2018');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await problemsSay(panel, 'Activity returns due date must be a real date');
      expect(await panel.locator('.nhsuk-input--error').count()).toBe(3);
      const due = dayFromToday(7);
      await fillDate(panel, 'returns-due', due.boxes);
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await visible(panel.getByText(`Activity returns are due by ${due.words}.`));
      expect(await admin.title()).not.toMatch(/^Error: /);
      await eventually(() => textOf(panel.locator('.nhsuk-inset-text'))).toContain(`Returns are due by ${due.words}.`);
      expect(await textOf(panel.locator('.nhsuk-inset-text li').first())).toBe('Kibworth Medical Centre (C82001)');
      await panel.screenshot({ path: join(screenshotDir, 'scheme-returns-due.png') });

      const manager = await harness().newPage();
      await signIn(manager, demoPracticeManager, '/my-items');
      const item = manager.locator('main tbody tr', { hasText: 'Return activity for Kibworth Medical Centre: Spring clinics 2018' });
      await eventually(() => textOf(item)).toContain(due.words);
      expect(await textOf(item)).not.toContain('overdue');
      await item.getByRole('link').click();
      const form = manager.locator('section[aria-labelledby="return"]');
      await eventually(() => textOf(form.locator('.nhsuk-inset-text'))).toContain(`Your return for Kibworth Medical Centre is due by ${due.words}.`);
      // The link lands on the return, far down the page.
      await eventually(() => form.evaluate((section) => Math.round(section.getBoundingClientRect().top) || 0)).toBe(0);
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
      // Focus goes to the question, so a keyboard or screen-reader user meets it before sending again.
      expect(await manager.evaluate(() => document.activeElement?.querySelector('.nhsuk-card--warning') !== null)).toBe(true);
      const returned = async () => (await (await manager.request.get(`/api/schemes/${scheme.id}/delivered`)).json()).items.length as number;
      expect(await returned()).toBe(0);
      expect(await form.locator('.nhsuk-error-summary').count()).toBe(0);
      // Half an appointment is refused, and every figure typed stays in the form to correct.
      await form.getByLabel(/^Nurse appointments delivered/).fill('40.5');
      await form.getByLabel(/^GP appointments delivered/).fill('30');
      await form.getByRole('button', { name: 'Send the return' }).click();
      await problemsSay(form, 'Nurse appointments delivered must be a whole number of appointments');
      expect([await form.getByLabel(/^Nurse appointments delivered/).inputValue(), await form.getByLabel(/^GP appointments delivered/).inputValue()]).toEqual(['40.5', '30']);
      await form.getByLabel(/^Nurse appointments delivered/).fill('40');
      await form.getByRole('button', { name: 'Send the return' }).click();
      await eventually(() => textOf(form)).toMatch(new RegExp(`Your return was received on ${dayFromToday(0).words}; last sent ${dayFromToday(0).words} at \\d+:\\d\\d[ap]m by Priya Patel\\. Returns are due by ${due.words}; you can change it until then\\.`));
      await saveScreenshot(manager, 'scheme-return-received');
      await manager.goto('/my-items');
      await visible(manager.getByRole('heading', { level: 1, name: 'My items' }));
      await eventually(() => manager.locator('main tbody tr', { hasText: 'Spring clinics 2018' }).count()).toBe(0);

      // The federation still waits for the other two; the day passes (set back to 11 May 2018).
      await admin.reload();
      await eventually(() => textOf(panel.locator('.nhsuk-inset-text'))).toContain('Waiting for 2 of 3 practices');
      expect(await textOf(panel.locator('.nhsuk-inset-text'))).not.toContain('Kibworth');
      await fillDate(panel, 'returns-due', '11/5/2018');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await visible(panel.getByText('Activity returns were due by 11 May 2018: that date has passed, so the returns still awaited are overdue.'));
      await admin.goto('/schemes');
      const row = admin.locator('main tbody tr', { hasText: 'Spring clinics 2018' });
      await eventually(() => textOf(row)).toContain('Returns overdue: 2 awaited');
      expect(await textOf(row.locator('.nhsuk-tag--red'))).toBe('Overdue');
      await saveScreenshot(admin, 'schemes-list-overdue');

      // Closed to the practice manager: the form gives way to the sentence, and the API refuses too.
      await manager.goto(`/schemes/${scheme.id}#return`);
      await eventually(() => textOf(form)).toContain('Returns closed on 11 May 2018. Ask the federation to change your return.');
      // The link's section has the keyboard too: the next Tab goes on from it, not from the top of the page.
      await eventually(() => manager.evaluate(() => document.activeElement?.closest('#return') !== null)).toBe(true);
      expect(await form.getByRole('button', { name: 'Send the return' }).count()).toBe(0);
      expect(await textOf(form.locator('.nhsuk-summary-list'))).toContain('40');
      await form.screenshot({ path: join(screenshotDir, 'scheme-return-closed.png') });
      const read = await (await manager.request.get(`/api/schemes/${scheme.id}/delivered`)).json();
      const managerHeaders = await csrfHeaders(manager);
      const refused = await manager.request.post(`/api/schemes/${scheme.id}/delivered`, { data: { entries: [{ practice: 'C82001', units: { nurse: 41, gp: 30 } }], basedOn: read.practiceRevisions }, headers: managerHeaders });
      expect([refused.status(), (await refused.json()).message]).toEqual([403, 'Returns closed on 11 May 2018. Ask the federation to change your return.']);
      await manager.goto('/schemes');
      await eventually(() => textOf(manager.locator('main tbody tr', { hasText: 'Spring clinics 2018' }))).toContain('Return received');
      await manager.close();

      // A manager of two practices sees each one's return as recorded, named, not one "Not recorded" for neither.
      const twoPractices = { email: 'pm.two@elr-federation.example', password: 'a long enough password' };
      const made = await admin.request.post('/api/users', { data: { ...twoPractices, name: 'Sam Two', role: 'practice_manager', practiceCodes: ['C82001', 'C82002'] }, headers: await csrfHeaders(admin) });
      expect(made.status()).toBe(201);
      const both = await harness().newPage();
      await signIn(both, twoPractices, `/schemes/${scheme.id}#return`);
      const closed = both.locator('section[aria-labelledby="delivered-entry-heading"]');
      await eventually(() => textOf(closed.locator('h3'))).toBe('What your practices delivered');
      expect((await closed.locator('h4').allInnerTexts()).sort()).toEqual(['Countesthorpe Health Centre', 'Kibworth Medical Centre']);
      expect(await textOf(closed.locator('h4:text-is("Kibworth Medical Centre") + .nhsuk-summary-list'))).toContain('40');
      await both.close();

      // The federation records Countesthorpe's return on its behalf: received after the date, so late.
      await admin.goto(`/schemes/${scheme.id}#delivered`);
      const entry = admin.locator('form[aria-label="Enter a practice’s delivered activity"]');
      await entry.getByLabel('Practice', { exact: true }).selectOption('C82002');
      await entry.getByLabel('Does the practice take part?').selectOption('yes');
      await entry.getByLabel(/^Nurse appointments delivered/).fill('25');
      await entry.getByLabel(/^GP appointments delivered/).fill('5');
      await entry.getByRole('button', { name: 'Save the return' }).click();
      await eventually(() => textOf(entry.locator('.nhsuk-inset-text'))).toContain('Recorded 1 return');
      const late = panel.locator('li', { hasText: 'Countesthorpe Health Centre (C82002)' });
      await eventually(() => textOf(late)).toContain(`Received ${dayFromToday(0).words}`);
      expect(await textOf(late.locator('.nhsuk-tag--red'))).toBe('Late');
      await panel.screenshot({ path: join(screenshotDir, 'scheme-returns-late.png') });

      // Without a date nothing is overdue or closed; the one still awaited is said in words.
      await fillDate(panel, 'returns-due', '');
      await panel.getByRole('button', { name: 'Save the due date' }).click();
      await visible(panel.getByText('The due date was removed.'));
      await admin.goto('/schemes');
      await eventually(() => textOf(admin.locator('main tbody tr', { hasText: 'Spring clinics 2018' }))).toContain('No due date set: 1 awaited');
      await admin.close();
    });

    it('shows the federation and the commissioner who last sent each return and when, saying so where the day it first came was not kept (the demo’s)', async () => {
      const manager = await harness().newPage();
      await signIn(manager, demoPracticeManager);
      const winterId = ((await (await manager.request.get('/api/schemes?slug=winter-access-2017-18')).json()) as { items: { id: number }[] }).items[0]!.id;
      const nurseOf = async () => ((await (await manager.request.get(`/api/schemes/${winterId}/delivered`)).json()) as DeliveredList).items.find((i) => i.practiceCode === 'C82001' && i.modelId === 'nurse')!.quantity;
      // Kibworth's return is changed and changed back: its figures stay the plan's (the finance and fund suites read its £2,600), but now someone has sent it.
      for (const [before, nurse] of [[208, 209], [209, 208]] as const) {
        await manager.goto(`/schemes/${winterId}#return`);
        const form = manager.locator('section[aria-labelledby="return"]');
        // The form shows the return as stored before it is changed: typed sooner, the loaded figures would replace what was typed.
        await eventually(() => form.getByLabel(/^Nurse appointments delivered/).inputValue()).toBe(String(before));
        await form.getByLabel(/^Nurse appointments delivered/).fill(String(nurse));
        await form.getByRole('button', { name: 'Send the return' }).click();
        await eventually(() => textOf(form.locator('.nhsuk-inset-text'))).toContain('Recorded 1 return');
        // The answer takes focus (the button was disabled while sending), and is a status to hear.
        expect(await manager.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
        await eventually(nurseOf).toBe(nurse);
      }
      await manager.close();
      const sentToday = new RegExp(`^Kibworth Medical Centre \\(C82001\\)\\s+Received; date not recorded\\s+${dayFromToday(0).words} at \\d+:\\d\\d[ap]m by Priya Patel$`);

      const admin = await harness().newPage();
      await signIn(admin, demoAdmin, `/schemes/${winterId}#delivered`);
      const panel = admin.locator('section[aria-labelledby="returns-due-heading"]');
      await panel.getByText(/^Returns received from \d+ practices$/).click();
      await eventually(() => textOf(panel.locator('tbody tr', { hasText: 'C82001' }))).toMatch(sentToday);
      // The plan's other returns came in on days nobody kept, from nobody named.
      expect(await textOf(panel.locator('tbody tr', { hasText: 'C82002' }))).toMatch(/Received; date not recorded\s+Not recorded$/);
      await admin.close();

      // The commissioner reads returns (read-only): the same list, with nothing to set or send.
      const commissioner = await harness().newPage();
      await signIn(commissioner, demoUsers.find((u) => u.role === 'commissioner')!, `/schemes/${winterId}#returns`);
      const returns = commissioner.locator('section[aria-labelledby="returns"]');
      await eventually(() => textOf(returns)).toMatch(/Waiting for \d+ of \d+ practices/);
      await returns.getByText(/^Returns received from \d+ practices$/).click();
      expect(await textOf(returns.locator('tbody tr', { hasText: 'C82001' }))).toMatch(sentToday);
      expect(await returns.locator('form, button').count()).toBe(0);
      expect(await seriousAxeViolations(commissioner)).toEqual([]);
      await saveScreenshot(commissioner, 'scheme-returns-commissioner');
      await commissioner.close();
    });
  });
}
