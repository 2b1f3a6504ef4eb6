import { asc } from 'drizzle-orm';
import { allContracts, applicationsByPractice, subContractsOf } from '../../db/repos/contracts.js';
import { listVersions, registryPractices } from '../../db/repos/schemes.js';
import { schemes } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { capitalise } from '../../domain/problem-sentence.js';
import { sumPence } from '../../domain/funds/fund-applications.js';
import type { ContributionBasis } from '../../domain/schemes/contribution-basis.js';
import type { PracticeStatement } from '../../domain/schemes/statement.js';
import { hasBeenApproved } from '../../domain/schemes/returns-due.js';
import { versionInForce } from '../../domain/schemes/versions.js';
import { isPaid, type Settlement } from '../../domain/schemes/settlement.js';
import type { AppContext } from '../context.js';
import { canSeePractice, isAllowed } from '../permissions.js';
import { runStoredScheme } from '../schemes/run-stored-scheme.js';
import { schemesSeenBy } from '../schemes/scheme-visibility.js';

export interface PracticeSchemeMoney {
  schemeId: number;
  name: string;
  version: number;
  /** Earned by the practice for the activity it delivered, or its share of money per head (paid or not yet: see `settlement`); null when the scheme pays nothing per practice. */
  receivesPence: number | null;
  /** Whether that payment was invoiced to the commissioner and paid to practices, as the version's statement says. */
  settlement: Settlement;
  /** What the practice is paid for, as its statement (same run) sums it up: "208 appointments delivered", or its share of money per head; null when it is paid nothing. */
  delivered: string | null;
  /** The practice's contribution to the scheme's costs, all years; null when it has no cost model. */
  paysPence: number | null;
  years: { year: string; paysPence: number }[];
  /** Which schedule the contribution is (the cost model's, as on the statement); null with no cost model. */
  contributionBasis: ContributionBasis | null;
}

export interface PracticeMoney {
  practice: { odsCode: string; name: string };
  schemes: PracticeSchemeMoney[];
  subContracts: { contractId: number; title: string; sharePercent: number; signedDate: string | null }[];
  fundApplications: Awaited<ReturnType<typeof applicationsByPractice>>;
  /** What schemes have paid the practice, what it has earned under them and not yet been paid, and what it contributes. */
  totals: { paidPence: number; notYetPaidPence: number; paysPence: number };
}

/**
 * What one practice receives and pays across the federation's work: each scheme's payment for
 * delivered activity (earned, and paid only once the federation records paying the practices) with
 * what was delivered, and its contribution to costs (from the schemes engine, as on its statement),
 * the sub-contracts it holds with its share, and its own fund applications with what was drawn.
 * A practice manager sees their own practices only.
 */
export async function practiceMoney(ctx: AppContext, practiceCode: string): Promise<PracticeMoney> {
  // The page spans schemes and contracts: someone who may not read both is told what the page is, not a record type.
  if (!isAllowed(ctx.actor, 'scheme', 'read') || !isAllowed(ctx.actor, 'contract', 'read')) throw forbidden('A practice’s money page includes its contracts and sub-contracts, which are for its practice manager, the federation and the commissioner to see. Each scheme’s payments to practices are on the scheme’s page.');
  const code = practiceCode.trim().toUpperCase();
  if (!canSeePractice(ctx.actor, code)) throw forbidden('You can only see the money of your own practices');
  const name = (await registryPractices(ctx.db, [code])).get(code)?.displayName;
  if (name === undefined) throw notFound(`Practice ${code}`);

  const schemeMoney: PracticeSchemeMoney[] = [];
  // Only the schemes the reader may see: another federation's scheme is not this page's to run (or name).
  for (const scheme of await ctx.db.select({ id: schemes.id, status: schemes.status, currentVersion: schemes.currentVersion }).from(schemes).where(schemesSeenBy(ctx.actor)).orderBy(asc(schemes.name))) {
    // A practice's money is what the approved version in force pays or asks, for everyone: an admin's draft is not money yet.
    if (!hasBeenApproved(scheme)) continue;
    const inForce = versionInForce(await listVersions(ctx.db, scheme.id));
    if (!inForce) continue;
    const { run, version } = await runStoredScheme(ctx, scheme.id, { version: inForce.version });
    const payment = run.payments?.rows.find((r) => r.practiceKey === code);
    const schedule = run.multiYear?.practices.find((p) => p.practiceKey === code);
    const statement = run.statements.find((s) => s.practiceKey === code);
    // Money shared per head is the practice's share of the pot by list size, paid whatever it delivers.
    const share = run.allocation.rows.find((r) => r.practiceKey === code && r.quantityPence !== null);
    if (!payment && !schedule && !share) continue;
    schemeMoney.push({
      schemeId: scheme.id,
      name: run.scheme.name,
      version: version.version,
      receivesPence: payment?.amountPence ?? share?.quantityPence ?? null,
      settlement: { invoiced: version.invoiced, paid: version.paid },
      delivered: statement?.delivered ?? (share && statement ? shareWords(statement) : null),
      paysPence: schedule?.totalPence ?? null,
      years: schedule?.years.map((y) => ({ year: y.year, paysPence: y.contributionPence })) ?? [],
      contributionBasis: schedule ? run.multiYear!.basis : null,
    });
  }
  const contracts = await allContracts(ctx.db);
  const subContracts = (await subContractsOf(ctx.db, contracts.map((c) => c.id)))
    .filter((s) => s.practiceCode === code)
    .map((s) => ({ contractId: s.contractId, title: contracts.find((c) => c.id === s.contractId)!.title, sharePercent: s.shareBp / 100, signedDate: s.signedDate }));
  return {
    practice: { odsCode: code, name },
    schemes: schemeMoney,
    subContracts,
    fundApplications: await applicationsByPractice(ctx.db, code),
    totals: {
      paidPence: sumPence(schemeMoney.filter((s) => isPaid(s.settlement)).map((s) => s.receivesPence ?? 0)),
      notYetPaidPence: sumPence(schemeMoney.filter((s) => !isPaid(s.settlement)).map((s) => s.receivesPence ?? 0)),
      paysPence: sumPence(schemeMoney.map((s) => s.paysPence ?? 0)),
    },
  };
}

/** A share of money per head as the statement gives it: "Its share of £32,725.50: 2.84% (list of 9,301 out of 327,255)". */
function shareWords(statement: PracticeStatement): string {
  const detail = (label: string) => statement.lines.find((l) => l.label === label)?.detail ?? '';
  return `${capitalise(detail('Allocation'))}: ${detail('Share')}`;
}
