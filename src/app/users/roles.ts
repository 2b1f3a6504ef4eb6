import { type Role, roleLabels, roles } from '../context.js';
import { authorize } from '../permissions.js';
import type { AppContext } from '../context.js';

/**
 * What each role may do, in one line, as the users page shows it beside the role choice. Worded from
 * the rules in permissions.ts; roles.test.ts checks each claim against them, so a change to the
 * rules that makes a line untrue fails there.
 */
export const roleDescriptions: Record<Role, string> = {
  admin: 'Does everything except decide fund applications: imports NHS files, keeps every register, manages users and reads the audit log.',
  practice_manager: 'For their own practices: edits the name and notes, sends activity returns, acknowledges policies, applies for fund money and withdraws an application not yet decided. Adds updates to the board actions they own and records the review of the risks they own. Reads all else but the federation’s budget, cash flow, contract documents and admin pages.',
  commissioner: 'Reads everything but the admin pages (users, imports, the audit log); decides fund applications; changes nothing else.',
  clinician: 'Reads everything but contracts, funds and the admin pages (users, imports, the audit log); adds updates to the board actions they own and records the review of the risks they own, and changes nothing else.',
};

/** Each role with its label and what it may do: the users page's choice of role. */
export function roleChoices(ctx: AppContext) {
  authorize(ctx.actor, 'user', 'read');
  return { items: roles.map((role) => ({ role, label: roleLabels[role], description: roleDescriptions[role] })) };
}
