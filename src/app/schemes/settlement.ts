import type { z } from 'zod';
import { invoiceHoldingReference, invoicesEverUnder, keepInvoiceReference, updateVersion, type SchemeVersionRow } from '../../db/repos/schemes.js';
import { INVOICE_REFERENCE_KEY } from '../../db/schema/index.js';
import { violatesUnique } from '../../db/unique-violation.js';
import { forbidden, staleChange } from '../../domain/errors.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { checkSettlementChange, earlierInvoiceWords, invoiceReferenceProblem, isSettled, keptSettlement, paysPractices, sameReference, sameSettlement, settledMessage, settledMoney, settlementChangeWords, settlementWords, type Settlement } from '../../domain/schemes/settlement.js';
import { runScheme } from '../../domain/schemes/run-scheme.js';
import { settlementDaysMoved } from '../../domain/finance/closed-years.js';
import { schemePaymentYear } from '../../domain/finance/scheme-money.js';
import type { Db } from '../../db/client.js';
import { refuseChangeInClosedYears } from '../finance/closed-years.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { lockedTransaction } from './save-scheme.js';
import { loadSchemeVersion, runInputFor, type LoadedVersion } from './scheme-inputs.js';
import { presentScheme, presentVersionSummary, settlementOf } from './scheme-presenters.js';
import { settlementSchema, type SettlementRequest } from './scheme-requests.js';

/**
 * Refuses a change to the figures a settled version was invoiced on (its activity returns and hand
 * schedule), for everyone, the federation included, until "invoiced" is undone.
 */
export function refuseIfSettled(loaded: LoadedVersion): void {
  const { invoiced } = settlementOf(loaded.version);
  if (invoiced) throw forbidden(settledMessage(loaded.version.version, invoiced.on));
}

/**
 * Refuses a change to a version's activity returns or hand schedule while the financial year its
 * activity is paid for in (`schemePaymentYear`) is closed: they are that year's figures.
 */
export function refuseIfYearClosed(db: Db, loaded: LoadedVersion, what: string): Promise<void> {
  return refuseChangeInClosedYears(db, [schemePaymentYear(loaded.definition.period)], `This change to the ${what} of version ${loaded.version.version} of ${loaded.scheme.name}`);
}

const columnsOf = ({ invoiced, paid }: Settlement): Partial<SchemeVersionRow> => ({
  invoicedOn: invoiced?.on ?? null,
  invoiceReference: invoiced?.reference ?? null,
  invoicedPence: invoiced?.amount?.totalPence ?? null,
  invoicedDeliveredPence: invoiced?.amount?.deliveredPence ?? null,
  invoicedFeePence: invoiced?.amount?.feePence ?? null,
  paidOn: paid?.on ?? null,
  paymentReference: paid?.reference ?? null,
  paidPence: paid?.amountPence ?? null,
});

/** A reference newly given to an invoice (recorded, or corrected to it): the one it names must be this invoice. */
const newReference = (before: Settlement, after: Settlement): string | null => {
  const reference = after.invoiced?.reference ?? null;
  return reference !== null && (before.invoiced?.reference == null || !sameReference(before.invoiced.reference, reference)) ? reference : null;
};

/**
 * Records (admins) that an approved version's payments were invoiced to the commissioner and later
 * paid to practices, corrects either, or undoes it: the request says how it should now be. Like the
 * returns due date it is not a term of the scheme, so no new version is made and the scheme's row
 * version is left alone; the caller sends what it read as `basedOn`, and a change made meanwhile is a
 * conflict. Taken under the scheme's lock, so a return being saved is either in before the invoice or refused after it.
 * An invoice reference is held by one recorded invoice across all schemes, which the scheme's lock cannot
 * keep: the database's index does, and where another scheme's invoice took the reference at the same
 * moment the request is made once more, to be refused naming that invoice as the check names it.
 */
export async function recordSettlement(ctx: AppContext, schemeId: number, request: SettlementRequest, today = todayInEngland()) {
  authorize(ctx.actor, 'scheme', 'update');
  const body = parseOrRefuse(settlementSchema, request, 'The invoice and payment are not valid');
  try {
    return await settle(ctx, schemeId, body, today);
  } catch (error) {
    if (!violatesUnique(error, INVOICE_REFERENCE_KEY)) throw error;
    return settle(ctx, schemeId, body, today);
  }
}

function settle(ctx: AppContext, schemeId: number, body: z.output<typeof settlementSchema>, today: string) {
  return lockedTransaction(ctx, schemeId, async (db) => {
    const loaded = await loadSchemeVersion(db, schemeId, body.version);
    const number = loaded.version.version;
    const before = settlementOf(loaded.version);
    const after: Settlement = { invoiced: body.invoiced, paid: body.paid };
    const answer = (version: SchemeVersionRow, changed: boolean) => ({ scheme: presentScheme(loaded.scheme), version: presentVersionSummary(version), changed });
    if (sameSettlement(before, after)) return answer(loaded.version, false);
    if (!sameSettlement(before, body.basedOn)) {
      throw staleChange(`The invoice and payment of version ${number} of ${loaded.scheme.name} were changed by someone else since you opened it: it now reads “${settlementWords(before)}”. Reload the page and make your change again.`, body.basedOn, before);
    }
    const days = settlementDaysMoved({ invoicedOn: before.invoiced?.on, paidOn: before.paid?.on }, { invoicedOn: after.invoiced?.on, paidOn: after.paid?.on });
    await refuseChangeInClosedYears(db, days, `This change to the invoice and payment of version ${number} of ${loaded.scheme.name}`);
    // The figures invoiced and paid are the version's run's, worked out here and never sent: the version keeps the totals, and the audit each practice's payment too.
    const money = settledMoney(runScheme(await runInputFor(db, loaded)));
    const kept = keptSettlement(before, after, money);
    const reference = newReference(before, after);
    const clash = reference === null ? null : invoiceReferenceProblem(reference, await invoiceHoldingReference(db, reference));
    checkSettlementChange(before, after, { version: number, status: loaded.version.status, paysForActivity: paysPractices(loaded.definition), period: loaded.definition.period, today }, clash);
    const version = await updateVersion(db, loaded.version.id, columnsOf(kept));
    // A reference that earlier invoices had, since undone, is free again: the audit line says what it named before.
    const earlier = reference === null ? null : earlierInvoiceWords(reference, await invoicesEverUnder(db, reference));
    if (reference !== null) await keepInvoiceReference(db, { reference, schemeId, version: number, invoicedOn: kept.invoiced!.on, invoicedPence: kept.invoiced!.amount?.totalPence ?? null });
    await recordAudit(db, ctx.actor, {
      recordType: 'scheme',
      recordId: schemeId,
      action: 'update',
      before: { version: number, ...before, ...(isSettled(before) ? { money } : {}) },
      after: { version: number, ...kept, ...(isSettled(after) ? { money } : {}) },
      summary: `Version ${number}: ${[...settlementChangeWords(before, kept, money), ...(earlier ? [earlier] : [])].join('; ')}`,
    });
    return answer(version, true);
  });
}
