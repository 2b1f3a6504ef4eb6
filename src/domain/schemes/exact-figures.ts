import type { Ratio } from './ratio.js';

/**
 * A result row that keeps its exact (unrounded) figures as ratios and writes them out as decimal
 * strings only when they are read: a property such as `quantityExact`, JSON (via `toJSON`), a
 * test. Writing 60 significant digits takes microseconds, and a run over every practice in England
 * has ~100,000 such figures that nobody may read. The ratios are private, so they are not among
 * the row's own properties; subclasses name their exact fields in `exactFields` for `toJSON`.
 */
export abstract class ExactFigures {
  // Up to four figures, in fields rather than an array: one object less for every row.
  readonly #first: Ratio | null;
  readonly #second: Ratio | null;
  readonly #third: Ratio | null;
  readonly #fourth: Ratio | null;

  protected constructor(first: Ratio | null, second: Ratio | null = null, third: Ratio | null = null, fourth: Ratio | null = null) {
    this.#first = first;
    this.#second = second;
    this.#third = third;
    this.#fourth = fourth;
  }

  /** The exact figure at `index` (0–3) of the constructor's arguments, as a decimal string (null when there is none). */
  protected exactText(index: 0 | 1 | 2 | 3): string | null {
    const value = [this.#first, this.#second, this.#third, this.#fourth][index];
    return value ? value.toString() : null;
  }

  /** The row as JSON: its own fields, then its exact figures as strings. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...(this as object) };
    const names = (this.constructor as unknown as { exactFields: readonly string[] }).exactFields;
    for (const name of names) out[name] = (this as unknown as Record<string, unknown>)[name];
    return out;
  }
}
