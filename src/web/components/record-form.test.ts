import { describe, expect, it } from 'vitest';
import { missingMessage } from './record-form.js';

describe('missingMessage: what a record form says of a required field left empty', () => {
  it.each([
    [{ label: 'Reference' }, 'Enter the reference'],
    [{ label: 'Action', kind: 'textarea' as const }, 'Enter the action'],
    [{ label: 'Amount for the year', kind: 'money' as const }, 'Enter the amount for the year'],
    [{ label: 'Financial year', kind: 'select' as const }, 'Choose the financial year'],
    [{ label: 'Description (optional)' }, 'Enter the description'],
    [{ label: 'ODS code' }, 'Enter the ODS code'],
    [{ label: 'I&E line' }, 'Enter the I&E line'],
  ])('%j → %s', (field, message) => {
    expect(missingMessage(field)).toBe(message);
  });
});
