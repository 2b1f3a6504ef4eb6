import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn, signOut } from '../../app/auth/sessions.js';
import { type Actor, roleLabels, roles } from '../../app/context.js';
import { roleChoices } from '../../app/users/roles.js';
import { actorOf, forgetSession, refuseUnlessMay, sessionCookie, sessionCookieOptions } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { SignInThrottle } from '../sign-in-throttle.js';
import { changeOwnPassword, ownPasswordSchema } from '../../app/auth/own-password.js';
import { anonymiseUser } from '../../app/users/anonymise-user.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { AppError } from '../../domain/errors.js';

const signInBody = z.object({ email: z.string().trim().min(1, 'Enter your email address'), password: z.string().min(1, 'Enter your password') });
const sessionUser = z.object({ id: z.number().int().nullable(), label: z.string(), role: z.enum(roles), roleLabel: z.string(), practiceCodes: z.array(z.string()).readonly() });
/** Who is asking, or nobody: `user` is null before sign-in, an answer rather than a failure, so a page opening on the sign-in form logs no refused request. */
const whoIsAsking = z.object({ user: sessionUser.nullable(), csrfToken: z.string().nullable() });

export async function registerSessionRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new SignInThrottle();
  const fromOneAddress = new SignInThrottle(30);
  r.post(
    '/api/session',
    {
      config: { public: true, ownRecord: true },
      schema: { tags: ['session'], summary: 'Sign in', body: signInBody },
    },
    async (request, reply) => {
      // One user's password guessed from an address, and many users' (one password tried on each) from it.
      const oneUser = `${request.ip}:${request.body.email.toLowerCase()}`;
      throttle.check(oneUser);
      fromOneAddress.check(request.ip);
      const from = { address: request.ip, ...(request.headers['user-agent'] ? { browser: request.headers['user-agent'].slice(0, 200) } : {}) };
      const result = await signIn(deps.db, request.body.email, request.body.password, new Date(), from).catch((error: unknown) => {
        throttle.failed(oneUser);
        fromOneAddress.failed(request.ip);
        throw error;
      });
      reply.setCookie(sessionCookie, result.token, sessionCookieOptions(deps.secureCookies));
      return { user: presentActor(result.actor), csrfToken: result.csrfToken };
    },
  );
  r.get(
    '/api/session',
    { config: { public: true, ownRecord: true }, schema: { tags: ['session'], summary: 'Who is signed in, with the CSRF token; { user: null } when nobody is (every other endpoint answers 401)', response: { 200: whoIsAsking } } },
    async (request, reply) => {
      if (request.actor) return { user: presentActor(request.actor), csrfToken: request.csrfToken ?? null };
      // A cookie naming a session that has ended (expired, signed out elsewhere, user disabled) is put away.
      if (request.cookies[sessionCookie]) reply.clearCookie(sessionCookie, { path: '/' });
      return { user: null, csrfToken: null };
    },
  );
  r.delete('/api/session', { config: { public: true }, schema: { tags: ['session'], summary: 'Sign out' } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) {
      forgetSession(token);
      await signOut(deps.db, token);
    }
    reply.clearCookie(sessionCookie, { path: '/' });
    return { signedOut: true };
  });
  // Guessing the current password is held back as guessing at sign-in is: 10 wrong a minute for one user.
  const currentPasswordGuesses = new SignInThrottle();
  r.post('/api/session/password', { config: { ownRecord: true }, schema: { tags: ['session'], summary: 'Change your own password, saying your current one; your other sign-ins end', body: ownPasswordSchema } }, async (request) => {
    const actor = actorOf(request);
    const key = `user:${actor.userId}`;
    currentPasswordGuesses.check(key);
    return changeOwnPassword({ db: deps.db, actor }, request.body).catch((error: unknown) => {
      if (error instanceof AppError && error.problems.some((p) => p.field === 'currentPassword')) currentPasswordGuesses.failed(key);
      throw error;
    });
  });
  r.post('/api/users/:id/anonymise', { preValidation: refuseUnlessMay('user', 'update'), schema: { tags: ['users'], summary: 'Anonymise a disabled user who has left (admins): their name and email become “Former user N” in their user and wherever their sign-in was recorded', params: z.object({ id: recordIdSchema }) } }, async (request) =>
    anonymiseUser({ db: deps.db, actor: actorOf(request) }, request.params.id),
  );
  r.get('/api/roles', { schema: { tags: ['users'], summary: 'Each role with its label and, in one line, what it may do (admins: the users page)', answers: { 200: z.object({ items: z.array(z.object({ role: z.enum(roles), label: z.string(), description: z.string() })) }) } } }, async (request) => roleChoices({ db: deps.db, actor: actorOf(request) }));
}

function presentActor(actor: Actor) {
  return { id: actor.userId, label: actor.label, role: actor.role, roleLabel: roleLabels[actor.role], practiceCodes: actor.practiceCodes };
}
