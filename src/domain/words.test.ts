import { describe, expect, it } from 'vitest';
import { dayCount, daysFromToday, importCounts, namesInOrder, withinDaysOf } from './words.js';

describe('a count of days from today, in words', () => {
  it.each([
    [0, 'today'],
    [1, 'tomorrow'],
    [2, 'in 2 days'],
    [17, 'in 17 days'],
    [365, 'in 365 days'],
    [-1, 'yesterday'],
    [-3, '3 days ago'],
  ] as const)('%i → %s', (days, words) => expect(daysFromToday(days)).toBe(words));
});

describe('a number of days, for a window', () => {
  it.each([
    [0, '0 days'],
    [1, '1 day'],
    [90, '90 days'],
  ] as const)('%i → %s', (days, words) => expect(dayCount(days)).toBe(words));
});

describe('a window of days from a date', () => {
  it.each([
    [0, 'on 1 April 2026'],
    [1, 'within 1 day of 1 April 2026'],
    [90, 'within 90 days of 1 April 2026'],
  ] as const)('%i → %s', (days, words) => expect(withinDaysOf(days, '1 April 2026')).toBe(words));
});

describe('what an import did, in words', () => {
  it.each([
    [{ inserted: 15559, updated: 0, unchanged: 0 }, '15,559 inserted, 0 updated, 0 unchanged'],
    [{ inserted: 0, updated: 1, unchanged: 1234 }, '0 inserted, 1 updated, 1,234 unchanged'],
    [{ inserted: 2 }, '2 inserted, 0 updated, 0 unchanged'],
  ] as const)('%o → %s', (counts, words) => expect(importCounts(counts)).toBe(words));
});

describe('names in a sentence, each once, in alphabetical order', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['Rutland'], 'Rutland'],
    [['North Blaby', 'Harborough', 'North Blaby'], 'Harborough and North Blaby'],
    [['SLAM', 'Harborough', 'ELR federation'], 'ELR federation, Harborough and SLAM'],
  ])('%j', (names, said) => {
    expect(namesInOrder(names)).toBe(said);
  });
});
