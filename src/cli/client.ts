import { basename } from 'node:path';
import { type Actor, type AppContext, cliActor } from '../app/context.js';
import { createBackup } from '../app/backup/backup.js';
import { type DemoLoad, loadDemo } from '../app/demo/load-demo.js';
import { type FinanceQuery, type FinanceReportName, runFinanceReport } from '../app/finance/finance-requests.js';
import { type FinanceImportReport, importFinanceCsv } from '../app/finance/import-finance.js';
import type { FinanceFileKind } from '../domain/finance/finance-csv.js';
import type { FinanceTable } from '../domain/finance/presenters.js';
import { practiceRecord } from '../app/registry/practice-record.js';
import { importNhsFile } from '../app/registry/import-file.js';
import { type ImportKind, type ImportOptions, type ImportReport, importOutcome } from '../app/registry/import-report.js';
import { recordedAsJob } from '../app/jobs/jobs.js';
import { importRecordsCsv } from '../app/records/import-csv.js';
import type { CsvImportReport } from '../app/records/record-type.js';
import { createRecord, listAllRecords, updateRecord } from '../app/records/records.js';
import { recordTypeNamed } from '../app/records/registry.js';
import { sendDigest } from '../app/reminders/send-digest.js';
import { userRecord } from '../app/users/user-record.js';
import { openDatabase, type Opened } from '../composition.js';
import type { Config } from '../config.js';
import { readLock } from '../db/lock.js';
import { AppError, type Problem } from '../domain/errors.js';
import { commandLineUser } from './command-line-user.js';
import { readInputFile } from './read-input.js';

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
  loadDemo(): Promise<DemoLoad>;
  /** Everything stored, as a backup file's bytes: taken here, or by the running server. */
  backup(): Promise<Buffer>;
  /** Every record of a type served by the generic routes (by its URL name, e.g. "risks"), filtered. */
  listRecords(plural: string, filters: Record<string, string>): Promise<Record<string, unknown>[]>;
  /** Changes one record of a type served by the generic routes; `rowVersion` is the version read, so a change made since is refused. */
  updateRecord(plural: string, id: number | string, changes: Record<string, unknown>, rowVersion: number): Promise<Record<string, unknown>>;
  /** A CSV import into a record type (all or nothing). */
  importRecords(plural: string, path: string): Promise<CsvImportReport>;
  sendDigest(dryRun: boolean): Promise<DigestResult>;
  financeReport(report: FinanceReportName, query: FinanceQuery): Promise<{ tables: FinanceTable[] } & Record<string, unknown>>;
  importFinance(kind: FinanceFileKind, path: string, year?: string): Promise<FinanceImportReport>;
  /** A read: the use case here, or the same answer from the running server's GET `path`. */
  read<T>(local: (ctx: AppContext) => Promise<T>, path: string): Promise<T>;
  /** A change: the use case here, or the same request to the running server (POST `path` with `body`, unless another method is named). */
  act<T>(local: (ctx: AppContext) => Promise<T>, path: string, body?: unknown, method?: 'POST' | 'PUT'): Promise<T>;
  close(): Promise<void>;
}

export class LocalClient implements AtscaleClient {
  readonly via: string;
  private constructor(private readonly opened: Opened, private readonly actor: Actor, private readonly config: Config) {
    this.via = opened.database.location;
  }

  /** `create`: whether the command may start a new embedded database (loading the demo may; an import or a list may not). */
  static async open(config: Config, create = false): Promise<LocalClient> {
    return new LocalClient(await openDatabase(config, 'cli', { create }), cliActor(commandLineUser()), config);
  }

  /** The use cases' context, for commands that call them directly. */
  get ctx() {
    return { db: this.opened.database.db, actor: this.actor };
  }
  /** An import on the database itself, listed with the server's uploads on the imports page. */
  importFile(kind: ImportKind, path: string, options: ImportOptions) {
    const file = { name: basename(path), content: readInputFile(path) };
    return recordedAsJob(this.ctx.db, this.actor, `import ${kind}`, file.name, () => importNhsFile(this.ctx, kind, file, options), importOutcome);
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
  backup() {
    return createBackup(this.opened.database, this.ctx.actor);
  }
  listRecords(plural: string, filters: Record<string, string>) {
    // Free text (`q`) searches every searchable field, as the API's ?q= does; the rest are fields.
    const { q, ...fields } = filters;
    return listAllRecords(this.ctx, recordTypeNamed(plural), { q, filters: fields });
  }
  updateRecord(plural: string, id: number | string, changes: Record<string, unknown>, rowVersion: number) {
    return updateRecord(this.ctx, recordTypeNamed(plural), String(id), changes, rowVersion);
  }
  importRecords(plural: string, path: string) {
    return importRecordsCsv(this.ctx, recordTypeNamed(plural), { name: basename(path), content: readInputFile(path) });
  }
  sendDigest(dryRun: boolean) {
    return sendDigest(this.ctx, { smtpUrl: this.config.smtpUrl, from: this.config.smtpFrom, baseUrl: this.config.publicUrl, dryRun });
  }
  financeReport(report: FinanceReportName, query: FinanceQuery) {
    return runFinanceReport(this.ctx, report, query);
  }
  importFinance(kind: FinanceFileKind, path: string, year?: string) {
    return importFinanceCsv(this.ctx, kind, { name: basename(path), content: readInputFile(path) }, year ? { year } : {});
  }
  read<T>(local: (ctx: AppContext) => Promise<T>) {
    return local(this.ctx);
  }
  act<T>(local: (ctx: AppContext) => Promise<T>) {
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

  /** A file the running server sends (a backup), as bytes; errors come back as AppError. */
  async download(path: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.token}`, 'x-atscale-user': commandLineUser() } }).catch((error: unknown) => {
      throw new AppError('unavailable', `The atscale server at ${this.baseUrl} stopped answering (${(error as Error).message}). Once it is back, or with it stopped, run the command again.`);
    });
    if (!response.ok) {
      const json = (await response.json()) as { message?: string; error?: string };
      throw new AppError((json.error as never) ?? 'unavailable', json.message ?? `HTTP ${response.status}`);
    }
    return Buffer.from(await response.arrayBuffer());
  }

  /** Calls the running server's API with the CLI token; errors come back as AppError. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, 'x-atscale-user': commandLineUser() };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload }).catch((error: unknown) => {
      // The server stopped (or was stopped) while the command waited on it.
      throw new AppError('unavailable', `The atscale server at ${this.baseUrl} stopped answering (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}). What it was doing is all or nothing: once the server is back, or with it stopped, run the command again.`);
    });
    const json = (await response.json()) as { message?: string; problems?: Problem[]; error?: string };
    if (!response.ok) throw new AppError((json.error as never) ?? 'unavailable', json.message ?? `HTTP ${response.status}`, { problems: json.problems });
    return json as T;
  }

  async importFile(kind: ImportKind, path: string, options: ImportOptions) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(readInputFile(path))]), basename(path));
    if (options.skipUnknown) form.set('skipUnknown', 'true');
    if (options.asOf) form.set('asOf', options.asOf);
    let job = await this.call<{ id: string; status: string; progressDone: number; progressTotal: number; message: string; result: unknown }>('POST', `/api/imports/${kind}`, form).catch((error: unknown) => {
      // The server's upload limit is for browsers; on the server's own machine there is another way.
      if (error instanceof AppError && error.kind === 'too_large') throw new AppError('too_large', `${error.message} of the running server (ATSCALE_MAX_UPLOAD_MB). Stop the server and run this command again to import the file directly, or restart the server with a larger ATSCALE_MAX_UPLOAD_MB.`);
      throw error;
    });
    while (job.status === 'running') {
      options.onProgress?.(job.progressDone, job.progressTotal, job.message);
      await new Promise((r) => setTimeout(r, 200));
      job = await this.call('GET', `/api/jobs/${job.id}`);
    }
    const report = job.result as ImportReport & { problems?: Problem[] };
    if (!report || !('kind' in report)) throw new AppError('invalid', job.message, { problems: (job.result as { problems?: Problem[] } | null)?.problems });
    return report;
  }
  listPractices(filters: Record<string, string>) {
    return this.listRecords('practices', filters);
  }
  async listRecords(plural: string, filters: Record<string, string>) {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const query = new URLSearchParams({ ...filters, page: String(page), pageSize: '1000' });
      const result = await this.call<{ items: Record<string, unknown>[]; total: number }>('GET', `/api/${plural}?${query}`);
      items.push(...result.items);
      if (items.length >= result.total || result.items.length === 0) return items;
    }
  }
  addUser(input: Record<string, unknown>) {
    return this.call<Record<string, unknown>>('POST', '/api/users', input);
  }
  updateRecord(plural: string, id: number | string, changes: Record<string, unknown>, rowVersion: number) {
    return this.call<Record<string, unknown>>('PATCH', `/api/${plural}/${id}`, { ...changes, rowVersion });
  }
  loadDemo() {
    return this.call<DemoLoad>('POST', '/api/demo', {});
  }
  backup() {
    return this.download('/api/backup');
  }
  importRecords(plural: string, path: string) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(readInputFile(path))]), basename(path));
    return this.call<CsvImportReport>('POST', `/api/${plural}/import`, form);
  }
  sendDigest(dryRun: boolean) {
    return this.call<DigestResult>('POST', '/api/digest/send', { dryRun });
  }
  financeReport(report: FinanceReportName, query: FinanceQuery) {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
    return this.call<{ tables: FinanceTable[] } & Record<string, unknown>>('GET', `/api/finance/${report}?${params}`);
  }
  importFinance(kind: FinanceFileKind, path: string, year?: string) {
    const form = new FormData();
    if (year) form.set('year', year);
    form.set('file', new Blob([new Uint8Array(readInputFile(path))]), basename(path));
    return this.call<FinanceImportReport>('POST', `/api/finance/import/${kind}`, form);
  }
  read<T>(_local: unknown, path: string) {
    return this.call<T>('GET', path);
  }
  act<T>(_local: unknown, path: string, body: unknown = {}, method: 'POST' | 'PUT' = 'POST') {
    return this.call<T>(method, path, body);
  }
  async close() {}
}

export type DigestResult = Awaited<ReturnType<typeof sendDigest>>;

/** The client for this machine: through the server if it holds the embedded database, else direct. */
export async function connect(config: Config, options: { create?: boolean } = {}): Promise<AtscaleClient> {
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.purpose === 'server' && holder.port && holder.cliToken) return new ServerClient(`http://127.0.0.1:${holder.port}`, holder.cliToken);
  }
  return LocalClient.open(config, options.create);
}
