import { describe, expect, it } from 'vitest';
import type { Group } from '../../api/types.js';
import { groupOptions } from './quality-choosers.js';

const group = (id: number, name: string, kind: Group['kind'], parentId: number | null = null): Group => ({ id, name, kind, parentId, commissionerCode: null, description: null, rowVersion: 1 });

describe('the groups a quality page offers', () => {
  const groups = [group(1, 'ELR Federation', 'federation'), group(2, 'Harborough', 'locality', 1), group(3, 'Cross Counties PCN', 'pcn'), group(4, 'Harborough side', 'locality', 3)];

  it('names a group that is part of another with it, so two federations’ localities are told apart', () => {
    expect(groupOptions(groups, ['locality', 'pcn'], 'None')).toEqual([
      { value: '', text: 'None' },
      { value: '2', text: 'Harborough (in ELR Federation)' },
      { value: '3', text: 'Cross Counties PCN' },
      { value: '4', text: 'Harborough side (in Cross Counties PCN)' },
    ]);
  });

  it('offers only the kinds asked for, with no empty choice unless one is named', () => {
    expect(groupOptions(groups, ['federation'])).toEqual([{ value: '1', text: 'ELR Federation' }]);
  });
});
