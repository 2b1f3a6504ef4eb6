import { basename } from 'node:path';
import type { ProgrammeImportReport } from '../../app/programme/programme-import-report.js';
import type { StpGrid } from '../../app/programme/stp-grid.js';
import { AppError } from '../../domain/errors.js';
import { detectStpFile, type StpFileKind } from '../../domain/programme/stp-files.js';
import { parseCsv } from '../../domain/schemes/tabular-input.js';
import { readConfig } from '../../config.js';
import type { LocalClient, ServerClient } from '../client.js';
import { readInputFile, readInputText } from '../read-input.js';

/** What the programme commands ask: the same use cases, called here or through the running server. */
export interface ProgrammeClient {
  via: string;
  importWorkPlan(path: string, options: { planName?: string; asOf?: string; onProgress?: (done: number, total: number, phase: string) => void }): Promise<ProgrammeImportReport>;
  importStp(paths: string[], asOf?: string): Promise<ProgrammeImportReport[]>;
  list(resource: 'work-plans' | 'plan-sections' | 'plan-tasks', filters: Record<string, string>): Promise<Record<string, unknown>[]>;
  grid(): Promise<StpGrid>;
  close(): Promise<void>;
}

const readFile = (path: string) => ({ name: basename(path), content: readInputFile(path) });
const stpOrder: StpFileKind[] = ['deliverables', 'milestones', 'outcomes'];
const kindOf = (path: string) => detectStpFile(parseCsv(readInputText(path), basename(path)));

function local(client: LocalClient): ProgrammeClient {
  const ctx = client.ctx;
  return {
    via: client.via,
    async importWorkPlan(path, options) {
      const { importWorkPlan } = await import('../../app/programme/import-work-plan.js');
      return importWorkPlan(ctx, readFile(path), options);
    },
    async importStp(paths, asOf) {
      const { importStpFiles } = await import('../../app/programme/import-stp.js');
      return [await importStpFiles(ctx, paths.map(readFile), { asOf })];
    },
    list: (resource, filters) => client.listRecords(resource, filters),
    async grid() {
      const { getStpGrid } = await import('../../app/programme/stp-grid.js');
      return getStpGrid(ctx);
    },
    close: () => client.close(),
  };
}

function remote(client: ServerClient): ProgrammeClient {
  const upload = (path: string, fields: Record<string, string | undefined>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value) form.set(key, value);
    form.set('file', new Blob([new Uint8Array(readInputFile(path))]), basename(path));
    return form;
  };
  return {
    via: client.via,
    importWorkPlan: (path, options) => client.call('POST', '/api/programme/work-plan-import', upload(path, { planName: options.planName, asOf: options.asOf })),
    async importStp(paths, asOf) {
      // The server takes one file a request: deliverables first, so the others find them.
      const ordered = [...paths].sort((a, b) => stpOrder.indexOf(kindOf(a)!) - stpOrder.indexOf(kindOf(b)!));
      const reports: ProgrammeImportReport[] = [];
      for (const path of ordered) reports.push(await client.call('POST', '/api/programme/stp-import', upload(path, { asOf })));
      return reports;
    },
    list: (resource, filters) => client.listRecords(resource, filters),
    grid: () => client.call('GET', '/api/programme/stp-grid'),
    close: () => client.close(),
  };
}

export async function connectProgramme(): Promise<ProgrammeClient> {
  const { connect, LocalClient } = await import('../client.js');
  const client = await connect(readConfig());
  if (client instanceof LocalClient) return local(client);
  if ('call' in client) return remote(client as ServerClient);
  throw new AppError('unavailable', 'No way to reach the database');
}
