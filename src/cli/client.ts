import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Actor, type AppContext, cliActor } from '../app/context.js';
import { loadDemo } from '../app/demo/load-demo.js';
import { practiceRecord } from '../app/registry/practice-record.js';
import { importNhsFile } from '../app/registry/import-file.js';
import type { ImportKind, ImportOptions, ImportReport } from '../app/registry/import-report.js';
import { createRecord, listAllRecords } from '../app/records/records.js';
import { userRecord } from '../app/users/user-record.js';
import { openDatabase, type Opened } from '../composition.js';
import type { Config } from '../config.js';
import { readLock } from '../db/lock.js';
import { AppError, type Problem } from '../domain/errors.js';

/**
 * What the CLI asks of atscale. Two ways to answer: open the database here (PostgreSQL, or PGlite
 * when no server holds it), or, while `atscale serve` owns the embedded database, go through the
 * running server's API with the token it left in the lock file. Both call the same use cases.
 */
export interface AtscaleClient {
  readonly via: string;
  importFile(kind: ImportKind, path: string, options: ImportOptions): Promise<ImportReport>;
  listPractices(filters: Record<string, string>): Promise<Record<string, unknown>[]>;
  addUser(input: Record<string, unknown>): Promise<Record<string, unknown>>;
  loadDemo(): Promise<{ loaded: boolean; message: string }>;
  /** A read: the use case here, or the same answer from the running server's GET `path`. */
  read<T>(local: (ctx: AppContext) => Promise<T>, path: string): Promise<T>;
  close(): Promise<void>;
}

export class LocalClient implements AtscaleClient {
  readonly via: string;
  private constructor(private readonly opened: Opened, private readonly actor: Actor) {
    this.via = opened.database.location;
  }

  static async open(config: Config): Promise<LocalClient> {
    return new LocalClient(await openDatabase(config, 'cli'), cliActor());
  }

  private get ctx() {
    return { db: this.opened.database.db, actor: this.actor };
  }
  importFile(kind: ImportKind, path: string, options: ImportOptions) {
    return importNhsFile(this.ctx, kind, { name: basename(path), content: readFileSync(path) }, options);
  }
  listPractices(filters: Record<string, string>) {
    return listAllRecords(this.ctx, practiceRecord, { filters });
  }
  addUser(input: Record<string, unknown>) {
    return createRecord(this.ctx, userRecord, input);
  }
  loadDemo() {
    return loadDemo(this.ctx);
  }
  read<T>(local: (ctx: AppContext) => Promise<T>) {
    return local(this.ctx);
  }
  close() {
    return this.opened.close();
  }
}

export class ServerClient implements AtscaleClient {
  readonly via: string;
  constructor(private readonly baseUrl: string, private readonly token: string) {
    this.via = `the running server at ${baseUrl}`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, 'x-atscale-user': process.env.USER ?? 'cli' };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const json = (await response.json()) as { message?: string; problems?: Problem[]; error?: string };
    if (!response.ok) throw new AppError((json.error as never) ?? 'unavailable', json.message ?? `HTTP ${response.status}`, { problems: json.problems });
    return json as T;
  }

  async importFile(kind: ImportKind, path: string, options: ImportOptions) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(readFileSync(path))]), basename(path));
    if (options.skipUnknown) form.set('skipUnknown', 'true');
    if (options.asOf) form.set('asOf', options.asOf);
    let job = await this.call<{ id: string; status: string; progressDone: number; progressTotal: number; message: string; result: unknown }>('POST', `/api/imports/${kind}`, form);
    while (job.status === 'running') {
      options.onProgress?.(job.progressDone, job.progressTotal, job.message);
      await new Promise((r) => setTimeout(r, 200));
      job = await this.call('GET', `/api/jobs/${job.id}`);
    }
    const report = job.result as ImportReport & { problems?: Problem[] };
    if (!report || !('kind' in report)) throw new AppError('invalid', job.message, { problems: (job.result as { problems?: Problem[] } | null)?.problems });
    return report;
  }
  async listPractices(filters: Record<string, string>) {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const query = new URLSearchParams({ ...filters, page: String(page), pageSize: '1000' });
      const result = await this.call<{ items: Record<string, unknown>[]; total: number }>('GET', `/api/practices?${query}`);
      items.push(...result.items);
      if (items.length >= result.total || result.items.length === 0) return items;
    }
  }
  addUser(input: Record<string, unknown>) {
    return this.call<Record<string, unknown>>('POST', '/api/users', input);
  }
  loadDemo() {
    return this.call<{ loaded: boolean; message: string }>('POST', '/api/demo', {});
  }
  read<T>(_local: unknown, path: string) {
    return this.call<T>('GET', path);
  }
  async close() {}
}

/** The client for this machine: through the server if it holds the embedded database, else direct. */
export async function connect(config: Config): Promise<AtscaleClient> {
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.purpose === 'server' && holder.port && holder.cliToken) return new ServerClient(`http://127.0.0.1:${holder.port}`, holder.cliToken);
  }
  return LocalClient.open(config);
}
