import { epraccurRow, makeSchemeRequest } from '../factories.js';
import { demoUser, fileForm } from '../api.js';
import { adminOnly, type Case, contractReaders, created, csv, everyone, financeReaders, type Ids, once, practiceFor, read, type Role, signedIn, unique, waitingApplication } from './cases.js';
import { practiceNotUnderContract } from './record-cases.js';

const demoPassword = (role: Role) => (role === 'anonymous' ? 'nobody’s password' : demoUser(role === 'pmOwn' || role === 'pmOther' ? 'practice_manager' : role).password);
const get = (route: string, allowed: Role[], path: (ids: Ids, role: Role) => string, hidden?: Role[]): Case => ({ route, allowed, hidden, request: (r, ids) => ({ method: 'GET', path: path(ids, r) }) });

/** A new draft scheme of the factory's, with the request that made it (a change sends its definition back). */
const draftScheme = async (ids: Ids) => {
  const request = makeSchemeRequest();
  return { id: (await created(ids, '/api/schemes', request)).scheme.id as number, request };
};
const approvedScheme = async (ids: Ids) => {
  const { id } = await draftScheme(ids);
  await created(ids, `/api/schemes/${id}/approve`, { rowVersion: (await read(ids, `/api/schemes/${id}`)).rowVersion });
  return id;
};
const schemeToEdit = once(draftScheme);
const schemeToApprove = once(draftScheme);
// Its own schemes: settling the demo's winter scheme would close its activity returns to the delivered case.
const schemeToSettle = once(approvedScheme);
const schemeDueBack = once(approvedScheme);
const peerGroup = once(async (ids) => (await created(ids, '/api/groups', { name: 'Permissions test peers', kind: 'peer_group' })).id as number);
/** An approved application's drawdown of £1, to take back. */
const drawdownToTakeBack = once(async (ids) => (await created(ids, `/api/fund-applications/${ids.applicationId}/drawdowns`, { amount: '£1', drawnOn: '2018-08-01', evidence: 'Invoice' })).id as number);

/** A new year of the plan that ended long ago (1800/01, 1801/02…), to close or reopen. */
let pastYears = 1800;
const pastYear = async (ids: Ids) => {
  const start = pastYears++;
  const financialYear = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  await created(ids, '/api/finance-years', { financialYear });
  return financialYear;
};

/** A document uploaded by mistake, for the admin to remove. */
const documentToRemove = once(async (ids) => (await created(ids, `/api/contracts/${ids.contractId}/documents`, fileForm('wrong.pdf', '%PDF-1.4 wrong'))).id as number);

/** A disabled user, for the admin to anonymise. */
const leaver = once(async (ids) => {
  const made = await created(ids, '/api/users', { email: 'leaver@example.nhs.uk', name: 'Lee Ver', role: 'clinician', password: 'a long enough password' });
  const disabled = await ids.admin.request('PATCH', `/api/users/${made.id}`, { rowVersion: made.rowVersion, disabled: true });
  if (disabled.status !== 200) throw new Error(`setting up: disabling the leaver answered ${disabled.status}`);
  return made.id as number;
});

const notADocument = { outcome: '415 unsupported', why: 'a document is checked by its content, and one that is not a PDF or DOCX is not a kind it takes' };

const registry: Case[] = [
  get('GET /api/health', everyone, () => '/api/health'),
  // Signed out, "who am I" answers { user: null } rather than 401 (api.test.ts).
  get('GET /api/session', everyone, () => '/api/session'),
  // A user who has left: made, disabled, then anonymised by the admin.
  { route: 'POST /api/users/{id}/anonymise', allowed: adminOnly, readsNothing: true, request: async (_r, ids) => ({ method: 'POST', path: `/api/users/${await leaver(ids)}/anonymise` }) },
  // Each role changes their own password, to the one they have (a change allowed, so the case can run for each role without keeping track).
  { route: 'POST /api/session/password', allowed: signedIn, request: (r) => ({ method: 'POST', path: '/api/session/password', body: { currentPassword: demoPassword(r), newPassword: demoPassword(r) } }) },
  get('GET /api/practices/{code}/details', signedIn, (_ids, r) => `/api/practices/${practiceFor(r)}/details`),
  get('GET /api/organisations', signedIn, () => '/api/organisations?kind=pcn'),
  get('GET /api/groups/{id}/summary', signedIn, (ids) => `/api/groups/${ids.groupId}/summary`),
  get('GET /api/membership-check', adminOnly, () => '/api/membership-check'),
  { route: 'POST /api/membership-check/end-at-closing', allowed: adminOnly, readsNothing: true, request: () => ({ method: 'POST', path: '/api/membership-check/end-at-closing' }) },
  { route: 'POST /api/groups/{id}/members', allowed: adminOnly, request: async (_r, ids) => ({ method: 'POST', path: `/api/groups/${await peerGroup(ids)}/members`, body: { practiceCodes: ['C82002'], startDate: '2018-01-01', endDate: null } }) },
  // The demo is loaded already: the admin is told so (200), and nothing is loaded twice.
  { route: 'POST /api/demo', allowed: adminOnly, readsNothing: true, request: () => ({ method: 'POST', path: '/api/demo' }) },
  {
    route: 'POST /api/imports/{kind}',
    allowed: adminOnly,
    wrongBodyHeard: { outcome: '2xx', why: 'an NHS file is read by a job after the answer (202), and its problems are the job’s' },
    request: () => ({ method: 'POST', path: '/api/imports/ods', body: fileForm('epraccur.csv', `${epraccurRow({ 1: 'C99001' })}\r\n`) }),
  },
  // A backup is for the CLI on the server's machine (its token), never a browser session: an admin's is refused too.
  get('GET /api/backup', [], () => '/api/backup'),
  get('GET /api/jobs/{id}', adminOnly, (ids) => `/api/jobs/${ids.jobId}`),
  get('GET /api/jobs/{id}/problems.csv', adminOnly, (ids) => `/api/jobs/${ids.jobId}/problems.csv`),
  get('GET /api/jobs', adminOnly, () => '/api/jobs'),
  get('GET /api/roles', adminOnly, () => '/api/roles'),
  get('GET /api/audit', adminOnly, () => '/api/audit'),
  get('GET /api/audit/export.{format}', adminOnly, () => '/api/audit/export.csv?recordType=practice'),
  get('GET /api/audit/record-types', adminOnly, () => '/api/audit/record-types'),
  get('GET /api/audit/seals', adminOnly, () => '/api/audit/seals'),
  get('GET /api/practices', signedIn, () => '/api/practices?commissioner=03W'),
  get('GET /api/practices/export.{format}', signedIn, () => '/api/practices/export.csv'),
  get('GET /api/practices/{id}', signedIn, (_ids, r) => `/api/practices/${practiceFor(r)}`),
  get('GET /api/practices/{id}/audit', adminOnly, (_ids, r) => `/api/practices/${practiceFor(r)}/audit`),
  {
    route: 'PATCH /api/practices/{id}',
    allowed: ['admin', 'pmOwn'],
    request: async (r, ids) => ({ method: 'PATCH', path: `/api/practices/${practiceFor(r)}`, body: { rowVersion: (await read(ids, `/api/practices/${practiceFor(r)}`)).rowVersion, notes: `by ${r}` } }),
  },
];

const programme: Case[] = [
  { route: 'POST /api/programme/work-plan-import', allowed: adminOnly, request: (r) => ({ method: 'POST', path: '/api/programme/work-plan-import', body: fileForm('plan.csv', 'id,tasks,time\n1.1,A task,Nov 16\n', { planName: unique(r), asOf: '2018-02-01' }) }) },
  { route: 'POST /api/programme/stp-import', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/programme/stp-import', body: fileForm('outcomes.csv', 'deliverable_id,work_area,outcome_descriptor\nN1,Access,Evening and weekend appointments\n') }) },
  get('GET /api/programme/work-plans/{id}/summary', signedIn, (ids) => `/api/programme/work-plans/${ids.programme['work-plans']}/summary`),
  get('GET /api/programme/tasks/{id}', signedIn, (ids) => `/api/programme/tasks/${ids.programme['plan-tasks']}`),
  { route: 'POST /api/programme/tasks/{id}/updates', allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/programme/tasks/${ids.programme['plan-tasks']}/updates`, body: { date: '2018-03-01', text: `Update by ${r}` } }) },
  get('GET /api/programme/stp-grid', signedIn, () => '/api/programme/stp-grid'),
  get('GET /api/programme/stp-grid/export.{format}', signedIn, () => '/api/programme/stp-grid/export.xlsx'),
];

const governance: Case[] = [
  get('GET /api/risks/heat-map', signedIn, () => '/api/risks/heat-map'),
  get('GET /api/risks/{id}/history', signedIn, (ids) => `/api/risks/${ids.riskId}/history`),
  get('GET /api/board-actions/{id}/updates', signedIn, (ids) => `/api/board-actions/${ids.actionId}/updates`),
  { route: 'POST /api/board-actions/{id}/updates', allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/board-actions/${ids.actionId}/updates`, body: { text: `Update by ${r}` } }) },
  get('GET /api/owners/match', signedIn, () => '/api/owners/match?text=JW%2FGC'),
  get('GET /api/policies/search', signedIn, () => '/api/policies/search?q=data'),
  { route: 'POST /api/policies/{id}/file', allowed: adminOnly, wrongBodyHeard: notADocument, request: (_r, ids) => ({ method: 'POST', path: `/api/policies/${ids.policyId}/file`, body: fileForm('policy.pdf', '%PDF-1.4 test') }) },
  get('GET /api/policies/{id}/file', signedIn, (ids) => `/api/policies/${ids.policyId}/file`),
  get('GET /api/policies/{id}/acknowledgements', signedIn, (ids) => `/api/policies/${ids.policyId}/acknowledgements`),
  // The GDPR policy asks Kibworth (C82001) and Market Harborough (C82009): the admin acknowledges for the one, Kibworth's manager for their own.
  { route: 'POST /api/policies/{id}/acknowledgements', allowed: ['admin', 'pmOwn'], request: (r, ids) => ({ method: 'POST', path: `/api/policies/${ids.policyId}/acknowledgements`, body: { practiceCode: r === 'admin' ? 'C82009' : practiceFor(r) } }) },
  get('GET /api/my-items', signedIn, () => '/api/my-items'),
  get('GET /api/my-items/export.{format}', signedIn, () => '/api/my-items/export.xlsx'),
  { route: 'POST /api/digest/send', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/digest/send', body: { dryRun: true } }) },
];

const schemes: Case[] = [
  get('GET /api/schemes/overview', signedIn, () => '/api/schemes/overview'),
  get('GET /api/schemes/practices-on', adminOnly, (ids) => `/api/schemes/practices-on?groupId=${ids.groupId}&on=2018-01-01`),
  { route: 'GET /api/schemes', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/schemes?status=approved' }) },
  get('GET /api/schemes/export.{format}', signedIn, () => '/api/schemes/export.csv'),
  get('GET /api/schemes/{id}', signedIn, (ids) => `/api/schemes/${ids.winterId}`),
  get('GET /api/schemes/{id}/audit', adminOnly, (ids) => `/api/schemes/${ids.winterId}/audit`),
  { route: 'POST /api/schemes', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/schemes', body: makeSchemeRequest() }) },
  {
    route: 'PATCH /api/schemes/{id}',
    allowed: adminOnly,
    request: async (r, ids) => {
      const { id, request } = await schemeToEdit(ids);
      return { method: 'PATCH', path: `/api/schemes/${id}`, body: { rowVersion: (await read(ids, `/api/schemes/${id}`)).rowVersion, definition: { ...request.definition, name: `Renamed by ${unique(r)}` } } };
    },
  },
  {
    route: 'POST /api/schemes/{id}/approve',
    allowed: adminOnly,
    request: async (_r, ids) => {
      const { id } = await schemeToApprove(ids);
      return { method: 'POST', path: `/api/schemes/${id}/approve`, body: { rowVersion: (await read(ids, `/api/schemes/${id}`)).rowVersion } };
    },
  },
  {
    route: 'PUT /api/schemes/{id}/returns-due',
    allowed: adminOnly,
    request: async (_r, ids) => {
      const id = await schemeDueBack(ids);
      return { method: 'PUT', path: `/api/schemes/${id}/returns-due`, body: { basedOn: (await read(ids, `/api/schemes/${id}`)).returnsDueOn, returnsDueOn: '2018-04-30' } };
    },
  },
  {
    route: 'PUT /api/schemes/{id}/settlement',
    allowed: adminOnly,
    request: async (_r, ids) => ({ method: 'PUT', path: `/api/schemes/${await schemeToSettle(ids)}/settlement`, body: { version: 1, invoiced: { on: '2018-05-15', reference: null }, paid: null, basedOn: { invoiced: null, paid: null } } }),
  },
  get('GET /api/schemes/{id}/versions', signedIn, (ids) => `/api/schemes/${ids.winterId}/versions`),
  get('GET /api/schemes/{id}/run', signedIn, (ids) => `/api/schemes/${ids.winterId}/run`),
  // A practice manager returns their own practice's activity, never another's; each sends the revision of the figures it replaces.
  {
    route: 'POST /api/schemes/{id}/delivered',
    allowed: ['admin', 'pmOwn'],
    request: async (r, ids) => {
      const practice = practiceFor(r);
      const basedOn = { [practice]: (await read(ids, `/api/schemes/${ids.winterId}/delivered`)).practiceRevisions[practice] };
      return { method: 'POST', path: `/api/schemes/${ids.winterId}/delivered`, body: { entries: [{ practice, takesPart: 'yes', units: { nurse: 208, gp: 0 } }], basedOn } };
    },
  },
  get('GET /api/schemes/{id}/delivered', signedIn, (ids) => `/api/schemes/${ids.winterId}/delivered`),
  {
    route: 'POST /api/schemes/{id}/hand-schedule',
    allowed: adminOnly,
    request: (_r, ids) => ({ method: 'POST', path: `/api/schemes/${ids.pharmacistsId}/hand-schedule`, body: { label: 'Spreadsheet', entries: ['2018/19', '2019/20', '2020/21', '2021/22'].map((year) => ({ year, amount: 100_000 })) } }),
  },
  get('GET /api/schemes/{id}/hand-schedule', adminOnly, (ids) => `/api/schemes/${ids.pharmacistsId}/hand-schedule`),
  get('GET /api/schemes/{id}/statements/{practiceCode}', ['admin', 'pmOwn', 'commissioner', 'clinician'], (ids, r) => `/api/schemes/${ids.winterId}/statements/${practiceFor(r)}`),
  get('GET /api/schemes/{id}/statements/{practiceCode}.pdf', ['admin', 'pmOwn', 'commissioner', 'clinician'], (ids, r) => `/api/schemes/${ids.winterId}/statements/${practiceFor(r)}.pdf`),
  get('GET /api/schemes/{id}/export.xlsx', signedIn, (ids) => `/api/schemes/${ids.winterId}/export.xlsx`),
  get('GET /api/practices/{code}/money', ['admin', 'pmOwn', 'commissioner'], (_ids, r) => `/api/practices/${practiceFor(r)}/money`),
];

const finance: Case[] = [
  get('GET /api/finance/export.xlsx', financeReaders, () => '/api/finance/export.xlsx?year=2018/19'),
  get('GET /api/finance/year-ends', financeReaders, () => '/api/finance/year-ends'),
  // A year of the 1800s of its own, ended long ago, so closing (anyway) or reopening it can succeed and touches no demo year.
  { route: 'POST /api/finance/year-ends/close', allowed: adminOnly, request: async (_r, ids) => ({ method: 'POST', path: '/api/finance/year-ends/close', body: { financialYear: await pastYear(ids), anyway: true } }) },
  {
    route: 'POST /api/finance/year-ends/reopen',
    allowed: adminOnly,
    request: async (_r, ids) => {
      const financialYear = await pastYear(ids);
      await created(ids, '/api/finance/year-ends/close', { financialYear, anyway: true });
      return { method: 'POST', path: '/api/finance/year-ends/reopen', body: { financialYear, reason: 'Permissions test' } };
    },
  },
  get('GET /api/finance/{report}', financeReaders, () => '/api/finance/ie?year=2018/19'),
  get('GET /api/finance/{report}/export.{format}', financeReaders, () => '/api/finance/cash-flow/export.csv?year=2018/19'),
  { route: 'POST /api/finance/import/{kind}', allowed: adminOnly, request: (r) => ({ method: 'POST', path: '/api/finance/import/savings', body: csv('scheme,financial_year,amount', `${unique(r)},2018/19,"£1,000"`) }) },
];

const contracts: Case[] = [
  get('GET /api/contract-register', contractReaders, () => '/api/contract-register?expiring=90'),
  get('GET /api/contract-register/export.{format}', contractReaders, () => '/api/contract-register/export.xlsx'),
  get('GET /api/contracts/{id}/overview', contractReaders, (ids) => `/api/contracts/${ids.contractId}/overview`),
  { route: 'POST /api/contracts/{id}/documents', allowed: adminOnly, wrongBodyHeard: notADocument, request: (_r, ids) => ({ method: 'POST', path: `/api/contracts/${ids.contractId}/documents`, body: fileForm('signed.pdf', '%PDF-1.4 test') }) },
  get('GET /api/contracts/{id}/documents/{documentId}', ['admin', 'commissioner'], (ids) => `/api/contracts/${ids.contractId}/documents/${ids.documentId}`),
  { route: 'DELETE /api/contracts/{id}/documents/{documentId}', allowed: adminOnly, request: async (_r, ids) => ({ method: 'DELETE', path: `/api/contracts/${ids.contractId}/documents/${await documentToRemove(ids)}` }) },
  { route: 'POST /api/contracts/{id}/sub-contracts', allowed: adminOnly, request: async (_r, ids) => ({ method: 'POST', path: `/api/contracts/${ids.contractId}/sub-contracts`, body: { practiceCodes: [await practiceNotUnderContract(ids)] } }) },
];

const funds: Case[] = [
  get('GET /api/fund-overview', contractReaders, () => '/api/fund-overview'),
  get('GET /api/fund-overview/export.{format}', contractReaders, () => '/api/fund-overview/export.csv'),
  get('GET /api/funds/{id}/export.xlsx', contractReaders, (ids) => `/api/funds/${ids.fundId}/export.xlsx`),
  get('GET /api/funds/{id}/report', contractReaders, (ids) => `/api/funds/${ids.fundId}/report`),
  {
    route: 'POST /api/funds/{id}/applications',
    allowed: ['admin', 'pmOwn'],
    request: (r, ids) => ({ method: 'POST', path: `/api/funds/${ids.fundId}/applications`, body: { practiceCode: practiceFor(r), title: `Bid by ${r}`, purpose: 'Test', lines: [{ description: 'Licence', amount: '£1' }] } }),
  },
  // Each reads their practice's application: Countesthorpe's is in another locality than Kibworth's manager reads.
  {
    route: 'GET /api/fund-applications/{id}',
    allowed: ['admin', 'pmOwn', 'commissioner'],
    hidden: ['pmOther'],
    request: async (r, ids) => ({ method: 'GET', path: `/api/fund-applications/${(await waitingApplication(ids, practiceFor(r))).id}` }),
  },
  {
    route: 'POST /api/fund-applications/{id}/decision',
    allowed: ['commissioner'],
    request: async (_r, ids) => {
      const { id, rowVersion } = await waitingApplication(ids, 'C82001');
      return { method: 'POST', path: `/api/fund-applications/${id}/decision`, body: { outcome: 'approve', decidedOn: '2018-08-15', rowVersion } };
    },
  },
  {
    route: 'POST /api/fund-applications/{id}/withdrawal',
    allowed: ['admin', 'pmOwn'],
    hidden: ['pmOther'],
    request: async (r, ids) => {
      const { id, rowVersion } = await waitingApplication(ids, practiceFor(r));
      return { method: 'POST', path: `/api/fund-applications/${id}/withdrawal`, body: { rowVersion } };
    },
  },
  { route: 'POST /api/fund-applications/{id}/drawdowns', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/fund-applications/${ids.applicationId}/drawdowns`, body: { amount: '£1', drawnOn: '2018-08-01', evidence: 'Invoice' } }) },
  {
    route: 'DELETE /api/fund-applications/{id}/drawdowns/{drawdownId}',
    allowed: adminOnly,
    request: async (_r, ids) => {
      const drawdownId = await drawdownToTakeBack(ids);
      const { rowVersion } = (await read(ids, `/api/fund-applications/${ids.applicationId}`)).application;
      return { method: 'DELETE', path: `/api/fund-applications/${ids.applicationId}/drawdowns/${drawdownId}?rowVersion=${rowVersion}` };
    },
  },
];

/** The quality dashboard (src/api/routes/quality.ts); its thresholds are records. */
function qualityCases(): Case[] {
  const view = 'indicator=QOF_PREV_AF&period=2023-03-31';
  return [
    get('GET /api/quality/indicators', signedIn, () => '/api/quality/indicators'),
    get('GET /api/quality/dashboard', signedIn, (ids) => `/api/quality/dashboard?${view}&group=${ids.groupId}`),
    get('GET /api/quality/dashboard/export.{format}', signedIn, (ids) => `/api/quality/dashboard/export.csv?${view}&group=${ids.groupId}`),
    get('GET /api/quality/funnel.svg', signedIn, (ids) => `/api/quality/funnel.svg?${view}&group=${ids.groupId}`),
    get('GET /api/quality/practices/{code}', signedIn, () => '/api/quality/practices/C82001?indicator=DNA_RATE'),
    get('GET /api/quality/practices/{code}/spc.svg', signedIn, () => '/api/quality/practices/C82001/spc.svg?indicator=DNA_RATE'),
    get('GET /api/quality/evaluation', signedIn, (ids) => `/api/quality/evaluation?indicator=DNA_RATE&group=${ids.groupId}&beforeFrom=2024-04-01&beforeTo=2025-03-01&afterFrom=2025-04-01&afterTo=2026-03-01`),
    // A review pack is a locality's (or a PCN's or peer group's), never the federation's.
    get('GET /api/quality/review-pack', signedIn, (ids) => `/api/quality/review-pack?locality=${ids.localityId}`),
    get('GET /api/quality/review-pack.xlsx', signedIn, (ids) => `/api/quality/review-pack.xlsx?locality=${ids.localityId}`),
  ];
}

/** Every route that is not one of the generic record routes. */
export const routeCases: Case[] = [...registry, ...programme, ...governance, ...schemes, ...finance, ...contracts, ...funds, ...qualityCases()];
