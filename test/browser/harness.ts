import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { systemActor } from '../../src/app/context.js';
import { demoUsers, loadDemo } from '../../src/app/demo/load-demo.js';
import { type App, buildServer } from '../../src/api/server.js';
import { type Database, openPglite } from '../../src/db/client.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const webRoot = join(root, 'dist/web');
export const screenshotDir = join(root, 'screenshots');

export type DemoUser = (typeof demoUsers)[number];
export const demoAdmin = demoUsers.find((u) => u.role === 'admin')!;
export const demoPracticeManager = demoUsers.find((u) => u.role === 'practice_manager')!;
export const demoCommissioner = demoUsers.find((u) => u.role === 'commissioner')!;

/** Debian's chromium; Playwright's own browser download is unreachable from these machines. */
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserHarness {
  baseUrl: string;
  database: Database;
  app: App;
  browser: Browser;
  /** A fresh browser profile (own cookies) with one page, sized like a laptop screen. */
  newPage(): Promise<Page>;
  /** What the pages' Content-Security-Policy refused, on any page opened: a page the policy breaks. */
  policyRefusals: string[];
  close(): Promise<void>;
}

async function openDemoDatabase(): Promise<Database> {
  const database = await openPglite('memory://');
  await database.migrate();
  await loadDemo({ db: database.db, actor: systemActor });
  return database;
}

/**
 * The real server over an in-memory PGlite with the demo federation, serving the built web app
 * (dist/web), and a headless chromium to drive it. It builds nothing: the test script runs
 * `npx vite build` first.
 */
export async function startHarness(): Promise<BrowserHarness> {
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`${webRoot}/index.html is missing: run npx vite build first`);
  const [database, browser] = await Promise.all([openDemoDatabase(), chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true })]);
  const app = await buildServer({ database, webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const contexts: BrowserContext[] = [];
  const policyRefusals: string[] = [];
  return {
    baseUrl,
    database,
    app,
    browser,
    policyRefusals,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      // Every refusal, caught by the page or not (an eval tried inside try/catch logs nothing to the console).
      await context.exposeBinding('reportPolicyRefusal', ({ page }, what: string) => void policyRefusals.push(`${page.url()}: ${what}`));
      await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => void (window as unknown as { reportPolicyRefusal(what: string): void }).reportPolicyRefusal(`${event.violatedDirective} ${event.blockedURI}`)));
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) policyRefusals.push(`${page.url()}: ${message.text()}`);
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Signs in through the sign-in page, then opens `then` (the overview unless told). */
export async function signIn(page: Page, user: { email: string; password: string }, then = '/'): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.goto(then);
}

/** A new page signed in as the demo admin, with the CSRF header for changes made through its API session. */
export async function signedInAdmin(harness: BrowserHarness): Promise<{ admin: Page; headers: Record<string, string> }> {
  const admin = await harness.newPage();
  await signIn(admin, demoAdmin);
  return { admin, headers: await csrfHeaders(admin) };
}

/** The signed-in page's CSRF header, for changes made through its API session (page.request). */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  return { 'x-csrf-token': (await (await page.request.get('/api/session')).json()).csrfToken as string };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const axeSource = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the serious and critical violations (as readable lines). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's own tooling, which the page's Content-Security-Policy does not govern (a script tag it would refuse).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Saves a full-page screenshot to screenshots/ (gitignored) for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** What a download link on the page serves, fetched with the page's session (the browser would save it to disk). */
export async function download(page: Page, linkName: string): Promise<{ status: number; contentType: string | undefined; body: Buffer }> {
  const href = await page.getByRole('link', { name: linkName }).first().getAttribute('href');
  const response = await page.request.get(new URL(href!, page.url()).href);
  return { status: response.status(), contentType: response.headers()['content-type'], body: await response.body() };
}
