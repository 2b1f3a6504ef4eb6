import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { databaseAnswers } from '../db/reachable.js';

/** How long the health check waits for the database before calling it unreachable. */
const answerWithinMs = 5_000;

/**
 * `GET /api/health` asks the database, so a monitor learns when atscale cannot reach it (PostgreSQL
 * stopped, its database dropped, a wrong DATABASE_URL): 503, and the reason in the log. PGlite
 * answers one transaction at a time, so while an import holds it the check waits: a slow answer
 * there is a busy database, not a lost one (it lives in this process), and is healthy.
 */
export function registerHealthRoute(app: FastifyInstance, database: Database) {
  app.get('/api/health', { config: { public: true } }, async (request, reply) => {
    const answer = await databaseAnswers(database, answerWithinMs);
    if (answer === 'ok' || (answer === 'late' && database.kind === 'pglite')) return { status: 'ok', database: database.kind };
    const reason = answer === 'late' ? `it did not answer within ${answerWithinMs / 1000} seconds` : answer.message;
    // The reason (a host, a port, a database's name) is for whoever reads the log, not anyone who asks.
    request.log.error({ database: database.location }, `health check: the database cannot be reached: ${reason}`);
    reply.status(503);
    return { status: 'unavailable', database: database.kind, message: 'The database cannot be reached: the server’s log says why' };
  });
}
