import { invalid, type Problem } from '../../domain/errors.js';

/** zod issues as problems that name the field, the way the API, the CLI and the web error summary show them. */
export function zodProblems(error: unknown, location: { file?: string; line?: number } = {}): Problem[] {
  const issues = (error as { issues?: { code?: string; keys?: string[]; path: PropertyKey[]; message: string }[] }).issues ?? [];
  const problem = (path: PropertyKey[], message: string): Problem => {
    const field = path.map(String).join('.') || undefined;
    return { ...location, ...(field ? (location.line ? { column: field } : { field }) : {}), message };
  };
  // A name the request does not take is named itself, one problem each, rather than "Unrecognized keys" on the whole.
  return issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.keys?.length ? issue.keys.map((key) => problem([...issue.path, key], 'is not an option here')) : [problem(issue.path, issue.message)]));
}

/** What zod's safeParse gives: the data, or an error whose issues name the fields. */
export type SafeParser<T> = { safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown } };

/** The input as `schema` reads it, or an "invalid" refusal saying `message` with a problem per field. */
export function parseOrRefuse<T>(schema: SafeParser<T>, input: unknown, message: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(message, zodProblems(parsed.error));
  return parsed.data;
}
