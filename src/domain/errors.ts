/**
 * The one error type of atscale. Domain rules, use cases, the API and the CLI all speak it:
 * the API maps `kind` to an HTTP status in one table (src/api/errors.ts) and the CLI maps it
 * to an exit code (src/cli/output.ts). Nothing below the API knows about HTTP.
 */
// Plain words for schema limits in every message (see zod-messages.ts).
import './zod-messages.js';

export type AppErrorKind =
  | 'invalid' // the input breaks a rule: 400
  | 'unauthenticated' // nobody is signed in: 401
  | 'forbidden' // signed in, but not allowed: 403
  | 'not_found' // 404
  | 'method_not_allowed' // a real path asked with a method it does not take: 405
  | 'conflict' // a stale edit or a duplicate: 409
  | 'year_closed' // a change to the figures of a financial year whose accounts are closed: 409
  | 'too_large' // an upload over the limit: 413
  | 'unsupported' // a wrong file type: 415
  | 'rate_limited' // 429
  | 'unavailable'; // a service we depend on is not there (e.g. the database is locked): 503

/** Where in an input file (or which field of a request) a problem is. Lines and columns count from 1. */
export interface ProblemLocation {
  file?: string;
  line?: number;
  column?: number | string;
  field?: string;
  /** The problem is with the file as a whole (its header, its kind, nothing in it), not with one of its rows. */
  wholeFile?: true;
}

export interface Problem extends ProblemLocation {
  message: string;
}

/** The rows a rejected file's problems name (a row with two problems counts once); 0 when only the file as a whole was refused. */
export function rejectedRows(problems: readonly Problem[]): number {
  return new Set(problems.filter((p) => p.line !== undefined && !p.wholeFile).map((p) => p.line)).size;
}

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly problems: Problem[];
  readonly details: Record<string, unknown>;

  constructor(kind: AppErrorKind, message: string, options: { problems?: Problem[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.problems = options.problems ?? [];
    this.details = options.details ?? {};
  }
}

export const invalid = (message: string, problems: Problem[] = []) => new AppError('invalid', message, { problems });
export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError('forbidden', message);
export const conflict = (message: string, details: Record<string, unknown> = {}, problems: Problem[] = []) => new AppError('conflict', message, { details, problems });
/**
 * A change made from something that has changed since it was read (a row version, a revision of
 * figures, an invoice's state): a conflict whose details say so in one shape, `{ stale: true, sent,
 * current }`, so a program can tell it from a conflict of another kind (a name taken, a record in
 * use) and reload. People are told in `message`.
 */
export const staleChange = (message: string, sent: unknown, current: unknown) => conflict(message, { stale: true, sent: sent ?? null, current: current ?? null });

/** Formats a problem as people read it: "epraccur.csv line 12, column 11: open date '2018-13-01' is not a date". */
export function describeProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : undefined, p.column !== undefined ? `column ${p.column}` : undefined, p.field ? `field ${p.field}` : undefined]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}
