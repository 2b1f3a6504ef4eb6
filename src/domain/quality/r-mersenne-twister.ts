import { normalQuantile } from './normal.js';

/**
 * Test support only: R's default random number generator, so tests can rebuild the data that the
 * R packages' own tests draw with set.seed(123); rnorm(...) and compare with their recorded results.
 *
 * R's behaviour, as its documentation (?RNG, ?set.seed) describes it: set.seed(s) scrambles s with
 * 50 steps of the LCG s ← 69069·s + 1 (mod 2^32), then fills the Mersenne-Twister state (625
 * words, the first being the position) with further LCG steps, and sets the position to 624 so the
 * first draw regenerates the state. Uniforms are MT19937 outputs × 2^−32 (Matsumoto & Nishimura
 * 1998), kept inside (0, 1). Normals use R's default "Inversion": u = ⌊2^27·U1⌋ + U2, then
 * qnorm(u / 2^27) — which is why normal.ts must be AS 241.
 */
export class RMersenneTwister {
  private readonly state = new Uint32Array(624);
  private position = 624;

  constructor(seed: number) {
    let s = seed >>> 0;
    for (let j = 0; j < 50; j++) s = (Math.imul(69069, s) + 1) >>> 0;
    for (let j = 0; j < 625; j++) {
      s = (Math.imul(69069, s) + 1) >>> 0;
      if (j > 0) this.state[j - 1] = s; // word 0 is the position, overwritten by 624
    }
  }

  private nextWord(): number {
    const mt = this.state;
    if (this.position >= 624) {
      const twist = (i: number, next: number, far: number) => {
        const y = (mt[i]! & 0x80000000) | (mt[next]! & 0x7fffffff);
        mt[i] = mt[far]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      };
      let k = 0;
      for (; k < 624 - 397; k++) twist(k, k + 1, k + 397);
      for (; k < 623; k++) twist(k, k + 1, k + 397 - 624);
      twist(623, 0, 396);
      this.position = 0;
    }
    let y = mt[this.position++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** R's unif_rand(). */
  uniform(): number {
    const x = this.nextWord() * 2.3283064365386963e-10;
    const half = 0.5 * 2.328306437080797e-10;
    if (x <= 0) return half;
    if (1 - x <= 0) return 1 - half;
    return x;
  }

  /** R's rnorm(n, mean, sd). */
  normal(n: number, mean = 0, sd = 1): number[] {
    const big = 134217728; // 2^27
    return Array.from({ length: n }, () => {
      let u = this.uniform();
      u = Math.trunc(big * u) + this.uniform();
      return mean + sd * normalQuantile(u / big);
    });
  }
}
