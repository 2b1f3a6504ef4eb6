import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, headingLevelsSkipped, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, demoPracticeManager, download, saveScreenshot, seriousAxeViolations, signIn } from './harness.js';

const shared = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '../shared/data');
const seed = (path: string) => Papa.parse<Record<string, string>>(readFileSync(join(shared, path), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The programme in the browser: the demo work plan with its filters and warnings, a task's log and owners, and the STP grid and outcomes. */
export function planSuite(harness: () => BrowserHarness) {
  describe('programme (admin)', () => {
    let page: Page;
    const workplan = seed('elr/workplan.csv');

    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin);
    });

    it('shows the work plan from the menu, with the ids to resolve and every task', async () => {
      await page.getByRole('link', { name: 'Programme', exact: true }).click();
      await visible(page.getByRole('heading', { level: 2, name: 'ELR GP Federation work plan' }));
      const warning = await textOf(page.locator('.nhsuk-card--warning', { hasText: 'IDs and dates to resolve' }));
      expect(warning).toContain('ID 2.3 is used by 2 tasks');
      expect(warning).toContain('ID 3.2 is used by 2 tasks');
      expect(warning).toContain('The plan skips ID 2.4');
      expect(await headingLevelsSkipped(page)).toEqual([]);
      await eventually(() => page.locator('tbody tr').count()).toBe(workplan.length);
      expect(await page.locator('tbody tr', { hasText: 'Overdue' }).count()).toBeGreaterThan(0);
      // An id used twice is flagged beside it; the plan's file has no RAG column, so no empty column stands for it.
      const doubled = workplan.filter((r) => workplan.filter((o) => o.id === r.id).length > 1).length;
      expect(await page.locator('tbody tr td:first-child', { hasText: 'Used twice' }).count()).toBe(doubled);
      expect((await page.locator('main thead th').allInnerTexts()).map((t) => t.trim())).not.toEqual(expect.arrayContaining(['RAG', 'ID']));
      await visible(page.getByText('No task has a RAG rating yet. The plan’s file has none: rate a task on its page.'));
      // A task the plan writes as several points (joined with " | ") reads as a list of them.
      const pointed = workplan.find((r) => r.tasks!.includes(' | ') && workplan.filter((o) => o.id === r.id).length === 1)!;
      const points = pointed.tasks!.split(' | ');
      expect(await page.locator('tbody tr', { hasText: points[0]! }).first().locator('td').nth(1).locator('li').allInnerTexts()).toEqual(points.map((p) => p.trim()));
      // Initials the plan names that nobody on People stands for, each a link to add them there.
      const initials = page.getByTestId('plan-unknown-initials');
      expect(await initials.getByRole('link', { name: 'RB', exact: true }).getAttribute('href')).toBe('/governance/people?initials=RB#add-person-heading');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'programme-work-plan');
    });

    it('warns on a task whose id another task shares, its warning a heading under the task’s own', async () => {
      await page.locator('.nhsuk-card--warning li', { hasText: 'ID 2.3 is used by 2 tasks' }).getByRole('link').first().click();
      await visible(page.getByRole('heading', { level: 2, name: 'ID 2.3 is used more than once' }));
      expect(await headingLevelsSkipped(page)).toEqual([]);
      await page.goBack();
      await visible(page.getByRole('heading', { level: 2, name: 'ELR GP Federation work plan' }));
    });

    it('filters by lead and overdue, keeping the filters in the address', async () => {
      const filters = page.getByRole('search', { name: 'Filter tasks' });
      await filters.getByLabel('Lead').fill('RB');
      await filters.getByLabel('Overdue tasks only').check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/lead=RB/);
      expect(page.url()).toContain('overdue=true');
      const expected = workplan.filter((r) => r.lead!.includes('RB') && r.time !== '' && !/^(TBD|TBA|ongoing)$/i.test(r.time!));
      await eventually(() => page.locator('tbody tr').count()).toBe(expected.length);
      for (const row of await page.locator('tbody tr').allInnerTexts()) expect(row).toContain('RB');
      await saveScreenshot(page, 'programme-work-plan-filtered');
    });

    it('opens a task: owners with a create-person offer, the position log newest first, and an added update kept above the rest', async () => {
      await page.goto('/programme?lead=JW');
      await page.getByRole('link', { name: '1.4', exact: true }).click();
      await visible(page.getByRole('heading', { level: 2, name: 'Position log' }));
      const row = workplan.find((r) => r.id === '1.4')!;
      const entries = page.locator('.app-position-log > li');
      await eventually(() => entries.count()).toBe(row.current_position!.split(' | ').length);
      // JW leads it: Jo Walker, whom the demo's governance records already name. The Fed Board is not yet a person.
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain('People: Jo Walker (JW)');
      await visible(page.getByRole('group', { name: 'Add Fed Board to people' }));
      await page.getByLabel('Update', { exact: true }).fill('Scheme closed; report sent to NHS England');
      await page.getByRole('button', { name: 'Add update' }).click();
      await visible(page.getByText('Update added to the position log.'));
      await eventually(() => textOf(entries.first())).toContain('Scheme closed; report sent to NHS England');
      expect(await entries.count()).toBe(row.current_position!.split(' | ').length + 1);
      await saveScreenshot(page, 'programme-task');

      expect(await page.getByLabel('Name of Fed Board').inputValue()).toBe('Fed Board');
      await page.getByRole('button', { name: 'Add Fed Board to people' }).first().click();
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain('Fed Board (FB)');
      expect(await page.getByRole('group', { name: 'Add Fed Board to people' }).count()).toBe(0);
    });

    it('refuses an impossible date on an update, saving nothing', async () => {
      const entries = page.locator('.app-position-log > li');
      const before = await entries.count();
      await page.getByLabel('Day').fill('31');
      await page.getByLabel('Month').fill('2');
      await page.getByLabel('Year').fill('2018');
      await page.getByLabel('Update', { exact: true }).fill('Never saved');
      await page.getByRole('button', { name: 'Add update' }).click();
      await visible(page.locator('.nhsuk-error-summary', { hasText: 'Date of the update must be a real date' }));
      expect(await entries.count()).toBe(before);
    });

    it('saves a task’s status and RAG, and says so with focus on the message', async () => {
      await page.getByLabel('Rating (red, amber or green)').selectOption('amber');
      await page.getByRole('button', { name: 'Save status' }).click();
      const banner = page.locator('.nhsuk-notification-banner--success', { hasText: 'Status and RAG saved.' });
      await visible(banner);
      await eventually(() => banner.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      expect(await page.getByLabel('Rating (red, amber or green)').inputValue()).toBe('amber');
      // Not rated again, as the practice manager's view of the plan expects it.
      await page.getByLabel('Rating (red, amber or green)').selectOption('');
      await page.getByRole('button', { name: 'Save status' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-summary-list__row', { hasText: 'Status' }).first())).not.toContain('Amber');
    });

    it('shows a task’s money columns by organisation, in pounds', async () => {
      const row = workplan.find((r) => r.wlccg_allocation_gbp_000)!;
      await page.goto(`/programme?lead=${encodeURIComponent(row.lead!.split('/')[0]!)}`);
      await page.getByRole('link', { name: row.id!, exact: true }).first().click();
      // Whole pounds are written without pence.
      const pounds = (thousands: string) => {
        const pence = Math.round(Number(thousands) * 100_000);
        return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', ...(pence % 100 === 0 ? { maximumFractionDigits: 0 } : {}) }).format(pence / 100);
      };
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain(`WLCCG allocation: ${pounds(row.wlccg_allocation_gbp_000!)}; ELRCCG allocation: ${pounds(row.elrccg_allocation_gbp_000!)}`);
    });

    it('changes a task’s description, lead and target, and adds a task to the plan', async () => {
      await page.goto('/programme?lead=JW');
      await page.getByRole('link', { name: '1.4', exact: true }).click();
      const edit = page.getByRole('region', { name: 'Change the task' });
      await edit.getByLabel('Description').fill('Run the winter access scheme');
      await edit.getByLabel('Lead', { exact: true }).fill('JW/RB');
      await edit.getByLabel('Target').fill('Q4 18/19');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved task 1.4.'));
      const summary = page.locator('.nhsuk-summary-list');
      await eventually(() => textOf(summary)).toContain('Run the winter access scheme');
      expect(await textOf(summary)).toContain('31 March 2019');
      expect(await textOf(summary)).toContain('JW/RB');

      await page.goto('/programme');
      const add = page.getByRole('region', { name: 'Add a task' });
      await add.getByRole('button', { name: 'Add task' }).click();
      await problemsSay(add, 'Enter the task ID, such as 1.14');
      await add.getByLabel('Section').selectOption({ index: 1 });
      // The hint's own example is taken, and the target is not a real date: both said at once.
      await add.getByLabel('Task ID').fill('1.14');
      await add.getByLabel('Description').fill('Agree the extended hours rota');
      await add.getByLabel('Target').fill('30/02/2019');
      await add.getByRole('button', { name: 'Add task' }).click();
      await problemsSay(add, 'A task with ID 1.14 already exists in this plan: give another ID');
      expect(await textOf(add.locator('.nhsuk-error-summary'))).toContain('Target: "30/02/2019" is not a real date');
      await add.getByLabel('Task ID').fill('2.99');
      await add.getByLabel('Lead', { exact: true }).fill('JW');
      await add.getByLabel('Target').fill('Mar 19');
      await add.getByRole('button', { name: 'Add task' }).click();
      await visible(page.getByText('Added task 2.99.'));
      await eventually(() => page.locator('tbody tr').count()).toBe(workplan.length + 1);
      // Listed in its section, by ID as a number: after 2.18, before 3.1.
      const refs = (await page.locator('tbody tr td:first-child a').allInnerTexts()).map((t) => t.trim());
      expect(refs.slice(refs.indexOf('2.18'), refs.indexOf('2.18') + 3)).toEqual(['2.18', '2.99', '3.1']);
      await page.getByRole('link', { name: '2.99', exact: true }).click();
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain('Agree the extended hours rota');
      expect(await textOf(page.locator('.nhsuk-summary-list'))).toContain('31 March 2019');
      await saveScreenshot(page, 'programme-task-added');
    });

    it('imports a work plan from the page: a bad row is listed with its line and column, a good file starts a new plan, and importing it again changes nothing', async () => {
      await page.goto('/programme');
      await page.getByRole('link', { name: 'Import a plan file' }).click();
      const form = page.getByRole('form', { name: 'Import a plan file' });
      const lines = readFileSync(join(shared, 'elr/workplan.csv'), 'utf8').split('\n');
      const header = lines[0]!;
      const columns = header.split(',');
      const bad = `${header}\n1,Local delivery,9.1,Access,A task,,,,,JW,,2018-13-01,Started,,,\n`;
      await form.getByLabel('Plan name').fill('Locality plan');
      await form.getByLabel('Choose the CSV file').setInputFiles({ name: 'locality-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await form.getByRole('button', { name: 'Import the file' }).click();
      const summary = page.locator('.nhsuk-error-summary', { hasText: 'The file was not imported' });
      await visible(summary);
      expect(await textOf(summary)).toContain(`locality-plan.csv, line 2, column ${columns.indexOf('time') + 1}: `);
      expect(await textOf(summary)).toContain('not a real date');
      await saveScreenshot(page, 'programme-import-refused');

      const good = Buffer.from(lines.slice(0, 4).join('\n'));
      const tasks = seed('elr/workplan.csv').slice(0, 3);
      await form.getByLabel('Day').fill('1');
      await form.getByLabel('Month').fill('2');
      await form.getByLabel('Year').fill('2018');
      await form.getByLabel('Choose the CSV file').setInputFiles({ name: 'locality-plan.csv', mimeType: 'text/csv', buffer: good });
      await form.getByRole('button', { name: 'Import the file' }).click();
      const inset = form.locator('.nhsuk-notification-banner');
      await eventually(() => textOf(inset)).toContain('Imported locality-plan.csv:');
      const added = Number(/(\d+) inserted/.exec(await textOf(inset))![1]);
      expect(added).toBeGreaterThanOrEqual(tasks.length);
      await saveScreenshot(page, 'programme-import-done');

      await form.getByLabel('Choose the CSV file').setInputFiles({ name: 'locality-plan.csv', mimeType: 'text/csv', buffer: good });
      await form.getByRole('button', { name: 'Import the file' }).click();
      await eventually(() => textOf(inset)).toContain(`0 inserted, 0 updated, ${added} unchanged`);

      await page.getByRole('link', { name: 'Locality plan', exact: true }).click();
      await visible(page.getByRole('heading', { level: 2, name: 'Locality plan' }));
      await eventually(() => page.locator('tbody tr').count()).toBe(tasks.length);
      expect(await textOf(page.locator('main'))).toContain('positions as at 1 February 2018');
    });

    it('renames the imported plan, then removes it with its tasks after asking', async () => {
      await page.getByText('Rename or remove this plan').click();
      await page.getByLabel('Name', { exact: true }).fill('Locality plan 2018/19');
      await page.getByRole('button', { name: 'Save name' }).click();
      await visible(page.getByText('The plan is now called Locality plan 2018/19.'));
      await visible(page.getByRole('heading', { level: 2, name: 'Locality plan 2018/19' }));
      await page.getByRole('button', { name: 'Remove this plan' }).click();
      const question = page.getByRole('region', { name: 'Important: Remove the work plan Locality plan 2018/19?' });
      expect(await textOf(question)).toMatch(/Its \d+ sections and \d+ tasks, with their position updates, are removed too/);
      await question.getByRole('button', { name: 'Yes, remove the work plan Locality plan 2018/19' }).click();
      await visible(page.getByText('Removed the work plan Locality plan 2018/19, with its sections and tasks.'));
      await visible(page.getByRole('heading', { level: 2, name: 'ELR GP Federation work plan' }));
      expect(await page.getByRole('link', { name: 'Locality plan 2018/19' }).count()).toBe(0);
      // The plan now shown has its own rename form, not the removed plan's.
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('ELR GP Federation work plan');
      expect(await page.getByText('The plan is now called').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'programme-plan-removed');
    });

    it('shows the STP grid with an X per milestone and the row that holds two actions', async () => {
      await page.goto('/programme/stp');
      const milestones = seed('llr-stp/milestones.csv');
      await eventually(() => page.locator('td.app-stp-cell--mark').count()).toBe(milestones.length);
      const shared = page.locator('tr[data-actions="N1.1;N1.2"]');
      expect(await textOf(shared)).toContain('One row of the plan holds both actions');
      expect(await shared.locator('td.app-stp-cell--mark').count()).toBe(milestones.filter((m) => m.action_id === 'N1.1;N1.2').length);
      await page.getByLabel('Milestone', { exact: true }).selectOption({ label: 'N1.1 and N1.2 – 2017/18 Q2' });
      await page.getByLabel('Rating (red, amber or green)', { exact: true }).selectOption('amber');
      await page.getByLabel('Reason (optional)').fill('Recruitment slipped to the third quarter');
      await page.getByLabel('Evidence (optional)').fill('Board minutes, September 2017');
      await page.getByRole('button', { name: 'Save rating' }).click();
      await visible(page.getByText('Rating saved for N1.1 and N1.2 – 2017/18 Q2.'));
      await eventually(() => shared.locator('td.app-stp-cell--amber').count()).toBe(1);
      expect(await shared.locator('td.app-stp-cell--amber').getAttribute('title')).toBe('2017/18 Q2: amber. Recruitment slipped to the third quarter. Evidence: Board minutes, September 2017');
      // The reason and evidence are kept with the milestone, and go with it into the download.
      const [header, ...rows] = Papa.parse<string[]>((await download(page, 'Download CSV of the milestones')).body.toString('utf8').replace(/^\uFEFF/, '').trim()).data;
      const rated = rows.find((r) => r[header!.indexOf('Actions')] === 'N1.1;N1.2' && r[header!.indexOf('Period')] === '2017/18 Q2')!;
      expect([rated[header!.indexOf('Reason')], rated[header!.indexOf('Evidence')]]).toEqual(['Recruitment slipped to the third quarter', 'Board minutes, September 2017']);
      // The rating reads in words as well as colour.
      expect(await textOf(shared.locator('td.app-stp-cell--amber'))).toBe('Amber');
      await page.getByLabel('Milestone', { exact: true }).selectOption({ label: 'N1.3 – 2017/18 Q1' });
      // An unrated milestone offers no rating until one is chosen.
      expect(await page.getByLabel('Rating (red, amber or green)', { exact: true }).inputValue()).toBe('');
      await page.getByLabel('Rating (red, amber or green)', { exact: true }).selectOption('green');
      await page.getByRole('button', { name: 'Save rating' }).click();
      await eventually(() => page.locator('td.app-stp-cell--green').count()).toBe(1);
      expect(await page.getByRole('form', { name: 'Import a plan file' }).getByLabel('An STP file').isChecked()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'programme-stp-grid');
    });

    it('lists the STP outcomes', async () => {
      await page.getByRole('link', { name: 'STP outcomes' }).click();
      await eventually(() => page.locator('tbody tr').count()).toBe(seed('llr-stp/outcomes.csv').length);
      await saveScreenshot(page, 'programme-outcomes');
    });
  });

  describe('programme (practice manager)', () => {
    it('reads a task but gets no forms to change it', async () => {
      const page = await harness().newPage();
      await signIn(page, demoPracticeManager, '/programme');
      // No instruction they cannot follow, and no way to rename or remove the plan.
      await visible(page.getByText('No task has a RAG rating yet.', { exact: true }));
      expect(await page.getByText('Rate a task on its page').count()).toBe(0);
      // What the plan's file left to resolve is the federation's to do, not theirs.
      expect(await page.getByText('IDs and dates to resolve').count()).toBe(0);
      expect(await page.getByText('Rename or remove this plan').count()).toBe(0);
      await page.locator('tbody tr').first().getByRole('link').click();
      await visible(page.getByRole('heading', { level: 2, name: 'Position log' }));
      expect(await page.getByRole('button', { name: 'Add update' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /to people$/ }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Change the task' }).count()).toBe(0);
      await page.goto('/programme');
      await visible(page.getByRole('heading', { level: 2, name: 'ELR GP Federation work plan' }));
      expect(await page.getByRole('form', { name: 'Import a plan file' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Add a task' }).count()).toBe(0);
    });
  });
}
