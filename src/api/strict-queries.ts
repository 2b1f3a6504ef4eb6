import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Every query is read strictly: a name a route does not take (a misspelt filter, a page on a report
 * that has none) is refused, naming it, rather than quietly ignored, so a program never takes an
 * unfiltered answer for a filtered one. A GET that declares no query takes none. Routes whose use
 * case reads the request itself (`readInUseCase`) refuse unknown names there.
 */
export function readQueriesStrictly(app: FastifyInstance): void {
  const strict: FastifySchemaCompiler<z.ZodType> = (route) =>
    validatorCompiler(route.httpPart === 'querystring' && route.schema instanceof z.ZodObject ? { ...route, schema: route.schema.strict() } : route);
  app.setValidatorCompiler(strict);
  app.addHook('onRoute', (route) => {
    const gets = [route.method].flat().includes('GET');
    if (gets && route.url.startsWith('/api/') && !route.schema?.querystring) route.schema = { ...route.schema, querystring: z.object({}) };
  });
}
