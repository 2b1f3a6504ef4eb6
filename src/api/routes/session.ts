import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionLifetimeMs, signIn, signOut } from '../../app/auth/sessions.js';
import { roleLabels } from '../../app/context.js';
import { roleChoices } from '../../app/users/roles.js';
import { actorOf, forgetSession, sessionCookie } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { SignInThrottle } from '../sign-in-throttle.js';

const signInBody = z.object({ email: z.string().trim().min(1, 'Enter your email address'), password: z.string().min(1, 'Enter your password') });

export async function registerSessionRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new SignInThrottle();
  r.post(
    '/api/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Sign in', body: signInBody },
    },
    async (request, reply) => {
      const key = `${request.ip}:${request.body.email.toLowerCase()}`;
      throttle.check(key);
      const result = await signIn(deps.db, request.body.email, request.body.password).catch((error: unknown) => {
        throttle.failed(key);
        throw error;
      });
      reply.setCookie(sessionCookie, result.token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, path: '/', maxAge: sessionLifetimeMs / 1000 });
      return { user: presentActor(result.actor), csrfToken: result.csrfToken };
    },
  );
  r.get('/api/session', { schema: { tags: ['session'], summary: 'Who is signed in' } }, async (request) => ({ user: presentActor(actorOf(request)), csrfToken: request.csrfToken ?? null }));
  r.delete('/api/session', { config: { public: true }, schema: { tags: ['session'], summary: 'Sign out' } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) {
      forgetSession(token);
      await signOut(deps.db, token);
    }
    reply.clearCookie(sessionCookie, { path: '/' });
    return { signedOut: true };
  });
  r.get('/api/roles', { schema: { tags: ['users'], summary: 'Each role with its label and, in one line, what it may do (admins: the users page)' } }, async (request) => roleChoices({ db: deps.db, actor: actorOf(request) }));
}

function presentActor(actor: ReturnType<typeof actorOf>) {
  return { id: actor.userId, label: actor.label, role: actor.role, roleLabel: roleLabels[actor.role], practiceCodes: actor.practiceCodes };
}
