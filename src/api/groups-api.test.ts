import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';
import { demoFederationName } from '../app/demo/load-demo.js';

/** The reviewer's steps over HTTP, on the demo: a PCN of seven ELR practices from 1 April 2024, with two localities. */
describe.each(databaseKinds)('a PCN’s localities beside the demo federation’s (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let pcn: number, harboroughSide: number, blabySide: number, federation: number;
  const member = (groupId: number, practiceCode: string, startDate: string, endDate: string | null = null) => admin.request('POST', '/api/memberships', { groupId, practiceCode, startDate, endDate });
  const localityOf = async (code: string, memberOf?: number) => (await admin.request('GET', `/api/practices?odsCode=${code}${memberOf ? `&memberOf=${memberOf}` : ''}`)).body.items[0]?.locality;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    federation = (await admin.request('GET', `/api/groups?name=${encodeURIComponent(demoFederationName)}&kind=federation`)).body.items[0].id;
    pcn = (await admin.request('POST', '/api/groups', { name: 'Cross Counties PCN', kind: 'pcn' })).body.id;
    harboroughSide = (await admin.request('POST', '/api/groups', { name: 'Harborough side', kind: 'locality', parentId: pcn })).body.id;
    blabySide = (await admin.request('POST', '/api/groups', { name: 'Blaby side', kind: 'locality', parentId: pcn })).body.id;
    const seven = ['C82001', 'C82009', 'C82109', 'C82022', 'C82002', 'C82068', 'C82098'];
    expect(await admin.request('POST', `/api/groups/${pcn}/members`, { practiceCodes: seven, startDate: '2024-04-01' })).toMatchObject({ status: 201, body: { added: 7 } });
  });
  afterAll(() => server?.close());

  it('refuses a practice outside the PCN, or before it joined, so the locality’s page and the PCN’s agree', async () => {
    expect(await member(harboroughSide, 'C82056', '2019-01-01')).toMatchObject({
      status: 400,
      body: { message: 'Glenfield Surgery (C82056) is not a member of Cross Counties PCN, so it cannot be in Harborough side, one of its localities: add it to Cross Counties PCN first', problems: [{ field: 'practiceCode' }] },
    });
    expect((await member(harboroughSide, 'C82039', '2024-04-01')).status).toBe(400);
    expect(await member(harboroughSide, 'C82109', '2020-04-01', '2021-03-31')).toMatchObject({
      status: 400,
      body: { message: 'The Husbands Bosworth Surgery (C82109) is a member of Cross Counties PCN from 1 April 2024 (no end date), so it can be in Harborough side only within those dates', problems: [{ field: 'startDate' }] },
    });
    expect((await admin.request('POST', `/api/groups/${harboroughSide}/members`, { practiceCodes: ['C82009', 'C82109', 'C82022'], startDate: '2024-04-01' })).body).toMatchObject({ added: 3 });
    const side = (await admin.request('GET', `/api/groups/${harboroughSide}/summary?on=2025-01-01`)).body;
    const whole = (await admin.request('GET', `/api/groups/${pcn}/summary?on=2025-01-01`)).body;
    const inSide = whole.practices.filter((p: { locality: string | null }) => p.locality === 'Harborough side');
    expect([side.practices.length, side.totalListSize]).toEqual([inSide.length, inSide.reduce((sum: number, p: { listSize: number }) => sum + p.listSize, 0)]);
  });

  it('says what would fit beside an ended membership, and names each group’s localities where they are read', async () => {
    expect((await member(harboroughSide, 'C82001', '2024-04-01', '2026-03-31')).status).toBe(201);
    expect(await member(blabySide, 'C82001', '2026-01-01')).toMatchObject({
      status: 409,
      body: { message: 'Kibworth Medical Centre (C82001) is in Harborough side from 1 April 2024 to 31 March 2026; start this membership on or after 1 April 2026, or end that one earlier (a practice is in one locality of Cross Counties PCN at a time)' },
    });
    expect((await member(blabySide, 'C82001', '2026-04-01')).status).toBe(201);
    expect(await localityOf('C82001', federation)).toBe('Harborough');
    expect(await localityOf('C82001', pcn)).toBe('Blaby side');
    expect(await localityOf('C82001')).toBe(`Harborough (${demoFederationName}); Blaby side (Cross Counties PCN)`);
    expect((await admin.request('GET', '/api/practices/C82001/details')).body.practice.locality).toBe(`Harborough (${demoFederationName}); Blaby side (Cross Counties PCN)`);
    // The federation's own summary reads only its localities.
    const elr = (await admin.request('GET', `/api/groups/${federation}/summary`)).body;
    expect(elr.practices.find((p: { odsCode: string }) => p.odsCode === 'C82001').locality).toBe('Harborough');
  });

  it('ends a locality membership with its PCN membership and says so; removes a membership recorded in error, but not one a locality membership relies on', async () => {
    const billesdon = (await admin.request('GET', `/api/memberships?groupId=${pcn}&practiceCode=C82022`)).body.items[0];
    const ended = await admin.request('PATCH', `/api/memberships/${billesdon.id}`, { rowVersion: billesdon.rowVersion, endDate: '2025-03-31' });
    expect(ended).toMatchObject({ status: 200, body: { endDate: '2025-03-31', alsoChanged: ['The Billesdon Surgery (C82022)’s membership of Harborough side ends on 31 March 2025 too'] } });
    expect((await admin.request('GET', `/api/memberships?groupId=${harboroughSide}&practiceCode=C82022`)).body.items[0]).toMatchObject({ endDate: '2025-03-31', rowVersion: 2 });

    const mistake = (await member(pcn, 'C82039', '2024-04-01')).body;
    const stale = await admin.request('DELETE', `/api/memberships/${mistake.id}?rowVersion=${mistake.rowVersion + 1}`);
    expect(stale.status).toBe(409);
    expect((await admin.request('DELETE', `/api/memberships/${mistake.id}?rowVersion=${mistake.rowVersion}`)).status).toBe(200);
    const audit = (await admin.request('GET', `/api/memberships/${mistake.id}/audit`)).body.items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'delete']));

    const harborough = (await admin.request('GET', `/api/memberships?groupId=${pcn}&practiceCode=C82009`)).body.items[0];
    expect(await admin.request('DELETE', `/api/memberships/${harborough.id}?rowVersion=${harborough.rowVersion}`)).toMatchObject({
      status: 409,
      body: { message: 'Market Harborough Medical Centre (C82009)’s membership of Cross Counties PCN from 1 April 2024 (no end date) cannot be removed, because it holds its membership of Harborough side from 1 April 2024 (no end date); end it instead' },
    });
    const manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    expect((await manager.request('DELETE', `/api/memberships/${harborough.id}?rowVersion=${harborough.rowVersion}`)).status).toBe(403);
  });

  it('checks every stored membership against the rules for an admin: the demo and this PCN, set up through the rules, keep them', async () => {
    const check = await admin.request('GET', '/api/membership-check');
    expect(check).toMatchObject({ status: 200, body: { problems: [] } });
    expect(check.body.checked).toBe((await admin.request('GET', '/api/memberships?pageSize=1')).body.total);
    const commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
    expect((await commissioner.request('GET', '/api/membership-check')).status).toBe(403);
  });
});
