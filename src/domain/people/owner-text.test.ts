import { describe, expect, it } from 'vitest';
import { initialsOf, looksLikeInitials, splitOwnerText } from './owner-text.js';

describe('splitOwnerText', () => {
  it.each([
    ['GC', ['GC']],
    ['GC/RB', ['GC', 'RB']],
    ['Paula Vaughan; Julia Corey; David Muir', ['Paula Vaughan', 'Julia Corey', 'David Muir']],
    ['JW & RB', ['JW', 'RB']],
    ['JW and  RB, GC', ['JW', 'RB', 'GC']],
    ['All Board', ['All Board']],
    ['GC/GC', ['GC']],
    ['', []],
    [null, []],
  ])('%j → %j', (text, expected) => {
    expect(splitOwnerText(text)).toEqual(expected);
  });
});

describe('looksLikeInitials and initialsOf', () => {
  it.each([
    ['GC', true],
    ['RBa', true],
    ['All Board', false],
    ['Paula', false],
    ['g', false],
  ])('%s looks like initials: %s', (part, expected) => {
    expect(looksLikeInitials(part)).toBe(expected);
  });

  it.each([
    ['Paula Vaughan', 'PV'],
    ['Mary-Jane Smith', 'MJS'],
    ['  Dr  Rachana Vyas', 'DRV'],
  ])('%s → %s', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });
});
