import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { apiDescription, withConventions } from './openapi.js';
import { describeRoute } from './route-docs.js';
import type { LogLevel } from '../config.js';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { JobRunner } from '../app/jobs/jobs.js';
import type { Database } from '../db/client.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { registerHealthRoute } from './health.js';
import { loggedError } from './log-errors.js';
import { recordAllowedMethods } from './allowed-methods.js';
import { readQueriesStrictly } from './strict-queries.js';
import { addSecurityHeaders } from './security-headers.js';
import { AppError } from '../domain/errors.js';
import { registerGovernanceRoutes } from './routes/governance.js';
import { registerFinanceRoutes } from './routes/finance.js';
import { registerContractRoutes } from './routes/contracts.js';
import { registerFundRoutes } from './routes/funds.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerProgrammeRoutes } from './routes/programme.js';
import { registerRecordRoutes } from './routes/records.js';
import { registerRegistryRoutes } from './routes/registry.js';
import { registerReminderRoutes } from './routes/reminders.js';
import { registerSchemeRoutes } from './routes/schemes.js';
import { registerQualityRoutes } from './routes/quality.js';
import { registerSessionRoutes } from './routes/session.js';

export interface ServerOptions {
  database: Database;
  /** The token the CLI on this machine presents while the server owns the embedded database. */
  cliToken?: string;
  maxUploadBytes?: number;
  secureCookies?: boolean;
  /**
   * The reverse proxy's addresses (ATSCALE_TRUST_PROXY): a request from one of them is from the
   * address its X-Forwarded-For gives, so the sign-in limit counts each user's own address rather
   * than the proxy's (one address for everyone, which anyone could then lock out). Unset, none.
   */
  trustProxy?: string[];
  /** The built web app (dist/web); absent in API-only tests. */
  webRoot?: string;
  /** What the server logs; a 500's error and stack are logged at `error`. Silent by default (tests). */
  logLevel?: LogLevel;
  /** Where the log's JSON lines go: standard output unless given (a test reads them back). */
  logStream?: { write(line: string): void };
  /** Where the daily digest's mail goes out (SMTP_URL, SMTP_FROM) and the address its links use. */
  digest?: { smtpUrl?: string; from: string; baseUrl: string };
}

export type App = FastifyInstance;

/** Builds the HTTP server: one Fastify app serving the JSON API under /api and the web app. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel, serializers: { err: loggedError }, ...(options.logStream ? { stream: options.logStream } : {}) } : false, bodyLimit: 2 * 1024 * 1024, trustProxy: options.trustProxy?.length ? options.trustProxy : false }).withTypeProvider<ZodTypeProvider>();
  readQueriesStrictly(app);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const allowedMethods = recordAllowedMethods(app);
  addSecurityHeaders(app, options.secureCookies ?? false);
  // The API reads JSON and, for files, multipart forms: a text/plain body is refused (415), not read as a string the schema then calls the wrong type.
  app.removeContentTypeParser('text/plain');
  await app.register(swagger, {
    openapi: { info: { title: 'atscale API', version: '0.1.0', description: apiDescription } },
    transform: describeRoute,
    transformObject: (documentObject) => withConventions(jsonSchemaTransformObject(documentObject)),
  });
  await app.register(cookie);
  const maxUploadBytes = options.maxUploadBytes ?? 50 * 1024 * 1024;
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1 } });
  // readUpload names the limit when it refuses a file.
  app.decorate('maxUploadBytes', maxUploadBytes);
  // preHandler, so the sign-in limit can key on the email in the parsed body as well as the address.

  const { database } = options;
  // A job's unexpected error is said to its user only as a failure: the log keeps what it was.
  const jobs = new JobRunner(database.db, (error, job) => app.log.error({ err: error, job: job.id, kind: job.kind, file: job.fileName }, 'a job failed'));
  registerAuth(app, database.db, options.cliToken, options.secureCookies ?? false);
  const deps = { db: database.db, jobs, secureCookies: options.secureCookies ?? false, database, digest: options.digest ?? { from: 'atscale <atscale@localhost>', baseUrl: 'http://localhost:8080' } };

  registerHealthRoute(app, database);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await registerSessionRoutes(app, deps);
  await registerRegistryRoutes(app, deps);
  await registerImportRoutes(app, deps);
  await registerRecordRoutes(app, deps);
  await registerSchemeRoutes(app, deps);
  await registerProgrammeRoutes(app, deps);
  await registerGovernanceRoutes(app, deps);
  await registerReminderRoutes(app, deps);
  await registerFinanceRoutes(app, deps);
  await registerContractRoutes(app, deps);
  await registerFundRoutes(app, deps);
  await registerQualityRoutes(app, deps);

  // The web app routes in the browser: any other GET that is not the API gets index.html, or, where
  // the pages are not built, says why there is none; anything else is no endpoint at all.
  const pagesRoot = options.webRoot && webPagesBuilt(options.webRoot) ? options.webRoot : undefined;
  if (pagesRoot) await app.register(fastifyStatic, { root: pagesRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const page = request.method === 'GET' && !request.url.startsWith('/api/');
    if (page && pagesRoot) return reply.type('text/html').sendFile('index.html');
    const allowed = path.startsWith('/api/') ? allowedMethods(path) : [];
    if (allowed.length) {
      reply.header('Allow', allowed.join(', '));
      throw new AppError('method_not_allowed', `${path} does not take ${request.method}: it takes ${allowed.join(', ')}`);
    }
    return reply.status(404).send({ error: 'not_found', message: page ? WEB_NOT_BUILT : `No such endpoint: ${request.method} ${path}`, problems: [] });
  });
  return app;
}

/** Whether `npm start` (or vite build) has built the web pages into `webRoot`. */
export const webPagesBuilt = (webRoot: string) => existsSync(join(webRoot, 'index.html'));

/** What a server without the built web pages says, at start-up and to a browser. */
export const WEB_NOT_BUILT = 'The web pages are not built, so only the API is served: npm start builds them (or run npx vite build), then start again';

export type ServerDeps = { db: Database['db']; jobs: JobRunner; secureCookies: boolean; database: Database; digest: NonNullable<ServerOptions['digest']> };
