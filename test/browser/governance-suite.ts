import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateIn, eventually, fillDate, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, demoPracticeManager, download, saveScreenshot, screenshotDir, seriousAxeViolations, signIn } from './harness.js';

const elrData = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '../shared/data/elr');
const readCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(elrData, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Governance in the browser: the seed risk register and action log, meetings, policies, people and "my items". */
export function governanceSuite(harness: () => BrowserHarness) {
  describe('governance (admin)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin);
    });

    it('shows the seed risk register, with likelihood as written and impact flagged as not set', async () => {
      await page.getByRole('link', { name: 'Governance', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Risk register' }));
      const rows = page.locator('main table:not(.app-heat-map) tbody tr');
      await eventually(() => rows.count()).toBe(readCsv('risks.csv').length);
      for (const risk of readCsv('risks.csv')) {
        const row = await textOf(rows.filter({ hasText: risk.risk! }));
        expect(row).toContain(`R${risk.id}`);
        expect(row).toContain(`(written ${risk.likelihood})`);
        expect(row).toContain('Not set');
        // The register names no owner or review date: said, not left blank.
        expect(row).toContain('No owner');
        expect(row).toContain('No date set');
      }
      // A mitigation written as several points is a list, at the size of the cells beside it.
      expect(await rows.locator('li').count()).toBeGreaterThan(1);
      expect(await rows.locator('td, li').evaluateAll((cells) => [...new Set(cells.map((c) => getComputedStyle(c).fontSize))])).toEqual(['16px']);
      const unplaced = await textOf(page.getByTestId('unplaced-risks'));
      expect(unplaced).toContain('L = 2 (unlikely), M = 3 (possible), H = 4 (likely)');
      // Each unplaced risk links to its own page, where its impact is set, not to a filter of the list.
      expect(await page.getByTestId('unplaced-risks').getByRole('link').first().getAttribute('href')).toMatch(/^\/governance\/risks\/\d+$/);
      // The register gives no impact, so the map is empty: the page says why, and where to set them.
      expect(await textOf(page.getByTestId('empty-heat-map'))).toBe(`No open risk has both a likelihood and an impact yet: ${readCsv('risks.csv').length} risks need an impact. Set them on each risk’s page, from the list of open risks.`);
      // A short reference link is still at least 24 × 24 pixels to tap (WCAG 2.2 target size).
      const reference = await rows.first().getByRole('link', { name: /^R\d+$/ }).boundingBox();
      expect([reference!.width >= 24, reference!.height >= 24]).toEqual([true, true]);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('imports the register’s own download on the same page, changing nothing', async () => {
      const csv = await download(page, 'Download CSV of these risks');
      const form = page.getByRole('form', { name: 'Import risks' });
      await form.locator('input[type=file]').setInputFiles({ name: 'risks.csv', mimeType: 'text/csv', buffer: csv.body });
      await form.getByRole('button', { name: 'Import the file' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-notification-banner--success', { hasText: 'Imported' }))).toContain(`${readCsv('risks.csv').length} unchanged`);
    });

    it('on a phone, writes a risk’s mitigations from the left under their heading, at the size of the rest of the card', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      const mitigations = page.locator('main table:not(.app-heat-map) tbody tr', { hasText: 'Lack of management capacity' }).locator('td', { has: page.locator('li') });
      await visible(mitigations);
      const look = await mitigations.evaluate((cell) => {
        const item = cell.querySelector('li')!;
        const risk = cell.parentElement!.querySelector('td.app-cell--long')!;
        return { align: getComputedStyle(cell).textAlign, itemSize: getComputedStyle(item).fontSize, cardSize: getComputedStyle(risk).fontSize };
      });
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(look.align).toBe('left');
      expect(look.itemSize).toBe(look.cardSize);
    });

    it('scores a risk, places it on the 5 × 5 heat map and keeps its score history', async () => {
      await page.locator('main table:not(.app-heat-map)').getByRole('link', { name: 'R3', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: /R3: Parties fail to work together/ }));
      await page.locator('#edit-risk-impact').selectOption('4');
      // Every problem at once: the browser's own (an impossible date) with the server's (a target off the scale, a reference taken).
      await page.locator('#edit-risk-ref').fill('R2');
      await page.locator('#edit-risk-targetScore').fill('40');
      await fillDate(page, 'edit-risk-reviewDate', '31/2/2027');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(page, 'Review date must be a real date');
      expect((await page.locator('.nhsuk-error-summary li').allInnerTexts()).map((t) => t.trim())).toEqual([
        'A risk with reference R2 already exists: give another reference',
        'Target score must be from 1 to 25',
        'Review date must be a real date',
      ]);
      await page.locator('#edit-risk-ref').fill('R3');
      await page.locator('#edit-risk-targetScore').fill('');
      await fillDate(page, 'edit-risk-reviewDate', '');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await eventually(async () => (await page.locator('.nhsuk-summary-list').innerText()).includes('12 high')).toBe(true);
      // The likelihood was left as it was, so it still says how the register wrote it; only a likelihood changed by hand drops the letter.
      expect(await textOf(page.locator('.nhsuk-summary-list__row', { hasText: 'Likelihood' }))).toMatch(/^Likelihood\s+3 \(written M\)$/);
      const history = page.locator('table', { has: page.locator('caption', { hasText: 'Score history' }) }).locator('tbody tr');
      await eventually(() => history.count()).toBe(2);
      expect(await textOf(history.nth(1))).toContain('Jo Walker');
      await page.getByRole('link', { name: 'Risk register' }).first().click();
      const cell = page.locator('.app-heat-map tbody tr').nth(2).locator('td').nth(3);
      await eventually(() => textOf(cell)).toContain('R3');
      expect(await cell.getAttribute('class')).toBe('app-rating--high');
      await saveScreenshot(page, 'governance-risks');
      await page.locator('.app-heat-map').screenshot({ path: join(screenshotDir, 'governance-heat-map.png') });
    });

    it('keeps a closed risk under "Closed risks", out of the open register', async () => {
      await page.locator('main table:not(.app-heat-map)').getByRole('link', { name: 'R4', exact: true }).click();
      await page.locator('#edit-risk-status').selectOption('closed');
      // Closed at the April board, recorded now: the page says the day it was closed.
      await fillDate(page, 'edit-risk-closedOn', '12/4/2018');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved R4.'));
      expect(await textOf(page.locator('.nhsuk-summary-list'))).toContain('Closed on 12 April 2018');
      await page.getByRole('link', { name: 'Risk register' }).first().click();
      await visible(page.getByRole('heading', { level: 2, name: 'Open risks' }));
      const rows = page.locator('main table:not(.app-heat-map) tbody tr');
      await eventually(() => rows.count()).toBe(readCsv('risks.csv').length - 1);
      await page.getByRole('navigation', { name: 'Which risks' }).getByRole('link', { name: 'Closed risks' }).click();
      await visible(page.getByRole('heading', { level: 2, name: 'Closed risks' }));
      await eventually(() => rows.count()).toBe(1);
      expect(await textOf(rows.first())).toContain('R4');
      await page.getByRole('navigation', { name: 'Which risks' }).getByRole('link', { name: 'All risks' }).click();
      await eventually(() => rows.count()).toBe(readCsv('risks.csv').length);
      // Reopened, so the later tests find the register as the seed left it.
      await rows.filter({ hasText: 'R4' }).getByRole('link', { name: 'R4', exact: true }).click();
      await page.locator('#edit-risk-status').selectOption('open');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved R4.'));
    });

    it('shows the action log with the meeting that raised each action, and adds a dated update', async () => {
      await page.getByRole('link', { name: 'Board actions' }).click();
      const rows = page.locator('main tbody tr');
      await eventually(() => rows.count()).toBe(readCsv('board-actions.csv').length);
      await visible(rows.first().getByRole('link', { name: 'COO report April 2018' }));
      // Where each action stands, as the download has it: its latest update.
      await visible(page.locator('main thead').getByText('Latest update'));
      expect(await textOf(rows.first())).toContain('JW to progress');
      await rows.first().getByRole('link', { name: '1', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Action 1: CQC registration' }));
      await visible(page.getByLabel('Outcome (required when closing)'));
      await page.getByLabel('Update', { exact: true }).fill('CQC application form started');
      // An update says what has happened: a date after today is refused, and nothing is added.
      const [year, month, day] = isoDaysFromNow(2).split('-');
      await fillDate(page, 'update-date', `${Number(day)}/${Number(month)}/${year}`);
      await page.getByRole('button', { name: 'Add update' }).click();
      await problemsSay(page, 'Date of the update must be today or in the past');
      await fillDate(page, 'update-date', '15/5/2018');
      await page.getByRole('button', { name: 'Add update' }).click();
      const updates = page.locator('table', { has: page.locator('caption', { hasText: 'Updates' }) }).locator('tbody tr');
      await eventually(() => updates.count()).toBe(2);
      expect(await textOf(updates.first())).toContain('15 May 2018');
      expect(await textOf(updates.nth(1))).toContain('JW to progress');

      // An impossible date is refused in the words of its hint, before anything is sent.
      const due = await dateIn(page, 'edit-action-dueDate');
      await fillDate(page, 'edit-action-dueDate', '31/2/2019');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(page, 'Due date must be a real date');
      await fillDate(page, 'edit-action-dueDate', due === '//' ? '' : due);

      await page.locator('#edit-action-status').selectOption('closed');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(page, 'Enter the outcome to close the action');
      await page.locator('#edit-action-ownerText').fill('JW/RB');
      await page.locator('#edit-action-status').selectOption('carried_forward');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(page, 'Owner names "RB", who is not on the People page');
      // The People page, with RB filled in, is a new tab away; or RB is added here.
      expect(await page.getByRole('link', { name: /^Add RB on the People page/ }).getAttribute('href')).toBe('/governance/people?initials=RB#add-person-heading');
      await page.getByLabel('Full name of RB').fill('Rachel Brown');
      await page.getByRole('button', { name: 'Add RB to people' }).click();
      await visible(page.getByText('Added Rachel Brown to people. Save the form again.'));
      // The answer takes focus, as the button that was pressed has gone with the boxes.
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Added Rachel Brown to people. Save the form again.');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved action 1.'));
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain('Carried forward');
      await saveScreenshot(page, 'governance-action');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The audit names the action and links to it, and says what changed in the words of its page.
      await page.goto('/audit?recordType=board_action');
      const change = page.locator('main tbody tr').first();
      await visible(change.getByRole('link', { name: /^Action 1: CQC registration/ }));
      await change.locator('summary', { hasText: 'Before and after' }).click();
      const changes = await textOf(change.locator('table'));
      expect(changes).toMatch(/Owner\s+JW\s+JW\/RB/);
      expect(changes).toMatch(/Status\s+Open\s+Carried forward/);
      expect(changes).toMatch(/Owners on the People page\s+Jo Walker\s+Jo Walker, Rachel Brown/);
      expect(changes).not.toMatch(/ownerPersonIds|owner person ids/i);
      await change.getByRole('link', { name: /^Action 1: CQC registration/ }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Action 1: CQC registration' }));
    });

    it('keeps the downloads on the overdue view, holding just the overdue actions', async () => {
      // The demo's actions are not yet due; action 7 falls due three days ago, as "My items" below also has it.
      const [action] = (await (await page.request.get('/api/board-actions?ref=7')).json()).items;
      const csrf = (await (await page.request.get('/api/session')).json()).csrfToken as string;
      await page.request.patch(`/api/board-actions/${action.id}`, { data: { rowVersion: action.rowVersion, dueDate: isoDaysFromNow(-3) }, headers: { 'x-csrf-token': csrf } });
      await page.goto('/governance/actions');
      const rows = page.locator('main tbody tr');
      await visible(rows);
      await page.getByLabel('Only overdue actions').click();
      await page.waitForURL(/overdue=yes/);
      await eventually(async () => (await rows.allInnerTexts()).every((row) => row.includes('Overdue'))).toBe(true);
      // Overdue is said beside the action's status, not instead of it.
      expect(await rows.filter({ hasText: action.action.slice(0, 30) }).locator('.nhsuk-tag').allInnerTexts()).toEqual(['Open', 'Overdue']);
      const shown = await rows.count();
      expect(shown).toBeGreaterThan(0);
      const csv = await download(page, 'Download CSV of these overdue actions');
      expect(csv.status).toBe(200);
      const [header, ...exported] = Papa.parse<string[]>(csv.body.toString('utf8').replace(/^\uFEFF/, '').trim()).data;
      expect(header).toEqual(expect.arrayContaining(['Latest update dated', 'Latest update']));
      expect(exported).toHaveLength(shown);
      await visible(page.getByRole('link', { name: 'Download XLSX of these overdue actions' }));
      await saveScreenshot(page, 'governance-actions-overdue');
    });

    it('keeps a change saved elsewhere: an untouched form takes it, a form typed in is refused as stale', async () => {
      const csrf = (await (await page.request.get('/api/session')).json()).csrfToken as string;
      const changeElsewhere = async (dueDate: string) => {
        const [action] = (await (await page.request.get('/api/board-actions?ref=2')).json()).items;
        expect((await page.request.patch(`/api/board-actions/${action.id}`, { data: { rowVersion: action.rowVersion, dueDate }, headers: { 'x-csrf-token': csrf } })).status()).toBe(200);
        return action.id as number;
      };
      await page.getByRole('link', { name: 'Board actions' }).click();
      await page.locator('main tbody tr').getByRole('link', { name: '2', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: /^Action 2: / }));
      const id = await changeElsewhere('2018-07-31');
      // Adding an update reads the action again: the form, untouched, now shows the other change.
      await page.getByLabel('Update', { exact: true }).fill('Chased by email');
      await page.getByRole('button', { name: 'Add update' }).click();
      await eventually(() => dateIn(page, 'edit-action-dueDate')).toBe('31/7/2018');
      await page.locator('#edit-action-status').selectOption('carried_forward');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved action 2.'));
      const saved = await (await page.request.get(`/api/board-actions/${id}`)).json();
      expect({ dueDate: saved.dueDate, status: saved.status }).toEqual({ dueDate: '2018-07-31', status: 'carried_forward' });

      // Someone types, then the action changes elsewhere and is read again: their save is refused, not written over it.
      await page.locator('#edit-action-status').selectOption('open');
      await changeElsewhere('2018-08-31');
      await page.getByLabel('Update', { exact: true }).fill('Chased again');
      await page.getByRole('button', { name: 'Add update' }).click();
      await visible(page.locator('table', { has: page.locator('caption', { hasText: 'Updates' }) }).getByText('Chased again'));
      await page.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(page, 'This board action was changed by someone else since you opened it');
      expect((await (await page.request.get(`/api/board-actions/${id}`)).json()).dueDate).toBe('2018-08-31');
    });

    it('shows the meeting with the actions it raised', async () => {
      await page.getByRole('link', { name: 'Meetings' }).click();
      await page.getByRole('link', { name: 'COO report April 2018' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'COO report April 2018' }));
      const raised = page.locator('table', { has: page.locator('caption', { hasText: 'Actions raised at this meeting' }) }).locator('tbody tr');
      await eventually(() => raised.count()).toBe(readCsv('board-actions.csv').length);
    });

    it('searches the policy library, refuses a file that is not a PDF, and uploads one that is', async () => {
      await page.getByRole('link', { name: 'Policies and documents' }).click();
      // A new document is a policy unless another kind is chosen: the kind shown is the kind sent.
      expect(await page.locator('#add-policy-kind').inputValue()).toBe('policy');
      // What the server requires is unmarked; everything else says "(optional)", as the other forms do.
      await page.getByLabel('Title', { exact: true }).fill('Lone working policy');
      await page.getByLabel('Version', { exact: true }).fill('1.0');
      // The practices are ticked from the federation's members, not typed as codes.
      await page.getByRole('group', { name: /^Practices that must acknowledge it/ }).getByLabel('Kibworth Medical Centre (C82001)').check();
      await visible(page.getByLabel('Description (optional)'));
      await page.getByRole('button', { name: 'Add document' }).click();
      await visible(page.getByText('Added Lone working policy. Open it to upload its file.'));
      const [added] = (await (await page.request.get('/api/policies?title=Lone%20working%20policy')).json()).items;
      expect(added.kind).toBe('policy');

      // With no file to read, version 1.0 cannot be acknowledged: no button, and the page says why.
      await page.getByRole('link', { name: 'Lone working policy' }).click();
      await visible(page.getByText('No file has been uploaded yet.'));
      await visible(page.getByText('Version 1.0 has no file yet, so practices cannot acknowledge it. Upload the document above'));
      expect(await textOf(page.locator('tbody tr', { hasText: 'C82001' }))).toContain('Not yet');
      expect(await page.getByRole('button', { name: 'Acknowledge for C82001' }).count()).toBe(0);
      await page.getByLabel('Upload the document').setInputFiles({ name: 'lone-working.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 lone working') });
      await page.getByRole('button', { name: 'Upload file' }).click();
      await visible(page.getByRole('button', { name: 'Acknowledge for C82001' }));
      expect(await page.getByText('has no file yet').count()).toBe(0);

      await page.getByRole('link', { name: 'Policies and documents' }).first().click();
      await page.getByLabel('Search titles and descriptions').fill('subject access requests');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Data protection (GDPR) policy for member practices' }).click();
      // The demo's policy comes with its document.
      await visible(page.getByRole('link', { name: 'gdpr-policy-for-member-practices.pdf' }));
      await page.getByLabel('Upload the document').setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text pretending') });
      await page.getByRole('button', { name: 'Upload file' }).click();
      await problemsSay(page, 'The file must be a PDF or a Word (DOCX) document');
      await page.getByLabel('Upload the document').setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 a real start') });
      await page.getByRole('button', { name: 'Upload file' }).click();
      await visible(page.getByRole('link', { name: 'policy.pdf' }));
      // A second file becomes the current one; the first stays under "Earlier files".
      await page.getByLabel('Upload the document').setInputFiles({ name: 'policy-2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 the next one') });
      await page.getByRole('button', { name: 'Upload file' }).click();
      await visible(page.getByRole('link', { name: 'policy-2.pdf' }));
      await page.getByText('Earlier files (2)').click();
      const earlier = page.locator('.nhsuk-details__text').getByRole('link', { name: 'policy.pdf', exact: true });
      expect(await earlier.getAttribute('href')).toMatch(/\/file\?file=\d+$/);
      await saveScreenshot(page, 'governance-policy');
    });

    it('lists Jo Walker’s items, overdue first', async () => {
      const [action] = (await (await page.request.get('/api/board-actions?ref=7')).json()).items;
      const csrf = (await (await page.request.get('/api/session')).json()).csrfToken as string;
      await page.request.patch(`/api/board-actions/${action.id}`, { data: { rowVersion: action.rowVersion, dueDate: isoDaysFromNow(-3) }, headers: { 'x-csrf-token': csrf } });
      await page.getByRole('link', { name: 'My items' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'My items' }));
      const rows = page.locator('main tbody tr');
      await eventually(() => rows.count()).toBeGreaterThan(0);
      expect(await textOf(rows.first())).toContain('(overdue)');
      // Overdue first: the work-plan tasks JW leads (due 2016–2019), then board action 7, due three days ago; then what is due soon.
      const texts = await rows.allInnerTexts();
      const seven = texts.findIndex((t) => t.includes('Business and budget plan'));
      expect(seven).toBeGreaterThan(0);
      expect(texts.slice(0, seven + 1).every((t) => t.includes('(overdue)'))).toBe(true);
      await saveScreenshot(page, 'governance-my-items');
    });

    it('lists and adds people, once however fast the button is double-clicked', async () => {
      // As the work plan's "GC" links here: the form starts with the initials.
      await page.goto('/governance/people?initials=GC#add-person-heading');
      await visible(page.getByRole('link', { name: 'Jo Walker' }));
      await visible(page.getByRole('heading', { level: 2, name: 'Add GC' }));
      expect(await page.locator('#add-person-initials').inputValue()).toBe('GC');
      await page.getByRole('button', { name: 'Add person' }).click();
      await problemsSay(page, 'Enter the name');
      await page.locator('#add-person-name').fill('Gill Clarke');
      await page.getByRole('button', { name: 'Add person' }).dblclick();
      await visible(page.getByText('Added Gill Clarke.'));
      await visible(page.getByRole('link', { name: 'Gill Clarke' }));
      expect(await page.getByRole('link', { name: 'Gill Clarke' }).count()).toBe(1);
      expect(await page.locator('.nhsuk-error-summary').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      // The next attempt's problem replaces the last success: the old banner does not stay beside it.
      // (Other initials: the same form sent again within moments of succeeding is taken for a double click.)
      await page.locator('#add-person-name').fill('Gill Clarke');
      await page.locator('#add-person-initials').fill('GCL');
      await page.getByRole('button', { name: 'Add person' }).click();
      await visible(page.locator('.nhsuk-error-summary', { hasText: 'There is already a person called Gill Clarke' }));
      expect(await page.getByText('Added Gill Clarke.').count()).toBe(0);
    });

    it('shows on a meeting the actions still open that earlier meetings raised', async () => {
      const csrf = (await (await page.request.get('/api/session')).json()).csrfToken as string;
      const post = async (path: string, data: Record<string, unknown>) => (await (await page.request.post(path, { data, headers: { 'x-csrf-token': csrf } })).json()) as { id: number };
      const march = await post('/api/meetings', { title: 'Board, March 2031', heldOn: '2031-03-12' });
      const april = await post('/api/meetings', { title: 'Board, April 2031', heldOn: '2031-04-09' });
      await post('/api/board-actions', { ref: 'BF31', action: 'Agree the hub rota for the summer', meetingId: march.id });
      await page.goto(`/governance/meetings/${april.id}`);
      const brought = page.locator('table', { has: page.locator('caption', { hasText: 'Actions still open that earlier meetings raised' }) });
      await eventually(() => textOf(brought)).toContain('Agree the hub rota for the summer');
      expect(await textOf(brought)).toContain('Board, March 2031');
      await page.goto(`/governance/meetings/${march.id}`);
      await visible(page.getByRole('heading', { level: 2, name: 'Actions brought forward' }));
      await eventually(() => textOf(page.locator('table', { has: page.locator('caption', { hasText: 'Actions still open that earlier meetings raised' }) }))).not.toContain('Agree the hub rota');
    });
  });

  describe('governance (practice manager)', () => {
    it('shows the policy to acknowledge on My items until the practice acknowledges it', async () => {
      const page = await harness().newPage();
      await signIn(page, demoPracticeManager, '/my-items');
      const rows = page.locator('main tbody tr');
      await eventually(() => rows.count()).toBe(1);
      expect(await textOf(rows.first())).toContain('Policy to acknowledge');
      expect(await textOf(page.locator('main p').first())).toMatch(/^Overdue, or due by \d+ \w+ \d{4}: your practices’ policy acknowledgements, sub-contracts to sign, activity returns due and approved fund money to draw\. Where/);
      await rows.first().getByRole('link').click();
      await page.getByRole('button', { name: 'Acknowledge for C82001' }).click();
      await eventually(() => textOf(page.locator('tbody tr', { hasText: 'C82001' }))).toContain('Priya Patel');
      await visible(page.getByText(/^Acknowledged version .+ for Kibworth/));
      expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
      await page.getByRole('link', { name: 'My items' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'My items' }));
      await visible(page.getByText('Nothing is due in the next 14 days.'));
      // No downloads of an empty list.
      expect(await page.getByRole('link', { name: /^Download/ }).count()).toBe(0);
    });
  });
}
