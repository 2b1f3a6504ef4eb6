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
