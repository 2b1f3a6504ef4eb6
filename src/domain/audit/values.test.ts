import { describe, expect, it } from 'vitest';
import { auditFieldChanges, auditValueText, type ValueReading } from './values.js';

describe('auditValueText: a stored value in words', () => {
  const people = new Map([['3', 'Jo Walker'], ['7', 'Rachel Brown']]);
  it.each<[string, unknown, ValueReading, string | null]>([
    ['nothing', null, {}, null],
    ['empty text', '', {}, null],
    ['an empty list', [], {}, null],
    ['yes', true, {}, 'Yes'],
    ['a date', '2018-04-27', {}, '27 April 2018'],
    ['a moment', '2026-11-23T17:45:00.000Z', {}, '23 November 2026 at 5:45pm'],
    ['a code in words', 'carried_forward', { labels: 'words' }, 'Carried forward'],
    ['a code its labels name', 'in_progress', { labels: { in_progress: 'In progress' } }, 'In progress'],
    ['pence as pounds', 1_270_500, { pence: true }, '£12,705'],
    ['basis points as a percentage', 9500, { basisPoints: true }, '95%'],
    ['a reference with its prefix', '1', { prefix: 'R' }, 'R1'],
    ['ids as the names of the people they point at', [3, 7], { names: people }, 'Jo Walker, Rachel Brown'],
    ['an id nobody has any more', [9], { names: people }, '9'],
    ['a kept entry', [{ entryDate: '2018-03-15', text: 'Agreed at the March board' }], {}, 'Entry date: 15 March 2018; Text: Agreed at the March board'],
    ['an entry kept beside its record: what it says and who said it, not its ids', { id: 1, actionId: 1, text: 'JW to progress', enteredBy: 'demo', enteredOn: '2018-04-27' }, {}, 'Text: JW to progress; Entered by: Demo data; Entered on: 27 April 2018'],
    [
      'a scheme return names the delivery model it counts, which is a key in text, not an id',
      [{ week: null, modelId: 'nurse', quantity: 208, takesPart: 'yes', practiceCode: 'C82001' }],
      {},
      'Model: nurse; Quantity: 208; Takes part: yes; Practice code: C82001',
    ],
    ['money kept in pence, in pounds under its name without "pence"', [{ year: '2017/18', ratePence: 50 }], {}, 'Year: 2017/18; Rate: £0.50'],
    [
      'the money an invoice was for',
      { invoicePence: 7_123_100, feePence: 339_200, payments: [{ practiceCode: 'C82001', amountPence: 375_000 }] },
      {},
      'Invoice: £71,231; Fee: £3,392; Payments: Practice code: C82001; Amount: £3,750',
    ],
  ])('%s', (_, value, reading, expected) => expect(auditValueText(value, reading)).toBe(expected));
});

describe('auditFieldChanges: what a change did, field by field', () => {
  const readings: Record<string, ValueReading> = {
    ref: { label: 'Ref', prefix: 'R' },
    ownerText: { label: 'Owner' },
    ownerPersonIds: { label: 'Owners on the People page', names: new Map([['3', 'Jo Walker']]) },
    likelihood: { label: 'Likelihood' },
    status: { label: 'Status', labels: 'words' },
  };
  it.each([
    [
      'an edit names only what it changed, in the order of the fields, with names for ids',
      { action: 'update', before: { id: 1, ref: '1', status: 'open', ownerText: null, ownerPersonIds: [], rowVersion: 1 }, after: { id: 1, ref: '1', status: 'closed', ownerText: 'JW', ownerPersonIds: [3], rowVersion: 2 } },
      [
        { field: 'Owner', before: null, after: 'JW' },
        { field: 'Owners on the People page', before: null, after: 'Jo Walker' },
        { field: 'Status', before: 'Open', after: 'Closed' },
      ],
    ],
    ['a creation lists what it held', { action: 'create', before: null, after: { id: 4, ref: '4', likelihood: 3, ownerText: null } }, [
      { field: 'Ref', before: null, after: 'R4' },
      { field: 'Likelihood', before: null, after: '3' },
    ]],
    ['a property the type does not declare is named in words', { action: 'update', before: { duplicateRef: true }, after: { duplicateRef: false } }, [{ field: 'Duplicate ref', before: 'Yes', after: 'No' }]],
    ['a row that holds no record shows nothing', { action: 'import', before: null, after: null }, []],
  ])('%s', (_, entry, expected) => expect(auditFieldChanges(entry, readings)).toEqual(expected));
});
