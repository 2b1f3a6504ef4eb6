import { describe, expect, it } from 'vitest';
import { practiceLabels } from '../registry/practice-labels.js';
import { type AuditChange, auditSummary } from './summary.js';

const change = (before: unknown, after: unknown, summary: string | null = null): AuditChange => ({ action: 'update', summary, before, after });

describe('the one line an audit row reads as', () => {
  it.each<[string, AuditChange, string]>([
    ['an ODS import, in the words the practice pages use', change({ status: 'active', statusRaw: 'A', commissionerCode: '03W' }, { status: 'closed', statusRaw: 'C', commissionerCode: '04C' }), 'Changed status, ODS status code and sub-ICB code'],
    ['a PCN import: an abbreviation keeps its capitals', change({ pcnCode: 'U1', icbCode: null, supplier: null }, { pcnCode: 'U2', icbCode: 'QK1', supplier: 'EMIS' }), 'Changed PCN code, ICB code and clinical system'],
    ['only what differs, never the version', change({ notes: null, rowVersion: 1 }, { notes: 'Merging', rowVersion: 2 }), 'Changed notes'],
    ['a property with no label, in words', change({ someFlag: false }, { someFlag: true }), 'Changed some flag'],
    ['the line the change wrote itself', change({}, {}, 'password changed'), 'Password changed'],
    ['a creation, naming the record', { action: 'create', summary: null, before: null, after: { name: 'Harborough' } }, 'Created Harborough'],
    ['a membership, naming its practice and group', { action: 'delete', summary: null, before: { practiceCode: 'C82022', practiceName: 'Kibworth', groupName: 'Harborough' }, after: null }, 'Deleted C82022 in Harborough'],
    ['an update that changed nothing shown', change({ rowVersion: 1 }, { rowVersion: 2 }), 'Update'],
  ])('%s', (_name, entry, line) => expect(auditSummary(entry, practiceLabels)).toBe(line));
});
