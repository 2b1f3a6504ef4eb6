import { z } from 'zod';
import { poundsField } from '../../domain/contracts/pounds-and-years.js';
import { forbidden, invalid, notFound, staleChange } from '../../domain/errors.js';
import { checkApprovalDate, checkBusinessCase, checkDrawdown, checkDrawdownDate, checkFitsPot, commitmentOf, type AmountAsked, decide, decisionOutcomes, sumPence, withdraw, type ApplicationMoney } from '../../domain/funds/fund-applications.js';
import { formatLongDate, todayInEngland, isoDateSchema, refuseFutureDate } from '../../domain/iso-date.js';
import { registryPractices } from '../../db/repos/schemes.js';
import { deleteDrawdown, drawdownsOf, findApplication, insertApplication, insertDrawdown, linesOf, lockFund, updateApplicationIfUnchanged, type ApplicationRow } from '../../db/repos/contracts.js';
import { departuresOf, localitiesOn } from '../../db/repos/registry.js';
import { wentOn } from '../../domain/groups/departures.js';
import type { Db } from '../../db/client.js';
import { refuseChangeInClosedYears } from '../finance/closed-years.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize, authorizeAny } from '../permissions.js';
import { canSeeApplication, findFund, loadFundState, type FundState } from './fund-report.js';
import { recordIdSchema, rowVersionSchema } from '../../domain/record-id.js';
import { GP_PRACTICE_CODE } from '../../domain/registry/ods-codes.js';

export const applicationSchema = z.object({
  /** The applying locality; left out when a practice applies (its locality is looked up). */
  localityGroupId: recordIdSchema.optional(),
  practiceCode: z.string().trim().toUpperCase().regex(GP_PRACTICE_CODE, 'must be an ODS practice code such as C82001').optional(),
  title: z.string().trim().min(1, 'Enter a title').max(200),
  purpose: z.string().trim().min(1, 'Say what the money is for').max(4000),
  milestones: z.string().trim().max(4000).optional(),
  lines: z.array(z.object({ description: z.string().trim().max(300), amount: poundsField })).min(1, 'add at least one costed line').max(50),
  /** The day it was made, when a paper application is recorded afterwards (today when left out). */
  submittedOn: isoDateSchema.optional(),
});

export const decisionSchema = z.object({
  outcome: z.enum(decisionOutcomes, { message: 'Choose approve, part_approve or reject' }),
  approvedAmount: poundsField.optional(),
  reason: z.string().trim().max(2000).optional(),
  /** The day it was decided, when recorded afterwards (today when left out). */
  decidedOn: isoDateSchema.optional(),
  rowVersion: rowVersionSchema,
});

export const drawdownSchema = z.object({
  amount: poundsField,
  drawnOn: isoDateSchema,
  evidence: z.string().trim().max(2000),
});

const inTransaction = <T>(ctx: AppContext, work: (db: Db) => Promise<T>) => ctx.db.transaction((tx) => work(tx as unknown as Db));
const money = (a: ApplicationRow): ApplicationMoney => ({ status: a.status as ApplicationMoney['status'], requestedPence: a.requestedPence, approvedPence: a.approvedPence });

async function loadApplication(db: Db, applicationId: number): Promise<ApplicationRow> {
  const application = await findApplication(db, applicationId);
  if (!application) throw notFound(`Application ${applicationId}`);
  return application;
}

/**
 * The loser of a compare-and-set on an application: another change was saved between reading it and
 * writing, so this one is refused as stale, in the one shape `{ stale, sent, current }`, naming the
 * version it was made from and the one saved since.
 */
async function staleApplication(db: Db, applicationId: number, sent: number, message: string) {
  return staleChange(message, sent, (await findApplication(db, applicationId))?.rowVersion);
}

/** A practice manager reads their own practice's applications and their locality's: any other is "not found" to them. */
async function refuseUnseen(ctx: AppContext, db: Db, application: ApplicationRow) {
  const fund = await findFund(db, application.fundId);
  const localities = await localitiesOn(db, fund.footprintGroupId, fund.listSnapshotDate);
  if (!canSeeApplication(ctx.actor, application, localities)) throw notFound(`Application ${application.id}`);
  return { fund, localities };
}

/** Checks an amount against the locality's pot, and the practice's own share when a practice applies, leaving out the application itself. */
function checkPots(state: FundState, application: Pick<ApplicationRow, 'id' | 'localityGroupId' | 'practiceCode'>, amountPence: number, asked: AmountAsked) {
  const others = state.applications.filter((a) => a.id !== application.id);
  const locality = state.calculation.localities.find((l) => state.localityIds.get(l.name) === application.localityGroupId);
  if (!locality) throw invalid('That locality has no share of this fund', [{ field: 'localityGroupId', message: 'not a locality of the fund’s footprint' }]);
  checkFitsPot(amountPence, { name: locality.name, allocatedPence: locality.totalPence, committedPence: sumPence(others.filter((a) => a.localityGroupId === application.localityGroupId).map((a) => commitmentOf(money(a)))) }, asked);
  if (application.practiceCode) {
    const practice = state.calculation.practices.find((p) => p.key === application.practiceCode)!;
    checkFitsPot(amountPence, { name: practice.name, allocatedPence: practice.totalPence, committedPence: sumPence(others.filter((a) => a.practiceCode === application.practiceCode).map((a) => commitmentOf(money(a)))) }, asked);
  }
}

/**
 * A practice that had closed, or left the fund's footprint, by the day of the application cannot
 * apply (the fund counts it as a member on its list-size date, and so gives it a share): a closed
 * practice has no one to spend the money, and its patients are now another practice's. Its locality
 * may apply for the work instead.
 */
async function refuseGonePractice(db: Db, state: FundState, practiceCode: string, on: string) {
  const [departure] = await departuresOf(db, [practiceCode], state.fund.footprintGroupId, state.fund.listSnapshotDate);
  const went = departure && wentOn(departure);
  if (!went || went.on >= on) return;
  const message = `${departure.practice} ${went.words}, before this application’s date (${formatLongDate(on)}), so it cannot apply: its locality may apply instead`;
  throw invalid(message, [{ field: 'practiceCode', message: `${went.words}, before ${formatLongDate(on)}: its locality may apply instead` }]);
}

/** A locality or practice applies with a business case; refused if it would spend money already asked for or approved. */
export async function submitApplication(ctx: AppContext, fundId: number, input: z.infer<typeof applicationSchema>) {
  authorize(ctx.actor, 'fund_application', 'create', input.practiceCode ?? null);
  if (ctx.actor.role === 'practice_manager' && !input.practiceCode) throw forbidden('A practice manager applies for their own practice: choose it');
  const lines = input.lines.map((l) => ({ description: l.description, amountPence: l.amount }));
  const requestedPence = checkBusinessCase(lines);
  const today = todayInEngland();
  refuseFutureDate(input.submittedOn, today, 'The application', 'submittedOn');
  return inTransaction(ctx, async (db) => {
    // Two applications sent at once must not both fit a pot that has room for one.
    await lockFund(db, fundId);
    const state = await loadFundState(db, fundId);
    let localityGroupId = input.localityGroupId;
    if (input.practiceCode) {
      if (!state.calculation.practices.some((p) => p.key === input.practiceCode)) throw invalid(`${input.practiceCode} is not in this fund’s footprint`, [{ field: 'practiceCode', message: 'not a member of the fund’s footprint' }]);
      await refuseGonePractice(db, state, input.practiceCode, input.submittedOn ?? today);
      const own = (await localitiesOn(db, state.fund.footprintGroupId, state.fund.listSnapshotDate)).get(input.practiceCode);
      // A practice applies from its own locality: naming another is refused, not quietly replaced.
      if (own && input.localityGroupId !== undefined && input.localityGroupId !== own.id) {
        throw invalid(`${input.practiceCode} is in ${own.name}, not the locality named`, [{ field: 'localityGroupId', message: `${input.practiceCode} applies from its own locality, ${own.name}; leave the locality out` }]);
      }
      localityGroupId = own?.id;
    }
    if (!localityGroupId) throw invalid('Choose the applying locality', [{ field: 'localityGroupId', message: 'Choose a locality' }]);
    checkPots(state, { id: 0, localityGroupId, practiceCode: input.practiceCode ?? null }, requestedPence, { field: 'lines', words: 'asked for in the costed lines' });
    const row = await insertApplication(
      db,
      { fundId, localityGroupId, practiceCode: input.practiceCode ?? null, title: input.title, purpose: input.purpose, milestones: input.milestones ?? null, requestedPence, status: 'submitted', submittedBy: ctx.actor.label, submittedOn: input.submittedOn ?? today },
      lines,
    );
    await recordAudit(db, ctx.actor, { recordType: 'fund_application', recordId: row.id, action: 'create', after: { ...row, lines }, summary: `Applied to ${state.fund.name} for ${input.title}` });
    return row;
  });
}

/** The commissioner approves, part-approves or rejects a waiting application (send the rowVersion read). */
export async function decideApplication(ctx: AppContext, applicationId: number, input: z.infer<typeof decisionSchema>) {
  authorize(ctx.actor, 'fund_application', 'update');
  return inTransaction(ctx, async (db) => {
    // A decision recorded after the event is dated the day it was made; it cannot be made after today.
    const today = todayInEngland();
    refuseFutureDate(input.decidedOn, today, 'The decision', 'decidedOn');
    const before = await loadApplication(db, applicationId);
    if (before.rowVersion !== input.rowVersion) throw staleChange('This application was changed by someone else since you opened it. Reload it and decide again.', input.rowVersion, before.rowVersion);
    // One recorded before its day was asked for has none, and no day to be decided after.
    if (input.decidedOn && before.submittedOn && input.decidedOn < before.submittedOn) {
      throw invalid(`The decision cannot be dated before the application was made, on ${formatLongDate(before.submittedOn)}`, [{ field: 'decidedOn', message: `must be ${formatLongDate(before.submittedOn)} or later` }]);
    }
    const outcome = decide(money(before), { outcome: input.outcome, approvedPence: input.approvedAmount ?? null, reason: input.reason ?? null });
    if (outcome.approvedPence > 0) {
      const fund = await findFund(db, before.fundId);
      checkApprovalDate(input.decidedOn ?? today, fund.rates.map((r) => r.year));
      await lockFund(db, before.fundId);
      // Part-approving names the amount typed; approving in full, the decision itself.
      const asked = outcome.status === 'part_approved' ? { field: 'approvedAmount', words: 'to approve' } : { field: 'outcome', words: 'to approve in full' };
      checkPots(await loadFundState(db, before.fundId), before, outcome.approvedPence, asked);
    }
    const after = await updateApplicationIfUnchanged(db, applicationId, input.rowVersion, { status: outcome.status, approvedPence: outcome.approvedPence, decisionReason: input.reason ?? null, decidedBy: ctx.actor.label, decidedAt: new Date(), decidedOn: input.decidedOn ?? today });
    if (!after) throw await staleApplication(db, applicationId, input.rowVersion, 'This application was changed by someone else since you opened it. Reload it and decide again.');
    await recordAudit(db, ctx.actor, { recordType: 'fund_application', recordId: applicationId, action: 'update', before, after, summary: `${outcome.status.replace('_', '-')}: ${before.title}` });
    return after;
  });
}

export const withdrawalSchema = z.object({ rowVersion: rowVersionSchema });

/**
 * The applicant withdraws an application still waiting for a decision (send the rowVersion read): a
 * practice manager their own practice's, an admin any. It stays on the fund as "Withdrawn", holding
 * none of the pot, and the commissioner is no longer asked to decide it. A decided one stands.
 */
export async function withdrawApplication(ctx: AppContext, applicationId: number, input: z.infer<typeof withdrawalSchema>) {
  authorizeAny(ctx.actor, 'fund_withdrawal', 'create');
  return inTransaction(ctx, async (db) => {
    const before = await loadApplication(db, applicationId);
    // One the applicant may not see is not there for them, as when they ask to read it.
    await refuseUnseen(ctx, db, before);
    authorize(ctx.actor, 'fund_withdrawal', 'create', before.practiceCode);
    if (before.rowVersion !== input.rowVersion) throw staleChange('This application was changed since you opened it. Reload it to see where it stands.', input.rowVersion, before.rowVersion);
    const { status } = withdraw(money(before));
    const after = await updateApplicationIfUnchanged(db, applicationId, input.rowVersion, { status, withdrawnBy: ctx.actor.label, withdrawnAt: new Date() });
    if (!after) throw await staleApplication(db, applicationId, input.rowVersion, 'This application was changed at the same moment. Reload it to see where it stands.');
    await recordAudit(db, ctx.actor, { recordType: 'fund_application', recordId: applicationId, action: 'update', before, after, summary: `Withdrawn: ${before.title}` });
    return after;
  });
}

/** Draws approved money down against evidence; never more than was approved. Two drawdowns at once cannot both pass: each bumps the application's row version. */
export async function recordDrawdown(ctx: AppContext, applicationId: number, input: z.infer<typeof drawdownSchema>) {
  authorize(ctx.actor, 'drawdown', 'create');
  return inTransaction(ctx, async (db) => {
    // A drawdown records money already paid out, so it cannot be dated after today.
    refuseFutureDate(input.drawnOn, todayInEngland(), 'The drawdown', 'drawnOn');
    const application = await loadApplication(db, applicationId);
    checkDrawdownDate(input.drawnOn, (await findFund(db, application.fundId)).rates.map((r) => r.year), application.decidedOn);
    const drawn = sumPence((await drawdownsOf(db, [applicationId])).map((d) => d.amountPence));
    checkDrawdown(money(application), drawn, input.amount, input.evidence);
    await refuseChangeInClosedYears(db, [input.drawnOn], 'This drawdown');
    if (!(await updateApplicationIfUnchanged(db, applicationId, application.rowVersion, {}))) {
      throw await staleApplication(db, applicationId, application.rowVersion, 'Someone else drew down against this application at the same time. Reload it and try again.');
    }
    const row = await insertDrawdown(db, { applicationId, amountPence: input.amount, drawnOn: input.drawnOn, evidence: input.evidence, recordedBy: ctx.actor.label });
    await recordAudit(db, ctx.actor, { recordType: 'drawdown', recordId: row.id, action: 'create', after: row, summary: `Drew down against ${application.title}` });
    return row;
  });
}

/**
 * Takes back a drawdown recorded in error (a wrong amount or date), to be recorded again rightly;
 * the audit log keeps what it said. The page sends the application's row version it read, which
 * every drawdown moves on, so a stale page gets a conflict.
 */
export async function removeDrawdown(ctx: AppContext, applicationId: number, drawdownId: number, rowVersion: number) {
  authorize(ctx.actor, 'drawdown', 'delete');
  return inTransaction(ctx, async (db) => {
    const application = await loadApplication(db, applicationId);
    const drawdown = (await drawdownsOf(db, [applicationId])).find((d) => d.id === drawdownId);
    if (!drawdown) throw notFound(`Drawdown ${drawdownId} of application ${applicationId}`);
    await refuseChangeInClosedYears(db, [drawdown.drawnOn], 'Taking back this drawdown');
    if (!(await updateApplicationIfUnchanged(db, applicationId, rowVersion, {}))) throw await staleApplication(db, applicationId, rowVersion, 'Someone else changed this application’s drawdowns. Reload it and try again.');
    await deleteDrawdown(db, drawdownId);
    await recordAudit(db, ctx.actor, { recordType: 'drawdown', recordId: drawdownId, action: 'delete', before: drawdown, summary: `Took back a drawdown against ${application.title}` });
  });
}

/** One application with its costed lines and drawdowns (a practice manager: their own practice's and their locality's only). */
export async function applicationDetail(ctx: AppContext, applicationId: number) {
  authorize(ctx.actor, 'fund_application', 'read');
  const application = await loadApplication(ctx.db, applicationId);
  const { fund, localities } = await refuseUnseen(ctx, ctx.db, application);
  const lines = await linesOf(ctx.db, applicationId);
  const drawdowns = await drawdownsOf(ctx.db, [applicationId]);
  const drawnPence = sumPence(drawdowns.map((d) => d.amountPence));
  const locality = [...localities.values()].find((l) => l.id === application.localityGroupId)?.name ?? null;
  const practiceName = application.practiceCode ? ((await registryPractices(ctx.db, [application.practiceCode])).get(application.practiceCode)?.displayName ?? null) : null;
  return { application: { ...application, localityName: locality, practiceName, drawnPence, leftToDrawPence: (application.approvedPence ?? 0) - drawnPence }, fund: { id: fund.id, name: fund.name }, lines, drawdowns };
}
