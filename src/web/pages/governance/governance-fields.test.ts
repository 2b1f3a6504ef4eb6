import { describe, expect, it } from 'vitest';
import { recordTypes } from '../../../app/records/registry.js';
import type { FormField } from '../../components/record-form.js';
import { actionFields } from './action-fields.js';
import { meetingFields } from './meeting-fields.js';
import { personFields } from './person-fields.js';
import { policyFields } from './policy-fields.js';
import { riskFields } from './risk-fields.js';

/** A select with no blank choice always sends one of its values, so there is nothing to leave out. */
const alwaysChosen = (field: FormField) => field.kind === 'select' && !field.options!.some((o) => o.value === '');

/** A field a rule needs only sometimes (an outcome, to close an action) says when, instead of "(optional)". */
const requiredWhen = (field: FormField) => / \(required when [^)]+\)$/.test(field.label);

const forms: [string, FormField[]][] = [
  ['board-actions', actionFields([])],
  ['risks', riskFields],
  ['policies', policyFields(null)],
  ['policies (ticking member practices)', policyFields([{ odsCode: 'C82001', name: 'Kibworth' }])],
  ['meetings', meetingFields],
  ['people', personFields],
];

describe('governance forms mark "(optional)" exactly the fields their record’s schema lets be left out', () => {
  for (const [resource, fields] of forms) {
    it(resource, () => {
      const shape = (recordTypes[resource.split(' ')[0]!]!.createSchema as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
      const seen = fields.map((f) => ({ name: f.name, markedOptional: f.label.endsWith(' (optional)'), required: Boolean(f.required) }));
      const expected = fields.map((f) => {
        const mayBeLeftOut = shape[f.name]!.safeParse(undefined).success;
        return { name: f.name, markedOptional: mayBeLeftOut && !alwaysChosen(f) && !requiredWhen(f), required: !mayBeLeftOut && !alwaysChosen(f) };
      });
      expect(seen).toEqual(expected);
    });
  }
});

describe('a field needed only sometimes says when', () => {
  it('the outcome of a board action is required when closing it', () => {
    expect(actionFields([]).find((f) => f.name === 'outcome')?.label).toBe('Outcome (required when closing)');
  });
});
