import type { ApiClient } from '../api.js';
import { fileForm } from '../api.js';

/**
 * The vocabulary of the permissions table (src/api/rbac.test.ts): roles, a case, the records the
 * requests name, and the helpers that make a request one that can succeed for whoever may make it.
 * The practice manager manages C82001 (Kibworth); "pmOther" is the same manager acting on C82002,
 * a practice that is not theirs.
 */
export type Role = 'anonymous' | 'admin' | 'pmOwn' | 'pmOther' | 'commissioner' | 'clinician';
export const signedIn: Role[] = ['admin', 'pmOwn', 'pmOther', 'commissioner', 'clinician'];
export const everyone: Role[] = ['anonymous', ...signedIn];
export const adminOnly: Role[] = ['admin'];
export const financeReaders: Role[] = ['admin', 'commissioner', 'clinician'];
export const contractReaders: Role[] = ['admin', 'pmOwn', 'pmOther', 'commissioner'];

export interface Request {
  method: string;
  path: string;
  body?: unknown;
}

export interface Case {
  route: string;
  /** Who may: each of them must be answered 2xx, so the request must be one that can succeed. */
  allowed: Role[];
  /** Refused roles the record is not there for (they cannot read it either): told 404, not 403. */
  hidden?: Role[];
  /** A write route that reads neither a body nor a file, so it has no wrong body to be sent. */
  readsNothing?: boolean;
  /** What the first allowed role hears for a wrong body or file, where it is not 400, and why. */
  wrongBodyHeard?: { outcome: string; why: string };
  request: (role: Role, ids: Ids) => Request | Promise<Request>;
}

export const programmeTypes = ['work-plans', 'plan-sections', 'plan-tasks', 'stp-deliverables', 'stp-actions', 'stp-milestones', 'stp-outcomes'] as const;
export type ProgrammeType = (typeof programmeTypes)[number];

export interface Ids {
  /** The admin's client, which sets up the records a request needs (a fresh one to delete, a row version to send). */
  admin: ApiClient;
  jobId: string;
  /** The demo federation, and Harborough, the locality Kibworth (C82001) is in. */
  groupId: number;
  localityId: number;
  membershipId: number;
  userId: number;
  personId: number;
  /** The demo's winter scheme (Kibworth C82001 and Countesthorpe C82002 take part) and pharmacist scheme. */
  winterId: number;
  pharmacistsId: number;
  /** The demo's work plan, one of its sections and tasks, and one of each STP record. */
  programme: Record<ProgrammeType, number>;
  /** The demo's CBS contract (Kibworth C82001 holds a sub-contract), one of its sub-contracts and a document; the transformation fund and Oadby & Wigston's approved application. */
  contractId: number;
  subContractId: number;
  documentId: number;
  fundId: number;
  applicationId: number;
  /** The demo's governance records: a risk, the April 2018 meeting, a board action, the GDPR policy. */
  riskId: number;
  meetingId: number;
  actionId: number;
  policyId: number;
  /** One record of each finance type, by its URL name. */
  finance: Record<string, number>;
}

export const practiceFor = (role: Role) => (role === 'pmOther' ? 'C82002' : 'C82001');
export const csv = (header: string, row: string) => fileForm('rows.csv', `${header}\n${row}\n`);
let n = 0;
export const unique = (role: Role) => `${role}-${++n}`;
/** A number no other call gives, for dates and references that must not clash. */
export const next = () => ++n;

/** Made once, on first use, then shared: the record a case changes or deletes. */
export function once<T>(make: (ids: Ids) => Promise<T>): (ids: Ids) => Promise<T> {
  let made: Promise<T> | undefined;
  return (ids) => (made ??= make(ids));
}

/** Something the admin makes for a case to act on; a refusal here is the set-up's fault, said as such. */
export async function created(ids: Ids, path: string, body: unknown): Promise<Record<string, any>> {
  const response = await ids.admin.request('POST', path, body);
  if (response.status !== 201 && response.status !== 200) throw new Error(`setting up: POST ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** What the admin reads at `path` now, so a change sends the row version as it stands. */
export async function read(ids: Ids, path: string): Promise<Record<string, any>> {
  const response = await ids.admin.request('GET', path);
  if (response.status !== 200) throw new Error(`setting up: GET ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * The same request with every field of the wrong type (a real field, not an unknown key a schema
 * would drop), or a file of the right name holding what the route does not read: whoever may use the route hears 400.
 */
export function wrongBody(body: unknown): unknown {
  if (body instanceof FormData) {
    const wrong = new FormData();
    for (const [key, value] of body) wrong.set(key, value instanceof File ? new File(['not what the route reads'], value.name) : value);
    return wrong;
  }
  if (body === null || typeof body !== 'object' || Object.keys(body).length === 0) throw new Error('a write route that reads a body is sent one with fields');
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' || value === null ? 42 : 'not this']));
}

/** A fresh application to the transformation fund for `practiceCode`, made in 2018 so it can be decided with a 2018 date. */
export async function waitingApplication(ids: Ids, practiceCode: string): Promise<{ id: number; rowVersion: number }> {
  const body = { practiceCode, title: `Waiting bid for ${practiceCode}`, purpose: 'Test', lines: [{ description: 'Licence', amount: '£1' }], submittedOn: '2018-07-02' };
  const application = await created(ids, `/api/funds/${ids.fundId}/applications`, body);
  return { id: application.id, rowVersion: application.rowVersion };
}
