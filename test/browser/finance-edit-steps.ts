import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { textOf } from './assertions.js';

/** The federation's own figures, beside the repository: the expected totals are added up from them here. */
const elrData = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '../shared/data/elr');
export const readCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(elrData, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
/** Pounds as the pages write whole ones: "£1,234", "−£688". */
export const pounds = (n: number) => `${n < 0 ? '−' : ''}£${new Intl.NumberFormat('en-GB').format(Math.abs(n))}`;
export const sumOf = (rows: Record<string, string>[]) => rows.reduce((s, r) => s + Number(r.amount), 0);
/** A page's section, by the id of its heading. */
export const section = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);

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
