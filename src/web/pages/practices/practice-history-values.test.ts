import { describe, expect, it } from 'vitest';
import { describeHistoryValues } from './practice-history-values.js';

describe('a practice history row as the page writes it', () => {
  it.each<[string, Record<string, unknown> | null, string]>([
    [
      'an ODS rename, with the name before (it was "[object Object]")',
      { name: 'SOUTH LEICESTERSHIRE MEDICAL GROUP', status: 'active', closeDate: null, commissionerCode: '03W', before: { name: 'SOUTH LEICESTERSHIRE MEDICAL PARTNERSHIP' } },
      'ODS name: SOUTH LEICESTERSHIRE MEDICAL GROUP (was SOUTH LEICESTERSHIRE MEDICAL PARTNERSHIP); Status: Active; Close date: none; Sub-ICB code: 03W',
    ],
    [
      'a closure: status and close date with their earlier values',
      { name: 'TWO SHIRES MEDICAL PRACTICE', status: 'closed', closeDate: '2020-06-30', commissionerCode: '03W', before: { status: 'active', closeDate: null } },
      'ODS name: TWO SHIRES MEDICAL PRACTICE; Status: Closed (was Active); Close date: 30 June 2020 (was none); Sub-ICB code: 03W',
    ],
    ['a move between commissioners', { commissionerCode: '04C', before: { commissionerCode: '03W' } }, 'Sub-ICB code: 04C (was 03W)'],
    ['a move the ODS file dated', { commissionerCode: '04C', joinedCommissionerOn: '2019-04-01', before: { commissionerCode: '03W' } }, 'Sub-ICB code: 04C (was 03W); Joined it on: 1 April 2019'],
    ['a PCN change, which names the previous PCN itself', { pcnCode: 'U30213', previousPcnCode: null }, 'PCN code: U30213; Previous PCN code: none'],
    ['a field the page has no word for keeps its name', { supplierCode: 'X1' }, 'supplierCode: X1'],
    ['nothing recorded', null, ''],
  ])('%s', (_name, snapshot, text) => expect(describeHistoryValues(snapshot)).toBe(text));
});
