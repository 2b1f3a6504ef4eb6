import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminSuite } from './admin-suite.js';
import { auditSuite } from './audit-suite.js';
import { governanceSuite } from './governance-suite.js';
import { riskReviewSuite } from './risk-review-suite.js';
import { contractsSuite } from './contracts-suite.js';
import { contractsRolesSuite } from './contracts-roles-suite.js';
import { contractsRegisterSuite } from './contracts-register-suite.js';
import { type BrowserHarness, startHarness } from './harness.js';
import { accountSuite } from './account-suite.js';
import { financeSuite } from './finance-suite.js';
import { importsSuite } from './imports-suite.js';
import { overviewSuite } from './overview-suite.js';
import { permissionsSuite } from './permissions-suite.js';
import { planSuite } from './plan-suite.js';
import { schemesSuite } from './schemes-suite.js';
import { schemeVersionsSuite } from './scheme-versions-suite.js';
import { qualitySuite } from './quality-suite.js';
import { returnsSuite } from './returns-suite.js';
import { schemePaymentsSuite } from './scheme-payments-suite.js';
import { yearEndSuite } from './year-end-suite.js';

/**
 * The web app in chromium against the real server and an in-memory database with the demo
 * federation. One server and one browser for all suites: opening PGlite is most of the cost.
 * Each suite opens its own browser profiles, so sessions do not leak between them.
 */
let harness: BrowserHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

it('serves the built web app for any page the browser asks for, in British English', async () => {
  for (const path of ['/', '/practices/C82001', '/imports']) {
    const response = await fetch(`${harness.baseUrl}${path}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="en-GB">');
  }
});

overviewSuite(() => harness);
accountSuite(() => harness);
importsSuite(() => harness);
permissionsSuite(() => harness);
auditSuite(() => harness);
adminSuite(() => harness);
schemesSuite(() => harness);
schemeVersionsSuite(() => harness);
returnsSuite(() => harness);
schemePaymentsSuite(() => harness);
planSuite(() => harness);
governanceSuite(() => harness);
riskReviewSuite(() => harness);
financeSuite(() => harness);
yearEndSuite(() => harness);
contractsRegisterSuite(() => harness);
contractsSuite(() => harness);
contractsRolesSuite(() => harness);
qualitySuite(() => harness);

// Last: every page the suites opened ran under the Content-Security-Policy without it refusing anything.
it('opened every page without its Content-Security-Policy refusing a script, style or image', () => {
  expect(harness.policyRefusals).toEqual([]);
});
