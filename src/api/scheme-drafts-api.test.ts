import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';
import { makeSchemeRequest } from '../../test/support/factories.js';

type Named = { name: string; funder: string };
type Figure = { practiceCode: string; modelId: string; quantity: number | null; week: number | null };
const kibworth = (nurse: number) => ({ practice: 'C82001', takesPart: 'yes', units: { nurse, gp: 2 } });

/** While the federation prepares a new version of a scheme, what each reader is shown of it. */
describe.each(databaseKinds)('a scheme while a draft is prepared, over the API (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let manager: ApiClient;
  let commissioner: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    const signIn = (role: Parameters<typeof demoUser>[0]) => ApiClient.signIn(server.baseUrl, demoUser(role).email, demoUser(role).password);
    [admin, manager, commissioner] = [await signIn('admin'), await signIn('practice_manager'), await signIn('commissioner')];
  });
  afterAll(() => server?.close());

  /** Everywhere a reader meets the scheme's name and funder: the list, the record, its CSV export, the overview, the run and a statement. */
  async function namesSeenBy(client: ApiClient, id: number) {
    const listed = (await client.request('GET', `/api/schemes?id=${id}`)).body.items[0] as Named;
    const record = (await client.request('GET', `/api/schemes/${id}`)).body as Named;
    const csv = (await client.request('GET', `/api/schemes/export.csv?id=${id}`)).body as string;
    const overview = (await client.request('GET', '/api/schemes/overview')).body.items.find((i: { id: number }) => i.id === id).version as Named & { status: string };
    const run = (await client.request('GET', `/api/schemes/${id}/run`)).body as { scheme: Named; version: Named; tables: { name: string; title: string }[] };
    const statement = (await client.request('GET', `/api/schemes/${id}/statements/C82001`)).body as { version: Named; funder: string };
    return {
      list: [listed.name, listed.funder],
      record: [record.name, record.funder],
      csv: [csv.includes(listed.name), csv.includes(listed.funder)],
      overview: [overview.name, overview.funder, overview.status],
      run: [run.scheme.name, run.version.name, run.version.funder, run.tables.find((t) => t.name === 'overview')?.title],
      statement: [statement.version.name, statement.funder],
    };
  }

  const everywhere = (name: string, funder: string, status: string) => ({
    list: [name, funder],
    record: [name, funder],
    csv: [true, true],
    overview: [name, funder, status],
    run: [name, name, funder, name],
    statement: [name, funder],
  });

  it('shows practice managers and commissioners the approved version’s name and funder while a draft renames the scheme; admins see the draft’s on the draft', async () => {
    const request = makeSchemeRequest({ name: 'Spring clinics 2018', funder: 'East Leicestershire and Rutland CCG' });
    const { body: created } = await admin.request('POST', '/api/schemes', request);
    const id = created.scheme.id as number;
    await admin.request('POST', `/api/schemes/${id}/approve`, { rowVersion: 1 });
    const renamed = { ...request.definition, name: 'Spring and summer clinics 2018', funder: 'NHS England' };
    const edited = await admin.request('PATCH', `/api/schemes/${id}`, { rowVersion: 2, definition: renamed });
    expect(edited).toMatchObject({ status: 200, body: { scheme: { name: 'Spring clinics 2018', funder: 'East Leicestershire and Rutland CCG', status: 'draft' }, version: { version: 2, name: 'Spring and summer clinics 2018' } } });
    // A draft edited in place keeps the scheme named as the version in force.
    expect((await admin.request('PATCH', `/api/schemes/${id}`, { rowVersion: 3, definition: { ...renamed, fee: { percent: 4 } } })).status).toBe(200);

    for (const reader of [manager, commissioner]) expect(await namesSeenBy(reader, id)).toEqual(everywhere('Spring clinics 2018', 'East Leicestershire and Rutland CCG', 'approved'));
    expect(await manager.request('GET', `/api/schemes?name=${encodeURIComponent('Spring and summer')}`)).toMatchObject({ body: { items: [] } });

    // The admin reads the draft by its own name where it is shown as the draft; the scheme is still named as the version in force.
    const byAdmin = await namesSeenBy(admin, id);
    expect(byAdmin.overview).toEqual(['Spring and summer clinics 2018', 'NHS England', 'draft']);
    expect(byAdmin.run).toEqual(['Spring clinics 2018', 'Spring and summer clinics 2018', 'NHS England', 'Spring and summer clinics 2018']);
    expect(byAdmin.statement).toEqual(['Spring and summer clinics 2018', 'NHS England']);
    expect(byAdmin.list).toEqual(['Spring clinics 2018', 'East Leicestershire and Rutland CCG']);
    const versions = (await admin.request('GET', `/api/schemes/${id}/versions`)).body.items as (Named & { version: number; definition: Named })[];
    expect(versions.map((v) => [v.version, v.name, v.definition.name])).toEqual([
      [1, 'Spring clinics 2018', 'Spring clinics 2018'],
      [2, 'Spring and summer clinics 2018', 'Spring and summer clinics 2018'],
    ]);

    // Approved: the draft's name and funder become the scheme's, for everyone.
    expect((await admin.request('POST', `/api/schemes/${id}/approve`, { rowVersion: 4 })).body.scheme).toMatchObject({ name: 'Spring and summer clinics 2018', funder: 'NHS England' });
    for (const reader of [manager, commissioner, admin]) expect(await namesSeenBy(reader, id)).toEqual(everywhere('Spring and summer clinics 2018', 'NHS England', 'approved'));

    // The audit says when the scheme took the new name: on approval, not on either edit.
    const audit = (await admin.request('GET', `/api/schemes/${id}/audit`)).body.items as { summary: string; before: { scheme: Named } | null; after: { scheme: Named; version: { definition: Named } } }[];
    expect(audit.map((a) => [a.summary, a.before?.scheme.name ?? null, a.after.scheme.name, a.after.version.definition.name])).toEqual([
      ['Approved version 2; version 1 superseded', 'Spring clinics 2018', 'Spring and summer clinics 2018', 'Spring and summer clinics 2018'],
      ['Edited draft version 2', 'Spring clinics 2018', 'Spring clinics 2018', 'Spring and summer clinics 2018'],
      ['Created version 2 (draft) from approved version 1', 'Spring clinics 2018', 'Spring clinics 2018', 'Spring and summer clinics 2018'],
      ['Approved version 1', 'Spring clinics 2018', 'Spring clinics 2018', 'Spring clinics 2018'],
      ['Created Spring clinics 2018, version 1 (draft)', null, 'Spring clinics 2018', 'Spring clinics 2018'],
    ]);
  });

  /** A scheme approved as version 1, then version 2 a draft with the given changes to its terms. */
  async function draftAfterApproval(changes: Record<string, unknown>) {
    const request = makeSchemeRequest();
    const { body: created } = await admin.request('POST', '/api/schemes', request);
    const id = created.scheme.id as number;
    await admin.request('POST', `/api/schemes/${id}/approve`, { rowVersion: 1 });
    expect(await admin.request('PATCH', `/api/schemes/${id}`, { rowVersion: 2, definition: { ...request.definition, ...changes } })).toMatchObject({ status: 200, body: { version: { version: 2, status: 'draft' } } });
    return id;
  }
  const figuresOn = async (id: number, version: number, reader = admin) =>
    ((await reader.request('GET', `/api/schemes/${id}/delivered?version=${version}`)).body.items as Figure[]).map((r) => `${r.practiceCode} ${r.modelId} ${r.quantity}`).sort();
  const record = async (id: number, entries: unknown[], version?: number) => {
    const response = await admin.request('POST', `/api/schemes/${id}/delivered${version ? `?version=${version}` : ''}`, { entries });
    expect(response).toMatchObject({ status: 200, body: { changed: true } });
  };

  it('lands an admin’s return on the version in force and the draft alike, whichever of the two they record it on', async () => {
    const id = await draftAfterApproval({ fee: { percent: 4 } });
    // On the draft (the admin's latest): the version in force takes it too, so the practice manager reads it.
    await record(id, [kibworth(31)]);
    expect(await figuresOn(id, 1)).toEqual(['C82001 gp 2', 'C82001 nurse 31']);
    expect(await figuresOn(id, 2)).toEqual(['C82001 gp 2', 'C82001 nurse 31']);
    expect(await manager.request('GET', `/api/schemes/${id}/delivered`)).toMatchObject({ body: { version: { version: 1 }, received: [{ odsCode: 'C82001' }], awaited: [] } });
    // On the version in force: the draft takes it, as it takes a practice manager's.
    await record(id, [{ practice: 'C82002', takesPart: 'no', units: {} }], 1);
    expect(await figuresOn(id, 2)).toEqual(await figuresOn(id, 1));
    expect(await figuresOn(id, 2)).toContain('C82002 nurse null');

    // A file replaces the returns of the practices it holds on the draft, and the version in force's alike; Countesthorpe, not in it, keeps its return on both.
    const file = ['practice,takes_part,nurse_appointments_delivered,gp_appointments_delivered', 'C82001,Yes,33,2', 'C82009,Yes,12,0'].join('\n');
    expect(await admin.request('POST', `/api/schemes/${id}/delivered`, fileForm('returns.csv', file))).toMatchObject({ status: 200, body: { changed: true, keptNotInFile: [{ odsCode: 'C82002' }] } });
    expect(await figuresOn(id, 1)).toEqual(['C82001 gp 2', 'C82001 nurse 33', 'C82002 gp null', 'C82002 nurse null', 'C82009 gp 0', 'C82009 nurse 12']);
    expect(await figuresOn(id, 2)).toEqual(await figuresOn(id, 1));

    // The audit log says which version each copy went to, and where it came from.
    const items = (await admin.request('GET', `/api/schemes/${id}/audit`)).body.items as { summary: string; action: string }[];
    // A file is an import; returns entered, or copied across, are updates.
    expect(items.slice(0, 6).map((a) => a.action)).toEqual(['update', 'import', 'update', 'update', 'update', 'update']);
    const audit = items.map((a) => a.summary);
    expect(audit.slice(0, 6)).toEqual([
      'Recorded delivered activity for version 1 from the returns recorded on version 2: 2 returns',
      'Recorded delivered activity for version 2 from returns.csv: 2 returns',
      'Recorded delivered activity for version 2 from the returns recorded on version 1: 1 return',
      'Recorded delivered activity for version 1 from the federation’s entries: 1 return',
      'Recorded delivered activity for version 1 from the returns recorded on version 2: 1 return',
      'Recorded delivered activity for version 2 from the federation’s entries: 1 return',
    ]);
  });

  it('keeps each version’s returns its own where the draft asks for other activity, and for a practice the draft drops', async () => {
    const hca = { id: 'hca', name: 'Health care assistant', unitsPerHour: 6, hourlyRate: 20 };
    const withHca = await draftAfterApproval({ deliveryModels: [...makeSchemeRequest().definition.deliveryModels!, hca] });
    await record(withHca, [{ practice: 'C82002', takesPart: 'yes', units: { nurse: 5, gp: 1, hca: 9 } }]);
    await record(withHca, [kibworth(40)], 1);
    expect(await figuresOn(withHca, 1)).toEqual(['C82001 gp 2', 'C82001 nurse 40']);
    expect(await figuresOn(withHca, 2)).toEqual(['C82002 gp 1', 'C82002 hca 9', 'C82002 nurse 5']);

    const longer = await draftAfterApproval({ period: { weeks: 12 } });
    await record(longer, [kibworth(40)]);
    expect(await figuresOn(longer, 1)).toEqual([]);

    const { practices } = makeSchemeRequest().definition;
    const withoutHarborough = await draftAfterApproval({ practices: (practices as { odsCode: string }[]).filter((p) => p.odsCode !== 'C82009') });
    await record(withoutHarborough, [{ practice: 'C82009', takesPart: 'yes', units: { nurse: 7, gp: 0 } }, kibworth(41)], 1);
    expect(await figuresOn(withoutHarborough, 1)).toEqual(['C82001 gp 2', 'C82001 nurse 41', 'C82009 gp 0', 'C82009 nurse 7']);
    expect(await figuresOn(withoutHarborough, 2)).toEqual(['C82001 gp 2', 'C82001 nurse 41']);
  });

  it('names a scheme that has never been approved as its draft, the only version there is', async () => {
    const request = makeSchemeRequest({ name: 'Autumn clinics 2018' });
    const { body: created } = await admin.request('POST', '/api/schemes', request);
    await admin.request('PATCH', `/api/schemes/${created.scheme.id}`, { rowVersion: 1, definition: { ...request.definition, name: 'Autumn flu clinics 2018' } });
    expect((await commissioner.request('GET', `/api/schemes/${created.scheme.id}`)).body.name).toBe('Autumn flu clinics 2018');
  });
});
