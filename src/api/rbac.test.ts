import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { epraccurRow, makeSchemeRequest } from '../../test/support/factories.js';

/**
 * Every endpoint × every role. The practice manager manages C82001 (Kibworth); "pm other" is the
 * same manager acting on C82002, a practice that is not theirs. Each row says who may call it;
 * everyone else must get 401 (signed out) or 403. A route the server has that this table lacks fails.
 */
type Role = 'anonymous' | 'admin' | 'pmOwn' | 'pmOther' | 'commissioner' | 'clinician';
const signedIn: Role[] = ['admin', 'pmOwn', 'pmOther', 'commissioner', 'clinician'];
const everyone: Role[] = ['anonymous', ...signedIn];
const adminOnly: Role[] = ['admin'];

interface Case {
  route: string;
  allowed: Role[];
  /** Refused roles the record is not there for (they cannot read it either): told 404, not 403. */
  hidden?: Role[];
  request: (role: Role, ids: Ids) => { method: string; path: string; body?: unknown };
}
interface Ids {
  jobId: string;
  groupId: number;
  membershipId: number;
  userId: number;
  personId: number;
  /** The demo's winter scheme (Kibworth C82001 and Countesthorpe C82002 take part) and pharmacist scheme. */
  winterId: number;
  pharmacistsId: number;
  /** The demo's work plan, one of its sections and tasks, and one of each STP record. */
  programme: Record<ProgrammeType, number>;
  version: (path: string) => Promise<number>;
  /** The demo's CBS contract (Kibworth C82001 holds a sub-contract), one of its sub-contracts and a document; the transformation fund and Oadby & Wigston's approved application. */
  contractId: number;
  subContractId: number;
  documentId: number;
  fundId: number;
  applicationId: number;
  drawdownId: number;
  /** Applications waiting for a decision, one for Kibworth (C82001, the manager's) and one for Countesthorpe (C82002). */
  practiceApplicationIds: Record<string, number>;
  /** The demo's governance records: a risk, the April 2018 meeting, a board action, the GDPR policy. */
  riskId: number;
  meetingId: number;
  actionId: number;
  policyId: number;
  /** One record of each finance type, by its URL name. */
  finance: Record<string, number>;
}

const programmeTypes = ['work-plans', 'plan-sections', 'plan-tasks', 'stp-deliverables', 'stp-actions', 'stp-milestones', 'stp-outcomes'] as const;
type ProgrammeType = (typeof programmeTypes)[number];

const practiceFor = (role: Role) => (role === 'pmOther' ? 'C82002' : 'C82001');
const csv = (header: string, row: string) => fileForm('rows.csv', `${header}\n${row}\n`);
let n = 0;
const unique = (role: Role) => `${role}-${++n}`;

const financeReaders: Role[] = ['admin', 'commissioner', 'clinician'];
/** A financial year no other case uses: 2101/02, 2102/03… */
const freshYear = () => {
  const start = 2100 + ++n;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
};
const financeTypes: Record<string, { readers: Role[]; body: (r: Role, ids: Ids) => Record<string, unknown>; header: string; row: (r: Role, ids: Ids) => string }> = {
  'finance-years': { readers: financeReaders, body: () => ({ financialYear: freshYear() }), header: 'financialYear', row: () => freshYear() },
  'income-streams': { readers: signedIn, body: (r) => ({ funder: 'NHS E', name: unique(r), status: 'potential' }), header: 'funder,name,status', row: (r) => `NHS E,${unique(r)},potential` },
  'income-stream-years': { readers: signedIn, body: (_r, ids) => ({ streamId: ids.finance['income-streams'], financialYear: freshYear(), amount: '£1' }), header: 'streamId,financialYear,amount', row: (_r, ids) => `${ids.finance['income-streams']},${freshYear()},1` },
  'ie-lines': { readers: financeReaders, body: (r) => ({ financialYear: '2018/19', section: 'potential', line: unique(r), amount: '1' }), header: 'financialYear,section,line,amount', row: (r) => `2018/19,potential,${unique(r)},1` },
  'running-costs': { readers: financeReaders, body: (r) => ({ financialYear: '2018/19', category: 'Other', line: unique(r), amount: '1' }), header: 'financialYear,category,line,amount', row: (r) => `2018/19,Other,${unique(r)},1` },
  'cost-savings': { readers: signedIn, body: (r) => ({ initiative: unique(r), financialYear: '2018/19', expected: '1' }), header: 'initiative,financialYear,expected', row: (r) => `${unique(r)},2018/19,1` },
};

/** The generic record routes of one record type: who reads, and admins for every change. */
function recordRouteCases(type: string, readers: Role[], id: (ids: Ids) => number, body: (r: Role, ids: Ids) => unknown, importFile: (r: Role, ids: Ids) => FormData): Case[] {
  return [
    { route: `GET /api/${type}`, allowed: readers, request: () => ({ method: 'GET', path: `/api/${type}` }) },
    { route: `GET /api/${type}/export.{format}`, allowed: readers, request: () => ({ method: 'GET', path: `/api/${type}/export.xlsx` }) },
    { route: `GET /api/${type}/{id}`, allowed: readers, request: (_r, ids) => ({ method: 'GET', path: `/api/${type}/${id(ids)}` }) },
    { route: `GET /api/${type}/{id}/audit`, allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/${type}/${id(ids)}/audit` }) },
    { route: `POST /api/${type}`, allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/${type}`, body: body(r, ids) }) },
    { route: `PATCH /api/${type}/{id}`, allowed: adminOnly, request: (_r, ids) => ({ method: 'PATCH', path: `/api/${type}/${id(ids)}`, body: { rowVersion: 99 } }) },
    { route: `DELETE /api/${type}/{id}`, allowed: adminOnly, request: (_r, ids) => ({ method: 'DELETE', path: `/api/${type}/${id(ids)}?rowVersion=99` }) },
    { route: `POST /api/${type}/import`, allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/${type}/import`, body: importFile(r, ids) }) },
  ];
}

const cases: Case[] = [
  { route: 'GET /api/health', allowed: everyone, request: () => ({ method: 'GET', path: '/api/health' }) },
  // Signed out, "who am I" answers { user: null } rather than 401 (api.test.ts).
  { route: 'GET /api/session', allowed: everyone, request: () => ({ method: 'GET', path: '/api/session' }) },
  { route: 'GET /api/practices/{code}/details', allowed: signedIn, request: (r) => ({ method: 'GET', path: `/api/practices/${practiceFor(r)}/details` }) },
  { route: 'GET /api/organisations', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/organisations?kind=pcn' }) },
  { route: 'GET /api/groups/{id}/summary', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/groups/${ids.groupId}/summary` }) },
  { route: 'GET /api/membership-check', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/membership-check' }) },
  { route: 'POST /api/membership-check/end-at-closing', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/membership-check/end-at-closing', body: {} }) },
  { route: 'POST /api/groups/{id}/members', allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/groups/${ids.groupId}/members`, body: { practiceCodes: ['C82002'], startDate: `20${10 + (n++ % 5)}-01-0${1 + (n % 8)}`, endDate: null } }) },
  { route: 'POST /api/demo', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/demo', body: {} }) },
  { route: 'POST /api/imports/{kind}', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/imports/ods', body: fileForm('epraccur.csv', `${epraccurRow({ 1: 'C99001' })}\r\n`) }) },
  // A backup is for the CLI on the server's machine (its token), never a browser session: an admin's is refused too.
  { route: 'GET /api/backup', allowed: [], request: () => ({ method: 'GET', path: '/api/backup' }) },
  { route: 'GET /api/jobs/{id}', allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/jobs/${ids.jobId}` }) },
  { route: 'GET /api/jobs/{id}/problems.csv', allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/jobs/${ids.jobId}/problems.csv` }) },
  { route: 'GET /api/jobs', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/jobs' }) },
  { route: 'GET /api/roles', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/roles' }) },
  { route: 'GET /api/audit', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/audit' }) },
  { route: 'GET /api/audit/export.{format}', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/audit/export.csv?recordType=practice' }) },
  { route: 'GET /api/audit/record-types', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/audit/record-types' }) },
  { route: 'GET /api/practices', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/practices?commissioner=03W' }) },
  { route: 'GET /api/practices/export.{format}', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/practices/export.csv' }) },
  { route: 'GET /api/practices/{id}', allowed: signedIn, request: (r) => ({ method: 'GET', path: `/api/practices/${practiceFor(r)}` }) },
  { route: 'GET /api/practices/{id}/audit', allowed: adminOnly, request: (r) => ({ method: 'GET', path: `/api/practices/${practiceFor(r)}/audit` }) },
  { route: 'PATCH /api/practices/{id}', allowed: ['admin', 'pmOwn'], request: (r) => ({ method: 'PATCH', path: `/api/practices/${practiceFor(r)}`, body: { rowVersion: 99, notes: `by ${r}` } }) },
  ...(['groups', 'memberships', 'users', 'people'] as const).flatMap((type): Case[] => {
    const readers = type === 'users' ? adminOnly : signedIn;
    const id = (ids: Ids) => ({ groups: ids.groupId, memberships: ids.membershipId, users: ids.userId, people: ids.personId })[type];
    const body = (r: Role, ids: Ids) =>
      ({
        groups: () => ({ name: unique(r), kind: 'peer_group' }),
        memberships: () => ({ groupId: ids.groupId, practiceCode: 'C82009', startDate: `19${10 + n++}-01-01`, endDate: `19${10 + n - 1}-12-31` }),
        users: () => ({ email: `${unique(r)}@example.nhs.uk`, name: 'New person', role: 'clinician', password: 'a long enough password' }),
        people: () => ({ name: unique(r) }),
      })[type]();
    const importFile = (r: Role, ids: Ids) =>
      ({
        groups: () => csv('name,kind', `${unique(r)},peer_group`),
        memberships: () => csv('groupId,practiceCode,startDate,endDate', `${ids.groupId},C82010,19${30 + n++}-01-01,19${30 + n - 1}-06-30`),
        users: () => csv('email,name,role,password', `${unique(r)}@example.nhs.uk,Someone,clinician,a long enough password`),
        people: () => csv('name,jobTitle', `${unique(r)},Practice manager`),
      })[type]();
    return recordRouteCases(type, readers, id, body, importFile);
  }),
  ...programmeTypes.flatMap((type): Case[] => {
    const body = (r: Role, ids: Ids): Record<string, unknown> =>
      ({
        'work-plans': { name: unique(r) },
        'plan-sections': { planId: ids.programme['work-plans'], ref: unique(r), title: 'New section' },
        'plan-tasks': { planId: ids.programme['work-plans'], sectionId: ids.programme['plan-sections'], ref: '9.9', description: unique(r), timeText: 'Q4 17/18' },
        'stp-deliverables': { ref: unique(r), kind: 'local', title: 'A new deliverable' },
        'stp-actions': { deliverableId: ids.programme['stp-deliverables'], ref: unique(r), title: 'A new action' },
        'stp-milestones': { deliverableId: ids.programme['stp-deliverables'], actionRefs: unique(r), period: '2019/20 H1' },
        'stp-outcomes': { deliverableId: ids.programme['stp-deliverables'], workArea: unique(r), descriptor: 'A new outcome' },
      })[type];
    const importFile = (r: Role, ids: Ids) => {
      const row = body(r, ids);
      return csv(Object.keys(row).join(','), Object.values(row).join(','));
    };
    return recordRouteCases(type, signedIn, (ids) => ids.programme[type], body, importFile);
  }),
  { route: 'POST /api/programme/work-plan-import', allowed: adminOnly, request: (r) => ({ method: 'POST', path: '/api/programme/work-plan-import', body: fileForm('plan.csv', 'id,tasks,time\n1.1,A task,Nov 16\n', { planName: unique(r), asOf: '2018-02-01' }) }) },
  { route: 'POST /api/programme/stp-import', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/programme/stp-import', body: fileForm('outcomes.csv', 'deliverable_id,work_area,outcome_descriptor\nN1,Access,Evening and weekend appointments\n') }) },
  { route: 'GET /api/programme/work-plans/{id}/summary', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/programme/work-plans/${ids.programme['work-plans']}/summary` }) },
  { route: 'GET /api/programme/tasks/{id}', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/programme/tasks/${ids.programme['plan-tasks']}` }) },
  { route: 'POST /api/programme/tasks/{id}/updates', allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/programme/tasks/${ids.programme['plan-tasks']}/updates`, body: { date: '2018-03-01', text: `Update by ${r}` } }) },
  { route: 'GET /api/programme/stp-grid', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/programme/stp-grid' }) },
  { route: 'GET /api/programme/stp-grid/export.{format}', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/programme/stp-grid/export.xlsx' }) },
  ...(['risks', 'meetings', 'board-actions', 'policies'] as const).flatMap((type): Case[] => {
    const id = (ids: Ids) => ({ risks: ids.riskId, meetings: ids.meetingId, 'board-actions': ids.actionId, policies: ids.policyId })[type];
    const body = (r: Role) =>
      ({
        risks: { ref: unique(r), risk: 'A risk', likelihood: 2, impact: 3 },
        meetings: { title: unique(r) },
        'board-actions': { ref: unique(r), action: 'An action', ownerText: 'JW' },
        policies: { title: unique(r), kind: 'policy', version: '1' },
      })[type];
    const importFile = (r: Role) =>
      ({
        risks: () => csv('id,risk,likelihood', `${unique(r)},A risk,M`),
        meetings: () => csv('title', unique(r)),
        'board-actions': () => csv('ref,action,owner,due,update,source_meeting', `${unique(r)},An action,JW,01/06/2018,Started,Board June 2018`),
        policies: () => csv('title,kind,version', `${unique(r)},template,1`),
      })[type]();
    return recordRouteCases(type, signedIn, id, body, importFile);
  }),
  { route: 'GET /api/risks/heat-map', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/risks/heat-map' }) },
  { route: 'GET /api/risks/{id}/history', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/risks/${ids.riskId}/history` }) },
  { route: 'GET /api/board-actions/{id}/updates', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/board-actions/${ids.actionId}/updates` }) },
  { route: 'POST /api/board-actions/{id}/updates', allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/board-actions/${ids.actionId}/updates`, body: { text: `Update by ${r}` } }) },
  { route: 'GET /api/owners/match', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/owners/match?text=JW%2FGC' }) },
  { route: 'GET /api/policies/search', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/policies/search?q=data' }) },
  { route: 'POST /api/policies/{id}/file', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/policies/${ids.policyId}/file`, body: fileForm('policy.pdf', '%PDF-1.4 test') }) },
  { route: 'GET /api/policies/{id}/file', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/policies/${ids.policyId}/file` }) },
  { route: 'GET /api/policies/{id}/acknowledgements', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/policies/${ids.policyId}/acknowledgements` }) },
  { route: 'POST /api/policies/{id}/acknowledgements', allowed: ['admin', 'pmOwn'], request: (r, ids) => ({ method: 'POST', path: `/api/policies/${ids.policyId}/acknowledgements`, body: { practiceCode: practiceFor(r) } }) },
  { route: 'GET /api/my-items', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/my-items' }) },
  { route: 'GET /api/my-items/export.{format}', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/my-items/export.xlsx' }) },
  { route: 'POST /api/digest/send', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/digest/send', body: { dryRun: true } }) },
  { route: 'GET /api/schemes', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/schemes?status=approved' }) },
  { route: 'GET /api/schemes/export.{format}', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/schemes/export.csv' }) },
  { route: 'GET /api/schemes/overview', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/schemes/overview' }) },
  { route: 'GET /api/schemes/practices-on', allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/practices-on?groupId=${ids.groupId}&on=2018-01-01` }) },
  { route: 'GET /api/schemes/{id}', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}` }) },
  { route: 'GET /api/schemes/{id}/audit', allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/audit` }) },
  { route: 'POST /api/schemes', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/schemes', body: makeSchemeRequest() }) },
  { route: 'PATCH /api/schemes/{id}', allowed: adminOnly, request: (_r, ids) => ({ method: 'PATCH', path: `/api/schemes/${ids.winterId}`, body: { rowVersion: 99, definition: makeSchemeRequest().definition } }) },
  { route: 'POST /api/schemes/{id}/approve', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/schemes/${ids.winterId}/approve`, body: { rowVersion: 99 } }) },
  { route: 'PUT /api/schemes/{id}/returns-due', allowed: adminOnly, request: (_r, ids) => ({ method: 'PUT', path: `/api/schemes/${ids.winterId}/returns-due`, body: { basedOn: '2000-01-01', returnsDueOn: '2018-04-30' } }) },
  // A stale basedOn: the admin is let in and refused with a conflict, so the demo's scheme is never marked invoiced.
  {
    route: 'PUT /api/schemes/{id}/settlement',
    allowed: adminOnly,
    request: (_r, ids) => ({ method: 'PUT', path: `/api/schemes/${ids.winterId}/settlement`, body: { version: 1, invoiced: { on: '2018-05-15', reference: null }, paid: null, basedOn: { invoiced: { on: '2018-05-01', reference: null }, paid: null } } }),
  },
  { route: 'GET /api/schemes/{id}/versions', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/versions` }) },
  { route: 'GET /api/schemes/{id}/run', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/run` }) },
  // A practice manager returns their own practice's activity, never another's.
  { route: 'POST /api/schemes/{id}/delivered', allowed: ['admin', 'pmOwn'], request: (r, ids) => ({ method: 'POST', path: `/api/schemes/${ids.winterId}/delivered`, body: { entries: [{ practice: practiceFor(r), takesPart: 'yes', units: { nurse: 208, gp: 0 } }] } }) },
  { route: 'GET /api/schemes/{id}/delivered', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/delivered` }) },
  {
    route: 'POST /api/schemes/{id}/hand-schedule',
    allowed: adminOnly,
    request: (_r, ids) => ({ method: 'POST', path: `/api/schemes/${ids.pharmacistsId}/hand-schedule`, body: { label: 'Spreadsheet', entries: ['2018/19', '2019/20', '2020/21', '2021/22'].map((year) => ({ year, amount: 100_000 })) } }),
  },
  { route: 'GET /api/schemes/{id}/hand-schedule', allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.pharmacistsId}/hand-schedule` }) },
  { route: 'GET /api/schemes/{id}/statements/{practiceCode}', allowed: ['admin', 'pmOwn', 'commissioner', 'clinician'], request: (r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/statements/${practiceFor(r)}` }) },
  { route: 'GET /api/schemes/{id}/statements/{practiceCode}.pdf', allowed: ['admin', 'pmOwn', 'commissioner', 'clinician'], request: (r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/statements/${practiceFor(r)}.pdf` }) },
  { route: 'GET /api/schemes/{id}/export.xlsx', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/export.xlsx` }) },
  ...Object.entries(financeTypes).flatMap(([type, t]) => recordRouteCases(type, t.readers, (ids) => ids.finance[type]!, t.body, (r, ids) => csv(t.header, t.row(r, ids)))),
  { route: 'GET /api/practices/{code}/money', allowed: ['admin', 'pmOwn', 'commissioner'], request: (r) => ({ method: 'GET', path: `/api/practices/${practiceFor(r)}/money` }) },
  { route: 'GET /api/finance/export.xlsx', allowed: financeReaders, request: () => ({ method: 'GET', path: '/api/finance/export.xlsx?year=2018/19' }) },
  { route: 'GET /api/finance/{report}', allowed: financeReaders, request: () => ({ method: 'GET', path: '/api/finance/ie?year=2018/19' }) },
  { route: 'GET /api/finance/{report}/export.{format}', allowed: financeReaders, request: () => ({ method: 'GET', path: '/api/finance/cash-flow/export.csv?year=2018/19' }) },
  { route: 'POST /api/finance/import/{kind}', allowed: adminOnly, request: (r) => ({ method: 'POST', path: '/api/finance/import/savings', body: csv('scheme,financial_year,amount', `${unique(r)},2018/19,"£1,000"`) }) },
  ...(['contracts', 'sub-contracts', 'funds'] as const).flatMap((type): Case[] => {
    const readers: Role[] = ['admin', 'pmOwn', 'pmOther', 'commissioner'];
    const id = (ids: Ids) => (type === 'contracts' ? ids.contractId : type === 'funds' ? ids.fundId : ids.subContractId);
    const body = (r: Role, ids: Ids) =>
      type === 'contracts'
        ? { title: unique(r), commissioner: 'Leicestershire County Council', parties: 'LCC; the federation', footprintGroupId: ids.groupId, startDate: '2019-04-01', valueBasis: 'total', value: '£1,000' }
        : type === 'funds'
          ? { name: unique(r), commissioner: 'NHS England', footprintGroupId: ids.groupId, listSnapshotDate: '2018-01-01', rates: '2018/19: £3' }
          : { contractId: ids.contractId, practiceCode: 'C82056', sharePercent: 95 };
    const importFile = (r: Role, ids: Ids) =>
      type === 'contracts'
        ? csv('title,commissioner,parties,footprintGroupId,startDate,valueBasis', `${unique(r)},LCC,LCC,${ids.groupId},2019-04-01,total`)
        : type === 'funds'
          ? csv('name,commissioner,footprintGroupId,listSnapshotDate,rates', `${unique(r)},NHSE,${ids.groupId},2018-01-01,2018/19: £1`)
          : csv('contractId,practiceCode,sharePercent', `${ids.contractId},C82055,95`);
    return recordRouteCases(type, readers, id, body, importFile);
  }),
  { route: 'GET /api/contract-register', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: () => ({ method: 'GET', path: '/api/contract-register?expiring=90' }) },
  { route: 'GET /api/contract-register/export.{format}', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: () => ({ method: 'GET', path: '/api/contract-register/export.xlsx' }) },
  { route: 'GET /api/contracts/{id}/overview', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: (_r, ids) => ({ method: 'GET', path: `/api/contracts/${ids.contractId}/overview` }) },
  { route: 'POST /api/contracts/{id}/documents', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/contracts/${ids.contractId}/documents`, body: fileForm('signed.pdf', '%PDF-1.4 test') }) },
  { route: 'GET /api/contracts/{id}/documents/{documentId}', allowed: ['admin', 'commissioner'], request: (_r, ids) => ({ method: 'GET', path: `/api/contracts/${ids.contractId}/documents/${ids.documentId}` }) },
  { route: 'GET /api/fund-overview', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: () => ({ method: 'GET', path: '/api/fund-overview' }) },
  { route: 'GET /api/fund-overview/export.{format}', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: () => ({ method: 'GET', path: '/api/fund-overview/export.csv' }) },
  { route: 'GET /api/funds/{id}/export.xlsx', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: (_r, ids) => ({ method: 'GET', path: `/api/funds/${ids.fundId}/export.xlsx` }) },
  { route: 'GET /api/funds/{id}/report', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: (_r, ids) => ({ method: 'GET', path: `/api/funds/${ids.fundId}/report` }) },
  {
    route: 'POST /api/funds/{id}/applications',
    allowed: ['admin', 'pmOwn'],
    request: (r, ids) => ({ method: 'POST', path: `/api/funds/${ids.fundId}/applications`, body: { practiceCode: practiceFor(r), title: `Bid by ${r}`, purpose: 'Test', lines: [{ description: 'Licence', amount: '£1' }] } }),
  },
  { route: 'GET /api/fund-applications/{id}', allowed: ['admin', 'pmOwn', 'pmOther', 'commissioner'], request: (_r, ids) => ({ method: 'GET', path: `/api/fund-applications/${ids.applicationId}` }) },
  { route: 'POST /api/fund-applications/{id}/decision', allowed: ['commissioner'], request: (_r, ids) => ({ method: 'POST', path: `/api/fund-applications/${ids.applicationId}/decision`, body: { outcome: 'approve', rowVersion: 99 } }) },
  // A stale rowVersion: whoever may withdraw gets the conflict (nothing is withdrawn), everyone else is refused first.
  // Countesthorpe's application is in another locality than Kibworth's manager reads.
  { route: 'POST /api/fund-applications/{id}/withdrawal', allowed: ['admin', 'pmOwn'], hidden: ['pmOther'], request: (r, ids) => ({ method: 'POST', path: `/api/fund-applications/${ids.practiceApplicationIds[practiceFor(r)]}/withdrawal`, body: { rowVersion: 99 } }) },
  // A stale rowVersion: the admin gets the conflict (nothing is taken back), everyone else is refused first.
  { route: 'DELETE /api/fund-applications/{id}/drawdowns/{drawdownId}', allowed: adminOnly, request: (_r, ids) => ({ method: 'DELETE', path: `/api/fund-applications/${ids.applicationId}/drawdowns/${ids.drawdownId}?rowVersion=99` }) },
  // Kibworth is under the contract already: the admin hears so (nothing is added), everyone else is refused first.
  { route: 'POST /api/contracts/{id}/sub-contracts', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/contracts/${ids.contractId}/sub-contracts`, body: { practiceCodes: ['C82001'] } }) },
  { route: 'POST /api/fund-applications/{id}/drawdowns', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/fund-applications/${ids.applicationId}/drawdowns`, body: { amount: '£1', drawnOn: '2018-08-01', evidence: 'Invoice' } }) },
  ...qualityCases(),
];

/** The quality dashboard (src/api/routes/quality.ts) and thresholds (generic record routes). */
function qualityCases(): Case[] {
  const view = 'indicator=QOF_PREV_AF&period=2023-03-31';
  const get = (route: string, path: (ids: Ids) => string, allowed = signedIn): Case => ({ route, allowed, request: (_r, ids) => ({ method: 'GET', path: path(ids) }) });
  return [
    get('GET /api/quality/indicators', () => '/api/quality/indicators'),
    get('GET /api/quality/dashboard', (ids) => `/api/quality/dashboard?${view}&group=${ids.groupId}`),
    get('GET /api/quality/dashboard/export.{format}', (ids) => `/api/quality/dashboard/export.csv?${view}&group=${ids.groupId}`),
    get('GET /api/quality/funnel.svg', (ids) => `/api/quality/funnel.svg?${view}&group=${ids.groupId}`),
    get('GET /api/quality/practices/{code}', () => '/api/quality/practices/C82001?indicator=DNA_RATE'),
    get('GET /api/quality/practices/{code}/spc.svg', () => '/api/quality/practices/C82001/spc.svg?indicator=DNA_RATE'),
    get('GET /api/quality/evaluation', (ids) => `/api/quality/evaluation?indicator=DNA_RATE&group=${ids.groupId}&beforeFrom=2024-04-01&beforeTo=2025-03-01&afterFrom=2025-04-01&afterTo=2026-03-01`),
    get('GET /api/quality/review-pack', (ids) => `/api/quality/review-pack?locality=${ids.groupId}`),
    get('GET /api/quality/review-pack.xlsx', (ids) => `/api/quality/review-pack.xlsx?locality=${ids.groupId}`),
    get('GET /api/thresholds', () => '/api/thresholds'),
    get('GET /api/thresholds/export.{format}', () => '/api/thresholds/export.csv'),
    get('GET /api/thresholds/{id}', () => '/api/thresholds/1'),
    get('GET /api/thresholds/{id}/audit', () => '/api/thresholds/1/audit', adminOnly),
    { route: 'POST /api/thresholds', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/thresholds', body: { indicatorCode: 'QOF_PREV_AF', minimum: 1 } }) },
    { route: 'PATCH /api/thresholds/{id}', allowed: adminOnly, request: () => ({ method: 'PATCH', path: '/api/thresholds/1', body: { rowVersion: 99 } }) },
    { route: 'DELETE /api/thresholds/{id}', allowed: adminOnly, request: () => ({ method: 'DELETE', path: '/api/thresholds/1?rowVersion=99' }) },
    { route: 'POST /api/thresholds/import', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/thresholds/import', body: csv('indicatorCode,minimum', 'QOF_PREV_AF,2') }) },
  ];
}

describe('permissions: every endpoint × every role', () => {
  let server: TestServer;
  const clients = {} as Record<Role, ApiClient>;
  const ids = {} as Ids;

  beforeAll(async () => {
    server = await startTestServer();
    clients.anonymous = new ApiClient(server.baseUrl);
    clients.admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    clients.pmOwn = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    clients.pmOther = clients.pmOwn;
    clients.commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
    clients.clinician = await ApiClient.signIn(server.baseUrl, demoUser('clinician').email, demoUser('clinician').password);
    const job = await clients.admin.request('GET', '/api/jobs');
    const started = await clients.admin.request('POST', '/api/imports/ods', fileForm('epraccur.csv', `${epraccurRow()}\r\n`));
    ids.jobId = started.body.id ?? job.body.items[0]?.id;
    const groups = await clients.admin.request('GET', '/api/groups?kind=federation');
    ids.groupId = groups.body.items[0].id;
    ids.membershipId = (await clients.admin.request('GET', '/api/memberships?pageSize=1')).body.items[0].id;
    ids.userId = (await clients.admin.request('GET', '/api/users?pageSize=1')).body.items[0].id;
    ids.personId = (await clients.admin.request('POST', '/api/people', { name: 'Permissions test person', initials: 'PTP' })).body.id;
    ids.winterId = (await clients.admin.request('GET', '/api/schemes?slug=winter-access-2017-18')).body.items[0].id;
    ids.riskId = (await clients.admin.request('GET', '/api/risks?ref=1')).body.items[0].id;
    ids.meetingId = (await clients.admin.request('GET', '/api/meetings?pageSize=1')).body.items[0].id;
    ids.actionId = (await clients.admin.request('GET', '/api/board-actions?ref=1')).body.items[0].id;
    ids.policyId = (await clients.admin.request('GET', '/api/policies?pageSize=1')).body.items[0].id;
    ids.pharmacistsId = (await clients.admin.request('GET', '/api/schemes?slug=clinical-pharmacists-2018')).body.items[0].id;
    ids.programme = {} as Ids['programme'];
    for (const type of programmeTypes) ids.programme[type] = (await clients.admin.request('GET', `/api/${type}?pageSize=1`)).body.items[0].id;
    ids.finance = {};
    for (const type of Object.keys(financeTypes)) ids.finance[type] = (await clients.admin.request('GET', `/api/${type}?pageSize=1`)).body.items[0].id;
    ids.contractId = (await clients.admin.request('GET', '/api/contracts?reference=LCC-CBS-2017')).body.items[0].id;
    ids.subContractId = (await clients.admin.request('GET', `/api/sub-contracts?contractId=${ids.contractId}&pageSize=1`)).body.items[0].id;
    ids.documentId = (await clients.admin.request('POST', `/api/contracts/${ids.contractId}/documents`, fileForm('signed.pdf', '%PDF-1.4 test'))).body.id;
    ids.fundId = (await clients.admin.request('GET', '/api/funds?q=ELR%20transformation')).body.items[0].id;
    ids.applicationId = (await clients.admin.request('GET', `/api/funds/${ids.fundId}/report`)).body.applications.find((a: { status: string }) => a.status === 'approved').id;
    ids.drawdownId = (await clients.admin.request('GET', `/api/fund-applications/${ids.applicationId}`)).body.drawdowns[0].id;
    ids.practiceApplicationIds = {};
    for (const practiceCode of ['C82001', 'C82002']) {
      const body = { practiceCode, title: `Waiting bid for ${practiceCode}`, purpose: 'Test', lines: [{ description: 'Licence', amount: '£1' }] };
      ids.practiceApplicationIds[practiceCode] = (await clients.admin.request('POST', `/api/funds/${ids.fundId}/applications`, body)).body.id;
    }
  });
  afterAll(() => server?.close());

  it('has a row for every route the server registers', async () => {
    const spec = (await clients.anonymous.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const registered = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...cases.map((c) => c.route), 'POST /api/session', 'DELETE /api/session']);
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const testCase of cases) {
    it(`${testCase.route}: allowed for ${testCase.allowed.join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, string> = {};
      for (const role of everyone) {
        const { method, path, body } = testCase.request(role, ids);
        const response = await clients[role].request(method, path, body);
        outcomes[role] = response.status;
        const allowed = testCase.allowed.includes(role);
        const hidden = testCase.hidden?.includes(role);
        expected[role] = allowed ? (response.status === 401 || response.status === 403 || response.status >= 500 ? 'allowed' : String(response.status)) : role === 'anonymous' ? '401' : hidden ? '404' : '403';
        if (!allowed) expect(response.body).toMatchObject({ error: role === 'anonymous' ? 'unauthenticated' : hidden ? 'not_found' : 'forbidden' });
      }
      expect(Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [k, String(v)]))).toEqual(expected);
    });
  }

  // Someone who may not make this change at all is told so before what they sent is read: a
  // commissioner posting a wrong body hears 403, not which fields are missing. The practice manager
  // acting on another practice is left out where they may act on their own: they may use the route,
  // so their wrong body is a 400.
  for (const testCase of cases.filter((c) => /^(POST|PUT|PATCH|DELETE) /.test(c.route))) {
    const refused = signedIn.filter((role) => !testCase.allowed.includes(role) && !(role === 'pmOther' && testCase.allowed.includes('pmOwn')));
    if (refused.length === 0) continue;
    it(`${testCase.route}: a wrong body from ${refused.join(', ')} is refused as forbidden, not read`, async () => {
      const outcomes: Record<string, number> = {};
      for (const role of refused) {
        const { method, path, body } = testCase.request(role, ids);
        const wrong = body instanceof FormData ? fileForm('wrong.txt', 'not what the route reads') : body === undefined ? undefined : { wrong: true };
        outcomes[role] = (await clients[role].request(method, path, wrong)).status;
      }
      expect(outcomes).toEqual(Object.fromEntries(refused.map((role) => [role, 403])));
    });
  }
});
