import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type AppErrorKind, type Problem } from '../domain/errors.js';

/** The API's half of the one error mapping: AppError kind → HTTP status. */
export const statusFor: Record<AppErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
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

/** PostgreSQL's unique_violation (23505), thrown by the driver or wrapped by Drizzle as its cause. */
export function uniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) if (e.code === '23505') return true;
  return false;
}

/** Turns whatever was thrown into one JSON shape: { error, message, problems[] naming fields or lines }. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  let appError: AppError | undefined;
  if (error instanceof AppError) appError = error;
  else if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = error.validation.map((v) => ({ field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'), message: v.message ?? 'is not valid' }));
    appError = new AppError('invalid', 'The request is not valid', { problems });
  } else if (uniqueViolation(error)) {
    // Two saves at once that the use case's own checks could not see: the database kept one.
    appError = new AppError('conflict', 'Someone else saved the same thing at the same moment, so this was not saved. Reload the page and try again');
  } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
    const code = (error as FastifyError).code;
    const kind: AppErrorKind = error.statusCode === 413 || code === 'FST_REQ_FILE_TOO_LARGE' ? 'too_large' : error.statusCode === 429 ? 'rate_limited' : error.statusCode === 415 ? 'unsupported' : error.statusCode === 404 ? 'not_found' : 'invalid';
    const message = kind === 'too_large' ? 'The file is too large' : kind === 'rate_limited' ? 'Too many attempts. Wait a minute and try again' : error.message;
    appError = new AppError(kind, message);
  }
  if (!appError) {
    request.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'Something went wrong on the server', problems: [] } satisfies ErrorBody);
  }
  const body: ErrorBody = { error: appError.kind, message: appError.message, problems: appError.problems };
  if (Object.keys(appError.details).length) body.details = appError.details;
  return reply.status(statusFor[appError.kind]).send(body);
}
