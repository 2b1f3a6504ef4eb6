import { formatLongDate, isoDateSchema } from '../../domain/iso-date.js';
import { z } from 'zod';
import { figuresBetween, findGroup, groupMembersOn, practiceNames } from '../../db/repos/quality.js';
import { findScheme, listVersions } from '../../db/repos/schemes.js';
import { invalid, notFound } from '../../domain/errors.js';
import { evaluateScheme, type SchemeEvaluation } from '../../domain/quality/comparisons.js';
import { versionInForce } from '../../domain/schemes/versions.js';
import type { Indicator } from '../../domain/quality/indicators.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import type { StoredDefinition } from '../schemes/resolve-practices.js';
import { loadIndicator } from './catalogue.js';
import { refuseUnseenScheme } from '../schemes/scheme-visibility.js';
import { recordIdSchema } from '../../domain/record-id.js';

const isoDate = isoDateSchema;
export const evaluationQuerySchema = z
  .object({
    indicator: z.string().trim().min(1, 'Choose an indicator').max(60),
    group: recordIdSchema.optional(),
    scheme: recordIdSchema.optional(),
    comparison: recordIdSchema.optional(),
    beforeFrom: isoDate,
    beforeTo: isoDate,
    afterFrom: isoDate,
    afterTo: isoDate,
  })
  .refine((q) => (q.group === undefined) !== (q.scheme === undefined), { message: 'Choose either a group or a scheme whose practices signed up', path: ['group'] })
  .refine((q) => q.beforeFrom <= q.beforeTo && q.afterFrom <= q.afterTo, { message: 'Each period must start on or before it ends', path: ['beforeTo'] })
  .refine((q) => q.beforeTo < q.afterFrom, { message: 'The before period must end before the after period starts', path: ['afterFrom'] });
export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;

export interface SchemeEvaluationView extends SchemeEvaluation {
  indicator: Indicator;
  signedUpFrom: string;
  comparedWith: string;
  names: Record<string, string>;
}

/**
 * The practices a stored scheme's version in force lists, split by whether they take part. The
 * version in force for everyone, admins too: an evaluation is about what practices signed up to and
 * delivered, and a draft being prepared (perhaps with other practices) has not been delivered yet.
 */
async function schemeParticipants(ctx: AppContext, schemeId: number): Promise<{ name: string; yes: string[]; no: string[] }> {
  const { db } = ctx;
  await refuseUnseenScheme(db, ctx.actor, schemeId);
  const scheme = await findScheme(db, schemeId);
  if (!scheme) throw notFound(`Scheme ${schemeId}`);
  const inForce = versionInForce(await listVersions(db, schemeId));
  if (!inForce) throw invalid('There are no signed-up practices to evaluate', [{ field: 'scheme', message: `${scheme.name} has no approved version yet: practices sign up to a scheme once the federation approves it.` }]);
  const definition = inForce.definition as StoredDefinition;
  const entries = definition.practices.filter((p) => p.odsCode);
  return { name: definition.name, yes: entries.filter((p) => p.participation !== 'no' && p.participation !== 'unknown').map((p) => p.odsCode!), no: entries.filter((p) => p.participation === 'no').map((p) => p.odsCode!) };
}

async function groupName(db: Db, id: number): Promise<string> {
  const group = await findGroup(db, id);
  if (!group) throw notFound(`Group ${id}`);
  return group.name;
}

/**
 * A local scheme's practices against the others, before against after, on one indicator:
 * signed-up practices are a group's members at the start of the after period, or a stored
 * scheme's participants; the others are the comparison group's remaining members, the scheme's
 * non-participants, or every other practice with figures.
 */
export async function evaluateLocalScheme(ctx: AppContext, query: EvaluationQuery): Promise<SchemeEvaluationView> {
  authorize(ctx.actor, 'indicator', 'read');
  const { indicator } = await loadIndicator(ctx.db, query.indicator);
  let signed: string[];
  let others: string[] | null = null;
  let signedUpFrom: string;
  let noneSigned: string;
  if (query.scheme !== undefined) {
    const scheme = await schemeParticipants(ctx, query.scheme);
    signed = scheme.yes;
    if (scheme.no.length) others = scheme.no;
    signedUpFrom = `practices taking part in ${scheme.name}`;
    noneSigned = `${scheme.name} lists no practices as taking part.`;
  } else {
    signed = (await groupMembersOn(ctx.db, query.group!, query.afterFrom)).map((m) => m.practice_code);
    const name = await groupName(ctx.db, query.group!);
    signedUpFrom = `members of ${name} on ${formatLongDate(query.afterFrom)}`;
    noneSigned = `${name} had no members on ${formatLongDate(query.afterFrom)}, the first day of the after period. Choose an after period that starts once its practices had joined.`;
  }
  let comparedWith = others ? 'practices listed in the scheme as not taking part' : 'every other practice with figures';
  if (query.comparison !== undefined) {
    others = (await groupMembersOn(ctx.db, query.comparison, query.afterFrom)).map((m) => m.practice_code);
    comparedWith = `other members of ${await groupName(ctx.db, query.comparison)}`;
  }
  if (!signed.length) throw invalid('There are no signed-up practices to evaluate', [{ field: query.scheme ? 'scheme' : 'group', message: noneSigned }]);
  const signedSet = new Set(signed);
  const wanted = others === null ? null : [...new Set([...signed, ...others])];
  const rows = await figuresBetween(ctx.db, indicator.code, query.beforeFrom, query.afterTo, wanted);
  const byPractice = new Map<string, { before: typeof rows; after: typeof rows }>();
  for (const r of rows) {
    const inBefore = r.period >= query.beforeFrom && r.period <= query.beforeTo;
    const inAfter = r.period >= query.afterFrom && r.period <= query.afterTo;
    if (!inBefore && !inAfter) continue;
    const entry = byPractice.get(r.practice_code) ?? { before: [], after: [] };
    (inBefore ? entry.before : entry.after).push(r);
    byPractice.set(r.practice_code, entry);
  }
  const figure = (r: (typeof rows)[number]) => ({ practiceCode: r.practice_code, numerator: r.numerator, denominator: r.denominator, value: r.value });
  const evaluation = evaluateScheme(
    [...byPractice].map(([practiceCode, e]) => ({ practiceCode, signedUp: signedSet.has(practiceCode), before: e.before.map(figure), after: e.after.map(figure) })),
    indicator.unit,
  );
  const names = await practiceNames(ctx.db, [...byPractice.keys()]);
  return { ...evaluation, indicator, signedUpFrom, comparedWith, names };
}
