import type { Page } from 'playwright-core';
import { textOf } from './assertions.js';

/** Every "£1,234.50" (or "−£688") in a page's text, as pence. */
export function amountsIn(text: string): number[] {
  return [...text.matchAll(/(−|-)?£([\d,]+)(?:\.(\d{2}))?/g)].map((match) => {
    const pence = Number(match[2]!.replaceAll(',', '')) * 100 + Number(match[3] ?? 0);
    return match[1] ? -pence : pence;
  });
}

/** The first amount of money in a page's text, as pence. */
export function penceIn(text: string): number {
  const [first] = amountsIn(text);
  if (first === undefined) throw new Error(`no amount of money in "${text}"`);
  return first;
}

/** The secured and potential income totals the Finance page shows, in pence. */
export async function incomeTotals(page: Page): Promise<{ secured: number; potential: number }> {
  const row = (key: string) => textOf(page.locator('.nhsuk-summary-list__row', { hasText: key }).locator('.nhsuk-summary-list__value'));
  return { secured: penceIn(await row('Secured income')), potential: penceIn(await row('Potential income')) };
}
