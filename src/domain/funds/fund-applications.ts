import { AppError, conflict, invalid } from '../errors.js';
import { formatPence } from '../schemes/format-money.js';
import { formatFinancialYear, parseFinancialYear } from '../finance/financial-year.js';
import { formatLongDate } from '../iso-date.js';

/**
 * A locality or practice applies for part of a fund with a business case; the commissioner
 * approves, part-approves or rejects it; approved money is drawn down against evidence. Money
 * promised once cannot be promised again: what is asked for or approved, across a locality's
 * applications, may not exceed its allocation.
 */

/** Waiting for a decision (submitted), decided by the commissioner, or withdrawn by the applicant before a decision. */
export const applicationStatuses = ['submitted', 'approved', 'part_approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** An application's status in the words the pages and downloads use. */
export const applicationStatusLabels: Record<ApplicationStatus, string> = { submitted: 'Waiting for a decision', approved: 'Approved', part_approved: 'Part-approved', rejected: 'Rejected', withdrawn: 'Withdrawn' };
export const decisionOutcomes = ['approve', 'part_approve', 'reject'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export interface ApplicationMoney {
  status: ApplicationStatus;
  requestedPence: number;
  approvedPence: number | null;
}

/** What an application holds against the allocation: the request while it waits, the approved sum once decided, nothing once rejected or withdrawn. */
export function commitmentOf(application: ApplicationMoney): number {
  if (application.status === 'submitted') return application.requestedPence;
  if (application.status === 'rejected' || application.status === 'withdrawn') return 0;
  return application.approvedPence ?? 0;
}

export function sumPence(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** The pot an application draws on: a locality's (or a practice's) allocation and what other applications already hold of it. */
export interface Pot {
  name: string;
  allocatedPence: number;
  /** Held by the other applications on this pot. */
  committedPence: number;
}

/**
 * The amount checked against a pot, in the words of the form it came from: the field it is in
 * (`lines`, `approvedAmount`) and how the amount is said ("asked for", "to approve").
 */
export interface AmountAsked {
  field: string;
  words: string;
}

/**
 * Refuses an amount that, with what other applications already hold, would spend more than the pot
 * has, saying so in the applicant's terms and naming the field: "£30,500 asked for, but only
 * £30,102.50 of the fund is left for Harborough (£…  allocated, £… of it already asked for or approved)".
 */
export function checkFitsPot(amountPence: number, pot: Pot, asked: AmountAsked): void {
  const left = pot.allocatedPence - pot.committedPence;
  if (amountPence <= left) return;
  // With nothing else asked for, the amount is simply more than the pot's whole share.
  const room =
    pot.committedPence > 0
      ? `only ${formatPence(Math.max(left, 0))} of the fund is left for ${pot.name} (${formatPence(pot.allocatedPence)} allocated, ${formatPence(pot.committedPence)} of it already asked for or approved)`
      : `${pot.name}’s share of the fund is only ${formatPence(pot.allocatedPence)}`;
  const sentence = `${formatPence(amountPence)} ${asked.words}, but ${room}`;
  throw invalid(sentence, [{ field: asked.field, message: sentence }]);
}

/**
 * A fund's rates, list-size date or footprint change every pot's allocation. Applications already
 * made keep what they hold (an approval is not undone by editing the fund), so a change is refused
 * while it would leave any pot holding more than it is allocated, naming each such pot and the field
 * changed. Otherwise a fund cut after its approvals would show them over their allocation, and the
 * rule that no money is spent twice would have been broken by an edit nobody was told of.
 */
export function checkPotsStillCover(pots: readonly Pot[], field: string): void {
  const short = pots.filter((pot) => pot.committedPence > pot.allocatedPence);
  if (!short.length) return;
  const each = short.map((pot) => `${pot.name} would be allocated ${formatPence(pot.allocatedPence)}, but its applications already hold ${formatPence(pot.committedPence)}`);
  const sentence = `The fund would no longer cover the applications made to it: ${each.join('; ')}. Keep what it is, or change it so that each share covers what was asked for or approved`;
  throw invalid(sentence, [{ field, message: each.join('; ') }]);
}

/** A costed line of a business case. */
export interface CostedLine {
  description: string;
  amountPence: number;
}

export function checkBusinessCase(lines: readonly CostedLine[]): number {
  if (!lines.length) throw invalid('A business case needs at least one costed line', [{ field: 'lines', message: 'add at least one costed line' }]);
  lines.forEach((line, i) => {
    if (!line.description.trim()) throw invalid(`Costed line ${i + 1} needs a description`, [{ field: `lines.${i}.description`, message: 'enter what the money is for' }]);
  });
  const total = sumPence(lines.map((l) => l.amountPence));
  if (total <= 0) throw invalid('The costed lines add up to nothing', [{ field: 'lines', message: 'the costed lines must add up to more than £0' }]);
  return total;
}

export interface Decision {
  outcome: DecisionOutcome;
  approvedPence?: number | null;
  reason?: string | null;
}

/** Why an application no longer waits for a decision, or null while it does. */
function notWaiting(application: ApplicationMoney): string | null {
  if (application.status === 'submitted') return null;
  if (application.status === 'withdrawn') return 'This application was withdrawn by the applicant';
  return `This application has already been decided (${application.status.replace('_', '-')})`;
}

/** The commissioner's decision on a waiting application: the new status and the approved sum. */
export function decide(application: ApplicationMoney, decision: Decision): { status: ApplicationStatus; approvedPence: number } {
  const closed = notWaiting(application);
  if (closed) throw conflict(`${closed}, so there is nothing to decide`);
  switch (decision.outcome) {
    case 'approve':
      return { status: 'approved', approvedPence: application.requestedPence };
    case 'part_approve': {
      const amount = decision.approvedPence;
      if (amount === undefined || amount === null || amount <= 0 || amount >= application.requestedPence) {
        throw invalid(`A part-approval must be more than £0 and less than the ${formatPence(application.requestedPence)} asked for`, [{ field: 'approvedAmount', message: `must be more than £0 and less than ${formatPence(application.requestedPence)}` }]);
      }
      if (!decision.reason?.trim()) throw invalid('Say why only part is approved', [{ field: 'reason', message: 'enter the reason for part-approving' }]);
      return { status: 'part_approved', approvedPence: amount };
    }
    case 'reject':
      if (!decision.reason?.trim()) throw invalid('Say why the application is rejected', [{ field: 'reason', message: 'enter the reason for rejecting' }]);
      return { status: 'rejected', approvedPence: 0 };
  }
}

/** The applicant withdraws an application while it waits for a decision; once decided, it stands. */
export function withdraw(application: ApplicationMoney): { status: 'withdrawn' } {
  const closed = notWaiting(application);
  if (closed) throw conflict(`${closed}, so it cannot be withdrawn: only an application waiting for a decision can be`);
  return { status: 'withdrawn' };
}

/**
 * Refuses a drawdown dated outside the fund's financial years: before its first year starts (1 April
 * of it), when there was no fund to pay from, or after its last year ends (31 March), when the fund's
 * money for those years is spent or gone back; or before the application was approved.
 */
export function checkDrawdownDate(drawnOn: string, fundYears: readonly string[], decidedOn: string | null = null): void {
  const first = [...fundYears].map(parseFinancialYear).sort((a, b) => a - b)[0];
  const opens = first === undefined ? null : `${first}-04-01`;
  const end = fundEnd(fundYears);
  const message =
    opens && drawnOn < opens
      ? `${formatLongDate(drawnOn)} is before the fund’s first year, ${formatFinancialYear(first!)}, starts on ${formatLongDate(opens)}`
      : end && drawnOn > end.closes
        ? `${formatLongDate(drawnOn)} is after the fund’s last year, ${end.year}, ended on ${formatLongDate(end.closes)}`
        : // Money is drawn against an approval: not before the day it was given.
          decidedOn && drawnOn < decidedOn
          ? `${formatLongDate(drawnOn)} is before the application was approved, on ${formatLongDate(decidedOn)}`
          : null;
  if (message) throw invalid(`The drawdown date is wrong: ${message}`, [{ field: 'drawnOn', message }]);
}

/** The fund's last financial year ("2018/19") and the day it ends (31 March), or null for a fund with no years. */
export function fundEnd(fundYears: readonly string[]): { year: string; closes: string } | null {
  const last = [...fundYears].map(parseFinancialYear).sort((a, b) => a - b).at(-1);
  return last === undefined ? null : { year: formatFinancialYear(last), closes: `${last + 1}-03-31` };
}

/**
 * Refuses an approval dated after the fund's last year ended: no drawdown could be dated after the
 * approval and within the fund's years, so the money would be promised and never paid. A decision
 * made in time and recorded later is dated the day it was made; a rejection may be dated any day.
 */
export function checkApprovalDate(decidedOn: string, fundYears: readonly string[]): void {
  const end = fundEnd(fundYears);
  if (!end || decidedOn <= end.closes) return;
  const { year: last, closes } = end;
  const message = `the fund’s last year, ${last}, ended on ${formatLongDate(closes)}, so nothing could be drawn against an approval dated ${formatLongDate(decidedOn)}`;
  throw invalid(`The approval is too late: ${message}. If the decision was made in time, give the day it was made; otherwise reject the application`, [{ field: 'decidedOn', message: `must be ${formatLongDate(closes)} or earlier to approve` }]);
}

/** Refuses a drawdown that is not backed by evidence, or that would take more than was approved. */
export function checkDrawdown(application: ApplicationMoney, drawnPence: number, amountPence: number, evidence: string): void {
  if (application.status !== 'approved' && application.status !== 'part_approved') {
    throw new AppError('conflict', `Money can only be drawn down against an approved application (this one is ${application.status.replace('_', '-')})`);
  }
  if (amountPence <= 0) throw invalid('A drawdown must be more than £0', [{ field: 'amount', message: 'must be more than £0' }]);
  if (!evidence.trim()) throw invalid('A drawdown needs evidence', [{ field: 'evidence', message: 'enter the evidence (an invoice, a timesheet, a receipt)' }]);
  const approved = application.approvedPence ?? 0;
  if (drawnPence + amountPence > approved) {
    throw invalid(`This drawdown is more than was approved: ${formatPence(approved)} approved, ${formatPence(drawnPence)} drawn already, so at most ${formatPence(approved - drawnPence)} can be drawn`, [
      { field: 'amount', message: `must be at most ${formatPence(approved - drawnPence)}: ${formatPence(approved)} approved, ${formatPence(drawnPence)} drawn already` },
    ]);
  }
}

export interface PositionRow {
  name: string;
  allocatedPence: number;
  requestedPence: number;
  approvedPence: number;
  drawnPence: number;
  /** Allocated less what is approved or still waiting for a decision. */
  remainingPence: number;
}

/** Allocated, waiting, approved, drawn and remaining for one pot. */
export function positionOf(name: string, allocatedPence: number, applications: readonly (ApplicationMoney & { drawnPence: number })[]): PositionRow {
  const waiting = sumPence(applications.filter((a) => a.status === 'submitted').map((a) => a.requestedPence));
  const approved = sumPence(applications.filter((a) => a.status === 'approved' || a.status === 'part_approved').map((a) => a.approvedPence ?? 0));
  return { name, allocatedPence, requestedPence: waiting, approvedPence: approved, drawnPence: sumPence(applications.map((a) => a.drawnPence)), remainingPence: allocatedPence - waiting - approved };
}

/**
 * A sentence for each pot whose decided applications hold more than its share now is: approved
 * (or drawn) in full when it fitted, then re-shared below that by changes outside the fund (a
 * practice's membership dates, a locality's members, list sizes), which no edit of the fund made
 * and so none could refuse. "Oadby & Wigston: £115,368 approved against a share now £95,712.50 …".
 */
export function heldBeyondShareSentences(pots: readonly Pick<PositionRow, 'name' | 'allocatedPence' | 'approvedPence' | 'drawnPence'>[]): string[] {
  return pots
    .filter((pot) => Math.max(pot.approvedPence, pot.drawnPence) > pot.allocatedPence)
    .map((pot) => {
      const drawn = pot.drawnPence > pot.approvedPence ? `${formatPence(pot.drawnPence)} drawn` : `${formatPence(pot.approvedPence)} approved${pot.drawnPence ? ` (${formatPence(pot.drawnPence)} of it drawn)` : ''}`;
      return `${pot.name}: ${drawn} against a share now ${formatPence(pot.allocatedPence)} after changes to the footprint’s members or their list sizes`;
    });
}
