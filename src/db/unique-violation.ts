/**
 * Whether an error is PostgreSQL's unique violation (23505) of the named index or constraint, as the
 * driver throws it (pg or PGlite) or Drizzle wraps it as its cause: how a use case learns that another
 * transaction, which its own checks could not see, took the same key first.
 */
export function violatesUnique(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return e.constraint === constraint;
  }
  return false;
}
