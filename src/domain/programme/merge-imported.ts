/**
 * Re-importing a plan that people have also edited in atscale: a three-way merge, field by field.
 * `base` is what the last import of the line wrote; `file` is what this one says; `current` is
 * what is stored now. The file wins where only it has changed a field; what people changed wins
 * where the file has not; where both changed it differently, what people typed is kept and the
 * clash is named, so the owner can decide, and nothing typed in atscale is lost to a re-import.
 */

/** Fields that change together: a target's text and the dates read from it are one field. */
export type FieldGroups = Record<string, readonly string[]>;

export interface MergeClash {
  field: string;
  kept: Record<string, unknown>;
  file: Record<string, unknown>;
}

export interface MergeOutcome {
  /** The values to write: only groups the file changed and people did not. */
  take: Record<string, unknown>;
  clashes: MergeClash[];
}

/** JSON with keys sorted, so a jsonb value read back (PostgreSQL reorders keys) compares equal to what was written. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));
}

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => stableJson(a) === stableJson(b);

/**
 * Merges one line. A group the file does not give (no status column) is left alone, and one the
 * last import did not give is the file's to set. With no base at all (a row imported before bases
 * were kept, whose file row is not known), who changed a field cannot be told: where the file and
 * the row differ, the row is kept and the difference named, so nothing typed here is lost to it.
 */
export function mergeImported(groups: FieldGroups, base: Record<string, unknown> | null, current: Record<string, unknown>, file: Record<string, unknown>): MergeOutcome {
  const take: Record<string, unknown> = {};
  const clashes: MergeClash[] = [];
  for (const [field, keys] of Object.entries(groups)) {
    if (!keys.some((key) => key in file)) continue;
    const fileValue = pick(file, keys);
    const now = pick(current, keys);
    if (same(fileValue, now)) continue;
    if (base === null) {
      clashes.push({ field, kept: now, file: fileValue });
      continue;
    }
    const before = keys.some((key) => key in base) ? pick(base, keys) : now;
    if (same(fileValue, before)) continue;
    if (same(now, before)) Object.assign(take, fileValue);
    else clashes.push({ field, kept: now, file: fileValue });
  }
  return { take, clashes };
}

/** The values a line's base keeps: those of the groups the file gives. */
export function baseOf(groups: FieldGroups, file: Record<string, unknown>): Record<string, unknown> {
  return pick(file, Object.values(groups).flat().filter((key) => key in file));
}
