import { describe, expect, it } from 'vitest';
import { dateProblem, partsAtFault } from './date-field.js';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('dateProblem: says what is wrong with a typed date', () => {
  it.each([
    { typed: parts('', '', ''), required: true, message: 'Enter the start date' },
    { typed: parts('', '', ''), required: false, message: undefined },
    { typed: parts('11', '', '2018'), required: false, message: 'Start date must include a month' },
    { typed: parts('', '', '2018'), required: false, message: 'Start date must include a day and month' },
    { typed: parts('11', '5', '18'), required: false, message: 'Year must include 4 numbers' },
    { typed: parts('11', '5', '20188'), required: false, message: 'Year must include 4 numbers' },
    { typed: parts('31', '4', '2018'), required: false, message: 'Start date must be a real date' },
    { typed: parts('1', '4', '1800'), required: false, message: 'Start date must be a year from 1900 to 2099' },
    { typed: parts('11', '5', '2018'), required: true, message: undefined },
  ])('$typed.day/$typed.month/$typed.year → $message', ({ typed, required, message }) => {
    expect(dateProblem(typed, 'Start date', required)).toBe(message);
  });
});

describe('partsAtFault: only the boxes an error is about turn red', () => {
  it.each([
    { typed: parts('', '', ''), boxes: ['day', 'month', 'year'] },
    { typed: parts('11', '', '2018'), boxes: ['month'] },
    { typed: parts('', '', '2018'), boxes: ['day', 'month'] },
    { typed: parts('11', '5', '18'), boxes: ['year'] },
    { typed: parts('31', '4', '18'), boxes: ['day', 'month', 'year'] },
    { typed: parts('31', '4', '2018'), boxes: ['day', 'month', 'year'] },
    { typed: parts('1', '4', '1800'), boxes: ['day', 'month', 'year'] },
  ])('$typed.day/$typed.month/$typed.year → $boxes', ({ typed, boxes }) => {
    expect(partsAtFault(typed)).toEqual(boxes);
  });
});
