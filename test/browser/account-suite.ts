import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemsSay, visible } from './assertions.js';
import { type BrowserHarness, seriousAxeViolations, signIn } from './harness.js';
import { demoUsers } from '../../src/app/demo/load-demo.js';

const clinician = demoUsers.find((u) => u.role === 'clinician')!;

/** Anyone signed in changes their own password from the header. */
export function accountSuite(harness: () => BrowserHarness) {
  describe('your own password', () => {
    let page: Page;
    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, clinician);
    });

    async function change(from: string, to: string) {
      await page.getByRole('link', { name: 'Change password' }).click();
      await page.getByLabel('Current password').fill(from);
      await page.getByLabel('New password', { exact: true }).fill(to);
      await page.getByLabel('New password again').fill(to);
      await page.getByRole('button', { name: 'Change password' }).click();
    }

    it('refuses a wrong current password and a weak new one, then changes it; the new one signs in', async () => {
      await change('not my password', 'green kettle window 42');
      await problemsSay(page, /Current password is not right/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await change(clinician.password, 'aaaaaaaaaaaaaa');
      await problemsSay(page, /must use at least 5 different characters/);
      await change(clinician.password, 'green kettle window 42');
      await visible(page.getByText('Your password is changed. You are signed out anywhere else you were signed in.'));
      const again = await harness().newPage();
      await signIn(again, { email: clinician.email, password: 'green kettle window 42' });
      await visible(again.getByRole('link', { name: 'Change password' }));
      // Put back, for the suites after this one.
      await change('green kettle window 42', clinician.password);
      await visible(page.getByText('Your password is changed.', { exact: false }));
    });
  });
}
