import { ApiClient, demoUser, fileForm, type TestServer } from '../api.js';
import { epraccurRow } from '../factories.js';
import { type Ids, programmeTypes, type Role } from './cases.js';

/** Signs each role in and finds the demo's records the table's requests name. */
export async function openWorld(server: TestServer): Promise<{ clients: Record<Role, ApiClient>; ids: Ids }> {
  const signIn = (role: Parameters<typeof demoUser>[0]) => ApiClient.signIn(server.baseUrl, demoUser(role).email, demoUser(role).password);
  const admin = await signIn('admin');
  const manager = await signIn('practice_manager');
  const clients: Record<Role, ApiClient> = { anonymous: new ApiClient(server.baseUrl), admin, pmOwn: manager, pmOther: manager, commissioner: await signIn('commissioner'), clinician: await signIn('clinician') };
  const first = async (path: string) => (await admin.request('GET', path)).body.items[0].id as number;
  const ids = { admin } as Ids;
  ids.jobId = (await admin.request('POST', '/api/imports/ods', fileForm('epraccur.csv', `${epraccurRow()}\r\n`))).body.id;
  ids.groupId = await first('/api/groups?kind=federation');
  ids.localityId = await first('/api/groups?kind=locality&q=Harborough');
  ids.membershipId = await first('/api/memberships?pageSize=1');
  ids.userId = await first('/api/users?pageSize=1');
  ids.personId = (await admin.request('POST', '/api/people', { name: 'Permissions test person', initials: 'PTP' })).body.id;
  ids.winterId = await first('/api/schemes?slug=winter-access-2017-18');
  ids.pharmacistsId = await first('/api/schemes?slug=clinical-pharmacists-2018');
  ids.riskId = await first('/api/risks?ref=1');
  ids.meetingId = await first('/api/meetings?pageSize=1');
  ids.actionId = await first('/api/board-actions?ref=1');
  ids.policyId = await first('/api/policies?pageSize=1');
  ids.programme = {} as Ids['programme'];
  for (const type of programmeTypes) ids.programme[type] = await first(`/api/${type}?pageSize=1`);
  ids.finance = {};
  for (const type of ['finance-years', 'income-streams', 'income-stream-years', 'ie-lines', 'running-costs', 'cost-savings']) ids.finance[type] = await first(`/api/${type}?pageSize=1`);
  ids.contractId = await first('/api/contracts?reference=LCC-CBS-2017');
  ids.subContractId = await first(`/api/sub-contracts?contractId=${ids.contractId}&pageSize=1`);
  ids.documentId = (await admin.request('POST', `/api/contracts/${ids.contractId}/documents`, fileForm('signed.pdf', '%PDF-1.4 test'))).body.id;
  ids.fundId = await first('/api/funds?q=ELR%20transformation');
  ids.applicationId = (await admin.request('GET', `/api/funds/${ids.fundId}/report`)).body.applications.find((a: { status: string }) => a.status === 'approved').id;
  return { clients, ids };
}
