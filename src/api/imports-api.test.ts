import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';
import { epraccurRow, listSizeHeader, listSizeRow } from '../../test/support/factories.js';

/**
 * Over HTTP, on both databases: an edit made from a stale row version is refused, and an NHS
 * import's job writes all of a file or none of it.
 */
describe.each(databaseKinds)('stale edits and import jobs over the API (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  const practiceCount = async () => (await admin.request('GET', '/api/practices?pageSize=1')).body.total as number;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
  });
  afterAll(() => server?.close());

  it('refuses a duplicate user and a stale edit with a conflict', async () => {
    const duplicate = await admin.request('POST', '/api/users', { email: demoUser('clinician').email, name: 'Again', role: 'clinician', password: 'a long enough password' });
    expect(duplicate).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringContaining(demoUser('clinician').email), problems: [{ field: 'email', message: 'is already used by another user' }] } });
    // With another problem, both at once, so the form shows them together.
    const twoProblems = await admin.request('POST', '/api/users', { email: demoUser('clinician').email, name: 'Again', role: 'practice_manager', practiceCodes: ['C89999'], password: 'a long enough password' });
    expect(twoProblems).toMatchObject({ status: 400, body: { message: 'The user is not valid', problems: [{ field: 'email', message: 'is already used by another user' }, { field: 'practiceCodes', message: 'unknown practice C89999' }] } });
    const practice = (await admin.request('GET', '/api/practices/C82001')).body;
    expect((await admin.request('PATCH', '/api/practices/C82001', { rowVersion: practice.rowVersion, notes: 'first' })).status).toBe(200);
    const stale = await admin.request('PATCH', '/api/practices/C82001', { rowVersion: practice.rowVersion, notes: 'second' });
    expect(stale).toMatchObject({ status: 409, body: { error: 'conflict', details: { stale: true, current: practice.rowVersion + 1 } } });
    // What the NHS files say of a practice is refused by name, not quietly dropped.
    const odsFacts = await admin.request('PATCH', '/api/practices/C82001', { rowVersion: practice.rowVersion + 1, status: 'closed', commissionerCode: '04C' });
    expect(odsFacts).toMatchObject({ status: 400, body: { problems: [{ field: 'status', message: 'comes from the NHS files: import a newer one to change it' }, { field: 'commissionerCode', message: 'comes from the NHS files: import a newer one to change it' }] } });
  });

  it('rejects an ODS file with a bad date, naming line and column, and writes nothing', async () => {
    const before = await practiceCount();
    const file = [epraccurRow({ 1: 'C99001' }), epraccurRow({ 1: 'C99002', 11: '20181301' })].join('\r\n');
    const job = await admin.runImport('ods', fileForm('epraccur.csv', file));
    expect(job).toMatchObject({ status: 'failed', result: { inserted: 0, rejected: 1, errors: [{ file: 'epraccur.csv', line: 2, column: 11 }] } });
    expect(job.result.errors[0].message).toMatch(/open date/);
    expect(await practiceCount()).toBe(before);
  });

  it('rejects a negative list size and an unknown practice code, naming each line', async () => {
    const negative = await admin.runImport('list-sizes', fileForm('gp-reg.csv', [listSizeHeader, listSizeRow('C82001', '9400'), listSizeRow('C82002', '-5')].join('\r\n')));
    expect(negative.result).toMatchObject({ rejected: 1, errors: [{ line: 3, column: expect.anything(), message: expect.stringMatching(/negative/) }] });
    const unknown = await admin.runImport('list-sizes', fileForm('gp-reg.csv', [listSizeHeader, listSizeRow('C82001', '9400'), listSizeRow('Q99999', '100')].join('\r\n')));
    // In date order a list-size file names practices newer than the ODS file: the report names them, so the page can say how to go on.
    const codeColumn = listSizeHeader.split(',').indexOf('CODE') + 1;
    expect(unknown).toMatchObject({ message: '1 practice not in the registry; nothing was imported', result: { rejected: 1, practicesNotInRegistry: ['Q99999'], errors: [{ line: 3, column: codeColumn, message: expect.stringContaining('Q99999') }] } });
    // With other problems too, the unknown practice is listed among them in line order: every problem in one report.
    const both = await admin.runImport('list-sizes', fileForm('gp-reg.csv', [listSizeHeader, listSizeRow('Q99999', '100'), listSizeRow('C82002', '-5')].join('\r\n')));
    expect(both.result.errors.map((e: { line: number; column: number }) => [e.line, e.column])).toEqual([
      [2, codeColumn],
      [3, listSizeHeader.split(',').indexOf('NUMBER_OF_PATIENTS') + 1],
    ]);
    expect(both.result.errors[0].message).toContain('practice Q99999 is not in the registry');
    const badDate = await admin.runImport('list-sizes', fileForm('gp-reg.csv', [listSizeHeader, listSizeRow('C82001', '9400').replace('2025-04-01', '2025-13-45')].join('\r\n')));
    expect(badDate.result).toMatchObject({ referenceDate: null, errors: [{ line: 2, column: 2, message: "extract date '2025-13-45' is not a date" }] });
    const details = (await admin.request('GET', '/api/practices/C82001/details')).body;
    expect(details.listSizes.map((l: { snapshotDate: string }) => l.snapshotDate)).toEqual(['2018-01-01']);
  });

  it('imports a good list-size file as a new dated snapshot, and reports nothing changed the second time', async () => {
    const form = () => fileForm('gp-reg.csv', [listSizeHeader, listSizeRow('C82001', '9400'), listSizeRow('C82002', '10500')].join('\r\n'));
    expect((await admin.runImport('list-sizes', form())).result).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 0, referenceDate: '2025-04-01' });
    expect((await admin.runImport('list-sizes', form())).result).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    const details = (await admin.request('GET', '/api/practices/C82001/details')).body;
    expect(details.listSizes).toEqual([
      { snapshotDate: '2025-04-01', patients: 9400, commissionerCode: '03W' },
      { snapshotDate: '2018-01-01', patients: 9301, commissionerCode: null },
    ]);
  });
});
