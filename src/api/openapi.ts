import { sessionCookie } from './auth.js';
import { statusFor } from './errors.js';

/** What every caller of the API needs to know first: how to sign in, how money and dates are written, and what an error looks like. */
export const apiDescription = [
  'The atscale API: registry, groups, users, imports, schemes and payments, finance, contracts and funds, programme, governance, quality and audit for GP federations, PCNs and ICBs.',
  '',
  `**Signing in.** POST /api/session with {email, password} sets the session cookie (${sessionCookie}) and answers with the session's csrfToken (GET /api/session gives it again). Every request that changes something (POST, PATCH, PUT, DELETE) sends that token in the x-csrf-token header.`,
  '',
  '**Money.** Amounts read are whole pence in fields named …Pence (ratePence: 150 is £1.50); percentages are basis points in fields named …Bp (shareBp: 9500 is 95%). Amounts written are pounds, as a number or as text such as "£1,234.56", in the fields the forms name (amount, rate, value, sharePercent, federationFeePercent). Where a figure is given unrounded, it is text in pounds in a field named …Exact (or exact beside a total in pence). Report tables (tables[].rows) hold pounds, as their columns say.',
  '',
  '**Dates** are ISO 8601 (2018-04-01); financial years are written 2018/19.',
  '',
  '**Lists** take page (from 1), pageSize (up to 1000), sort, dir and each filter by its field name, and answer {items, total, page, pageSize}. A record list, its export, a finance report or the audit log refuses a name it does not take (400), naming it. Exports (…/export.csv, …/export.xlsx) take the same filters and hold every row that matches.',
  '',
  '**Changes** send the rowVersion they read; a stale one is refused with 409 and details { stale: true, sent, current } (another conflict, such as a name already taken, has no stale). A create answers 201; an NHS import answers 202 with a job to follow at /api/jobs/{id}.',
  '',
  '**Errors** are one JSON shape, {error, message, problems[{field | file, line, column, message}], details?}, with the status its error says.',
].join('\n');

const errorSchema = {
  type: 'object',
  required: ['error', 'message', 'problems'],
  properties: {
    error: { type: 'string', enum: [...Object.keys(statusFor), 'internal'] },
    message: { type: 'string', description: 'a sentence for a person' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message'],
        properties: { field: { type: 'string' }, file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'string' }, message: { type: 'string' } },
      },
    },
    details: { type: 'object', additionalProperties: true, description: 'on a change made from something changed since it was read: { stale: true, sent, current } (the rowVersion, revision or state sent and the one held now); on too many sign-ins, retryAfterSeconds' },
  },
};

type Operation = { operationId?: string; responses?: Record<string, unknown>; security?: unknown[]; requestBody?: { content?: Record<string, unknown> }; parameters?: { in: string }[] };
type Document = { components?: Record<string, Record<string, unknown>>; paths?: Record<string, Record<string, Operation>>; security?: unknown[] };

/** Public routes: anyone may call them, signed in or not. */
const publicPaths = new Set(['/api/health', '/api/session']);
/** Routes that count wrong guesses and refuse for a while after too many. */
const throttled = new Set(['post /api/session', 'post /api/session/password']);

/** The refusals an operation may answer with, each with the one error body: the status's kind and when. */
const refusals = {
  400: ['BadRequest', 'invalid: the request is not valid; problems name each field, or each file line and column'],
  401: ['Unauthenticated', 'unauthenticated: not signed in, or the session has ended'],
  403: ['Forbidden', 'forbidden: signed in, but the role may not do this (or not for this practice)'],
  404: ['NotFound', 'not_found: no such record, or none the reader may see'],
  409: ['Conflict', 'conflict: a name already taken, a record others rely on, or a stale change (details { stale: true, sent, current })'],
  413: ['TooLarge', 'too_large: the body or file is over the limit'],
  415: ['Unsupported', 'unsupported: the body is neither JSON nor a multipart form, or the file is not a kind this takes'],
  429: ['RateLimited', 'rate_limited: too many wrong attempts; details.retryAfterSeconds and the Retry-After header say when to try again'],
  503: ['Unavailable', 'unavailable: the database cannot be reached; try again later'],
} as const satisfies Record<number, readonly [string, string]>;

/** Which refusals an operation can answer with, from its method, address and body. */
function refusalsOf(method: string, path: string, operation: Operation): (keyof typeof refusals)[] {
  const statuses: (keyof typeof refusals)[] = [400];
  if (!publicPaths.has(path)) statuses.push(401, 403);
  if (path.includes('{')) statuses.push(404);
  // Signing in and out conflict with nothing; every other change may (a name taken, a stale rowVersion).
  if (method !== 'get' && !publicPaths.has(path)) statuses.push(409);
  if (operation.requestBody) statuses.push(413, 415);
  if (throttled.has(`${method} ${path}`)) statuses.push(429);
  statuses.push(503);
  return statuses;
}

/**
 * An operation's id, from its method and address, so it is stable while the address is and reads as
 * what it does: GET /api/risks/{id}/history is getRisksByIdHistory, GET /api/practices/export.{format}
 * getPracticesExportByFormat, POST /api/schemes/{id}/approve postSchemesByIdApprove.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .flatMap((part) => part.split(/(?=\{)|(?<=\})/))
    .filter(Boolean)
    .map((word) => (word.startsWith('{') ? `By${capitalised(word.slice(1, -1))}` : capitalised(word)));
  return method.toLowerCase() + words.join('');
}

/**
 * OpenAPI 3.0.3: an enum that may be null must list null, or a validator (ajv, a client's) refuses
 * the null that `nullable` allows; zod's conversion leaves it out.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowNullInNullableEnums);
  if (!node || typeof node !== 'object') return;
  const schema = node as { nullable?: boolean; enum?: unknown[] };
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  Object.values(node).forEach(allowNullInNullableEnums);
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Adds to the generated document what the zod schemas cannot say: the session cookie and CSRF
 * header, each operation's id, and the error body for each status it may answer with.
 */
export function withConventions<T>(document: T): T {
  const doc = document as Document;
  doc.components = { ...doc.components };
  doc.components.securitySchemes = {
    session: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'set by POST /api/session' },
    csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'the session’s csrfToken, on every change' },
  };
  doc.components.schemas = { ...doc.components.schemas, Error: errorSchema };
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  doc.components.responses = {
    ...doc.components.responses,
    Error: { description: 'Refused or failed: the status says why (400 not valid, 401 not signed in, 403 not allowed, 404 not found, 405 a method the path does not take (Allow lists those it does), 409 conflict or stale rowVersion, 413 too large, 415 wrong type, 429 too many sign-ins, 500 the server failed)', content: errorContent },
    ...Object.fromEntries(Object.values(refusals).map(([name, description]) => [name, { description, content: errorContent }])),
  };
  doc.security = [{ session: [] }];
  allowNullInNullableEnums(doc);
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      operation.operationId ??= operationIdOf(method, path);
      const refused = Object.fromEntries(refusalsOf(method, path, operation).map((status) => [status, { $ref: `#/components/responses/${refusals[status][0]}` }]));
      operation.responses = { ...refused, ...operation.responses, default: { $ref: '#/components/responses/Error' } };
      if (publicPaths.has(path)) operation.security = [{}, { session: [] }];
      else if (method !== 'get') operation.security = [{ session: [], csrf: [] }];
    }
  }
  return document;
}
