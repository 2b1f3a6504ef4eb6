import { updateVersion, type SchemeVersionRow } from '../../db/repos/schemes.js';
import { forbidden, staleChange } from '../../domain/errors.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { checkSettlementChange, isSettled, paysPractices, sameSettlement, settledMessage, settledMoney, settlementChangeWords, settlementWords, type Settlement } from '../../domain/schemes/settlement.js';
import { runScheme } from '../../domain/schemes/run-scheme.js';
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

const columnsOf = (settlement: Settlement): Partial<SchemeVersionRow> => ({
  invoicedOn: settlement.invoiced?.on ?? null,
  invoiceReference: settlement.invoiced?.reference ?? null,
  paidOn: settlement.paid?.on ?? null,
  paymentReference: settlement.paid?.reference ?? null,
});

/**
 * Records (admins) that an approved version's payments were invoiced to the commissioner and later
 * paid to practices, corrects either, or undoes it: the request says how it should now be. Like the
 * returns due date it is not a term of the scheme, so no new version is made and the scheme's row
 * version is left alone; the caller sends what it read as `basedOn`, and a change made meanwhile is a
 * conflict. Taken under the scheme's lock, so a return being saved is either in before the invoice or refused after it.
 */
export async function recordSettlement(ctx: AppContext, schemeId: number, request: SettlementRequest, today = todayInEngland()) {
  authorize(ctx.actor, 'scheme', 'update');
  const body = parseOrRefuse(settlementSchema, request, 'The invoice and payment are not valid');
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
    checkSettlementChange(before, after, { version: number, status: loaded.version.status, paysForActivity: paysPractices(loaded.definition), period: loaded.definition.period, today });
    // The figures invoiced and paid are worked out, not kept on the version: the audit keeps them, so the log says what each invoice and payment was for.
    const money = settledMoney(runScheme(await runInputFor(db, loaded)));
    const version = await updateVersion(db, loaded.version.id, columnsOf(after));
    await recordAudit(db, ctx.actor, {
      recordType: 'scheme',
      recordId: schemeId,
      action: 'update',
      before: { version: number, ...before, ...(isSettled(before) ? { money } : {}) },
      after: { version: number, ...after, ...(isSettled(after) ? { money } : {}) },
      summary: `Version ${number}: ${settlementChangeWords(before, after, money).join('; ')}`,
    });
    return answer(version, true);
  });
}
