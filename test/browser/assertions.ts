import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Retries an assertion until the page settles (vitest has no Playwright matchers): eventually(() => x.innerText()).toBe('1'). */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });

/** Waits until the first element the locator finds is visible (fails after the page's default timeout). */
export const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible' });

/** The text of the first element the locator finds, trimmed. */
export const textOf = async (locator: Locator) => (await locator.first().innerText()).trim();

/** How many lines the element's text is set on, as drawn (a tag kept to one line is 1). */
export const linesOf = (locator: Locator) =>
  locator.first().evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

/**
 * Waits until the form's error summary says `text` and has taken the focus, as it does when it
 * appears; only then is it safe to type again, or the summary could take the focus mid-typing.
 */
export async function problemsSay(scope: Pick<Locator, 'locator'>, text: string | RegExp): Promise<void> {
  const summary = scope.locator('.nhsuk-error-summary').first();
  const said = eventually(() => textOf(summary));
  await (typeof text === 'string' ? said.toContain(text) : said.toMatch(text));
  await eventually(() => summary.evaluate((element) => element.contains(document.activeElement))).toBe(true);
}

/** Types a date into the NHS day, month and year boxes of the date input `id` ("31/2/2019"; '' empties them). */
export async function fillDate(scope: Pick<Locator, 'locator'>, id: string, dayMonthYear: string): Promise<void> {
  const [day = '', month = '', year = ''] = dayMonthYear ? dayMonthYear.split('/') : [];
  await scope.locator(`#${id}-day`).fill(day);
  await scope.locator(`#${id}-month`).fill(month);
  await scope.locator(`#${id}-year`).fill(year);
}

/** What the date input `id` holds, as "31/7/2018" ('//' when empty). */
export const dateIn = async (scope: Pick<Locator, 'locator'>, id: string): Promise<string> =>
  (await Promise.all(['day', 'month', 'year'].map((part) => scope.locator(`#${id}-${part}`).inputValue()))).join('/');

/**
 * The one confirm question (ConfirmQuestion): asking moves the focus to its heading, and Escape and
 * Cancel each put it away with nothing done. `ask` opens it; it is left closed.
 */
export async function confirmQuestionCancels(page: Pick<Page, 'evaluate' | 'keyboard'>, question: Locator, headingId: string, ask: () => Promise<unknown>): Promise<void> {
  await ask();
  await visible(question);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(headingId);
  await page.keyboard.press('Escape');
  await eventually(() => question.count()).toBe(0);
  await ask();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await eventually(() => question.count()).toBe(0);
}

/** Where the page's headings go down more than one level at a time ("h1 Finance → h3 Money counted twice"); none is right. */
export const headingLevelsSkipped = (page: Pick<Page, 'evaluate'>): Promise<string[]> =>
  page.evaluate(() => {
    const headings = [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].map((h) => ({ level: Number(h.tagName[1]), text: (h as HTMLElement).innerText.trim() }));
    return headings.flatMap((h, i) => (i > 0 && h.level > headings[i - 1]!.level + 1 ? [`h${headings[i - 1]!.level} ${headings[i - 1]!.text} → h${h.level} ${h.text}`] : []));
  });

/**
 * Expects the table in `box` to stay inside the box at each window width (a laptop and a small one
 * unless told), and sets the window back to 1280 after. The design system's table runs a few pixels
 * past its box; a column further out than that is out of sight.
 */
export async function expectTableInside(page: Pick<Page, 'setViewportSize'>, box: Locator, widths = [1280, 1024]): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const overhang = await box.first().evaluate((element) => element.querySelector('table')!.getBoundingClientRect().right - element.getBoundingClientRect().right);
    expect(overhang, `how far the table runs past its box at ${width} pixels`).toBeLessThanOrEqual(4);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Money as a page writes it: pence only where there are some. */
export const money = (pence: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', ...(pence % 100 === 0 ? { maximumFractionDigits: 0 } : {}) }).format(pence / 100);
/** Money in a table whose columns are read across one another, some amount of which has pence: every amount shows them. */
export const moneyWithPence = (pence: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
