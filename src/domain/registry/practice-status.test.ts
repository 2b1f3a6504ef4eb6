import { describe, expect, it } from 'vitest';
import { isGpPracticeSetting, isSpecialAllocationScheme, parsePracticeStatus } from './practice-status.js';

describe('parsePracticeStatus', () => {
  it.each([
    ['A', 'active'],
    ['C', 'closed'],
    ['D', 'dormant'],
    ['P', 'proposed'],
    ['ACTIVE', 'active'],
    ['INACTIVE', 'closed'],
    ['DORMANT', 'dormant'],
    ['active', 'active'],
  ] as const)('%s → %s', (raw, expected) => {
    expect(parsePracticeStatus(raw)).toBe(expected);
  });

  it.each(['', 'X', 'CLOSED?', 'ACT'])('%j is not an ODS status', (raw) => {
    expect(parsePracticeStatus(raw)).toBeNull();
  });
});

describe('isGpPracticeSetting', () => {
  it.each([
    ['4', true],
    ['RO76', true],
    ['RO76|RO268', true],
    ['RO268|RO76', true],
    ['0', false],
    ['14', false],
    ['44', false],
    ['RO72', false],
    ['RO760', false],
    ['RO80|RO87', false],
    ['', false],
  ] as const)('%j → %s', (raw, expected) => {
    expect(isGpPracticeSetting(raw)).toBe(expected);
  });
});

describe('isSpecialAllocationScheme', () => {
  it.each([
    ['LLR SAS PROVIDER', true],
    ['HERTFORDSHIRE SPECIAL ALLOCATION SCHEME', true],
    ['SAS - C&P - MKGP PLUS LTD', true],
    ['Special allocation scheme (NEL)', true],
    ['KIBWORTH MEDICAL CENTRE', false],
    ['SASSOON MEDICAL CENTRE', false],
    ['OASIS SURGERY', false],
  ] as const)('%j → %s', (name, expected) => {
    expect(isSpecialAllocationScheme(name)).toBe(expected);
  });
});
