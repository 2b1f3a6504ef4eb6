import { z } from 'zod';

const count = (n: unknown) => Number(n).toLocaleString('en-GB');

/**
 * The words a person reads when a value breaks a schema's limits and the schema gave no message
 * of its own: "must be 1,000 characters or fewer", not zod's "Too big: expected string to have
 * <=1000 characters". Forms put the field's label in front ("Description must be …").
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `must be ${count(issue.maximum)} characters or fewer`;
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? `must be less than ${count(issue.maximum)}` : `must be ${count(issue.maximum)} or less`;
      if (issue.origin === 'array') return `must have ${count(issue.maximum)} items or fewer`;
      return undefined;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${count(issue.minimum)} characters`;
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? `must be more than ${count(issue.minimum)}` : `must be ${count(issue.minimum)} or more`;
      if (issue.origin === 'array') return `must have at least ${count(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      return undefined;
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'number' || issue.expected === 'int') return 'must be a number';
      if (issue.expected === 'string') return 'must be text';
      if (issue.expected === 'boolean') return 'must be true or false';
      return undefined;
    case 'invalid_value':
      return issue.values.length <= 10 ? `must be one of: ${issue.values.map(String).join(', ')}` : undefined;
    default:
      return undefined;
  }
}

// Installed once, wherever a schema is first used (errors.ts imports this module).
z.config({ customError: plainMessage });
