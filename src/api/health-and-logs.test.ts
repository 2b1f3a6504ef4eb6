import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ApiClient, demoUser, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';
import { users } from '../db/schema/index.js';
import { loggedError } from './log-errors.js';

/** Makes the server's database unreachable as an operator would meet it: PostgreSQL's database dropped under it, PGlite closed. */
async function loseDatabase(server: TestServer): Promise<void> {
  if (server.database.kind === 'pglite') return server.database.pglite!.close();
  const name = server.database.location.split('/').pop()!;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}

describe.each(databaseKinds)('health and the log when the database is lost (%s)', (kind) => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind, logStream: { write: (line) => lines.push(line) } });
  });
  afterAll(() => server?.close().catch(() => undefined));

  it('keeps the values a failed query was given, and a row PostgreSQL quotes, out of the log', async () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash';
    const refused = await server.database.db.insert(users).values({ email: 'new.person@example.nhs.uk', name: null as never, role: 'admin', passwordHash: hash }).catch((error: unknown) => error);
    const logged = JSON.stringify(loggedError(refused));
    expect(logged).toContain('Failed query: insert into \\"users\\"');
    expect(logged).toContain('params: (not logged)');
    for (const secret of ['new.person@example.nhs.uk', hash]) expect(logged).not.toContain(secret);
    // The database's own reason, which names the column, is kept.
    expect(loggedError(refused).cause).toMatchObject({ code: '23502', message: expect.stringContaining('"name"') });
  });

  it('says the database cannot be reached (503) rather than ok, to health and to a sign-in, and logs the failed sign-in without the email', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    expect(await anonymous.request('GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok', database: kind } });
    await loseDatabase(server);
    const health = await anonymous.request('GET', '/api/health');
    expect(health).toMatchObject({ status: 503, body: { status: 'unavailable', database: kind, message: 'The database cannot be reached: the server’s log says why' } });
    const admin = demoUser('admin');
    // Not a fault in the server: 503, to try again later, as the health check says.
    expect(await anonymous.request('POST', '/api/session', { email: admin.email, password: admin.password })).toMatchObject({ status: 503, body: { error: 'unavailable', message: expect.stringMatching(/^The database cannot be reached, so nothing was read or saved/) } });
    const errors = lines.map((line) => JSON.parse(line) as { level: number; msg?: string; err?: { message: string; stack: string } }).filter((line) => line.level >= 50);
    expect(errors.map((line) => line.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^health check: the database cannot be reached: .+/)]));
    const signIn = errors.find((line) => line.err?.message.includes('from "users"'));
    expect(signIn?.err?.message).toContain('params: (not logged)');
    expect(lines.join('\n')).not.toContain(admin.email);
    expect(lines.join('\n')).not.toContain(admin.password);
  });
});
