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
  // Quality indicators, their figures and thresholds: everyone reads; admins import and set thresholds.
  indicator: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  indicator_threshold: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
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
