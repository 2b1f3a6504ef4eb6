import { AppError, type Problem } from '../../domain/errors.js';

/*
 * A form shows every problem at once: what the schema finds wrong and what the record type's own
 * rules find wrong (a reference already taken, an owner nobody knows, closing without an outcome)
 * come back in one refusal, rather than one a submit.
 */

/** The problems a refusal stands for: its own, or its message as one that names no field. */
const problemsOf = (refusal: AppError): Problem[] => (refusal.problems.length ? refusal.problems : [{ message: refusal.message }]);

/** Details of several refusals as one: lists (such as `unknownOwners`) joined, anything else the first one's. */
function mergedDetails(refusals: readonly AppError[]): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const refusal of refusals) {
    for (const [key, value] of Object.entries(refusal.details)) {
      const kept = details[key];
      details[key] = Array.isArray(kept) && Array.isArray(value) ? [...new Set([...kept, ...value])] : (kept ?? value);
    }
  }
  return details;
}

/**
 * Several refusals of one input as one "invalid" refusal: every problem, each once; the only
 * refusal's own message when there is one, else `message`.
 */
export function joinRefusals(refusals: readonly AppError[], message: string): AppError {
  if (refusals.length === 1) return refusals[0]!;
  const problems: Problem[] = [];
  for (const problem of refusals.flatMap(problemsOf)) {
    if (!problems.some((p) => p.field === problem.field && p.message === problem.message)) problems.push(problem);
  }
  return new AppError('invalid', message, { problems, details: mergedDetails(refusals) });
}

/** A rule's refusal of the input that can stand beside others: "invalid" (a field's problem) or "conflict" (a clash with another record). */
export const isInputRefusal = (error: unknown): error is AppError => error instanceof AppError && (error.kind === 'invalid' || error.kind === 'conflict');

type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs a record's rules one after another and refuses once with the problems of every rule that
 * refused the input (`message` when there are several), so a person sees them all at once. Any
 * other error stops it there. Gives what each rule returned, in order.
 */
export async function checkAll<T extends (() => unknown)[]>(rules: [...T], message: string): Promise<Results<T>> {
  const results: unknown[] = [];
  const refusals: AppError[] = [];
  for (const rule of rules) {
    try {
      results.push(await rule());
    } catch (error) {
      if (!isInputRefusal(error)) throw error;
      refusals.push(error);
      results.push(undefined);
    }
  }
  if (refusals.length) throw joinRefusals(refusals, message);
  return results as Results<T>;
}
