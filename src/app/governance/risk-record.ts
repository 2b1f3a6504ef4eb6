import { todayInEngland } from '../../domain/iso-date.js';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isOnTheMatrix, riskRating, riskRatings, riskScore } from '../../domain/governance/risk-score.js';
import { invalid } from '../../domain/errors.js';
import { risks, riskScoreHistory } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../context.js';
import { keptInAudit, type RecordType } from '../records/record-type.js';
import { closedOnOf, dateText, optionalText, ownersOnPeoplePage, ownerValues, scale, storedIn } from './fields.js';
import { refuseTaken } from '../records/clash.js';
import { importByRef } from './import-by-ref.js';
import { checkAll } from '../records/refusals.js';
import { riskRegisterLayout } from './import-risks.js';

export const riskInput = z.object({
  // Risks are shown as R1, R2…: a reference typed with its R is stored without it, so "R1" does not become "RR1".
  ref: z
    .string()
    .trim()
    .min(1, 'Enter a reference such as R1')
    .max(20)
    .transform((ref) => ref.replace(/^R\s*(?=\d)/i, '')),
  risk: z.string().trim().min(1, 'Describe the risk').max(1000),
  causeEffect: optionalText(2000),
  context: optionalText(200),
  ownerText: optionalText(200),
  likelihood: scale,
  likelihoodRaw: optionalText(20),
  impact: scale,
  targetScore: z.coerce.number().int().min(1, 'must be from 1 to 25').max(25, 'must be from 1 to 25').nullable().optional(),
  mitigation: optionalText(4000),
  reviewDate: dateText,
  status: z.enum(['open', 'closed']).optional(),
  closedOn: dateText,
});

/** A target score is a likelihood × impact of the 5 × 5 matrix: 7 or 11 cannot be reached. */
function refuseOffTheMatrix(target: number | null | undefined): void {
  if (target !== null && target !== undefined && !isOnTheMatrix(target)) {
    throw invalid('The target score is not on the 5 × 5 matrix', [{ field: 'targetScore', message: 'must be likelihood × impact, such as 4, 6 or 9' }]);
  }
}

/** Adds a score-history row when the likelihood or impact differs from the last one kept. */
async function keepScoreHistory(db: Db, riskId: number, actor: Actor): Promise<void> {
  const [risk] = await db.select({ likelihood: risks.likelihood, impact: risks.impact }).from(risks).where(eq(risks.id, riskId));
  if (!risk) return;
  const [last] = await db.select().from(riskScoreHistory).where(eq(riskScoreHistory.riskId, riskId)).orderBy(desc(riskScoreHistory.id)).limit(1);
  if (last && last.likelihood === risk.likelihood && last.impact === risk.impact) return;
  await db.insert(riskScoreHistory).values({
    riskId,
    likelihood: risk.likelihood,
    impact: risk.impact,
    score: riskScore(risk.likelihood, risk.impact),
    recordedOn: todayInEngland(),
    recordedBy: actor.label,
  });
}

/** The risk register (see src/db/schema/governance.ts). Score and rating are worked out, never typed. */
export const riskRecord: RecordType<z.infer<typeof riskInput>> = {
  name: 'risk',
  label: 'risk',
  ...storedIn(risks),
  fields: {
    ref: { header: 'Ref', column: risks.ref, kind: 'text', filter: 'exact', sortable: true, prefix: 'R' },
    risk: { header: 'Risk', column: risks.risk, kind: 'text', filter: 'search', sortable: true },
    causeEffect: { header: 'Cause and effect', column: risks.causeEffect, kind: 'text', filter: 'search' },
    context: { header: 'Context', column: risks.context, kind: 'text', filter: 'exact', sortable: true },
    ownerText: { header: 'Owner', column: risks.ownerText, kind: 'text', filter: 'search', sortable: true },
    likelihood: { header: 'Likelihood', column: risks.likelihood, kind: 'integer', filter: 'exact', sortable: true },
    likelihoodRaw: { header: 'Likelihood as written', column: risks.likelihoodRaw, kind: 'text' },
    impact: { header: 'Impact', column: risks.impact, kind: 'integer', filter: 'exact', sortable: true },
    // Worked out, never stored: sorted by likelihood × impact; present() gives the rows their values.
    score: { header: 'Score', column: sql`${risks.likelihood} * ${risks.impact}`, kind: 'integer', sortable: true },
    rating: { header: 'Rating', column: sql`NULL`, kind: 'text', labels: 'words' },
    targetScore: { header: 'Target score', column: risks.targetScore, kind: 'integer', sortable: true },
    mitigation: { header: 'Mitigation', column: risks.mitigation, kind: 'text', filter: 'search' },
    reviewDate: { header: 'Review date', column: risks.reviewDate, kind: 'date', sortable: true },
    status: { header: 'Status', column: risks.status, kind: 'text', filter: 'exact', sortable: true, labels: 'words' },
    closedOn: { header: 'Closed on', column: risks.closedOn, kind: 'date', sortable: true },
  },
  ...ownersOnPeoplePage,
  // Its owners record its review (asked to on My items); its words, owner and status are the federation's.
  ownersMayChange: ['likelihood', 'impact', 'mitigation', 'reviewDate'],
  defaultSort: 'ref',
  // Its score history goes with it (ON DELETE CASCADE); the audit keeps it.
  alsoDeleted: keptInAudit({ scoreHistory: { column: riskScoreHistory.riskId } }),
  createSchema: riskInput,
  updateSchema: riskInput.partial(),
  async prepare(db, input, existing) {
    const [, , owners] = await checkAll(
      [
        () => refuseOffTheMatrix(input.targetScore === undefined ? (existing?.targetScore as number | null) : input.targetScore),
        () => refuseTaken(db, { table: risks, id: risks.id, key: risks.ref }, input.ref, existing, { record: 'risk', key: 'reference', field: 'ref', shown: (ref) => `R${ref}` }),
        () => ownerValues(db, input, existing),
      ],
      'The risk is not valid',
    );
    // A likelihood a person changes on the 1–5 scale replaces the word the register was imported with; the form always
    // sends one, so the same likelihood sent back (closing the risk, say) keeps the word.
    const changedLikelihood = input.likelihood !== undefined && input.likelihood !== (existing?.likelihood ?? null);
    const raw = changedLikelihood && input.likelihoodRaw === undefined ? { likelihoodRaw: null } : {};
    return { ...input, ...raw, ...owners, closedOn: closedOnOf(input, existing) };
  },
  afterWrite: (db, riskId, _input, actor) => keepScoreHistory(db, riskId as number, actor),
  importCsv: (ctx, file) => importByRef(ctx, riskRecord, file, riskRegisterLayout),
  presents: { score: z.number().int().nullable(), rating: z.enum(riskRatings).nullable() },
  present: (row) => {
    const score = riskScore(row.likelihood as number | null, row.impact as number | null);
    return { ...row, score, rating: riskRating(score) };
  },
};
