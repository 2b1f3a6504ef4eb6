import { Decimal } from 'decimal.js';

/**
 * An exact rational number for the scheme engine's arithmetic. Every figure a scheme works with is
 * a ratio of whole numbers (9,301 × 5,100 / 327,255; 81 × £95 / 6), so it can be held exactly and
 * rounded once, exactly, with no snapping of repeating decimals. Numerator and denominator are
 * plain safe integers while they fit, which keeps a run over every practice in England fast, and
 * become BigInts when they do not. The method names follow decimal.js, which the rules used first.
 */
type Int = number | bigint;

/** Decimal, used only to write a ratio out as a decimal string (60 significant digits, as before). */
const Writer = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -7, toExpPos: 21 });

const safe = Number.isSafeInteger;
const big = (v: Int): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const absBig = (v: bigint) => (v < 0n ? -v : v);

function gcdNumber(a: number, b: number): number {
  a = Math.abs(a);
  while (b) [a, b] = [b, a % b];
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const fits = (n: bigint, d: bigint) => absBig(n) <= MAX_SAFE && d <= MAX_SAFE;

/** A bigint pair with a positive denominator: as numbers when both fit, else in lowest terms (and as numbers if they then fit). */
function fromBig(n: bigint, d: bigint): Ratio {
  if (d < 0n) [n, d] = [-n, -d];
  if (!fits(n, d)) {
    const g = gcdBig(n, d);
    if (g > 1n) [n, d] = [n / g, d / g];
  }
  return fits(n, d) ? new Ratio(Number(n), Number(d)) : new Ratio(n, d);
}

/** A number pair when both products are safe, else the same exactly in bigints. */
function fromProducts(n1: number, n2: number, d1: number, d2: number): Ratio {
  const n = n1 * n2;
  const d = d1 * d2;
  if (safe(n) && safe(d)) return new Ratio(n === 0 ? 0 : n, d);
  return fromBig(BigInt(n1) * BigInt(n2), BigInt(d1) * BigInt(d2));
}

const DECIMAL_TEXT = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

export type RatioValue = Ratio | number | string | bigint | Decimal;

export class Ratio {
  // Declared, not initialised: a ratio is made for nearly every step of a run, so it stays a two-field object.
  declare readonly n: Int;
  declare readonly d: Int;
  declare private text?: string;

  /** n / d with d > 0; both safe-integer numbers or both bigints. Use `Ratio.of`. */
  constructor(n: Int, d: Int) {
    this.n = n;
    this.d = d;
  }

  static readonly ZERO = new Ratio(0, 1);
  static readonly ONE = new Ratio(1, 1);

  /** Exactly the value written: 12.5 → 25/2, "1e-3" → 1/1000, a Decimal → its decimal digits. */
  static of(value: RatioValue): Ratio {
    if (value instanceof Ratio) return value;
    if (typeof value === 'number' && safe(value)) return new Ratio(value === 0 ? 0 : value, 1);
    if (typeof value === 'bigint') return fromBig(value, 1n);
    const text = String(value).trim();
    const match = DECIMAL_TEXT.exec(text);
    if (!match || (match[2] === '' && !match[3])) throw new Error(`"${text}" is not a finite number`);
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    const shift = Number(exponent) - fraction.length;
    const digits = BigInt(`${sign}${whole || '0'}${fraction}`);
    return shift >= 0 ? fromBig(digits * 10n ** BigInt(shift), 1n) : fromBig(digits, 10n ** BigInt(-shift));
  }

  plus(other: RatioValue): Ratio {
    if (typeof other === 'number' && safe(other) && typeof this.n === 'number') {
      const whole = other * (this.d as number);
      if (safe(whole) && safe(this.n + whole)) return new Ratio(this.n + whole, this.d);
    }
    const o = Ratio.of(other);
    if (typeof this.n === 'number' && typeof o.n === 'number') {
      const d1 = this.d as number;
      const d2 = o.d as number;
      if (d1 === d2) {
        const n = this.n + o.n;
        if (safe(n)) return new Ratio(n, d1);
      } else {
        // Over the least common denominator, so sums of prices (£12.50, £95/6) keep a small one.
        const g = gcdNumber(d1, d2);
        const a = this.n * (d2 / g);
        const b = o.n * (d1 / g);
        const d = (d1 / g) * d2;
        if (safe(a) && safe(b) && safe(d) && safe(a + b)) return new Ratio(a + b, d);
      }
    }
    const d1 = big(this.d);
    const d2 = big(o.d);
    // Shares of one total have one denominator: they add without growing it.
    if (d1 === d2) return fromBig(big(this.n) + big(o.n), d1);
    return fromBig(big(this.n) * d2 + big(o.n) * d1, d1 * d2);
  }

  minus(other: RatioValue): Ratio {
    return typeof other === 'number' && safe(other) ? this.plus(-other) : this.plus(Ratio.of(other).negated());
  }

  times(other: RatioValue): Ratio {
    // A whole number (a list size, 100 for a percentage) needs no ratio of its own.
    if (typeof other === 'number' && safe(other) && typeof this.n === 'number') return fromProducts(this.n, other, this.d as number, 1);
    const o = Ratio.of(other);
    if (typeof this.n === 'number' && typeof o.n === 'number') return fromProducts(this.n, o.n, this.d as number, o.d as number);
    return fromBig(big(this.n) * big(o.n), big(this.d) * big(o.d));
  }

  div(other: RatioValue): Ratio {
    if (typeof other === 'number' && safe(other) && other > 0 && typeof this.n === 'number') return fromProducts(this.n, 1, this.d as number, other);
    const o = Ratio.of(other);
    if (o.isZero()) throw new RangeError('division by zero');
    const sign = o.isNegative() ? -1 : 1;
    if (typeof this.n === 'number' && typeof o.n === 'number') return fromProducts(this.n * sign, o.d as number, this.d as number, o.n * sign);
    return fromBig(big(this.n) * big(o.d) * BigInt(sign), big(this.d) * big(o.n) * BigInt(sign));
  }

  /** The same value in lowest terms: worth doing once for a figure that many others are multiplied by. */
  reduced(): Ratio {
    if (typeof this.n === 'number') {
      const g = gcdNumber(this.n, this.d as number);
      return g > 1 ? new Ratio(this.n / g, (this.d as number) / g) : this;
    }
    const g = gcdBig(this.n, this.d as bigint);
    return g > 1n ? fromBig(this.n / g, (this.d as bigint) / g) : this;
  }

  /** A whole power (used for compound uplifts: 1.02^3). */
  pow(exponent: number): Ratio {
    if (!Number.isInteger(exponent)) throw new RangeError('only whole powers are exact');
    let result = Ratio.ONE;
    for (let i = 0; i < Math.abs(exponent); i++) result = result.times(this);
    return exponent < 0 ? Ratio.ONE.div(result) : result;
  }

  negated(): Ratio {
    return typeof this.n === 'number' ? new Ratio(this.n === 0 ? 0 : -this.n, this.d) : new Ratio(-this.n, this.d);
  }

  abs(): Ratio {
    return this.isNegative() ? this.negated() : this;
  }

  isZero(): boolean {
    return this.n === 0 || this.n === 0n;
  }

  isNegative(): boolean {
    return this.n < 0;
  }

  isInteger(): boolean {
    return typeof this.n === 'number' ? this.n % (this.d as number) === 0 : this.n % (this.d as bigint) === 0n;
  }

  comparedTo(other: RatioValue): number {
    if (typeof other === 'number' && safe(other) && typeof this.n === 'number') {
      const b = other * (this.d as number);
      if (safe(b)) return this.n === b ? 0 : this.n < b ? -1 : 1;
    }
    const o = Ratio.of(other);
    if (typeof this.n === 'number' && typeof o.n === 'number') {
      const a = this.n * (o.d as number);
      const b = o.n * (this.d as number);
      if (safe(a) && safe(b)) return a === b ? 0 : a < b ? -1 : 1;
    }
    const a = big(this.n) * big(o.d);
    const b = big(o.n) * big(this.d);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  equals(other: RatioValue): boolean {
    return this.comparedTo(other) === 0;
  }

  /**
   * Rounds to `places` decimal places, half-up: a value exactly half-way goes away from zero
   * (1282.5 → 1283, −2.5 → −3). Exact, so no half is ever missed. With `floor`, rounds down instead.
   */
  roundHalfUp(places: number, mode: 'half_up' | 'floor' = 'half_up'): Ratio {
    const q = this.roundedQuotient(places, mode);
    return typeof q === 'number' ? fromProducts(q, 1, 10 ** places, 1) : fromBig(q, 10n ** BigInt(places));
  }

  /**
   * The same rounding as `roundHalfUp`, as a whole number of 10^-places steps (1282.5 → 1283 at 0
   * places; £1.935 → 194 at 2): a column of thousands of rows is rounded without a ratio per row.
   */
  roundedSteps(places: number, mode: 'half_up' | 'floor' = 'half_up'): number {
    const q = this.roundedQuotient(places, mode);
    if (typeof q === 'number') return q;
    if (absBig(q) > MAX_SAFE) throw new RangeError(`${this.toString()} is too large to round to a whole number of steps`);
    return Number(q);
  }

  /** The signed quotient behind both roundings: a number when the arithmetic is safe, else a bigint. */
  private roundedQuotient(places: number, mode: 'half_up' | 'floor'): Int {
    const negative = this.isNegative();
    if (typeof this.n === 'number' && places <= 15) {
      const scaled = Math.abs(this.n) * 10 ** places;
      const d = this.d as number;
      if (safe(scaled) && safe(2 * d)) {
        let q = Math.floor(scaled / d);
        let r = scaled - q * d;
        // The floating quotient can be one out near a whole number; the remainder puts it right.
        if (r < 0) [q, r] = [q - 1, r + d];
        else if (r >= d) [q, r] = [q + 1, r - d];
        if (mode === 'half_up' ? 2 * r >= d : negative && r > 0) q += 1;
        // Never −0: a ratio holds zero as 0.
        return negative && q !== 0 ? -q : q;
      }
    }
    const scaled = absBig(big(this.n)) * 10n ** BigInt(places);
    const d = big(this.d);
    let q = scaled / d;
    const r = scaled % d;
    if (mode === 'half_up' ? 2n * r >= d : negative && r > 0n) q += 1n;
    return negative ? -q : q;
  }

  toNumber(): number {
    if (typeof this.n === 'number') return this.n / (this.d as number);
    return Number(this.toString());
  }

  /** Fixed decimal places, rounded half-up, as decimal.js writes them ("144.948435"). */
  toFixed(places: number): string {
    return new Writer(this.roundHalfUp(places).toString()).toFixed(places);
  }

  /** The value as a decimal: exact when it ends, else to 60 significant digits (1/3 → "0.333…"). Written once, when first asked for. */
  toString(): string {
    if (this.text === undefined) {
      this.text = this.d === 1 && typeof this.n === 'number' ? String(this.n) : new Writer(this.n.toString()).div(this.d.toString()).toString();
    }
    return this.text;
  }

  toJSON(): string {
    return this.toString();
  }

  valueOf(): string {
    return this.toString();
  }
}

export const ratio = Ratio.of;

/**
 * Adds up exactly. A column of shares of one total has one denominator, so its numerators are
 * simply added (as numbers while they fit, then as bigints) with no ratio built per row.
 */
export function sumRatios(values: readonly Ratio[]): Ratio {
  const first = values[0];
  if (!first) return Ratio.ZERO;
  const d = first.d;
  let n: Int = 0;
  for (const value of values) {
    if (value.d !== d) return values.reduce((total, v) => total.plus(v), Ratio.ZERO);
    if (typeof n === 'number' && typeof value.n === 'number' && safe(n + value.n)) n += value.n;
    else n = big(n) + big(value.n);
  }
  return typeof n === 'bigint' ? fromBig(n, big(d)) : new Ratio(n, d);
}
