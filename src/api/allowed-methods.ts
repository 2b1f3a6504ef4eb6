import FindMyWay from 'find-my-way';
import type { FastifyInstance } from 'fastify';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * Records every route as it is added, so a request to a real path with a method it does not take is
 * told which methods it does (405 with Allow), not that there is no such endpoint. Call before any
 * route is registered; the returned function gives the methods a path takes (none: no such path).
 */
export function recordAllowedMethods(app: FastifyInstance): (path: string) => Method[] {
  const router = FindMyWay();
  const methods = new Set<Method>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat() as Method[]) {
      methods.add(method);
      router.on(method, route.url, () => undefined);
    }
  });
  return (path) => [...methods].filter((method) => router.find(method, path) !== null).sort();
}
