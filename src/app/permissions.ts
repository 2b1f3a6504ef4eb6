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
/** The federation's own finances: the admin, the board (clinicians) and the commissioner. */
const financeReaders: Rule = ['admin', 'commissioner', 'clinician'];
const financeRecords = { read: financeReaders, create: admin, update: admin, delete: admin, import: admin } as const;
const contractReaders: Rule = ['admin', 'commissioner', 'practice_manager'];

export const permissions = {
  practice: { read: everyone, create: [], update: [...admin, 'own_practice'], delete: [], import: admin },
  list_size: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  pcn: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  group: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  membership: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  // People named as owners and leads; anyone signed in sees who they are, only admins change them.
  person: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  user: { read: admin, create: admin, update: admin, delete: admin, import: admin },
  audit: { read: admin, create: [], update: [], delete: [], import: [] },
  job: { read: admin, create: admin, update: [], delete: [], import: [] },
  // A backup holds every row, password hashes included: an admin takes it (on the server's machine: the API refuses it to a browser) and restores one.
  backup: { read: admin, create: [], update: [], delete: [], import: admin },
  // Loading the demo federation writes users, schemes and finance: an import by an admin.
  demo: { read: [], create: [], update: [], delete: [], import: admin },
  // The daily email of what is due, sent to every user: an admin sends it (or the scheduled CLI).
  digest: { read: admin, create: admin, update: [], delete: [], import: [] },
  // Everyone signed in reads schemes; a practice manager's reads are narrowed to their own practices' rows by the scheme use cases.
  // Approving a version is an update; recording delivered activity or a hand schedule is an import.
  scheme: { read: everyone, create: admin, update: admin, delete: [], import: admin },
  // A practice's activity return for a scheme: admins record any practice's; a practice manager returns their own practices'.
  activity_return: { read: everyone, create: [...admin, 'own_practice'], update: [], delete: [], import: [] },
  // Programme: work plans (a position update is an update of its task) and the STP deliverables, milestone grid and outcomes.
  work_plan: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  plan_section: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  plan_task: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  stp_deliverable: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  stp_action: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  stp_milestone: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  stp_outcome: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  // Governance: everyone signed in reads the registers and library; the federation's admins keep them.
  risk: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  meeting: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  // Besides admins, an action's owners (but not a commissioner) add its dated updates: `mayAddUpdate` in governance/action-updates.ts.
  board_action: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  policy: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  // A practice manager acknowledges policies for their own practices.
  policy_acknowledgement: { read: everyone, create: [...admin, 'own_practice'], update: [], delete: [], import: [] },
  // Income streams and cost savings say what reaches practices, so practice managers read them too.
  income_stream: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  income_stream_year: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  cost_saving: { read: everyone, create: admin, update: admin, delete: admin, import: admin },
  finance_year: financeRecords,
  ie_line: financeRecords,
  running_cost: financeRecords,
  // The I&E, cash flow and scenarios; `read` also covers exporting them.
  finance_report: { read: financeReaders, create: [], update: [], delete: [], import: [] },
  // Contracts and funds: the federation admin edits, the commissioner reads; a practice manager's reads are narrowed to their own practices' sub-contracts and applications.
  contract: { read: contractReaders, create: admin, update: admin, delete: admin, import: admin },
  sub_contract: { read: contractReaders, create: admin, update: admin, delete: admin, import: admin },
  // A document added by mistake is removed by an admin (the audit keeps its name, not its contents).
  contract_document: { read: ['admin', 'commissioner'], create: admin, update: [], delete: admin, import: [] },
  fund: { read: contractReaders, create: admin, update: admin, delete: admin, import: admin },
  // A practice manager applies for their own practice; the commissioner decides (an update).
  fund_application: { read: contractReaders, create: [...admin, 'own_practice'], update: ['commissioner'], delete: [], import: [] },
  // Whoever may apply may withdraw an application still waiting for a decision: admins (who apply for localities), and a practice manager their own practice's.
  fund_withdrawal: { read: contractReaders, create: [...admin, 'own_practice'], update: [], delete: [], import: [] },
  drawdown: { read: contractReaders, create: admin, update: [], delete: admin, import: [] },
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
  if (!isAllowed(actor, type, action, practiceCode)) throw forbidden(`You do not have permission to ${action} ${type.replaceAll('_', ' ')} records.`);
}

/**
 * Refuses, before a request is read, someone who may not do this to any record of the type (for
 * any practice): they are told they may not, not what is wrong with what they sent.
 */
export function authorizeAny(actor: Actor, type: RecordTypeName, action: Action): void {
  if (!isAllowedAny(actor, type, action)) authorize(actor, type, action);
}

/** Whether the actor may do this to some record of the type (a practice manager: one of their practices'). */
export function isAllowedAny(actor: Actor, type: RecordTypeName, action: Action): boolean {
  return isAllowed(actor, type, action) || actor.practiceCodes.some((code) => isAllowed(actor, type, action, code));
}

/**
 * The practices whose records an actor reads: a practice manager only their own; undefined for
 * everyone else who may read, who sees every practice. The one place "own practices" is decided
 * for reading; use cases narrow lists, runs and queries by it.
 */
export function practiceScope(actor: Actor): readonly string[] | undefined {
  return actor.role === 'practice_manager' ? actor.practiceCodes : undefined;
}

export function canSeePractice(actor: Actor, practiceCode: string | null | undefined): boolean {
  const scope = practiceScope(actor);
  return !scope || (!!practiceCode && scope.includes(practiceCode));
}
