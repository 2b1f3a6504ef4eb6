import { invalid, type Problem } from '../errors.js';
import { financialYearStart } from '../finance/financial-year.js';
import { formatLongDate } from '../iso-date.js';
import { formatList } from '../words.js';
import { formatPence } from './format-money.js';
import type { SchemeRun } from './run-scheme.js';

/**
 * Settling a version's payments (DOMAIN 3.1, step 8): the federation invoices the commissioner for
 * the delivered cost and its fee, then pays the practices. Each step is a day and the reference the
 * federation's books give it (an invoice number, a remittance note).
 */
export interface SettlementStep {
  on: string;
  reference: string | null;
}

/**
 * What an invoice was for, in pence, kept on the version when "invoiced" is recorded: the total and
 * its split, each rounded once as the run gave it (so they may not add up to the total to the penny);
 * `feePence` null for a scheme without a fee.
 */
export interface InvoicedAmount {
  totalPence: number;
  deliveredPence: number;
  feePence: number | null;
}

/** An invoice as the version keeps it; `amount` null where it was recorded before amounts were kept. */
export interface RecordedInvoice extends SettlementStep {
  amount?: InvoicedAmount | null;
}

/** A payment to practices as the version keeps it; `amountPence` null where it was recorded before amounts were kept. */
export interface RecordedPayment extends SettlementStep {
  amountPence?: number | null;
}

/**
 * Whether a version's payments have been invoiced to the commissioner, and paid to the practices. A
 * request says only the days and references: the amounts are the run's, kept by the use case.
 */
export interface Settlement {
  invoiced: RecordedInvoice | null;
  paid: RecordedPayment | null;
}

/**
 * Once a version is invoiced its payments are settled: the figures the invoice was worked from (its
 * activity returns and hand schedule) no longer change, for anyone, until "invoiced" is undone.
 */
export const isSettled = (settlement: Settlement): boolean => settlement.invoiced !== null;

/** "15 May 2018 (ref INV-0042)": an invoice's number is a reference; a payment's note is said as it was written. */
const stepWords = (step: SettlementStep, ref: string) => `${formatLongDate(step.on)}${step.reference ? ` (${ref}${step.reference})` : ''}`;

/** "Invoiced on 15 May 2018 (ref INV-0042) for £70,024"; without " for …" where the amount is not known. */
export const invoicedWords = (step: RecordedInvoice): string => `Invoiced on ${stepWords(step, 'ref ')}${step.amount ? ` for ${formatPence(step.amount.totalPence)}` : ''}`;

/** "£70,024 (delivered cost £66,689 and fee £3,334)": what an invoice was for, where it is known. */
export const invoicedAmountWords = (amount: InvoicedAmount): string =>
  `${formatPence(amount.totalPence)}${amount.feePence === null ? '' : ` (delivered cost ${formatPence(amount.deliveredPence)} and fee ${formatPence(amount.feePence)})`}`;

/**
 * The invoice and the payment to practices as the scheme page's summary and `atscale scheme show`
 * give them, the invoice with its split where the amount was kept: "Invoiced on 15 May 2018 (ref
 * INV-0042) for £70,024 (delivered cost £66,689 and fee £3,334)".
 */
export function settlementRows({ invoiced, paid }: Settlement): { key: string; value: string }[] {
  const invoice = invoiced ? `${invoicedWords({ ...invoiced, amount: null })}${invoiced.amount ? ` for ${invoicedAmountWords(invoiced.amount)}` : ''}` : 'Not invoiced yet: the figures can still change';
  return [
    { key: 'Invoice', value: invoice },
    { key: 'Payment to practices', value: paid ? paidWords(paid) : 'Not paid yet' },
  ];
}

/** What a version was invoiced and paid for, where the amounts were kept ("£70,024 invoiced, £66,692 paid"); null where none is known. */
export function settledAmountsWords({ invoiced, paid }: Settlement): string | null {
  if (!invoiced?.amount) return null;
  return `${formatPence(invoiced.amount.totalPence)} invoiced${typeof paid?.amountPence === 'number' ? `, ${formatPence(paid.amountPence)} paid` : ''}`;
}

/** "Paid £66,692 to practices on 30 May 2018 (BACS run 77)"; without the amount where it is not known. */
export const paidWords = (step: RecordedPayment): string =>
  `Paid ${typeof step.amountPence === 'number' ? `${formatPence(step.amountPence)} ` : ''}to practices on ${stepWords(step, '')}`;

/** One sentence for a statement, a workbook or a list: what has been invoiced and paid, or that the figures can still change. */
export function settlementWords(settlement: Settlement): string {
  if (!settlement.invoiced) return 'Not invoiced yet: the figures can change until the federation invoices the commissioner';
  const invoiced = invoicedWords(settlement.invoiced);
  return settlement.paid ? `${invoiced}; ${paidWords(settlement.paid).replace(/^P/, 'p')}` : `${invoiced}; not yet paid to practices`;
}

/**
 * A version's payments at a glance, for the schemes list (page and CLI) and the versions table (a
 * practice's money says it in the practice's terms, `practicePaymentWords`): the state ("Not
 * invoiced", "Invoiced", "Paid") and its days ("on 30 May 2018, invoiced 15 May 2018"). `version`
 * names the version when it is not the one the row is about.
 */
export function settlementStatus(settlement: Settlement, version?: number): { state: 'Not invoiced' | 'Invoiced' | 'Paid'; days: string } {
  const which = version ? `version ${version} ` : '';
  const { invoiced, paid } = settlement;
  if (!invoiced) return { state: 'Not invoiced', days: version ? `version ${version}` : '' };
  return paid ? { state: 'Paid', days: `${which}on ${formatLongDate(paid.on)}, invoiced ${formatLongDate(invoiced.on)}` } : { state: 'Invoiced', days: `${which}on ${formatLongDate(invoiced.on)}` };
}

/** The practices have been paid on the version's figures: only then is its money "paid". */
export const isPaid = (settlement: Settlement): boolean => settlement.paid !== null;

/**
 * What a practice is told of its payment under a scheme, beside the amount it earned: not yet paid
 * (saying whether the commissioner has been invoiced), or paid and on which day. Money not yet paid
 * is never called "paid".
 */
export function practicePaymentWords(settlement: Settlement): string {
  const { invoiced, paid } = settlement;
  if (paid) return `Paid to the practice on ${formatLongDate(paid.on)}`;
  if (invoiced) return `Not yet paid: invoiced to the commissioner on ${formatLongDate(invoiced.on)}`;
  return 'Not yet paid: the commissioner has not been invoiced yet';
}

/** Why a settled version's returns and hand schedule are refused, on the pages and from the API, to everyone. */
export const settledMessage = (version: number, invoicedOn: string): string =>
  `Version ${version}’s payments were invoiced to the commissioner on ${formatLongDate(invoicedOn)}, so its activity returns and hand schedule are settled and can no longer change. To change them, the federation must first undo “invoiced”.`;

/**
 * Why an invoiced version's terms are not changed, nor a new version approved over it: the new
 * version would carry the same activity, and ask for it to be invoiced and paid again.
 */
export const invoicedTermsMessage = (name: string, version: number, invoicedOn: string): string =>
  `Version ${version} of ${name} was invoiced to the commissioner on ${formatLongDate(invoicedOn)}, so its terms and activity are settled: a new version would ask for the same activity to be invoiced and paid again. To run the scheme for another year, start a new scheme from its terms (on its page). To correct version ${version}, first undo “invoiced”.`;

/**
 * Whether a version pays practices anything to invoice and settle: for activity delivered under
 * its delivery models, or, for money shared per head (pounds), the shares themselves.
 */
export const paysPractices = (definition: { deliveryModels: readonly unknown[]; shared: { unit: string } }): boolean => definition.deliveryModels.length > 0 || definition.shared.unit === 'gbp';

/** What a change of settlement depends on, besides the settlement before and after it. */
export interface SettlementFacts {
  version: number;
  /** draft | approved (the version in force) | superseded */
  status: string;
  /** The version pays practices (`paysPractices`): there is something to invoice. */
  paysForActivity: boolean;
  period: { start?: string | undefined; financialYears?: readonly string[] | undefined };
  today: string;
}

/**
 * The first day of a scheme's period: its start date, or 1 April of its first financial year;
 * null when it gives only a number of weeks.
 */
export function periodStart(period: SettlementFacts['period']): string | null {
  if (period.start) return period.start;
  const first = period.financialYears?.[0];
  const year = first === undefined ? null : financialYearStart(first);
  return year === null ? null : `${year}-04-01`;
}

/** Whether two steps say the same day and reference (the amounts are kept, never sent, so they are not compared). */
const sameStep = (a: SettlementStep | null, b: SettlementStep | null) => (a === null || b === null ? a === b : a.on === b.on && a.reference === b.reference);
export const sameSettlement = (a: Settlement, b: Settlement): boolean => sameStep(a.invoiced, b.invoiced) && sameStep(a.paid, b.paid);

/** The days a step may be dated: today or before, and not before `earliest` (said in words as `after`). */
function dateProblems(step: SettlementStep | null, field: string, today: string, earliest: string | null, after: string): Problem[] {
  if (!step) return [];
  if (step.on > today) return [{ field, message: `must be today or in the past (today is ${formatLongDate(today)})` }];
  if (earliest !== null && step.on < earliest) return [{ field, message: `must not be before ${after} (${formatLongDate(earliest)})` }];
  return [];
}

/**
 * Checks a change to a version's settlement, refusing it with every problem named by field:
 * - only a version that pays for activity, and has been approved, is invoiced; a new invoice is for
 *   the version in force (a superseded one keeps what was recorded, and can be paid or undone);
 * - an invoice is dated today or before, and not before the scheme's period began (not before the
 *   version's approval in atscale: a scheme entered after the event, as the demo's 2017/18 schemes
 *   are, was approved here years after it was invoiced);
 * - practices are paid on the figures invoiced: a payment needs the invoice, and is dated on or after it;
 * - "invoiced" is undone only once no payment is recorded (undo "paid" first);
 * - an invoice's reference names that invoice alone (`invoiceReferenceProblem`, found by the caller).
 */
export function checkSettlementChange(before: Settlement, after: Settlement, facts: SettlementFacts, referenceProblem: Problem | null = null): void {
  const name = `Version ${facts.version}`;
  if (!facts.paysForActivity) throw invalid(`${name} pays practices for no delivered activity, so there is no invoice or payment to record`, [{ field: 'version', message: 'the scheme has no delivery models and shares no money' }]);
  if (facts.status === 'draft') throw invalid(`${name} is a draft: only an approved version’s payments are invoiced`, [{ field: 'version', message: 'approve the version first' }]);
  if (before.invoiced === null && after.invoiced !== null && facts.status !== 'approved') {
    throw invalid(`${name} has been superseded: invoice the approved version in force`, [{ field: 'version', message: 'a superseded version is not invoiced' }]);
  }
  const problems: Problem[] = [
    ...dateProblems(after.invoiced, 'invoiced.on', facts.today, periodStart(facts.period), 'the scheme began'),
    ...(referenceProblem ? [referenceProblem] : []),
    ...(after.paid && !after.invoiced ? [{ field: 'paid', message: 'record the invoice first: practices are paid on the figures invoiced' }] : []),
    ...dateProblems(after.invoiced ? after.paid : null, 'paid.on', facts.today, after.invoiced?.on ?? null, 'the invoice date'),
    ...(before.paid && !after.invoiced ? [{ field: 'invoiced', message: 'undo “paid to practices” first' }] : []),
  ];
  if (problems.length) throw invalid(`The invoice and payment of ${name.toLowerCase()} were not recorded`, problems);
}

/**
 * The money a settlement stands for, as the version's run gives it when the invoice or payment is
 * recorded: the total invoiced to the commissioner (delivered cost and fee; for money shared per head,
 * the shares), and what each practice is paid, in pence. The version keeps the totals while the step
 * stands (`keptSettlement`); the audit row keeps all of it, each practice's payment too, so what an
 * invoice was for can be read from the log even after "invoiced" is undone.
 */
export interface SettledMoney {
  invoicePence: number;
  /** The delivered cost and the fee as the invoice shows them (each rounded once, so they may not add up to the invoice to the penny). */
  deliveredPence: number;
  feePence: number | null;
  practicesPence: number;
  payments: { practiceCode: string; amountPence: number }[];
}

export function settledMoney(run: Pick<SchemeRun, 'payments' | 'allocation'>): SettledMoney {
  if (run.payments) {
    const payments = run.payments.rows.map((r) => ({ practiceCode: r.practiceKey, amountPence: r.amountPence }));
    const { grandTotal, amount, fee } = run.payments.totals;
    return { invoicePence: grandTotal.total, deliveredPence: amount.total, feePence: fee?.total ?? null, practicesPence: amount.sumOfRoundedRows, payments };
  }
  // Money shared per head: each practice's share is what it is paid, and together they are what is invoiced.
  const payments = run.allocation.rows.flatMap((r) => (r.quantityPence === null ? [] : [{ practiceCode: r.practiceKey, amountPence: r.quantityPence }]));
  const total = payments.reduce((sum, p) => sum + p.amountPence, 0);
  return { invoicePence: total, deliveredPence: total, feePence: null, practicesPence: total, payments };
}

/** What a version keeps of the money when it is invoiced: the total and its split. */
export const invoicedAmountOf = (money: SettledMoney): InvoicedAmount => ({ totalPence: money.invoicePence, deliveredPence: money.deliveredPence, feePence: money.feePence });

/** "£67,842 to 27 practices". */
const paymentAmountWords = (money: SettledMoney) => {
  const paid = money.payments.filter((p) => p.amountPence !== 0).length;
  return `${formatPence(money.practicesPence)} to ${paid} ${paid === 1 ? 'practice' : 'practices'}`;
};

/**
 * What a change did, for the audit log, as the returns due date's is said: "Invoiced: not recorded →
 * 15 May 2018 (ref INV-1) for £71,231 (…)". Given the money, each step recorded says how much it was for.
 */
export function settlementChangeWords(before: Settlement, after: Settlement, money?: SettledMoney): string[] {
  // The amount goes with the step as recorded now, or, where it is undone, as it was.
  const side = (step: SettlementStep | null, ref: string, amount: string) => (step ? `${stepWords(step, ref)}${amount}` : 'not recorded');
  const change = (label: string, was: SettlementStep | null, now: SettlementStep | null, ref: string, amount: string) =>
    sameStep(was, now) ? [] : [`${label}: ${side(was, ref, now ? '' : amount)} → ${side(now, ref, amount)}`];
  return [
    ...change('Invoiced', before.invoiced, after.invoiced, 'ref ', money ? ` for ${invoicedAmountWords(invoicedAmountOf(money))}` : ''),
    ...change('Paid to practices', before.paid, after.paid, '', money ? `: ${paymentAmountWords(money)}` : ''),
  ];
}

/** An invoice recorded under a reference: on which scheme and version, when, and for how much (null where that is not known). */
export interface InvoiceUnderReference {
  schemeId: number;
  schemeName: string;
  version: number;
  on: string;
  totalPence: number | null;
}

/** References are invoice numbers: "inv-0042" is INV-0042. */
export const sameReference = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** "version 1 of Winter access scheme 2017/18, recorded on 15 May 2018 for £70,024". */
const invoiceNamed = (invoice: InvoiceUnderReference) =>
  `version ${invoice.version} of ${invoice.schemeName}, recorded on ${formatLongDate(invoice.on)}${invoice.totalPence === null ? '' : ` for ${formatPence(invoice.totalPence)}`}`;

/**
 * A reference names one invoice (its number in the federation's books): while a recorded invoice
 * holds it, on any scheme, it is refused for another. Once that invoice is undone the reference is
 * free again, as a finance officer expects: a number typed on the wrong scheme, then undone, can be
 * given to the invoice it belongs to. What it named before stays in the audit log
 * (`earlierInvoiceWords`). The database holds the rule too, for two invoices recorded at the same moment.
 */
export function invoiceReferenceProblem(reference: string, holder: InvoiceUnderReference | null): Problem | null {
  if (!holder) return null;
  return { field: 'invoiced.reference', message: `${reference} is the invoice of ${invoiceNamed(holder)}. A reference names one invoice: give this invoice its own reference, or first undo that one` };
}

/**
 * For the audit line of an invoice recorded under a reference that earlier, since undone, invoices
 * had: "INV-0042 was earlier the invoice of version 1 of Winter access scheme 2017/18, recorded on
 * 15 May 2018 for £70,024, since undone"; null for a reference not used before.
 */
export function earlierInvoiceWords(reference: string, earlier: readonly InvoiceUnderReference[]): string | null {
  if (!earlier.length) return null;
  return `${reference} was earlier the invoice of ${formatList(earlier.map(invoiceNamed))}, since undone`;
}

/**
 * The amounts a version keeps with its settlement: a step recorded now keeps the run's figures (the
 * invoice's total and split; the total paid to practices); a step corrected (its day or reference)
 * keeps what it was recorded with, or none where that was before amounts were kept; a step undone keeps none.
 */
export function keptSettlement(before: Settlement, after: Settlement, money: SettledMoney): Settlement {
  const amount = before.invoiced ? (before.invoiced.amount ?? null) : invoicedAmountOf(money);
  const amountPence = before.paid ? (before.paid.amountPence ?? null) : money.practicesPence;
  return {
    invoiced: after.invoiced ? { on: after.invoiced.on, reference: after.invoiced.reference, amount } : null,
    paid: after.paid ? { on: after.paid.on, reference: after.paid.reference, amountPence } : null,
  };
}
