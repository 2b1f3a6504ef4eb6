import type { Problem } from '../../domain/errors.js';
import { type SafeParser, zodProblems } from './zod-problems.js';

/** An input as a record type's schema reads it, or its problems and what could still be read of it. */
export type ReadInput<T> = { ok: true; data: T } | { ok: false; problems: Problem[]; readable: Partial<T> | undefined };

/**
 * Reads an input with `schema`. When it has problems, the fields without any are read again with
 * `partial` (the schema with every field optional), so the record's own rules can still be asked
 * about them and a form shows every problem at once. Nothing is readable when a problem names no
 * field (the input is not an object at all).
 */
export function readInput<T>(schema: SafeParser<T>, partial: SafeParser<Partial<T>>, input: unknown): ReadInput<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const problems = zodProblems(parsed.error);
  const flagged = new Set(problems.map((p) => p.field?.split('.')[0]));
  if (flagged.has(undefined) || !input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems, readable: undefined };
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !flagged.has(key)));
  const salvaged = partial.safeParse(rest);
  return { ok: false, problems, readable: salvaged.success ? salvaged.data : undefined };
}

/** The problems a record's rules found that the schema had not already found with the same field. */
export function besideSchemaProblems(schemaProblems: readonly Problem[], ruleProblems: readonly Problem[]): Problem[] {
  const flagged = new Set(schemaProblems.map((p) => p.field?.split('.')[0]));
  return ruleProblems.filter((p) => !p.field || !flagged.has(p.field.split('.')[0]));
}
