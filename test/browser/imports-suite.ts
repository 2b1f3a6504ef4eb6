import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, fillDate, problemsSay, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, download, saveScreenshot, seriousAxeViolations, signIn } from './harness.js';
import { nhsDir } from '../support/nhs-files.js';

/** The header of a patients-registered (list-size) file. */
const listSizeHeader = 'PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS';

/** One epraccur row, every field quoted as ODS writes it (27 fields); `fields` overrides by 1-based field number. */
function epraccurRow(fields: Record<number, string> = {}): string {
  const base: Record<number, string> = {
    1: 'C82001', 2: 'KIBWORTH HEALTH CENTRE', 3: 'Y55', 4: 'Q71', 5: 'SMEETON ROAD', 8: 'LEICESTER', 10: 'LE8 0LG',
    11: '19740401', 13: 'A', 14: 'B', 15: '03W', 16: '20130401', 18: '0116 279 2422', 22: '0', 24: '03W', 26: '4',
  };
  const merged = { ...base, ...fields };
  return Array.from({ length: 27 }, (_, i) => `"${merged[i + 1] ?? ''}"`).join(',');
}

/** Uploading NHS files as the demo admin: refusals, and a rejected epraccur file's problems at the top of the page. */
export function importsSuite(harness: () => BrowserHarness) {
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'atscale-imports-'));
    page = await harness().newPage();
    await signIn(page, demoAdmin, '/imports');
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const odsForm = () => page.locator('form[aria-label="Upload GP practices from ODS (epraccur)"]');
  /** Uploads a patients-registered file written from `content`; answers the callout of a refused import. */
  const uploadRefusedListSizes = async (name: string, content: string) => {
    const file = join(folder, name);
    writeFileSync(file, content);
    const listForm = page.locator('form[aria-label="Upload Patients registered at a GP practice"]');
    await listForm.locator('input[type=file]').setInputFiles(file);
    await listForm.getByRole('button', { name: 'Upload and import' }).click();
    return page.locator('.nhsuk-card__content', { hasText: 'Nothing was imported' });
  };

  describe('imports page (admin)', () => {
    it('has a form per kind of NHS file and no serious accessibility problems', async () => {
      await visible(page.getByRole('heading', { level: 1, name: 'Import NHS files' }));
      // Imports done before this server started (the demo's, at start-up) are listed from the audit log.
      const history = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Imports in the audit log' }) });
      await eventually(() => textOf(history)).toMatch(/QOF prevalence for the year ending 31 March 2023 from PREVALENCE_ELR_2223\.csv/);
      for (const title of ['GP practices from ODS (epraccur)', 'Patients registered at a GP practice', 'Primary care networks']) {
        await visible(page.getByRole('heading', { level: 2, name: title }));
      }
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('asks for a file when none was chosen', async () => {
      await odsForm().getByRole('button', { name: 'Upload and import' }).click();
      await problemsSay(odsForm(), 'Choose a file to upload');
    });

    it('refuses a file of the wrong type at once (415)', async () => {
      const wrong = join(folder, 'notes.txt');
      writeFileSync(wrong, 'not an NHS file');
      await odsForm().locator('input[type=file]').setInputFiles(wrong);
      await odsForm().getByRole('button', { name: 'Upload and import' }).click();
      await problemsSay(odsForm(), 'expected a .csv file');
    });

    it('rejects an epraccur file with a bad open date and names the line and column; nothing is written', async () => {
      const file = join(folder, 'epraccur-bad.csv');
      writeFileSync(file, `${epraccurRow({ 1: 'Y99999', 2: 'A NEW SURGERY' })}\r\n${epraccurRow({ 11: '20181301' })}\r\n`);
      await odsForm().locator('input[type=file]').setInputFiles(file);
      await odsForm().getByRole('button', { name: 'Upload and import' }).click();

      const summary = page.locator('.nhsuk-error-summary').first();
      await eventually(() => textOf(summary)).toContain('epraccur-bad.csv was not imported');
      expect(await textOf(summary)).toContain("epraccur-bad.csv, line 2, column 11: open date '20181301' is not a date (expected YYYYMMDD)");
      // The page-level summary comes first, before the heading, and takes focus.
      expect(await page.evaluate(() => document.querySelector('main')?.firstElementChild?.classList.contains('nhsuk-error-summary'))).toBe(true);
      await eventually(() => page.evaluate(() => document.activeElement?.closest('.nhsuk-error-summary') !== null)).toBe(true);
      await visible(page.getByRole('heading', { name: /Import of epraccur-bad\.csv/ }));
      await visible(page.getByText('Nothing was imported'));

      const recent = page.locator('section[aria-labelledby="recent-imports"] tbody tr').first();
      await eventually(() => textOf(recent)).toContain('epraccur-bad.csv');
      expect(await textOf(recent)).toContain('Not imported');

      // Nothing was written: the valid new practice on line 1 is not in the registry.
      expect(await harness().database.query("select ods_code from practices where ods_code = 'Y99999'")).toEqual([]);
      expect(await textOf(recent)).toContain('1 row was rejected, so nothing was imported.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'imports-error');
    });

    it('lists the first 25 problems of a file with many, counts the rest and offers them all to download', async () => {
      const file = join(folder, 'epraccur-many.csv');
      const rows = Array.from({ length: 30 }, (_, i) => epraccurRow({ 1: `Y98${String(i).padStart(3, '0')}`, 11: '20181301' }));
      writeFileSync(file, `${[epraccurRow({ 1: 'Y99999', 2: 'A NEW SURGERY' }), ...rows].join('\r\n')}\r\n`);
      await odsForm().locator('input[type=file]').setInputFiles(file);
      await odsForm().getByRole('button', { name: 'Upload and import' }).click();
      const summary = page.locator('.nhsuk-error-summary').first();
      await eventually(() => textOf(summary)).toContain('epraccur-many.csv was not imported');
      const items = summary.locator('li');
      await eventually(() => items.count()).toBe(26);
      expect(await textOf(items.nth(24))).toContain('epraccur-many.csv, line 26, column 11');
      expect(await textOf(items.nth(25))).toBe('and 5 more: download all 30 problems (CSV)');
      await visible(page.getByText('The first 25 of its 30 problems are listed at the top of the page'));
      const csv = await download(page, 'download all 30 problems (CSV)');
      expect([csv.status, csv.contentType]).toEqual([200, 'text/csv; charset=utf-8']);
      const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines).toHaveLength(31);
      expect(lines[30]).toContain('epraccur-many.csv,31,11');
    });

    it('adds a finished import to the imports in the audit log without reloading, with its dates written long', async () => {
      const file = join(folder, 'epraccur-2000.csv');
      writeFileSync(file, `${epraccurRow()}\r\n`);
      await odsForm().locator('input[type=file]').setInputFiles(file);
      await fillDate(odsForm(), 'ods-as-of', '1/1/2000');
      const loads: string[] = [];
      page.on('load', () => loads.push(page.url()));
      await odsForm().getByRole('button', { name: 'Upload and import' }).click();
      await visible(page.getByRole('heading', { name: /Import of epraccur-2000\.csv/ }));
      // Kibworth holds facts newer than a file of 1 January 2000: it is left as it is, and the note says so in words.
      await visible(page.getByText('1 practice already holds facts newer than this file (1 January 2000); it was left as it is.'));
      const history = page.locator('section[aria-labelledby="import-history"] tbody tr').first();
      await eventually(() => textOf(history)).toContain('ODS import epraccur-2000.csv: 0 inserted, 0 updated, 1 unchanged');
      expect(loads).toEqual([]);
      expect(await page.locator('main').innerText()).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    });

    it('says in one sentence that a national list-size file names 6,209 practices the registry lacks, linking to the box that skips them', async () => {
      const listForm = page.locator('form[aria-label="Upload Patients registered at a GP practice"]');
      await listForm.locator('input[type=file]').setInputFiles(join(nhsDir, 'gp-reg-pat-prac-all-2025-04.csv'));
      await listForm.getByRole('button', { name: 'Upload and import' }).click();
      const summary = page.locator('.nhsuk-error-summary').first();
      await eventually(() => textOf(summary)).toContain('gp-reg-pat-prac-all-2025-04.csv was not imported');
      // One item, not a line for each of the demo registry's missing practices.
      expect(await summary.locator('li').allInnerTexts()).toEqual([
        expect.stringMatching(/^6,209 practices in this file are not in the registry \(([A-Z]\d{5}, ){9}[A-Z]\d{5} and 6,199 more\): import the ODS practice file \(epraccur\) first, or tick ‘Skip practices not in the registry’ and upload the file again, to import the rows of the practices it holds\.$/),
      ]);
      await summary.getByRole('link').click();
      await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('list-sizes-skip-1');
      const callout = page.locator('.nhsuk-card__content', { hasText: 'Nothing was imported' });
      expect(await textOf(callout)).toContain('6,209 practices in this file are not in the registry, so nothing was imported. Import the ODS practice file (epraccur) first, or tick');
      expect(await textOf(callout)).toContain('Download all 6,209 problems (CSV)');
      expect(await textOf(page.locator('section[aria-labelledby="recent-imports"] tbody tr').first())).toContain('6,209 practices in this file are not in the registry, so nothing was imported.');
      expect(await harness().database.query("select ods_code from list_sizes where snapshot_date = '2025-04-01'")).toEqual([]);
      await saveScreenshot(page, 'imports-not-in-registry');
    });

    it('skips practices not in the registry when asked, naming ten and counting the rest', async () => {
      const codes = Array.from({ length: 12 }, (_, i) => `Q${99001 + i}`);
      const file = join(folder, 'gp-reg-skip.csv');
      writeFileSync(file, [listSizeHeader, ...codes.map((code) => `GP_PRAC_PAT_LIST,2025-04-01,GP,03W,E38000051,${code},LE8 0LG,ALL,ALL,100`)].join('\r\n'));
      const listForm = page.locator('form[aria-label="Upload Patients registered at a GP practice"]');
      await listForm.locator('input[type=file]').setInputFiles(file);
      await listForm.getByLabel('Skip practices not in the registry').check();
      await listForm.getByRole('button', { name: 'Upload and import' }).click();
      const notes = page.locator('section[aria-labelledby="current-import"] ul li');
      await eventually(() => notes.allInnerTexts()).toEqual([`Skipped 12 rows for 12 practices not in the registry: ${codes.slice(0, 10).join(', ')} and 2 more.`]);
    });

    it('says so when the whole file is wrong, rather than counting a rejected row', async () => {
      const file = join(folder, 'not-epraccur.csv');
      writeFileSync(file, 'PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\nGP_PRAC_PAT_LIST,01APR2025,GP,C82001,LE8 0LG,ALL,ALL,9301\r\n');
      await odsForm().locator('input[type=file]').setInputFiles(file);
      await odsForm().getByRole('button', { name: 'Upload and import' }).click();
      const recent = page.locator('section[aria-labelledby="recent-imports"] tbody tr').first();
      await eventually(() => textOf(recent)).toContain('not-epraccur.csv');
      // The reason stays in the list of uploads, and the import is named as its form is.
      expect(await textOf(recent)).toMatch(/The file was not imported: this looks like .*Patients Registered.*; expected .*epraccur.*\. Nothing was imported\./);
      expect(await textOf(recent)).toContain('GP practices from ODS (epraccur)');
      expect(await textOf(recent)).not.toContain('row was rejected');
    });

    it('counts no rejected row when the header lacks a column the import needs', async () => {
      const callout = await uploadRefusedListSizes(
        'gp-reg-no-postcode.csv',
        'PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,SEX,AGE,NUMBER_OF_PATIENTS\r\nGP_PRAC_PAT_LIST,2025-04-01,GP,03W,E38000051,C82001,ALL,ALL,9301\r\n',
      );
      await eventually(() => textOf(callout)).toContain('The file was not imported');
      expect(await textOf(callout)).not.toContain('row was rejected');
      // The list-size form's own summary (the ODS form above may still show the last test's).
      await eventually(() => textOf(page.locator('.nhsuk-error-summary', { hasText: 'gp-reg-no-postcode.csv' }))).toMatch(/line 1.*required column "POSTCODE" is missing/s);
    });
  });
}
