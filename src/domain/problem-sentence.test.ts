import { describe, expect, it } from 'vitest';
import { fieldWords, labelName, problemSentence, repeatsItsStart, unplacedProblemSentence } from './problem-sentence.js';

describe('problemSentence: a field problem reads once as a sentence', () => {
  it.each([
    ['Password', 'must be at least 12 characters', 'Password must be at least 12 characters'],
    ['End date (optional)', 'must be on or after the start date', 'End date must be on or after the start date'],
    ['Value (£)', '"-£5" is negative', 'Value: "-£5" is negative'],
    ['Title', 'Enter a title', 'Enter a title'],
    ['Date signed', '1 January 2030 is in the future', '1 January 2030 is in the future'],
    // Messages that already name their field are not given the label again.
    ['Due date', 'Due date must be a real date', 'Due date must be a real date'],
    ['Due date', 'due date must be a real date', 'Due date must be a real date'],
    ['Name', 'Name is required', 'Name is required'],
    ['Name', 'Name: Name is required', 'Name is required'],
    ['Name', 'name Name is required', 'Name is required'],
    ['Practices (ODS codes)', 'Practices must name at least one practice', 'Practices must name at least one practice'],
    // A label that only begins another word is not the field named.
    ['Date', 'dates must be in order', 'Date dates must be in order'],
  ])('%s + %s → %s', (label, message, expected) => {
    expect(problemSentence(label, message)).toBe(expected);
    expect(repeatsItsStart(problemSentence(label, message))).toBe(false);
  });
});

describe('unplacedProblemSentence: a problem about a field the form does not show', () => {
  it.each([
    ['lines', 'add at least one costed line', 'Lines: add at least one costed line'],
    ['title', 'Enter a title', 'Enter a title'],
    ['name', 'Name is required', 'Name is required'],
    ['name', 'is required', 'Name is required'],
    ['amount', 'must be a number', 'Amount must be a number'],
    ['body.practiceCodes', 'Practice codes must be ODS codes', 'Practice codes must be ODS codes'],
    ['practiceCodes', 'practice codes must be ODS codes', 'Practice codes must be ODS codes'],
  ])('%s + %s → %s', (path, message, expected) => {
    expect(unplacedProblemSentence(path, message)).toBe(expected);
  });
});

describe('the words that name a field', () => {
  it.each([
    ['End date (optional)', 'End date'],
    ['Practices (ODS codes)', 'Practices'],
    ['Update', 'Update'],
  ])('labelName(%s) → %s', (label, expected) => expect(labelName(label)).toBe(expected));
  it.each([
    ['practiceCodes', 'Practice codes'],
    ['lines.0.amount', 'Lines'],
    ['due_date', 'Due date'],
    ['body.enteredOn', 'Entered on'],
    ['query.from', 'From'],
  ])('fieldWords(%s) → %s', (path, expected) => expect(fieldWords(path)).toBe(expected));
});

describe('repeatsItsStart: what a doubled label looks like', () => {
  it.each([
    ['Due date Due date must be a real date', true],
    ['Name: Name is required', true],
    ['name: Name is required', true],
    ['Date of the update must be today or in the past', false],
    ['Enter a title', false],
  ])('%s → %s', (sentence, expected) => expect(repeatsItsStart(sentence)).toBe(expected));
});
