import type { Problem } from '../../domain/errors.js';

/** zod issues as problems that name the field, the way the API, the CLI and the web error summary show them. */
export function zodProblems(error: unknown, location: { file?: string; line?: number } = {}): Problem[] {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    return { ...location, ...(field ? (location.line ? { column: field } : { field }) : {}), message: issue.message };
  });
}
