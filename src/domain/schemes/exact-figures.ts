/**
 * A result row that keeps its exact (unrounded) figures as ratios and writes them out as decimal
 * strings only when they are read: a property such as `quantityExact`, JSON (via `toJSON`), a
 * test. Writing 60 significant digits takes microseconds, and a run over every practice in England
 * has ~100,000 such figures that nobody may read. Each subclass holds its ratios in its own private
 * fields (so they are not among the row's own properties) and names its exact getters in
 * `exactFields` for `toJSON` (with any other figure it makes only when read, such as a practice's years). The fields are the subclass's own, not this class's: fields set here
 * would be stored on objects of every row class alike, which V8 does far more slowly.
 */
export abstract class ExactFigures {
  /** The row as JSON: its own fields, then its exact figures as strings. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...(this as object) };
    const names = (this.constructor as unknown as { exactFields: readonly string[] }).exactFields;
    for (const name of names) out[name] = (this as unknown as Record<string, unknown>)[name];
    return out;
  }
}
