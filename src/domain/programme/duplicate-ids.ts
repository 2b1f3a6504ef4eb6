/**
 * Plans number their lines by hand (1.1, 1.2 …) and slip: the ELR work plan uses 2.3 and 3.2
 * twice and has no 2.4. Every line is kept; these find what the plan's owner should resolve.
 */
export interface DuplicateId<T> {
  ref: string;
  items: T[];
}

export function findDuplicateIds<T extends { ref: string }>(items: readonly T[]): DuplicateId<T>[] {
  const byRef = new Map<string, T[]>();
  for (const item of items) byRef.set(item.ref, [...(byRef.get(item.ref) ?? []), item]);
  return [...byRef.entries()].filter(([, list]) => list.length > 1).map(([ref, list]) => ({ ref, items: list }));
}

/** Ids a section skips: with 2.1, 2.2, 2.3, 2.5 present, 2.4 is missing. Only "section.number" ids count. */
export function findMissingIds(refs: readonly string[]): string[] {
  const bySection = new Map<string, Set<number>>();
  for (const ref of refs) {
    const match = /^(\d+)\.(\d+)$/.exec(ref.trim());
    if (!match) continue;
    bySection.set(match[1]!, (bySection.get(match[1]!) ?? new Set()).add(Number(match[2])));
  }
  const missing: string[] = [];
  for (const [section, numbers] of bySection) {
    const highest = Math.max(...numbers);
    for (let n = 1; n < highest; n++) if (!numbers.has(n)) missing.push(`${section}.${n}`);
  }
  return missing;
}

/** The occurrence of each item's ref in order (1 for the first 2.3, 2 for the second), so re-imports find the same line. */
export function refOccurrences(refs: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return refs.map((ref) => {
    const n = (seen.get(ref) ?? 0) + 1;
    seen.set(ref, n);
    return n;
  });
}
