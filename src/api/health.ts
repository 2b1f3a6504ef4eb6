import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { databaseAnswers } from '../db/reachable.js';
import { z } from 'zod';

/** What the health check answers: 200 while the database answers, 503 (with a message) when it does not. */
const healthAnswer = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['pglite', 'postgres']), message: z.string().optional() });

/** How long the health check waits for the database before calling it unreachable. */
const answerWithinMs = 5_000;

/**
 * `GET /api/health` asks the database, so a monitor learns when atscale cannot reach it (PostgreSQL
 * stopped, its database dropped, a wrong DATABASE_URL): 503, and the reason in the log. PGlite
 * answers one transaction at a time, so while an import holds it the check waits: a slow answer
 * there is a busy database, not a lost one (it lives in this process), and is healthy.
 */
export function registerHealthRoute(app: FastifyInstance, database: Database) {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Whether the server can reach its database (for a monitor)', answers: { 200: healthAnswer.describe('the database answers'), 503: healthAnswer.describe('the database cannot be reached: the server’s log says why') } } }, async (request, reply) => {
    const answer = await databaseAnswers(database, answerWithinMs);
    if (answer === 'ok' || (answer === 'late' && database.kind === 'pglite')) return { status: 'ok', database: database.kind };
    const reason = answer === 'late' ? `it did not answer within ${answerWithinMs / 1000} seconds` : answer.message;
    // The reason (a host, a port, a database's name) is for whoever reads the log, not anyone who asks.
    request.log.error({ database: database.location }, `health check: the database cannot be reached: ${reason}`);
    reply.status(503);
    return { status: 'unavailable', database: database.kind, message: 'The database cannot be reached: the server’s log says why' };
  });
}
