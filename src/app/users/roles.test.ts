import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../context.js';
import { type Action, isAllowed, permissions, type RecordTypeName } from '../permissions.js';
import { roleDescriptions } from './roles.js';

/**
 * The claims each role's description makes, checked against permissions.ts: a rule changed so that
 * a description is no longer true fails here, and the description is reworded with it.
 */
const types = Object.keys(permissions) as RecordTypeName[];
const changes: Action[] = ['create', 'update', 'delete', 'import'];
const actor = (role: Role) => ({ userId: 1, label: role, role, practiceCodes: ['C82001'] });
/** What a role may change: for its own practice (C82001), for a practice manager. */
const mayChange = (role: Role) => types.flatMap((type) => changes.filter((action) => isAllowed(actor(role), type, action, 'C82001')).map((action) => `${type} ${action}`));
const mayRead = (role: Role, type: RecordTypeName) => isAllowed(actor(role), type, 'read', 'C82001');
const readByAnyone = types.filter((type) => permissions[type].read.length > 0);
const adminPages: RecordTypeName[] = ['user', 'audit', 'job', 'backup', 'digest'];

describe('role descriptions say what permissions.ts allows', () => {
  it('describes every role in one line', () => {
    for (const role of roles) expect(roleDescriptions[role]).toMatch(/^[A-Z][^\n]+\.$/);
  });

  it('admin: every change any role may make, except deciding fund applications', () => {
    const anyone = types.flatMap((type) => changes.filter((action) => permissions[type][action].length > 0).map((action) => `${type} ${action}`));
    expect(anyone.filter((change) => !mayChange('admin').includes(change))).toEqual(['fund_application update']);
    expect(readByAnyone.filter((type) => !mayRead('admin', type))).toEqual([]);
    expect(roleDescriptions.admin).toContain('Does everything except decide fund applications');
  });

  it('practice manager: changes only their own practices’ name and notes, returns, acknowledgements and fund applications', () => {
    expect(mayChange('practice_manager')).toEqual(['practice update', 'activity_return create', 'policy_acknowledgement create', 'fund_application create', 'fund_withdrawal create']);
    expect(types.flatMap((type) => changes.filter((action) => isAllowed(actor('practice_manager'), type, action, 'C82002')))).toEqual([]);
    for (const type of ['scheme', 'work_plan', 'risk', 'policy', 'indicator', 'income_stream', 'cost_saving', 'sub_contract', 'fund_application'] as const) expect(mayRead('practice_manager', type)).toBe(true);
    // "Reads all else but the federation’s budget, cash flow, contract documents and admin pages."
    expect(readByAnyone.filter((type) => !mayRead('practice_manager', type)).sort()).toEqual([...adminPages, 'finance_year', 'ie_line', 'running_cost', 'finance_report', 'contract_document'].sort());
  });

  it('commissioner: reads all but the admin’s own pages, and decides fund applications, nothing else', () => {
    expect(mayChange('commissioner')).toEqual(['fund_application update']);
    expect(readByAnyone.filter((type) => !mayRead('commissioner', type))).toEqual(adminPages);
  });

  it('clinician: reads all but contracts, funds and the admin pages; changes nothing', () => {
    expect(mayChange('clinician')).toEqual([]);
    const contractsAndFunds = types.filter((type) => /^(contract|sub_contract|fund|drawdown)/.test(type));
    expect(readByAnyone.filter((type) => !mayRead('clinician', type)).sort()).toEqual([...adminPages, ...contractsAndFunds].sort());
  });
});
