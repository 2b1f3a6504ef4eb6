import { invalid, type Problem } from '../../domain/errors.js';

/** zod issues as problems that name the field, the way the API, the CLI and the web error summary show them. */
export function zodProblems(error: unknown, location: { file?: string; line?: number } = {}): Problem[] {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    return { ...location, ...(field ? (location.line ? { column: field } : { field }) : {}), message: issue.message };
  });
}

/** What zod's safeParse gives: the data, or an error whose issues name the fields. */
export type SafeParser<T> = { safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown } };

/** The input as `schema` reads it, or an "invalid" refusal saying `message` with a problem per field. */
export function parseOrRefuse<T>(schema: SafeParser<T>, input: unknown, message: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(message, zodProblems(parsed.error));
  return parsed.data;
}
