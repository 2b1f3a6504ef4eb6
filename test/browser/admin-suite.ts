import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmQuestionCancels, eventually, fillDate, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, saveScreenshot, seriousAxeViolations, signIn } from './harness.js';
import { systemActor } from '../../src/app/context.js';
import { createRecord } from '../../src/app/records/records.js';
import { userRecord } from '../../src/app/users/user-record.js';

const shared = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '../shared/data');


/** Admin forms that change memberships and users (run last: they change the demo data). */
export function adminSuite(harness: () => BrowserHarness) {
  let page: Page;

  beforeAll(async () => {
    page = await harness().newPage();
    await signIn(page, demoAdmin, '/users');
  });

  const focusIsInErrorSummary = () => page.evaluate(() => document.activeElement?.closest('.nhsuk-error-summary') !== null);

  describe('users (admin)', () => {
    it('says in one line what each role may do, beside the role choice and in a list on the page', async () => {
      await visible(page.getByRole('heading', { level: 1, name: 'Users' }));
      const choice = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Role' }) }).first();
      await eventually(() => textOf(choice)).toContain('Reads everything but the admin pages (users, imports, the audit log); decides fund applications; changes nothing else.');
      const hint = await choice.getByLabel('Clinician').getAttribute('aria-describedby');
      expect(await textOf(page.locator(`#${hint}`))).toBe('Reads everything but contracts, funds and the admin pages (users, imports, the audit log); adds updates to the board actions they own and records the review of the risks they own, and changes nothing else.');
      await page.getByText('What each role can do').click();
      const list = page.locator('details', { hasText: 'What each role can do' });
      for (const label of ['Federation admin', 'Practice manager', 'Commissioner', 'Clinician']) await visible(list.locator('.nhsuk-summary-list__key', { hasText: label }));
      expect(await textOf(list)).toContain('For their own practices: edits the name and notes, sends activity returns, acknowledges policies, applies for fund money and withdraws an application not yet decided.');
      // Practices are asked for only of the roles that have them.
      const addForm = page.getByRole('form', { name: 'Add a user' });
      await addForm.getByLabel('Commissioner').check();
      expect(await addForm.getByLabel('Practices (ODS codes)').count()).toBe(0);
      await addForm.getByLabel('Practice manager').check();
      await visible(addForm.getByLabel('Practices (ODS codes)'));
    });

    it('refuses a second user with the same email, in the error summary and beside the field', async () => {
      await page.getByLabel('Email address').fill('pm.kibworth@elr-federation.example');
      await page.getByLabel('Name', { exact: true }).fill('Someone Else');
      await page.getByLabel('Clinician').check();
      await page.getByLabel('Password', { exact: true }).fill('a-password-long-enough');
      await page.getByRole('button', { name: 'Add user' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await eventually(() => textOf(summary)).toContain('Email address is already used by another user');
      await eventually(focusIsInErrorSummary).toBe(true);
      expect(await summary.getByRole('link', { name: 'Email address is already used by another user' }).getAttribute('href')).toBe('#user-email');
      expect(await textOf(page.locator('#user-email--error-message'))).toContain('Email address is already used by another user');
    });

    it('checks the password length before sending', async () => {
      await page.getByLabel('Email address').fill('new.clinician@elr-federation.example');
      await page.getByLabel('Password', { exact: true }).fill('too short');
      await page.getByRole('button', { name: 'Add user' }).click();
      await problemsSay(page, 'Password must be at least 12 characters');
      await page.getByLabel('Password', { exact: true }).fill('a-password-long-enough');
      await page.getByRole('button', { name: 'Add user' }).click();
      await visible(page.getByText('Someone Else (new.clinician@elr-federation.example) can now sign in.'));
      await eventually(() => textOf(page.locator('tbody'))).toContain('new.clinician@elr-federation.example');
    });

    it('asks before disabling a user, and the user can no longer sign in', async () => {
      const row = page.locator('tbody tr', { hasText: 'new.clinician@elr-federation.example' });
      const question = page.getByRole('region', { name: /Disable Someone Else\?/ });
      await confirmQuestionCancels(page, question, 'confirm-disable-heading', () => row.getByRole('button', { name: 'Disable Someone Else' }).click());
      expect(await textOf(row)).toContain('Active');
      await row.getByRole('button', { name: 'Disable Someone Else' }).click();
      expect(await textOf(question)).toContain('will be signed out at once');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'users-confirm-disable');
      await page.getByRole('button', { name: 'Yes, disable Someone Else' }).click();
      await eventually(() => textOf(row)).toContain('Disabled');
      const other = await harness().newPage();
      await other.goto('/sign-in');
      await other.getByLabel('Email address').fill('new.clinician@elr-federation.example');
      await other.getByLabel('Password').fill('a-password-long-enough');
      await other.getByRole('button', { name: 'Sign in' }).click();
      await problemsSay(other, 'The email address or password is not right');
      await other.close();
    });

    it('changes a user’s role, practices and password, and they sign in with the new ones', async () => {
      const row = page.locator('tbody tr', { hasText: 'new.clinician@elr-federation.example' });
      await row.getByRole('button', { name: 'Enable Someone Else' }).click();
      await eventually(() => textOf(row)).toContain('Active');
      // Opened and cancelled, the form gives focus back to the button that opened it.
      await row.getByRole('button', { name: 'Change Someone Else' }).click();
      await visible(page.getByRole('form', { name: 'Change Someone Else' }));
      await page.getByRole('form', { name: 'Change Someone Else' }).getByRole('button', { name: 'Cancel' }).click();
      await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Change Someone Else');
      await row.getByRole('button', { name: 'Change Someone Else' }).click();
      const form = page.getByRole('form', { name: 'Change Someone Else' });
      await visible(form);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-user');
      await form.getByLabel('Practice manager').check();
      await form.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(form, 'Enter the ODS code of at least one practice for a practice manager');
      await form.getByLabel('Practices (ODS codes)').fill('c82009');
      await form.getByLabel('New password (optional)').fill('short');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(form, 'Password must be at least 12 characters');
      await form.getByLabel('New password (optional)').fill('another-long-password');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'users-change');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved the changes to Someone Else.'));
      await eventually(() => textOf(row)).toContain('Practice manager');
      expect(await textOf(row)).toContain('C82009');

      const other = await harness().newPage();
      await signIn(other, { email: 'new.clinician@elr-federation.example', password: 'another-long-password' }, '/my-items');
      await eventually(() => textOf(other.locator('main'))).toContain('your practices’ policy acknowledgements');
      await other.close();
    });

    it('anonymises a disabled user who has left, asked first, and lists them as “Former user N”', async () => {
      const leaver = await createRecord({ db: harness().database.db, actor: systemActor }, userRecord, { email: 'lee.ver@elr-federation.example', name: 'Lee Ver', role: 'clinician', password: 'a-password-long-enough', disabled: true });
      await page.goto('/users?q=lee.ver');
      const row = page.locator('tbody tr', { hasText: 'lee.ver@elr-federation.example' });
      await row.getByRole('button', { name: 'Anonymise Lee Ver' }).click();
      expect(await textOf(page.getByRole('region', { name: /Anonymise Lee Ver\?/ }))).toContain('This cannot be undone.');
      await page.getByRole('button', { name: 'Yes, anonymise Lee Ver' }).click();
      await visible(page.getByText(`Lee Ver is now “Former user ${String(leaver.id)}” wherever their sign-in was recorded.`));
      await page.goto(`/users?q=former-user-${String(leaver.id)}`);
      await eventually(() => textOf(page.locator('tbody'))).toContain(`Former user ${String(leaver.id)}`);
      expect(await page.getByRole('button', { name: /^Anonymise/ }).count()).toBe(0);
    });
  });

  describe('locality (admin)', () => {
    it('warns an admin of a membership stored before the rules that breaks one, linked to its group, until it is put right', async () => {
      const { database } = harness();
      const [rutland] = await database.query<{ id: number }>("select id from practice_groups where name = 'Rutland'");
      // As an older atscale could have stored it: Kibworth in Rutland while it is in Harborough.
      const [stored] = await database.query<{ id: number }>(`insert into group_memberships (group_id, practice_code, start_date) values (${rutland!.id}, 'C82001', '2024-04-01') returning id`);
      await page.goto('/groups');
      const warning = page.locator('.nhsuk-card--warning', { hasText: 'One membership breaks the membership rules' });
      await eventually(() => textOf(warning)).toContain('Rutland: Kibworth Medical Centre (C82001) is already in Harborough from 1 April 2017 (no end date); end that membership first');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'groups-membership-problems');
      await warning.getByRole('link', { name: 'Rutland' }).click();
      await visible(page.getByRole('heading', { level: 1, name: /Rutland/ }));
      await database.query(`delete from group_memberships where id = ${stored!.id}`);
      await page.goto('/groups');
      await visible(page.getByRole('link', { name: 'Harborough', exact: true }));
      expect(await page.locator('.nhsuk-card--warning').count()).toBe(0);
    });

    it('ends the memberships of a practice closed since on its closing date, with one button', async () => {
      const { database } = harness();
      await database.query("insert into practices (ods_code, name, status, status_raw, prescribing_setting, is_gp_practice, close_date) values ('C99660', 'TWO SHIRES MEDICAL PRACTICE', 'closed', 'C', '4', true, '2026-06-30')");
      await database.query("insert into group_memberships (group_id, practice_code, start_date) select id, 'C99660', '2020-04-01' from practice_groups where name in ('East Leicestershire & Rutland GP Federation', 'Rutland')");
      await page.goto('/groups');
      const warning = page.locator('.nhsuk-card--warning', { hasText: '2 memberships break the membership rules' });
      await eventually(() => textOf(warning)).toContain('Rutland: TWO SHIRES MEDICAL PRACTICE (C99660) closed on 30 June 2026: end this membership on or before that date');
      await saveScreenshot(page, 'groups-closed-members');
      await warning.getByRole('button', { name: 'End 2 memberships on the closing dates' }).click();
      const banner = page.locator('.nhsuk-notification-banner--success');
      await eventually(() => textOf(banner)).toContain('Ended 2 memberships of closed practices');
      expect(await textOf(banner)).toContain('TWO SHIRES MEDICAL PRACTICE (C99660) left East Leicestershire & Rutland GP Federation and Rutland on 30 June 2026, when it closed.');
      await eventually(() => page.locator('.nhsuk-card--warning').count()).toBe(0);
      await saveScreenshot(page, 'groups-ended-at-closing');
      expect(await database.query("select end_date::text as end from group_memberships where practice_code = 'C99660'")).toEqual([{ end: '2026-06-30' }, { end: '2026-06-30' }]);
      await database.query("delete from group_memberships where practice_code = 'C99660'");
    });

    it('ends a membership with the version read, and a stale version gets the conflict message', async () => {
      const other = await harness().newPage();
      await signIn(other, demoAdmin, '/groups');
      await page.goto('/groups');
      for (const p of [page, other]) {
        await p.getByRole('link', { name: 'Harborough', exact: true }).click();
        await p.getByRole('button', { name: 'End membership of The Billesdon Surgery' }).click();
        await eventually(() => p.evaluate(() => document.activeElement?.id)).toBe('end-membership');
        await p.locator('#end-date-day').fill('31');
        await p.locator('#end-date-month').fill('3');
        await p.locator('#end-date-year').fill('2025');
      }
      await page.getByRole('button', { name: 'End membership', exact: true }).click();
      const former = page.locator('section[aria-labelledby="former-members"]');
      await eventually(() => textOf(former)).toContain('The Billesdon Surgery');
      expect(await textOf(former)).toContain('31 March 2025');

      await other.getByRole('button', { name: 'End membership', exact: true }).click();
      await problemsSay(other, 'was changed by someone else since you opened it');
      await visible(other.getByRole('button', { name: 'Reload the members' }));
    });

    it('offers only practices in no locality, and refuses one already in another locality, naming it', async () => {
      const seedFile = (name: string) => readFileSync(join(shared, name), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
      const localityOf = new Map(seedFile('elr/practices.csv').map(([practice, locality]) => [practice, locality]));
      const [, code] = seedFile('elr/practice-ods-codes.csv').map(([practice, ods]) => [practice!, ods!]).find(([practice]) => localityOf.get(practice) === 'South Blaby & Lutterworth')!;
      await page.goto('/groups');
      await page.getByRole('link', { name: 'Harborough', exact: true }).click();
      const choices = await page.getByLabel('Practice', { exact: true }).locator('option').allInnerTexts();
      expect(choices.some((c) => c.includes(`(${code})`))).toBe(false);
      await page.getByLabel('Or enter an ODS code').fill(code!);
      await page.locator('#start-date-day').fill('1');
      await page.locator('#start-date-month').fill('4');
      await page.locator('#start-date-year').fill('2025');
      await page.getByRole('button', { name: 'Add practice' }).click();
      await problemsSay(page, `(${code}) is already in South Blaby & Lutterworth from 1 April 2017 (no end date); end that membership first`);
    });

    it('refuses a practice outside its membership of the federation, naming the dates, and will not remove a membership a scheme counted', async () => {
      // Narborough left the federation on 31 March 2019 (it moved to Leicester City CCG).
      await page.getByLabel('Or enter an ODS code').fill('C82119');
      await page.locator('#start-date-year').fill('2020');
      await page.getByRole('button', { name: 'Add practice' }).click();
      await problemsSay(page, 'Narborough Health Centre (C82119) is a member of East Leicestershire & Rutland GP Federation from 1 April 2017 to 31 March 2019, so it can be in Harborough only within those dates');
      expect(await page.locator('.nhsuk-error-summary a').first().getAttribute('href')).toBe('#start-date-day');
      // Billesdon, ended in the test before, is a former member; the winter access scheme counted it in Harborough.
      const former = page.locator('section[aria-labelledby="former-members"]');
      const question = page.getByRole('region', { name: /Remove The Billesdon Surgery’s membership of Harborough\?/ });
      await confirmQuestionCancels(page, question, 'confirm-remove-membership-heading', () => former.getByRole('button', { name: 'Remove the membership of The Billesdon Surgery' }).click());
      await former.getByRole('button', { name: 'Remove the membership of The Billesdon Surgery' }).click();
      expect(await textOf(question)).toContain('Only for a membership recorded in error');
      await question.getByRole('button', { name: 'Yes, remove this membership' }).click();
      await problemsSay(page, /The Billesdon Surgery \(C82022\)’s membership of Harborough from 1 April 2017 to 31 March 2025 cannot be removed, because version 1 of the scheme “[^”]+” counts it among its practices \(members on 1 January 2018\) and the application “Harborough locality transformation plan 2018\/19” to .+ was made on a share that counts it; end it instead/);
      expect(await textOf(former)).toContain('The Billesdon Surgery');
    });
  });

  describe('federation set-up (admin)', () => {
    it('creates a federation, opens its set-up forms, adds two practices and puts one in a new locality', async () => {
      const rows = readFileSync(join(shared, 'elr/practice-ods-codes.csv'), 'utf8').trim().split('\n').slice(1, 3).map((l) => l.split(','));
      const codes = rows.map((r) => r[1]!);
      await page.goto('/groups/new');
      await page.getByLabel('Name', { exact: true }).fill('Wreake Valley Test Federation');
      // A commissioner the registry does not hold is refused, and the summary links to the code box.
      await page.getByLabel('Or enter a commissioner code').fill('03V');
      await page.getByRole('button', { name: 'Create group' }).click();
      await problemsSay(page, 'Commissioner code is not one the registry holds: there is no commissioner 03V.');
      expect(await page.locator('.nhsuk-error-summary a').first().getAttribute('href')).toBe('#group-commissioner');
      await page.getByLabel('Or enter a commissioner code').fill('');
      await page.getByRole('button', { name: 'Create group' }).click();
      await visible(page.getByRole('heading', { level: 1, name: /Wreake Valley Test Federation/ }));
      // Nothing is in it yet, so its set-up forms are open.
      expect(await page.locator('details', { hasText: 'Set up Wreake Valley Test Federation' }).getAttribute('open')).not.toBeNull();
      await page.getByLabel('One by one (ODS codes)').check();
      // One code typed, the other found by the practice's name.
      await page.getByLabel('ODS codes', { exact: true }).fill(codes[0]!);
      await page.getByLabel('Find a practice').fill(rows[1]![0]!.split(' ')[0]!);
      await page.getByLabel('Find a practice').press('Enter');
      // Enter in the search box searches; it does not send the members form.
      expect(await page.locator('.nhsuk-error-summary').count()).toBe(0);
      await page.getByRole('button', { name: new RegExp(`^Add .*\\(${codes[1]}\\)`) }).click();
      await eventually(() => page.getByLabel('ODS codes', { exact: true }).inputValue()).toBe(codes.join(', '));
      // The keyboard goes back to the search box, and the addition is said.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('find-practice');
      expect(await textOf(page.locator('[role="status"]', { hasText: 'to the ODS codes' }))).toContain(`(${codes[1]}) to the ODS codes.`);
      expect(await page.getByRole('button', { name: new RegExp(`^Add .*\\(${codes[1]}\\)`) }).count()).toBe(0);
      await page.locator('#members-start-day').fill('1');
      await page.locator('#members-start-month').fill('4');
      await page.locator('#members-start-year').fill('2026');
      await page.getByRole('button', { name: 'Add practices' }).click();
      await visible(page.getByText('Added 2 practices to Wreake Valley Test Federation.'));
      // A PCN is chosen by its code or its name; one the registry does not know is said so beside the box.
      await page.getByLabel('By primary care network').check();
      await page.getByLabel('PCN code or name').fill('Nowhere Near');
      await page.locator('#members-start-day').fill('1');
      await page.locator('#members-start-month').fill('4');
      await page.locator('#members-start-year').fill('2026');
      await page.getByRole('button', { name: 'Add practices' }).click();
      await problemsSay(page, 'PCN code or name is not a PCN the registry knows: import the ePCN workbook or the PCN mapping file, or check the name');
      expect(await page.locator('details', { hasText: 'Set up Wreake Valley Test Federation' }).getAttribute('open')).not.toBeNull();
      await page.getByLabel('Locality name').fill('Syston');
      await page.getByRole('button', { name: 'Create locality' }).click();
      await visible(page.getByText('Created the locality Syston.'));
      await page.getByLabel('Locality', { exact: true }).selectOption({ label: 'Syston' });
      await page.getByLabel(new RegExp(`\\(${codes[0]}\\)`)).check();
      await page.locator('#assign-start-day').fill('1');
      await page.locator('#assign-start-month').fill('4');
      await page.locator('#assign-start-year').fill('2026');
      await page.getByRole('button', { name: 'Assign practices' }).click();
      await visible(page.getByText('Assigned 1 practice.'));
      expect(await page.getByLabel(new RegExp(`\\(${codes[0]}\\)`)).count()).toBe(0);
      await saveScreenshot(page, 'federation-set-up');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('renames the new locality and describes it; a second tab’s save on the old version gets the conflict message', async () => {
      await page.getByRole('link', { name: 'Syston', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Syston' }));
      const other = await harness().newPage();
      await signIn(other, demoAdmin, page.url());
      await visible(other.locator('#edit-group-name'));
      await page.locator('#edit-group-name').fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(page, 'Enter a name');
      await page.locator('#edit-group-name').fill('Syston & Wreake');
      await page.locator('#edit-group-description').fill('Practices along the Wreake valley');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await visible(page.getByText('Saved Syston & Wreake.'));
      await visible(page.getByRole('heading', { level: 1, name: 'Syston & Wreake' }));
      await visible(page.getByText('Practices along the Wreake valley', { exact: true }).first());
      // The other tab still shows version 1: its save is refused, and the rename stands.
      await other.locator('#edit-group-description').fill('Syston and its villages');
      await other.getByRole('button', { name: 'Save changes' }).click();
      await problemsSay(other, 'This group was changed by someone else since you opened it');
      await page.reload();
      await visible(page.getByRole('heading', { level: 1, name: 'Syston & Wreake' }));
      expect(await textOf(page.locator('main'))).not.toContain('Syston and its villages');
      await other.close();
    });

    it('names each locality’s group where a practice is in two groups’ localities, and each group’s list shows its own', async () => {
      // Kibworth is in the demo federation's Harborough, and now in Syston & Wreake.
      await page.goto('/practices/C82001');
      await eventually(() => textOf(page.locator('.nhsuk-summary-list__row', { hasText: 'Locality' }))).toContain('Harborough (East Leicestershire & Rutland GP Federation); Syston & Wreake (Wreake Valley Test Federation)');
      await page.goto('/practices');
      const kibworth = page.locator('tbody tr', { hasText: 'C82001' });
      await eventually(() => textOf(kibworth.locator('td').nth(5))).toBe('Harborough');
      await page.getByLabel('Show').selectOption({ label: 'Members of Wreake Valley Test Federation' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await eventually(() => textOf(kibworth.locator('td').nth(5))).toBe('Syston & Wreake');
    });

    it('removes a membership added by mistake after asking, refuses one its locality membership relies on, and ends that locality membership with it', async () => {
      await page.goto('/groups');
      const captions = () => page.locator('main caption').allTextContents();
      await eventually(captions).toEqual(expect.arrayContaining(['Federations', 'Localities (hubs)', 'Peer groups']));
      expect((await captions()).filter((c) => /(group|Federation|\)) groups$/.test(c))).toEqual([]);
      await page.locator('section[aria-labelledby="kind-federation"]').getByRole('link', { name: 'Wreake Valley Test Federation' }).click();
      await page.getByRole('button', { name: 'Remove the membership of Countesthorpe Health Centre' }).click();
      const question = page.getByRole('region', { name: /Remove Countesthorpe Health Centre’s membership of Wreake Valley Test Federation\?/ });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'membership-remove');
      await question.getByRole('button', { name: 'Yes, remove this membership' }).click();
      await visible(page.getByText('Removed Countesthorpe Health Centre’s membership of Wreake Valley Test Federation.'));
      // Gone from the members and the former members alike.
      await eventually(() => page.locator('main tbody tr', { hasText: 'Countesthorpe' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Remove the membership of Kibworth Medical Centre' }).click();
      await page.getByRole('button', { name: 'Yes, remove this membership' }).click();
      await problemsSay(page, 'because it holds its membership of Syston & Wreake from 1 April 2026 (no end date); end it instead');
      await page.getByRole('button', { name: 'End membership of Kibworth Medical Centre' }).click();
      await page.locator('#end-date-day').fill('30');
      await page.locator('#end-date-month').fill('6');
      await page.locator('#end-date-year').fill('2026');
      await page.getByRole('button', { name: 'End membership', exact: true }).click();
      await visible(page.getByText('Kibworth Medical Centre’s membership of Wreake Valley Test Federation ends on 30 June 2026. Kibworth Medical Centre (C82001)’s membership of Syston & Wreake ends on 30 June 2026 too.'));
    });

    it('narrows a long list of practices to assign by PCN, and chooses all that match at once', async () => {
      const codes = readFileSync(join(shared, 'elr/practice-ods-codes.csv'), 'utf8').trim().split('\n').slice(1, 26).map((l) => l.split(',')[1]!);
      await page.goto('/groups/new');
      await page.getByLabel('Name', { exact: true }).fill('Long List Test Federation');
      await page.getByRole('button', { name: 'Create group' }).click();
      await page.getByLabel('One by one (ODS codes)').check();
      await page.getByLabel('ODS codes', { exact: true }).fill(codes.join(', '));
      await fillDate(page, 'members-start', '1/4/2018');
      await page.getByRole('button', { name: 'Add practices' }).click();
      await visible(page.getByText(`Added ${codes.length} practices to Long List Test Federation.`));
      await page.getByLabel('Locality name').fill('Rutland');
      await page.getByRole('button', { name: 'Create locality' }).click();
      await page.getByLabel('Locality', { exact: true }).selectOption({ label: 'Rutland' });
      // Today's members (one of the 25 has closed since), each named with its PCN.
      const boxes = page.locator('#assign-practices .nhsuk-checkboxes__label');
      await eventually(() => boxes.count()).toBeGreaterThan(20);
      const everyLabel = await boxes.allTextContents();
      const rutland = everyLabel.filter((label) => label.includes('RUTLAND HEALTH PCN'));
      expect(rutland.length).toBeGreaterThan(1);
      await page.getByLabel('Find practices in this list').fill('rutland health');
      await eventually(() => boxes.allTextContents()).toEqual(rutland);
      await page.getByRole('button', { name: `Choose the ${rutland.length} practices that match` }).click();
      await visible(page.getByText(`${rutland.length} practices chosen.`));
      // What is chosen stays chosen when the list is widened again.
      await page.getByLabel('Find practices in this list').fill('');
      await eventually(() => boxes.count()).toBe(everyLabel.length);
      expect(await page.locator('#assign-practices input:checked').count()).toBe(rutland.length);
      await fillDate(page, 'assign-start', '1/4/2018');
      await page.getByRole('button', { name: 'Assign practices' }).click();
      await visible(page.getByText(`Assigned ${rutland.length} practices.`));
      await eventually(() => boxes.count()).toBe(everyLabel.length - rutland.length);
      await visible(page.locator('section[data-locality="Rutland"]').getByText(`${rutland.length} practices,`));
      await saveScreenshot(page, 'locality-assign-filter');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });
}
