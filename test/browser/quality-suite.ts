import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoFolder } from '../../src/app/demo/load-demo.js';
import { systemActor } from '../../src/app/context.js';
import { demoSchemeGroupName } from '../../src/app/demo/load-demo-quality.js';
import { importNhsFile } from '../../src/app/registry/import-file.js';
import { shortPracticeName } from '../../src/domain/registry/short-practice-name.js';
import { eventually, textOf, visible } from './assertions.js';
import { type BrowserHarness, demoAdmin, download, saveScreenshot, screenshotDir, seriousAxeViolations, signIn } from './harness.js';

/** The demo's QOF rows (real 2022-23 figures for the ELR practices): expected values are worked out from them. */
const qofRows = Papa.parse<Record<string, string>>(readFileSync(join(demoFolder, 'quality/PREVALENCE_ELR_2223.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const percent = (rows: Record<string, string>[]) =>
  `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format((rows.reduce((s, r) => s + Math.round(Number(r.REGISTER)), 0) / rows.reduce((s, r) => s + Number(r.PRACTICE_LIST_SIZE), 0)) * 100)}%`;
/** Narborough (C82119) left the federation in 2019; Two Shires (C82036) closed in 2020. */
const formerMembers = ['C82119', 'C82036'];
/** Harborough's practices now, with their January 2018 list sizes: Two Shires closed in 2020. */
const harboroughNow = Papa.parse<Record<string, string>>(readFileSync(join(demoFolder, 'elr-practices.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.filter(
  (r) => r.locality === 'Harborough' && r.practice !== 'Two Shires Medical Practice',
);

async function choose(page: Page, label: string, option: string | RegExp) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: option }).first().getAttribute('value');
  await select.selectOption(value!);
}

/** The quality dashboard, a practice's SPC chart, scheme evaluation and a locality's review pack in the browser. */
export function qualitySuite(harness: () => BrowserHarness) {
  describe('quality (admin)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await harness().newPage();
      await signIn(page, demoAdmin);
    });

    it('shows QOF prevalence across the federation against England, with a funnel plot', async () => {
      // A link naming an indicator there are no figures for says what is shown instead.
      await page.goto('/quality?indicator=NO_SUCH_INDICATOR');
      await eventually(() => textOf(page.locator('main .nhsuk-inset-text').first())).toMatch(/There is no indicator “NO_SUCH_INDICATOR” with figures, so .+ is shown\.$/);
      await page.goto('/quality'); // in the menu's "More" list at this width
      await visible(page.getByRole('heading', { level: 1, name: 'Quality dashboard' }));
      expect(await page.getByText('There is no indicator').count()).toBe(0);
      await choose(page, 'Indicator', 'QOF prevalence: Hypertension');
      await page.getByRole('button', { name: 'Show' }).click();
      await visible(page.getByRole('heading', { level: 2, name: /Hypertension, 2022\/23/ }));
      const hypertension = qofRows.filter((r) => r.GROUP_CODE === 'HYP');
      await eventually(() => textOf(page.getByTestId('england-value'))).toContain(percent(hypertension));
      expect(await textOf(page.getByTestId('scope-value'))).toContain(percent(hypertension.filter((r) => !formerMembers.includes(r.PRACTICE_CODE!))));
      await visible(page.getByTestId('funnel-chart').locator('svg'));
      const words = await textOf(page.locator('.app-quality-chart + p'));
      expect(words).toContain('99.8% (solid)');
      // Whose pooled value the centre line is, and its value, as the summary above gives it.
      expect(words).toContain(`Centre line ${percent(hypertension.filter((r) => !formerMembers.includes(r.PRACTICE_CODE!)))}: the pooled value of East Leicestershire & Rutland GP Federation`);
      expect(words).toContain('“Within” means inside the 99.8% limits, including between the 95% and 99.8% lines.');
      expect(await page.getByTestId('funnel-reference').count()).toBe(0);
      await visible(page.getByRole('heading', { level: 3, name: 'Outliers' }));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'quality-dashboard');
    });

    it('plots a small locality’s practices against the federation’s centre line and limits, and says why', async () => {
      const groups = (await (await page.request.get('/api/groups?q=Harborough')).json()) as { items: { id: number; kind: string }[] };
      const harborough = groups.items.find((g) => g.kind === 'locality')!;
      await page.goto(`/quality?indicator=QOF_PREV_HYP&period=2023-03-31&group=${harborough.id}`);
      await eventually(() => textOf(page.getByTestId('funnel-reference').locator('p'))).toMatch(
        /^Harborough has \d practices with figures: too few to set its own centre line and overdispersion \(at least 20 are needed\), so its practices are plotted against East Leicestershire & Rutland GP Federation \(\d+ practices\)\.$/,
      );
      const chart = page.getByTestId('funnel-chart');
      await visible(chart.locator('svg'));
      const subtitle = (await chart.locator('svg text').allTextContents()).join('\n');
      expect(subtitle).toMatch(/Centre line [\d.]+%: the pooled value of East Leicestershire & Rutland GP Federation \(\d+ practices\)\./);
      expect(subtitle).toMatch(/Harborough’s \d practices are too few to set a centre line and overdispersion of their own\./);
      await chart.screenshot({ path: join(screenshotDir, 'quality-funnel-small-locality.png') });
    });

    it('names the outliers on a phone by their short names, none running into another, the full names in the table', async () => {
      for (const width of [320, 375]) {
        const phone = await harness().newPage();
        await phone.setViewportSize({ width, height: 800 });
        // Asthma in 2022/23: three of the federation's outliers sit close together, under the lower limit.
        await signIn(phone, demoAdmin, '/quality?indicator=QOF_PREV_AST&period=2023-03-31');
        const outliers = phone.locator('table', { has: phone.locator('caption', { hasText: 'outside the 99.8% limits' }) }).getByRole('link');
        await eventually(() => outliers.count()).toBeGreaterThan(2);
        const names = await outliers.allInnerTexts();
        const chart = phone.getByTestId('funnel-chart');
        await visible(chart.locator('svg'));
        const boxes = await chart.locator('svg text').evaluateAll((texts, shortNames: string[]) =>
          texts.filter((t) => shortNames.includes(t.textContent ?? '')).map((t) => ({ name: t.textContent, ...t.getBoundingClientRect().toJSON() }) as { name: string; left: number; right: number; top: number; bottom: number }),
          names.map(shortPracticeName),
        );
        expect(boxes.map((b) => b.name).sort(), `at ${width}px`).toEqual(names.map(shortPracticeName).sort());
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `${a.name} and ${b.name} at ${width}px`).toBe(true);
        }
        await phone.getByTestId('funnel-chart').screenshot({ path: join(screenshotDir, `quality-funnel-${width}.png`) });
        await phone.close();
      }
    });

    it('lays the funnel plot out again when the window narrows to a phone’s width and widens back', async () => {
      await page.goto('/quality?indicator=QOF_PREV_AST&period=2023-03-31');
      const outliers = page.locator('table', { has: page.locator('caption', { hasText: 'outside the 99.8% limits' }) }).getByRole('link');
      await eventually(() => outliers.count()).toBeGreaterThan(2);
      const names = await outliers.allInnerTexts();
      const chartTexts = () => page.getByTestId('funnel-chart').locator('svg text').allTextContents();
      const named = async (wanted: string[]) => (await chartTexts()).filter((text) => wanted.includes(text)).sort();
      await eventually(() => named(names)).toEqual([...names].sort());
      await page.setViewportSize({ width: 375, height: 800 });
      await eventually(() => named(names.map(shortPracticeName))).toEqual(names.map(shortPracticeName).sort());
      await page.setViewportSize({ width: 1280, height: 900 });
      await eventually(() => named(names)).toEqual([...names].sort());
    });

    it('lists practices below a local indicator’s minimum with their gap', async () => {
      await choose(page, 'Indicator', 'Appointments booked for the same day');
      // The periods offered are the chosen indicator's, before Show.
      expect(await page.getByLabel('Period', { exact: true }).locator('option:checked').innerText()).toBe('March 2026');
      await page.getByRole('button', { name: 'Show' }).click();
      await visible(page.getByRole('heading', { level: 2, name: /same day, March 2026/ }));
      const below = page.locator('table', { has: page.locator('caption', { hasText: 'below the minimum' }) });
      await visible(below);
      expect(await textOf(below.locator('caption'))).toMatch(/below the minimum \(\d+\)/);

      // An admin changes the target in the page, sees it in the summary, and puts it back.
      const summaryRow = page.locator('.nhsuk-summary-list__row', { hasText: 'Minimum and target' });
      const thresholds = page.locator('details', { hasText: 'Change the thresholds' });
      await thresholds.locator('summary').click();
      const target = page.getByLabel('Target', { exact: true });
      const original = await target.inputValue();
      await target.fill('97.5');
      await thresholds.screenshot({ path: join(screenshotDir, 'quality-thresholds.png') });
      await page.getByRole('button', { name: 'Save thresholds' }).click();
      await eventually(() => textOf(summaryRow)).toMatch(/target 97\.5/);
      // Said, as every form says it saved, and kept once the page has read the new thresholds.
      await visible(page.getByText('Saved the thresholds.'));
      if ((await thresholds.getAttribute('open')) === null) await thresholds.locator('summary').click();
      await page.getByLabel('Target', { exact: true }).fill(original);
      await page.getByRole('button', { name: 'Save thresholds' }).click();
      await eventually(() => textOf(summaryRow)).not.toMatch(/target 97\.5/);

      // A figure written with a comma is refused as not a number, not taken as none.
      if ((await thresholds.getAttribute('open')) === null) await thresholds.locator('summary').click();
      await page.getByLabel('Target', { exact: true }).fill('97,5');
      await page.getByRole('button', { name: 'Save thresholds' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-error-summary'))).toMatch(/Target.*must be a number/);
      await page.getByLabel('Target', { exact: true }).fill(original);

      // Thresholds can be removed, and set again.
      const minimum = await page.getByLabel('Minimum', { exact: true }).inputValue();
      await page.getByRole('button', { name: 'Remove the thresholds' }).click();
      await page.getByRole('button', { name: /^Yes, remove the thresholds/ }).click();
      await eventually(() => textOf(summaryRow)).toMatch(/None set/);
      await visible(page.getByText(/^Removed the thresholds for /));
      const setThem = page.locator('details', { hasText: 'Set thresholds for this indicator' });
      if ((await setThem.getAttribute('open')) === null) await setThem.locator('summary').click();
      await page.getByLabel('Minimum', { exact: true }).fill(minimum);
      await page.getByLabel('Target', { exact: true }).fill(original);
      await page.getByRole('button', { name: 'Save thresholds' }).click();
      await eventually(() => textOf(summaryRow)).not.toMatch(/None set/);
    });

    it('downloads the table of every practice, as the page shows it, as CSV and XLSX', async () => {
      const table = page.locator('table', { has: page.locator('caption', { hasText: /^\d+ practices$/ }) });
      const codes = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
      const noun = 'every practice’s Appointments booked for the same day, March 2026, East Leicestershire & Rutland GP Federation';
      const csv = await download(page, `Download CSV of ${noun}`);
      expect([csv.status, csv.contentType]).toEqual([200, 'text/csv; charset=utf-8']);
      const rows = Papa.parse<Record<string, string>>(csv.body.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
      expect(rows.map((r) => r['ODS code'])).toEqual(codes);
      expect(rows[0]).toMatchObject({ Period: 'March 2026', 'Compared across': 'East Leicestershire & Rutland GP Federation' });
      const xlsx = await download(page, `Download XLSX of ${noun}`);
      expect([xlsx.status, xlsx.body.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    });

    it('opens a practice’s SPC chart with its variation icon and its peers', async () => {
      await page.locator('table', { has: page.locator('caption', { hasText: /\d+ practices/ }) }).getByRole('link').first().click();
      await visible(page.getByTestId('spc-chart').locator('svg'));
      expect(await textOf(page.getByTestId('spc-icons'))).toMatch(/Variation: (Common cause|Special cause)/);
      const peers = await textOf(page.locator('table', { has: page.locator('caption', { hasText: 'Against its peers' }) }));
      expect(peers).toContain('All practices held');
      expect(peers).toContain('Sub-ICB location 03W');
      expect(peers).toContain('East Leicestershire & Rutland GP Federation');
      expect(await textOf(page.getByTestId('peers-pooled'))).toContain('Each group’s value pools its practices: their total numerator ÷ their total denominator');
      const svg = await download(page, 'Download the SPC chart (SVG)');
      expect([svg.status, svg.contentType, svg.body.subarray(0, 4).toString()]).toEqual([200, 'image/svg+xml', '<svg']);
      // The chart in words, for those who cannot see its colours: each point's mean, limits and variation (common or special cause).
      const points = page.locator('table', { has: page.locator('caption', { hasText: 'The SPC chart’s points' }) });
      expect(await points.locator('thead th').allInnerTexts()).toEqual(['Period', 'Value', 'Mean', 'Lower limit', 'Upper limit', 'Variation']);
      expect(await points.locator('tbody tr').count()).toBeGreaterThanOrEqual(13);
      // The limits' rule says what screening left out, as the chart's subtitle does.
      expect(await textOf(page.getByTestId('spc-screening'))).toMatch(/^Screened: (no moving range was 3\.267 × the average or more, so all \d+ set the limits|\d+ of \d+ moving ranges, each 3\.267 × the average or more, left out of the average moving range)\.$/);
      expect((await page.getByTestId('spc-chart').locator('svg text').allTextContents()).join(' ')).toContain('Screened: ');
      await saveScreenshot(page, 'quality-practice-spc');
    });

    it('evaluates the admission avoidance scheme before and after', async () => {
      await page.goto('/quality/evaluation');
      // Asked with choices still to make: the page says which, rather than doing nothing.
      await choose(page, 'Indicator', 'Emergency admissions');
      await page.getByRole('button', { name: 'Evaluate' }).click();
      await eventually(() => textOf(page.locator('.nhsuk-error-summary'))).toContain('Choose the signed-up practices');
      expect(await textOf(page.locator('.nhsuk-error-summary'))).toContain('Choose when after ends');
      await choose(page, 'Signed-up practices (group)', demoSchemeGroupName);
      // The after period first ends before it starts: the page says why, in words.
      await choose(page, 'Before: from', 'April 2024');
      await choose(page, 'Before: to', 'March 2026');
      await choose(page, 'After: from', 'April 2025');
      await choose(page, 'After: to', 'March 2026');
      await page.getByRole('button', { name: 'Evaluate' }).click();
      await visible(page.getByText('The before period must end before the after period starts'));
      await choose(page, 'Before: to', 'March 2025');
      await page.getByRole('button', { name: 'Evaluate' }).click();
      await eventually(() => textOf(page.getByTestId('difference-in-differences'))).toMatch(/^[−+]?[\d.,]+ per 1,000$/);
      expect(await textOf(page.getByTestId('evaluation-method'))).toContain('The interval is for that same difference');
      expect(await textOf(page.locator('table', { has: page.locator('caption', { hasText: 'Before and after' }) }))).toContain('Signed up (12)');
      await saveScreenshot(page, 'quality-scheme-evaluation');
    });

    it('builds a locality’s peer review pack with funnels, SPC charts and an XLSX download', async () => {
      await page.goto('/quality/review-pack');
      await visible(page.getByRole('heading', { level: 1, name: 'Peer review pack' }));
      await visible(page.getByTestId('pack-funnel').locator('svg'));
      await choose(page, 'Funnel plot for', 'QOF prevalence: Diabetes mellitus');
      await eventually(() => page.getByTestId('pack-funnel').getAttribute('aria-label')).toContain('Diabetes mellitus');
      const sections = page.locator('section.app-quality-pack-practice');
      await sections.first().getByText(/SPC charts over time/).click();
      await visible(page.getByTestId('pack-spc').locator('svg'));
      // One set of practices, taken on one date: Patients registered (January 2018) is the average of the
      // practices listed, not of the 5 members then (Two Shires closed in 2020).
      // (Earlier tests may have moved a practice out of Harborough, so the practices are those the pack lists, each one of Harborough's now.)
      const listed = (await sections.locator('h2').allInnerTexts()).map((heading) => heading.replace(/ \(C\d{5}\)$/, ''));
      expect(listed.length).toBeGreaterThan(1);
      const rows = listed.map((name) => harboroughNow.find((r) => r.practice === name)!);
      expect(rows.every(Boolean)).toBe(true);
      expect(await textOf(page.getByTestId('pack-members'))).toBe(`${listed.length} practices in East Leicestershire & Rutland GP Federation on 1 March 2026, the latest period with figures`);
      const average = Math.round(rows.reduce((sum, r) => sum + Number(r.list_size), 0) / rows.length);
      const registered = sections.first().locator('tr', { hasText: 'Patients registered' });
      expect(await textOf(registered)).toContain(`${new Intl.NumberFormat('en-GB').format(average)} on average`);
      expect(await textOf(sections.first().locator('table'))).toContain('QOF prevalence: Hypertension');
      const href = await page.getByRole('link', { name: 'Download the pack (XLSX)' }).getAttribute('href');
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('spreadsheetml');
      expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
      await saveScreenshot(page, 'quality-review-pack');
    });

    // Last: it adds a list size, which no earlier test expects.
    it('draws a practice’s two list sizes as points, without limits or icons, and says why', async () => {
      const file = 'PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\nGP_PRAC_PAT_LIST,2025-04-01,GP,03W,E38000051,C82001,LE8 0LG,ALL,ALL,17021\r\n';
      expect(await importNhsFile({ db: harness().database.db, actor: systemActor }, 'list-sizes', { name: 'gp-reg.csv', content: Buffer.from(file) })).toMatchObject({ inserted: 1 });
      await page.goto('/quality/practices/C82001?indicator=REGISTERED_PATIENTS');
      const chart = page.getByTestId('spc-chart');
      await visible(chart.locator('svg'));
      expect(await textOf(page.getByTestId('spc-no-limits'))).toContain('There are 2 points: too few for process limits, which need at least 13. No limits are drawn and there is no variation or assurance icon.');
      expect(await page.getByTestId('spc-icons').count()).toBe(0);
      const words = (await chart.locator('svg text').allTextContents()).join(' ');
      expect(words).toContain('2 points are too few for process limits');
      expect(words).not.toMatch(/Mean|process limit\b|Common cause/);
      expect(await chart.getAttribute('aria-label')).toContain('too few for process limits');
      const svg = await download(page, 'Download the chart (SVG)');
      expect([svg.status, svg.body.toString()]).toEqual([200, expect.stringContaining('2 points are too few for process limits')]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'quality-practice-too-few-points');
    });
  });
}
