import { describe, expect, it } from 'vitest';
import { makeSchemeRequest } from '../support/factories.js';
import { eventually, textOf } from './assertions.js';
import { type BrowserHarness, demoPracticeManager, saveScreenshot, signedInAdmin, signIn } from './harness.js';
import { section, totalRow } from './schemes-suite.js';

/** Versions as those who do not prepare schemes see them: the approved version in force, never a draft. */
export function schemeVersionsSuite(harness: () => BrowserHarness) {
  describe('schemes (practice manager, while the federation prepares a version)', () => {
    it('reads the approved version in force, not the draft, and is told a scheme with no approved version is being prepared', async () => {
      const { admin, headers } = await signedInAdmin(harness());
      const request = makeSchemeRequest({ id: 'autumn-clinics-2018', name: 'Autumn clinics 2018' });
      const { scheme } = await (await admin.request.post('/api/schemes', { data: request, headers })).json();
      const page = await harness().newPage();
      await signIn(page, demoPracticeManager, `/schemes/${scheme.id}`);
      await eventually(() => textOf(page.locator('main'))).toContain('Autumn clinics 2018 is being prepared. The federation has not approved it yet, so there are no figures to show.');
      expect(await textOf(page.locator('.app-scheme-status .nhsuk-tag'))).toBe('Being prepared');
      expect(await section(page, 'allocation').count()).toBe(0);
      await saveScreenshot(page, 'scheme-being-prepared');
      await page.goto('/schemes');
      await eventually(() => textOf(page.locator('main tbody tr', { hasText: 'Autumn clinics 2018' }))).toContain('Being prepared');

      // Approved, then a draft version 2 with twice the appointments and a new name: the manager still reads version 1, by its name.
      expect((await admin.request.post(`/api/schemes/${scheme.id}/approve`, { data: { rowVersion: 1 }, headers })).status()).toBe(200);
      const draft = { ...request.definition, name: 'Autumn and winter clinics 2018', shared: { unit: 'appointments' as const, quantity: 1200 } };
      const edited = await admin.request.patch(`/api/schemes/${scheme.id}`, { data: { rowVersion: 2, definition: draft }, headers });
      expect(edited.status()).toBe(200);
      // The admin reads the draft by its own name, and is told returns recorded on it reach the version in force.
      await admin.goto(`/schemes/${scheme.id}`);
      await eventually(() => textOf(admin.locator('h1'))).toContain('Autumn and winter clinics 2018');
      await eventually(() => textOf(section(admin, 'delivered'))).toContain('Returns recorded here are also recorded on version 1, the approved version in force');
      await saveScreenshot(admin, 'scheme-draft-renamed-admin');
      await admin.close();
      await page.goto(`/schemes/${scheme.id}`);
      await eventually(() => textOf(totalRow(page, 'allocation'))).toContain('600');
      expect(await textOf(page.locator('h1'))).toContain('Autumn clinics 2018');
      expect(await textOf(page.locator('.app-scheme-status .nhsuk-tag'))).toBe('Approved');
      expect(await textOf(page.locator('h1'))).not.toContain('Approved');
      expect(await textOf(section(page, 'versions'))).not.toContain('Version 2');
      expect(await textOf(section(page, 'return'))).toContain('under version 1');
      await page.goto('/schemes');
      await eventually(() => textOf(page.locator('main tbody tr', { hasText: 'Autumn clinics 2018' }))).toContain('Approved');
      expect(await textOf(page.locator('main'))).not.toContain('Autumn and winter clinics 2018');
      await page.close();
    });
  });
}
