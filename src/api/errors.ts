import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { zodProblems } from '../app/records/zod-problems.js';
import { AppError, type AppErrorKind, type Problem } from '../domain/errors.js';

/** The API's half of the one error mapping: AppError kind → HTTP status. */
export const statusFor: Record<AppErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  year_closed: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: AppErrorKind | 'internal';
  message: string;
  problems: Problem[];
  details?: Record<string, unknown>;
}

/** The PostgreSQL error (SQLSTATE code and message) thrown by the driver, or wrapped by Drizzle as its cause. */
function postgresError(error: unknown): { code: string; message: string } | undefined {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, message: String(e.message ?? '') };
  }
  return undefined;
}

/** PostgreSQL's unique_violation (23505). */
export function uniqueViolation(error: unknown): boolean {
  return postgresError(error)?.code === '23505';
}

/**
 * PostgreSQL's data exceptions (class 22: a number out of range, an impossible date) reach here
 * only when a value passed the request's checks but not the column's type: the request is at
 * fault, so it is a 400 that says what the database said, not a 500.
 */
export function dataException(error: unknown): string | undefined {
  const pg = postgresError(error);
  return pg?.code.startsWith('22') ? pg.message : undefined;
}

/** Node's own reasons a connection to PostgreSQL failed (refused, host unknown, timed out, reset). */
const connectionFailures = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

/**
 * The database could not be reached or has gone (PostgreSQL stopped, its database dropped, the
 * network down; the embedded one closed at shutdown): the server cannot answer, but it is not a
 * fault in it, so it is a 503 to try again later, as the health check says.
 */
export function databaseUnreachable(error: unknown): boolean {
  const code = postgresError(error)?.code;
  // 08: connection exceptions; 57P01–57P03: the server shutting down or starting; 3D000: no such database.
  if (code && (code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '3D000')) return true;
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 4; e = (e.cause ?? e.errors?.[0]) as typeof e, depth++) {
    if (typeof e.code === 'string' && connectionFailures.has(e.code)) return true;
    if (typeof e.message === 'string' && /^(Connection terminated|PGlite is closed)/.test(e.message)) return true;
  }
  return false;
}

/** Turns whatever was thrown into one JSON shape: { error, message, problems[] naming fields or lines }. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  let appError: AppError | undefined;
  const refusedValue = dataException(error);
  if (error instanceof AppError) appError = error;
  else if (hasZodFastifySchemaValidationErrors(error)) {
    // A field is named as it is written in the body, query or address ("lines.0.amount", "rowVersion"), as a use case's own checks name it.
    const problems = error.validation.flatMap((v) => {
      // A name the request does not take is named itself, as the lists' own checks name it.
      const unknown = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
      if (unknown?.length) return unknown.map((key) => ({ field: key, message: 'is not an option here' }));
      return [{ field: String(v.instancePath).split('/').filter(Boolean).join('.') || error.validationContext, message: v.message ?? 'is not valid' }];
    });
    appError = new AppError('invalid', 'The request is not valid', { problems });
  } else if (error instanceof ZodError) {
    // A use case's own parse (an id from the address, a list query) that the route did not check first.
    appError = new AppError('invalid', 'The request is not valid', { problems: zodProblems(error) });
  } else if (refusedValue) {
    request.log.warn({ err: error }, 'the database refused a value the request held');
    appError = new AppError('invalid', `The request holds a value the database cannot store: ${refusedValue}`);
  } else if (databaseUnreachable(error)) {
    request.log.error({ err: error }, 'the database cannot be reached');
    appError = new AppError('unavailable', 'The database cannot be reached, so nothing was read or saved. Try again in a few minutes; if it goes on, tell whoever runs atscale');
  } else if (uniqueViolation(error)) {
    // Two saves at once that the use case's own checks could not see: the database kept one.
    appError = new AppError('conflict', 'Someone else saved the same thing at the same moment, so this was not saved. Reload the page and try again');
  } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
    const code = (error as FastifyError).code;
    const kind: AppErrorKind = error.statusCode === 413 || code === 'FST_REQ_FILE_TOO_LARGE' ? 'too_large' : error.statusCode === 429 ? 'rate_limited' : error.statusCode === 415 ? 'unsupported' : error.statusCode === 404 ? 'not_found' : 'invalid';
    const tooLarge = code === 'FST_REQ_FILE_TOO_LARGE' || request.isMultipart() ? 'The file is too large' : 'The request is too large';
    const message = kind === 'too_large' ? tooLarge : kind === 'rate_limited' ? 'Too many attempts. Wait a minute and try again' : error.message;
    appError = new AppError(kind, message);
  }
  if (!appError) {
    request.log.error({ err: error }, 'the server could not answer a request');
    return reply.status(500).send({ error: 'internal', message: 'Something went wrong on the server', problems: [] } satisfies ErrorBody);
  }
  const body: ErrorBody = { error: appError.kind, message: appError.message, problems: appError.problems };
  if (Object.keys(appError.details).length) body.details = appError.details;
  if (typeof appError.details.retryAfterSeconds === 'number') void reply.header('retry-after', String(appError.details.retryAfterSeconds));
  return reply.status(statusFor[appError.kind]).send(body);
}
