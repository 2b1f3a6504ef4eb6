import { paysPractices } from '../../domain/schemes/settlement.js';
import { AppError, forbidden } from '../../domain/errors.js';
import type { ReportTable } from '../../domain/schemes/report-columns.js';
import { schemeReportTables } from '../../domain/schemes/report-tables.js';
import { runScheme, type SchemeRun } from '../../domain/schemes/run-scheme.js';
import type { PracticeStatement } from '../../domain/schemes/statement.js';
import type { AppContext } from '../context.js';
import { authorize, canSeePractice, practiceScope } from '../permissions.js';
import { restrictDefinition, restrictRun } from './practice-scope.js';
import { listVersions } from '../../db/repos/schemes.js';
import type { StoredDefinition } from './resolve-practices.js';
import { loadReadableVersion, loadSchemeVersion, runInputFor, seesDrafts, type LoadedVersion } from './scheme-inputs.js';
import { presentScheme, presentVersion, presentVersionSummary, type PresentedScheme, type VersionSummary } from './scheme-presenters.js';
import { refuseUnseenScheme } from './scheme-visibility.js';

export interface StoredSchemeRun {
  scheme: PresentedScheme;
  /** The version run, with the list-size snapshot its practices' list sizes came from. */
  version: VersionSummary;
  /** The engine's whole result: exact figures (as strings) beside the rounded ones, money in pence. */
  run: SchemeRun;
  /** The same as tables a person reads: allocation, payments, schedule, differences, footing, warnings… */
  tables: ReportTable[];
  footingNotes: string[];
}

export interface RunOptions {
  version?: number | undefined;
  reallocateDeclined?: boolean | undefined;
}

async function runLoaded(ctx: AppContext, loaded: LoadedVersion, options: RunOptions): Promise<StoredSchemeRun> {
  const run = restrictRun(runScheme(await runInputFor(ctx.db, loaded, options.reallocateDeclined)), practiceScope(ctx.actor));
  return {
    scheme: presentScheme(loaded.scheme),
    version: presentVersionSummary(loaded.version),
    run,
    tables: schemeReportTables(run, loaded.definition),
    footingNotes: run.footing.map((f) => f.note),
  };
}

/**
 * Runs a stored version of a scheme (the latest unless one is named) with the activity and hand
 * schedule recorded against it: the engine's `runScheme`, nothing re-worked here. A practice
 * manager gets their own practices' rows only.
 */
export async function runStoredScheme(ctx: AppContext, schemeId: number, options: RunOptions = {}): Promise<StoredSchemeRun> {
  authorize(ctx.actor, 'scheme', 'read');
  return runLoaded(ctx, await loadReadableVersion(ctx.db, ctx.actor, schemeId, options.version), options);
}

export interface StoredStatement {
  scheme: PresentedScheme;
  version: VersionSummary;
  funder: string;
  statement: PracticeStatement;
  /** The version pays practices (for activity recorded against it, or money shared): the statement says whether that has been invoiced and paid. */
  paysForActivity: boolean;
}

/** One practice's statement. A practice manager may only read their own practices' statements. */
export async function schemeStatement(ctx: AppContext, schemeId: number, practiceCode: string, options: RunOptions = {}): Promise<StoredStatement> {
  authorize(ctx.actor, 'scheme', 'read');
  const code = practiceCode.trim().toUpperCase();
  if (!canSeePractice(ctx.actor, code)) throw forbidden('You can only read the statements of your own practices');
  const loaded = await loadReadableVersion(ctx.db, ctx.actor, schemeId, options.version);
  const result = await runLoaded(ctx, loaded, options);
  const statement = result.run.statements.find((s) => s.practiceKey === code);
  if (!statement) throw new AppError('not_found', `Practice ${code} is not taking part in version ${loaded.version.version} of ${loaded.scheme.name}`);
  return { scheme: result.scheme, version: result.version, funder: loaded.definition.funder, statement, paysForActivity: paysPractices(loaded.definition) };
}

/**
 * Every version of a scheme, oldest first, each with its definition and status; a practice manager's
 * show only their own practices' entries. Only admins see a draft: for anyone else the list is the
 * approved (and superseded) versions, empty while the scheme is being prepared.
 */
export async function listSchemeVersions(ctx: AppContext, schemeId: number) {
  authorize(ctx.actor, 'scheme', 'read');
  const { scheme } = await loadSchemeVersion(ctx.db, schemeId);
  await refuseUnseenScheme(ctx.db, ctx.actor, schemeId);
  const scope = practiceScope(ctx.actor);
  const drafts = seesDrafts(ctx.actor);
  const items = (await listVersions(ctx.db, schemeId)).filter((row) => drafts || row.status !== 'draft').map((row) => presentVersion({ ...row, definition: restrictDefinition(row.definition as StoredDefinition, scope) }));
  return { scheme: presentScheme(scheme), items };
}
