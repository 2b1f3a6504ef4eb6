import { describeNhsFileKind, detectNhsFile, wrongNhsFileProblem } from '../../domain/registry/index.js';
import type { Actor, AppContext } from '../context.js';
import { formatLongDate, todayInEngland } from '../../domain/iso-date.js';
import { authorize, type RecordTypeName } from '../permissions.js';
import { type ImportKind, type ImportOptions, type ImportReport, rejectedReport } from './import-report.js';
import { importListSizesFile } from './import-list-sizes.js';
import { importOdsFile } from './import-ods.js';
import { importPcnFile } from './import-pcns.js';
import { importLocalIndicatorsFile } from '../quality/import-local-indicators.js';
import { importQofFile } from '../quality/import-qof.js';

/** Which record type's `import` permission each kind of NHS file needs. */
const permissionFor = { ods: 'practice', 'list-sizes': 'list_size', pcns: 'pcn', qof: 'indicator', indicators: 'indicator' } as const satisfies Record<ImportKind, RecordTypeName>;

/** Refuses, before any work starts, someone who may not import this kind of file. */
export function authorizeImport(actor: Actor, kind: ImportKind): void {
  authorize(actor, permissionFor[kind], 'import');
}

/** Imports one NHS file of the kind the user chose, refusing a file of another kind with a clear message. */
export async function importNhsFile(ctx: AppContext, kind: ImportKind, file: { name: string; content: Uint8Array }, options: ImportOptions = {}): Promise<ImportReport> {
  authorizeImport(ctx.actor, kind);
  // A release dated after today would stand as newer than every real file to come, which could then not correct it.
  if (options.asOf && options.asOf > todayInEngland()) {
    return rejectedReport(kind, file.name, [{ file: file.name, message: `the date given for it (${formatLongDate(options.asOf)}) is after today: give the day the file was published, or leave the date out` }]);
  }
  // Said as such, not as "not a file atscale recognises".
  if (file.content.length === 0) return rejectedReport(kind, file.name, [{ file: file.name, message: 'the file is empty' }]);
  const head = file.content.subarray(0, 8192);
  if (kind === 'ods' || kind === 'list-sizes') {
    const wrong = wrongNhsFileProblem(head, file.name, kind === 'ods' ? 'epraccur' : 'patients-registered');
    if (wrong) return rejectedReport(kind, file.name, [wrong]);
  }
  // Either PCN file will do; an ODS or list-size file offered instead is named for what it is.
  const other = kind === 'pcns' ? detectNhsFile(head, file.name) : null;
  if (other === 'epraccur' || other === 'patients-registered') {
    return rejectedReport(kind, file.name, [{ file: file.name, message: `this looks like ${describeNhsFileKind(other)}; expected ${describeNhsFileKind('epcn')} or ${describeNhsFileKind('practice-map')}` }]);
  }
  switch (kind) {
    case 'ods':
      return importOdsFile(ctx, file, options);
    case 'list-sizes':
      return importListSizesFile(ctx, file, options);
    case 'pcns':
      return importPcnFile(ctx, file, options);
    case 'qof':
      return importQofFile(ctx, file, options);
    case 'indicators':
      return importLocalIndicatorsFile(ctx, file, options);
  }
}
