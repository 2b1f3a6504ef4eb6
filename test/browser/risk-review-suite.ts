import { describe, expect, it } from 'vitest';
import { eventually, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoPracticeManager, saveScreenshot, signedInAdmin, signIn } from './harness.js';

/** A risk's owner, who is not an admin, records its review on the risk's page, as My items asks them to. */
export function riskReviewSuite(harness: () => BrowserHarness) {
  describe('governance (a risk’s owner)', () => {
    it('lets the practice manager who owns a risk record its review there, and nothing else of it', async () => {
      // The federation makes the manager a person on the People page and the owner of R3.
      const { admin, headers } = await signedInAdmin(harness());
      const [manager] = (await (await admin.request.get(`/api/users?email=${encodeURIComponent(demoPracticeManager.email)}`)).json()).items as { id: number; name: string }[];
      expect((await admin.request.post('/api/people', { data: { name: manager!.name, initials: 'PMK', userId: manager!.id }, headers })).status()).toBe(201);
      const [risk] = (await (await admin.request.get('/api/risks?ref=3')).json()).items as { id: number; rowVersion: number }[];
      expect((await admin.request.patch(`/api/risks/${risk!.id}`, { data: { rowVersion: risk!.rowVersion, ownerText: 'PMK' }, headers })).status()).toBe(200);
      await admin.close();

      const page = await harness().newPage();
      await signIn(page, demoPracticeManager, `/governance/risks/${risk!.id}`);
      await visible(page.getByRole('heading', { level: 2, name: 'Record your review' }));
      // Only what a review changes: not the risk's words, owner or status.
      expect(await page.locator('#review-risk-status').count()).toBe(0);
      expect(await page.locator('#review-risk-risk').count()).toBe(0);
      await page.locator('#review-risk-likelihood').selectOption('2');
      await page.locator('#review-risk-impact').selectOption('4');
      await page.locator('#review-risk-mitigation').fill('Locum bank rates agreed with the practices');
      await page.getByRole('button', { name: 'Save review' }).click();
      await visible(page.getByText(`Saved your review of R3.`));
      await eventually(() => textOf(page.locator('.nhsuk-summary-list'))).toContain('Locum bank rates agreed with the practices');
      const history = page.locator('table', { has: page.locator('caption', { hasText: 'Score history' }) }).locator('tbody tr');
      await eventually(async () => textOf(history.last())).toContain(manager!.name);
      expect(await textOf(history.last())).toMatch(/\b2\s+4\s+8\b/);
      await saveScreenshot(page, 'risk-review-by-owner');
    });
  });
}
