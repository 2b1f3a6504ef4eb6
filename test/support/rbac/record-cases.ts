import { adminOnly, type Case, contractReaders, created, csv, financeReaders, type Ids, next, once, programmeTypes, type ProgrammeType, read, type Role, signedIn, unique } from './cases.js';

/** One record type's rows of the table: who reads it, and requests for each route that can succeed for an admin. */
interface RecordTypeCases {
  readers: Role[];
  /** A record the demo holds, to read. */
  id: (ids: Ids) => number;
  /** A new record, kept apart from every other case's. */
  body: (role: Role, ids: Ids) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** A real change to a record made from `body`. */
  change: (role: Role, record: Record<string, any>) => Record<string, unknown>;
  importFile: (role: Role, ids: Ids) => FormData | Promise<FormData>;
}

/** The generic record routes of one record type: who reads, and admins for every change. */
function recordRouteCases(type: string, t: RecordTypeCases): Case[] {
  // A record made for the case to change, and another to delete: the demo's own have dependents or are read by other cases.
  const make = (ids: Ids) => Promise.resolve(t.body('admin', ids)).then((body) => created(ids, `/api/${type}`, body));
  const toChange = once(make);
  const toDelete = once(make);
  const rowVersionOf = async (ids: Ids, id: number): Promise<number> => (await read(ids, `/api/${type}/${id}`)).rowVersion;
  const get = (route: string, allowed: Role[], path: (ids: Ids) => string): Case => ({ route: `GET /api/${type}${route}`, allowed, request: (_r, ids) => ({ method: 'GET', path: path(ids) }) });
  return [
    get('', t.readers, () => `/api/${type}`),
    get('/export.{format}', t.readers, () => `/api/${type}/export.xlsx`),
    get('/{id}', t.readers, (ids) => `/api/${type}/${t.id(ids)}`),
    get('/{id}/audit', adminOnly, (ids) => `/api/${type}/${t.id(ids)}/audit`),
    { route: `POST /api/${type}`, allowed: adminOnly, request: async (r, ids) => ({ method: 'POST', path: `/api/${type}`, body: await t.body(r, ids) }) },
    {
      route: `PATCH /api/${type}/{id}`,
      allowed: adminOnly,
      request: async (r, ids) => {
        const record = await toChange(ids);
        return { method: 'PATCH', path: `/api/${type}/${record.id}`, body: { rowVersion: await rowVersionOf(ids, record.id), ...t.change(r, record) } };
      },
    },
    {
      route: `DELETE /api/${type}/{id}`,
      allowed: adminOnly,
      request: async (_r, ids) => {
        const record = await toDelete(ids);
        return { method: 'DELETE', path: `/api/${type}/${record.id}?rowVersion=${await rowVersionOf(ids, record.id)}` };
      },
    },
    { route: `POST /api/${type}/import`, allowed: adminOnly, request: async (r, ids) => ({ method: 'POST', path: `/api/${type}/import`, body: await t.importFile(r, ids) }) },
  ];
}

/** The first of `candidates` that no record listed at `path` holds in `field`: a practice not yet under a contract, an indicator with no thresholds. */
export async function freeOf(ids: Ids, path: string, field: string, candidates: readonly string[]): Promise<string> {
  const taken = new Set((await read(ids, path)).items.map((item: Record<string, unknown>) => item[field]));
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (!free) throw new Error(`setting up: every one of ${candidates.join(', ')} is taken at ${path}`);
  return free;
}

/** Federation practices the demo's CBS contract does not hold, to put under it. */
const notUnderContract = ['C82056', 'C82044', 'C82631', 'C82066', 'C82039', 'C82016', 'C82068', 'C82112', 'C82079', 'C82022', 'C82109', 'C82055'] as const;
export const practiceNotUnderContract = (ids: Ids) => freeOf(ids, `/api/sub-contracts?contractId=${ids.contractId}&pageSize=100`, 'practiceCode', notUnderContract);
const qofIndicators = ['QOF_PREV_AF', 'QOF_PREV_AST', 'QOF_PREV_CAN', 'QOF_PREV_CKD', 'QOF_PREV_COPD', 'QOF_PREV_DEM', 'QOF_PREV_DEP', 'QOF_PREV_DM', 'QOF_PREV_EP', 'QOF_PREV_HF'] as const;
const indicatorWithoutThresholds = (ids: Ids) => freeOf(ids, '/api/thresholds?pageSize=100', 'indicatorCode', qofIndicators);

/** A financial year no other case uses: 2101/02, 2102/03… */
const freshYear = () => {
  const start = 2100 + next();
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
};
/** A year of the 1900s no other membership uses, long before the federation's. */
let membershipYear = 1900;
/** An income stream of its own, so an amount for a year of the plan is not one it has already. */
const freshStream = async (r: Role, ids: Ids) => (await created(ids, '/api/income-streams', { funder: 'NHS E', name: unique(r), status: 'potential' })).id as number;

/** A row of the CSV a record type imports, from the same fields its body sends. */
const csvOf = (body: Record<string, unknown>) => csv(Object.keys(body).join(','), Object.values(body).join(','));

const registryTypes: Record<string, RecordTypeCases> = {
  groups: { readers: signedIn, id: (ids) => ids.groupId, body: (r) => ({ name: unique(r), kind: 'peer_group' }), change: (r) => ({ name: unique(r) }), importFile: (r) => csv('name,kind', `${unique(r)},peer_group`) },
  memberships: {
    readers: signedIn,
    id: (ids) => ids.membershipId,
    body: (_r, ids) => ({ groupId: ids.groupId, practiceCode: 'C82009', startDate: `${++membershipYear}-01-01`, endDate: `${membershipYear}-12-31` }),
    change: (_r, record) => ({ endDate: `${String(record.startDate).slice(0, 4)}-06-30` }),
    importFile: (_r, ids) => csv('groupId,practiceCode,startDate,endDate', `${ids.groupId},C82010,${++membershipYear}-01-01,${membershipYear}-06-30`),
  },
  users: {
    readers: adminOnly,
    id: (ids) => ids.userId,
    body: (r) => ({ email: `${unique(r)}@example.nhs.uk`, name: 'New person', role: 'clinician', password: 'a long enough password' }),
    change: (r) => ({ name: unique(r) }),
    importFile: (r) => csv('email,name,role,password', `${unique(r)}@example.nhs.uk,Someone,clinician,a long enough password`),
  },
  people: { readers: signedIn, id: (ids) => ids.personId, body: (r) => ({ name: unique(r) }), change: (r) => ({ name: unique(r) }), importFile: (r) => csv('name,jobTitle', `${unique(r)},Practice manager`) },
};

const programmeBodies: Record<ProgrammeType, (r: Role, ids: Ids) => Record<string, unknown>> = {
  'work-plans': (r) => ({ name: unique(r) }),
  'plan-sections': (r, ids) => ({ planId: ids.programme['work-plans'], ref: unique(r), title: 'New section' }),
  'plan-tasks': (r, ids) => ({ planId: ids.programme['work-plans'], sectionId: ids.programme['plan-sections'], ref: `9.${next()}`, description: unique(r), timeText: 'Q4 17/18' }),
  'stp-deliverables': (r) => ({ ref: unique(r), kind: 'local', title: 'A new deliverable' }),
  'stp-actions': (r, ids) => ({ deliverableId: ids.programme['stp-deliverables'], ref: unique(r), title: 'A new action' }),
  'stp-milestones': (r, ids) => ({ deliverableId: ids.programme['stp-deliverables'], actionRefs: unique(r), period: '2019/20 H1' }),
  'stp-outcomes': (r, ids) => ({ deliverableId: ids.programme['stp-deliverables'], workArea: unique(r), descriptor: 'A new outcome' }),
};
const programmeChanges: Record<ProgrammeType, string> = { 'work-plans': 'name', 'plan-sections': 'title', 'plan-tasks': 'description', 'stp-deliverables': 'title', 'stp-actions': 'title', 'stp-milestones': 'actionRefs', 'stp-outcomes': 'descriptor' };
const programmeTypeCases = Object.fromEntries(
  programmeTypes.map((type): [string, RecordTypeCases] => [
    type,
    { readers: signedIn, id: (ids) => ids.programme[type], body: programmeBodies[type], change: (r) => ({ [programmeChanges[type]]: unique(r) }), importFile: (r, ids) => csvOf(programmeBodies[type](r, ids)) },
  ]),
);

const governanceTypes: Record<string, RecordTypeCases> = {
  risks: { readers: signedIn, id: (ids) => ids.riskId, body: (r) => ({ ref: unique(r), risk: 'A risk', likelihood: 2, impact: 3 }), change: (r) => ({ risk: unique(r) }), importFile: (r) => csv('id,risk,likelihood', `${unique(r)},A risk,M`) },
  meetings: { readers: signedIn, id: (ids) => ids.meetingId, body: (r) => ({ title: unique(r) }), change: (r) => ({ title: unique(r) }), importFile: (r) => csv('title', unique(r)) },
  'board-actions': {
    readers: signedIn,
    id: (ids) => ids.actionId,
    body: (r) => ({ ref: unique(r), action: 'An action', ownerText: 'JW' }),
    change: (r) => ({ action: unique(r) }),
    importFile: (r) => csv('ref,action,owner,due,update,source_meeting', `${unique(r)},An action,JW,01/06/2018,Started,Board June 2018`),
  },
  policies: { readers: signedIn, id: (ids) => ids.policyId, body: (r) => ({ title: unique(r), kind: 'policy', version: '1' }), change: (r) => ({ title: unique(r) }), importFile: (r) => csv('title,kind,version', `${unique(r)},template,1`) },
};

const financeTypes: Record<string, Omit<RecordTypeCases, 'id'>> = {
  'finance-years': { readers: financeReaders, body: () => ({ financialYear: freshYear() }), change: (r) => ({ notes: unique(r) }), importFile: () => csv('financialYear', freshYear()) },
  'income-streams': { readers: signedIn, body: (r) => ({ funder: 'NHS E', name: unique(r), status: 'potential' }), change: (r) => ({ name: unique(r) }), importFile: (r) => csv('funder,name,status', `NHS E,${unique(r)},potential`) },
  'income-stream-years': {
    readers: signedIn,
    body: async (r, ids) => ({ streamId: await freshStream(r, ids), financialYear: '2018/19', amount: '£1' }),
    change: () => ({ amount: '£2' }),
    importFile: async (r, ids) => csv('streamId,financialYear,amount', `${await freshStream(r, ids)},2018/19,1`),
  },
  'ie-lines': { readers: financeReaders, body: (r) => ({ financialYear: '2018/19', section: 'potential', line: unique(r), amount: '1' }), change: (r) => ({ line: unique(r) }), importFile: (r) => csv('financialYear,section,line,amount', `2018/19,potential,${unique(r)},1`) },
  'running-costs': { readers: financeReaders, body: (r) => ({ financialYear: '2018/19', category: 'Other', line: unique(r), amount: '1' }), change: (r) => ({ line: unique(r) }), importFile: (r) => csv('financialYear,category,line,amount', `2018/19,Other,${unique(r)},1`) },
  'cost-savings': { readers: signedIn, body: (r) => ({ initiative: unique(r), financialYear: '2018/19', expected: '1' }), change: (r) => ({ initiative: unique(r) }), importFile: (r) => csv('initiative,financialYear,expected', `${unique(r)},2018/19,1`) },
};

const contractTypes: Record<string, RecordTypeCases> = {
  contracts: {
    readers: contractReaders,
    id: (ids) => ids.contractId,
    body: (r, ids) => ({ title: unique(r), commissioner: 'Leicestershire County Council', parties: 'LCC; the federation', footprintGroupId: ids.groupId, startDate: '2019-04-01', valueBasis: 'total', value: '£1,000' }),
    change: (r) => ({ title: unique(r) }),
    importFile: (r, ids) => csv('title,commissioner,parties,footprintGroupId,startDate,valueBasis', `${unique(r)},LCC,LCC,${ids.groupId},2019-04-01,total`),
  },
  'sub-contracts': {
    readers: contractReaders,
    id: (ids) => ids.subContractId,
    body: async (_r, ids) => ({ contractId: ids.contractId, practiceCode: await practiceNotUnderContract(ids), sharePercent: 95 }),
    change: () => ({ signedDate: '2018-04-01' }),
    importFile: async (_r, ids) => csv('contractId,practiceCode,sharePercent', `${ids.contractId},${await practiceNotUnderContract(ids)},95`),
  },
  funds: {
    readers: contractReaders,
    id: (ids) => ids.fundId,
    body: (r, ids) => ({ name: unique(r), commissioner: 'NHS England', footprintGroupId: ids.groupId, listSnapshotDate: '2018-01-01', rates: '2018/19: £3' }),
    change: (r) => ({ name: unique(r) }),
    importFile: (r, ids) => csv('name,commissioner,footprintGroupId,listSnapshotDate,rates', `${unique(r)},NHSE,${ids.groupId},2018-01-01,2018/19: £1`),
  },
  // The quality dashboard's thresholds, one set per indicator.
  thresholds: {
    readers: signedIn,
    id: () => 1,
    body: async (_r, ids) => ({ indicatorCode: await indicatorWithoutThresholds(ids), minimum: 1 }),
    change: (r) => ({ note: unique(r) }),
    importFile: async (_r, ids) => csv('indicatorCode,minimum', `${await indicatorWithoutThresholds(ids)},2`),
  },
};

/** Every record type's generic routes: list, export, get, audit, create, change, delete and import. */
export const recordCases: Case[] = [
  ...Object.entries({ ...registryTypes, ...programmeTypeCases, ...governanceTypes, ...contractTypes }).flatMap(([type, t]) => recordRouteCases(type, t)),
  ...Object.entries(financeTypes).flatMap(([type, t]) => recordRouteCases(type, { ...t, id: (ids) => ids.finance[type]! })),
];
