import { forbidden } from '../domain/errors.js';
import type { Actor, Role } from './context.js';

/**
 * Who may do what, declared once per record type. Use cases call `authorize`; the API and CLI
 * never decide permissions themselves. `own_practice` means: a practice manager for a record of
 * one of their practices (the record type says how a record names its practice).
 */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'import';
type Rule = readonly (Role | 'own_practice')[];

const everyone: Rule = ['admin', 'practice_manager', 'commissioner', 'clinician'];
const admin: Rule = ['admin'];
const contractReaders: Rule = ['admin', 'commissioner', 'practice_manager'];

export const permissions = {
  practice: { read: everyone, create: [], update: [...admin, 'own_practice'], delete: [], import: admin },
  list_size: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  pcn: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  group: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  membership: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  user: { read: admin, create: admin, update: admin, delete: admin, import: admin },
  audit: { read: admin, create: [], update: [], delete: [], import: [] },
  job: { read: admin, create: admin, update: [], delete: [], import: [] },
  // Everyone signed in reads schemes; a practice manager's reads are narrowed to their own practices' rows by the scheme use cases.
  // Approving a version is an update; recording delivered activity or a hand schedule is an import.
  scheme: { read: everyone, create: admin, update: admin, delete: [], import: admin },
  // Contracts and funds: the federation admin edits, the commissioner reads; a practice manager's reads are narrowed to their own practices' sub-contracts and applications.
  contract: { read: contractReaders, create: admin, update: admin, delete: admin, import: admin },
  sub_contract: { read: contractReaders, create: admin, update: admin, delete: admin, import: admin },
  contract_document: { read: ['admin', 'commissioner'], create: admin, update: [], delete: admin, import: [] },
  fund: { read: contractReaders, create: admin, update: admin, delete: admin, import: admin },
  // A practice manager applies for their own practice; the commissioner decides (an update).
  fund_application: { read: contractReaders, create: [...admin, 'own_practice'], update: ['commissioner'], delete: [], import: [] },
  drawdown: { read: contractReaders, create: admin, update: [], delete: [], import: [] },
} as const satisfies Record<string, Record<Action, Rule>>;

export type RecordTypeName = keyof typeof permissions;

export function isAllowed(actor: Actor, type: RecordTypeName, action: Action, practiceCode?: string | null): boolean {
  const rule: Rule = permissions[type][action];
  if (rule.includes(actor.role)) return true;
  return rule.includes('own_practice') && actor.role === 'practice_manager' && !!practiceCode && actor.practiceCodes.includes(practiceCode);
}

export function authorize(actor: Actor, type: RecordTypeName, action: Action, practiceCode?: string | null): void {
  if (!isAllowed(actor, type, action, practiceCode)) throw forbidden(`You do not have permission to ${action} ${type.replace('_', ' ')} records`);
}
