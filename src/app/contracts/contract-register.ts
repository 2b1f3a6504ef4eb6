import { defaultReminderDays, noticeDateOf, remindersDue, type Reminder } from '../../domain/contracts/contract-reminders.js';
import { unsignedPractices } from '../../domain/contracts/sub-contract-rules.js';
import { notFound } from '../../domain/errors.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { allContracts, documentsOf, findContract, findGroup, groupMembersDuring, subContractsOf, type ContractRow, type SubContractRow } from '../../db/repos/contracts.js';
import { registryPractices } from '../../db/repos/schemes.js';
import type { Actor, AppContext } from '../context.js';
import { authorize, canSeePractice, isAllowed, practiceScope } from '../permissions.js';

export { defaultReminderDays };

export interface RegisterQuery {
  /** Only contracts with a notice, renewal or end date within this many days. */
  expiringWithinDays?: number;
  /** The date to count from (tests and the CLI may set it); today in England by default. */
  today?: string;
}

/** A practice manager sees only their own practices' sub-contracts (and so only the contracts that hold one). */
const visibleTo = (actor: Actor, rows: SubContractRow[]) => rows.filter((r) => canSeePractice(actor, r.practiceCode));

async function describeSubContracts(ctx: AppContext, rows: SubContractRow[]) {
  const names = await registryPractices(ctx.db, rows.map((r) => r.practiceCode));
  return rows.map((r) => ({ ...r, practiceName: names.get(r.practiceCode)?.displayName ?? r.practiceCode, signed: r.signedDate !== null }));
}

function summarise(contract: ContractRow, subs: Awaited<ReturnType<typeof describeSubContracts>>, footprintName: string, today: string, within: number) {
  const reminders: Reminder[] = remindersDue(contract, today, within);
  const unsigned = unsignedPractices(subs);
  return {
    ...contract,
    noticeDate: noticeDateOf(contract),
    /** Its end date has passed: nothing falls due, and nobody is still to sign. */
    ended: contract.endDate !== null && contract.endDate < today,
    footprintName,
    reminders,
    subContractCount: subs.length,
    signedCount: subs.length - unsigned.length,
    unsignedPractices: unsigned.map((s) => ({ practiceCode: s.practiceCode, practiceName: s.practiceName })),
  };
}

/** The register: every contract with its key dates due within the window, and the practices that have not signed. */
export async function contractRegister(ctx: AppContext, query: RegisterQuery = {}) {
  authorize(ctx.actor, 'contract', 'read');
  const today = query.today ?? todayInEngland();
  const within = query.expiringWithinDays ?? defaultReminderDays;
  const contracts = await allContracts(ctx.db);
  const subs = visibleTo(ctx.actor, await subContractsOf(ctx.db, contracts.map((c) => c.id)));
  const described = await describeSubContracts(ctx, subs);
  const groupNames = new Map<number, string>();
  for (const id of new Set(contracts.map((c) => c.footprintGroupId))) groupNames.set(id, (await findGroup(ctx.db, id))?.name ?? `group ${id}`);
  const items = contracts
    .filter((c) => ctx.actor.role !== 'practice_manager' || subs.some((s) => s.contractId === c.id))
    .map((c) => summarise(c, described.filter((s) => s.contractId === c.id), groupNames.get(c.footprintGroupId)!, today, within))
    .filter((c) => query.expiringWithinDays === undefined || c.reminders.length > 0);
  return { today, withinDays: within, items };
}

/** One contract: its terms, reminders, sub-contracts (with who has not signed) and documents. */
export async function contractDetail(ctx: AppContext, id: number, query: RegisterQuery = {}) {
  authorize(ctx.actor, 'contract', 'read');
  const contract = await findContract(ctx.db, id);
  const subs = contract ? visibleTo(ctx.actor, await subContractsOf(ctx.db, [id])) : [];
  if (!contract || (practiceScope(ctx.actor) && subs.length === 0)) throw notFound(`Contract ${id}`);
  const today = query.today ?? todayInEngland();
  const described = await describeSubContracts(ctx, subs);
  const footprint = await findGroup(ctx.db, contract.footprintGroupId);
  const summary = summarise(contract, described, footprint?.name ?? `group ${contract.footprintGroupId}`, today, query.expiringWithinDays ?? defaultReminderDays);
  const canEdit = isAllowed(ctx.actor, 'sub_contract', 'create');
  const members = canEdit ? await groupMembersDuring(ctx.db, contract.footprintGroupId, contract.startDate, contract.endDate) : [];
  const names = await registryPractices(ctx.db, members);
  return {
    contract: summary,
    subContracts: described,
    documents: isAllowed(ctx.actor, 'contract_document', 'read') ? await documentsOf(ctx.db, id) : [],
    // For the admin's "add a practice" choice: footprint members without a sub-contract yet.
    practicesToAdd: members.filter((code) => !subs.some((s) => s.practiceCode === code)).map((code) => ({ practiceCode: code, practiceName: names.get(code)?.displayName ?? code })),
  };
}
