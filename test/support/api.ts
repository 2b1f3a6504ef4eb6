import { systemActor } from '../../src/app/context.js';
import { demoUsers, loadDemo } from '../../src/app/demo/load-demo.js';
import { buildServer, type App } from '../../src/api/server.js';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase, type DatabaseKind } from './databases.js';

/** The real server on a random loopback port, over a fresh database with the demo federation loaded. */
export interface TestServer {
  app: App;
  database: Database;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startTestServer(options: { kind?: DatabaseKind; maxUploadBytes?: number; cliToken?: string; webRoot?: string; trustProxy?: string[]; logStream?: { write(line: string): void } } = {}): Promise<TestServer> {
  const database = await openTestDatabase(options.kind ?? 'pglite');
  await loadDemo({ db: database.db, actor: systemActor });
  const app = await buildServer({ database, maxUploadBytes: options.maxUploadBytes, cliToken: options.cliToken, webRoot: options.webRoot, trustProxy: options.trustProxy, ...(options.logStream ? { logLevel: 'warn' as const, logStream: options.logStream } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie?: string;
  csrfToken?: string;
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on changes. */
export class ApiClient {
  constructor(readonly baseUrl: string, public session: Session = {}) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const body = (await response.json()) as { csrfToken: string };
    return new ApiClient(baseUrl, { cookie, csrfToken: body.csrfToken });
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const h: Record<string, string> = { ...headers };
    if (this.session.cookie) h.cookie = this.session.cookie;
    if (this.session.csrfToken && method !== 'GET') h['x-csrf-token'] = this.session.csrfToken;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: h, body: payload });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Uploads an NHS file and follows its job (202) until it ends: the job as it ended. */
  async runImport(kind: string, form: FormData): Promise<any> {
    const started = await this.request('POST', `/api/imports/${kind}`, form);
    if (started.status !== 202) throw new Error(`the ${kind} import did not start: ${started.status} ${JSON.stringify(started.body)}`);
    let job = started.body;
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await this.request('GET', `/api/jobs/${job.id}`)).body;
    }
    return job;
  }
}

export const demoUser = (role: (typeof demoUsers)[number]['role']) => demoUsers.find((u) => u.role === role)!;

export function fileForm(name: string, content: string | Buffer, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return form;
}
