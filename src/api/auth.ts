import '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveSession } from '../app/auth/sessions.js';
import { type Actor, cliActor } from '../app/context.js';
import { type Action, authorizeAny, type RecordTypeName } from '../app/permissions.js';
import type { Db } from '../db/client.js';
import { AppError } from '../domain/errors.js';
import { withoutAddresses } from '../domain/people/without-addresses.js';

export const sessionCookie = 'atscale_session';

/** The session cookie: out of scripts' reach, sent only to atscale, and kept as long as the session lasts. */
/** A browser-session cookie (no Max-Age): closing the browser on a shared PC ends the sign-in there; the server ends it after an hour unused. */
export const sessionCookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: 'strict' as const, secure, path: '/' });

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    csrfToken?: string;
    /** The request came from the CLI on the server's machine, with the token in the server's lock file. */
    fromCli?: boolean;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, OpenAPI). */
    public?: boolean;
    /** The answer is about the signed-in user themself (their session): their own address stays in it. */
    ownRecord?: boolean;
  }
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Sessions resolved in the last few seconds. PGlite serves one transaction at a time, so while an
 * import holds it a lookup would wait for the import to end — and the page following the import's
 * progress would stall. A short cache keeps polling live; signing out removes the entry at once,
 * and any change to a user empties it.
 */
const sessionCacheMs = 15_000;
const sessionCache = new Map<string, { session: Awaited<ReturnType<typeof resolveSession>>; at: number }>();

/** Goes up each time the cache is emptied, so a lookup that started before then is not stored after it. */
let cacheGeneration = 0;

async function cachedSession(db: Db, token: string) {
  const hit = sessionCache.get(token);
  if (hit && Date.now() - hit.at < sessionCacheMs) return hit.session;
  const startedIn = cacheGeneration;
  const session = await resolveSession(db, token);
  if (sessionCache.size > 10_000) sessionCache.clear();
  if (startedIn === cacheGeneration) sessionCache.set(token, { session, at: Date.now() });
  return session;
}

export const forgetSession = (token: string) => sessionCache.delete(token);

/** A change to any user (disabled, role, practices, their own password) takes effect on their very next request, not after the cache's seconds. */
const changesUsers = (request: FastifyRequest) => !['GET', 'HEAD', 'OPTIONS'].includes(request.method) && /^\/api\/(users(\/|$)|session\/password$)/.test(request.routeOptions.url ?? '');

/**
 * Who is asking: a session cookie (the web), or the bearer token the server wrote into its lock
 * file for the CLI on the same machine. State-changing requests made with a cookie must carry the
 * session's CSRF token in `x-csrf-token`; a bearer token cannot be sent by a browser on its own.
 */
export function registerAuth(app: FastifyInstance, db: Db, cliToken: string | undefined, secureCookies: boolean) {
  // Before the reply goes out, so no later request of the changed user can find the old entry.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 && changesUsers(request)) {
      cacheGeneration++;
      sessionCache.clear();
    }
    return payload;
  });
  // People's addresses are for admins: anyone else's answers name who did what by name alone.
  app.addHook('preSerialization', async (request: FastifyRequest, _reply, payload) => (request.actor && request.actor.role !== 'admin' && !request.routeOptions.config?.ownRecord ? withoutAddresses(payload) : payload));
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ') && cliToken && sameSecret(authorization.slice(7), cliToken)) {
      request.actor = cliActor(String(request.headers['x-atscale-user'] ?? 'cli'));
      request.fromCli = true;
    } else {
      const token = request.cookies[sessionCookie];
      if (token) {
        const session = await cachedSession(db, token);
        if (session) {
          request.actor = session.actor;
          request.csrfToken = session.csrfToken;
        }
      }
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
      if (unsafe && request.csrfToken) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameSecret(sent, request.csrfToken)) throw new AppError('forbidden', 'The form has expired or did not come from atscale. Reload the page and try again');
      }
    }
    if (!request.actor && !request.routeOptions.config?.public && request.url.startsWith('/api/')) {
      throw new AppError('unauthenticated', 'Sign in to continue');
    }
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue');
  return request.actor;
}

/**
 * A route hook that refuses, before the body is checked against its schema, someone who may not do
 * this to any record of the type: a commissioner posting a risk hears 403, not which fields are missing.
 */
export const refuseUnlessMay = (type: RecordTypeName, action: Action) => async (request: FastifyRequest) => authorizeAny(actorOf(request), type, action);
