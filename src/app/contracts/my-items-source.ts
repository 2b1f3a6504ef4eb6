import { reminderLabels, remindersDue } from '../../domain/contracts/contract-reminders.js';
import { unsignedPractices } from '../../domain/contracts/sub-contract-rules.js';
import { allContracts, subContractsOf } from '../../db/repos/contracts.js';
import { registryPractices } from '../../db/repos/schemes.js';
import type { MyItem, MyItemsSource } from '../reminders/my-item.js';
import { defaultReminderDays } from './contract-register.js';

/**
 * The contract register's reminders, in "my items" and the daily digest:
 * - a federation admin (who runs the register) gets each contract's last day to give notice,
 *   renewal date and end date from `defaultReminderDays` ahead, as the register warns of them;
 * - a practice manager gets each sub-contract their practice has not signed, due by the head
 *   contract's start date (overdue once it has started), until the contract ends.
 */
export const contractItems: MyItemsSource = async (db, query) => {
  if (query.role !== 'admin' && query.role !== 'practice_manager') return [];
  const contracts = (await allContracts(db)).filter((c) => c.endDate === null || c.endDate >= query.today);
  const refOf = (c: (typeof contracts)[number]) => c.reference ?? `Contract ${c.id}`;
  if (query.role === 'admin') {
    return contracts.flatMap((c) =>
      remindersDue(c, query.today, defaultReminderDays).map((r): MyItem => ({ kind: 'contract_date', ref: refOf(c), title: `${reminderLabels[r.kind]}: ${c.title}`, dueDate: r.date, href: `/contracts/${c.id}` })),
    );
  }
  const mine = (await subContractsOf(db, contracts.map((c) => c.id))).filter((s) => query.practiceCodes.includes(s.practiceCode));
  const unsigned = unsignedPractices(mine);
  const names = await registryPractices(db, unsigned.map((s) => s.practiceCode));
  return unsigned.flatMap((s) => {
    const c = contracts.find((x) => x.id === s.contractId)!;
    // Signing is due before the work starts; a contract that starts beyond the window is not yet an item.
    if (c.startDate > query.until) return [];
    const practice = names.get(s.practiceCode)?.displayName ?? s.practiceCode;
    return [{ kind: 'sub_contract_signature', ref: refOf(c), title: `Sign the sub-contract for ${practice}: ${c.title}`, dueDate: c.startDate, href: `/contracts/${c.id}` } satisfies MyItem];
  });
};
