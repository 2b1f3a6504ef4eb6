/** Runs `work` several times and returns the median wall time in milliseconds (the first runs warm up: the JIT compiles hot code as it goes); setup and teardown are not timed. */
export async function medianMs(
  runs: number,
  work: () => Promise<unknown> | unknown,
  setup?: () => Promise<void> | void,
  teardown?: () => Promise<void> | void,
  warmUps = 1,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + warmUps; i++) {
    await setup?.();
    const start = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    await teardown?.();
    if (i >= warmUps) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

export interface Contender {
  work: () => Promise<unknown> | unknown;
  setup?: () => Promise<void> | void;
  teardown?: () => Promise<void> | void;
}

/**
 * Median wall time of each contender, run in turn round after round (A, B, C, A, B, C…) rather
 * than all of A then all of B, so a slow spell of a shared machine falls on every side of a ratio
 * alike. The first round warms up and is not counted.
 */
export async function interleavedMediansMs<K extends string>(rounds: number, contenders: Record<K, Contender>): Promise<Record<K, number>> {
  const times = {} as Record<K, number[]>;
  for (let round = 0; round <= rounds; round++) {
    for (const [name, c] of Object.entries(contenders) as [K, Contender][]) {
      await c.setup?.();
      const start = process.hrtime.bigint();
      await c.work();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      await c.teardown?.();
      if (round > 0) (times[name] ??= []).push(ms);
    }
  }
  const medians = {} as Record<K, number>;
  for (const name of Object.keys(times) as K[]) {
    const sorted = times[name].sort((a, b) => a - b);
    medians[name] = sorted[Math.floor(sorted.length / 2)]!;
  }
  return medians;
}
