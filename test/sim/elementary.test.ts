// The simulation's own exp, log, pow and cos (sim/math/elementary.ts) against V8's: within a few units in
// the last place (each bound leaves room over the largest error seen in 13 million uniform draws, two runs: fast-check draws
// new arguments every run) over the arguments the model uses and far beyond, with Math.pow's special cases exactly.
// That the same bits come out in Chromium is checked by test/e2e/firstRuns.test.ts (a page that computes
// every run shows the numbers Node computed at build time, to the last digit).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosTurns, exp, log, pow } from '../../sim/math/elementary.js';

const EPS = Number.EPSILON;
/** |a − b| in units of b's last place (relative, with the smallest normal as the floor). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  return Math.abs(a - b) / (Math.max(Math.abs(b), 2.2250738585072014e-308) * EPS);
}

describe('exp', () => {
  it('is within 2 ulp of Math.exp from −745 to 709.7', () => {
    fc.assert(fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
      const r = Math.exp(x);
      // Subnormal results carry fewer digits: compare absolutely there.
      if (r < 2.2250738585072014e-308) return Math.abs(exp(x) - r) <= 2 * 4.9406564584124654e-324;
      return ulps(exp(x), r) <= 2;
    }), { numRuns: 20_000 });
  });
  it('is within 2 ulp over the model range (−20, 20), and exact at 0', () => {
    // The largest seen over 13 million uniform draws (two runs) was 1.41 (of Math.exp's value): 2 leaves room for both roundings.
    fc.assert(fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => ulps(exp(x), Math.exp(x)) <= 2), { numRuns: 20_000 });
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
  });
  it('overflows, underflows and passes NaN as Math.exp does', () => {
    for (const x of [710, 1e308, Infinity, -746, -1e308, -Infinity, NaN]) expect(exp(x)).toBe(Math.exp(x));
  });
});

describe('log', () => {
  it('is within 3 ulp of Math.log for positive normal and subnormal numbers', () => {
    // The largest seen over 13 million draws (two runs) was 1.85.
    fc.assert(fc.property(fc.double({ min: 4.9406564584124654e-324, max: 1.7976931348623157e308, noNaN: true }), (x) => ulps(log(x), Math.log(x)) <= 3), { numRuns: 20_000 });
  });
  it('is within 3 ulp near 1, where the model takes logs of relative sizes', () => {
    // The largest seen over 13 million draws (two runs) was 1.99 (between √2 and 2, where ln 2 is added to a negative ln m).
    fc.assert(fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), (x) => x === 1 || Math.abs(log(x) - Math.log(x)) <= 3 * EPS * Math.abs(Math.log(x))), { numRuns: 20_000 });
    expect(log(1)).toBe(0);
  });
  it('returns NaN, −Infinity and Infinity where Math.log does', () => {
    for (const x of [-1, -Infinity, NaN, 0, -0, Infinity]) expect(log(x)).toBe(Math.log(x));
  });
});

describe('pow', () => {
  it('is within (4 + |y·ln x|) ulp of Math.pow for positive x', () => {
    // exp(y·log x) carries log's error times |y|, and y·ln x's rounding into exp: the largest excess over
    // |y·ln x| seen over 13 million draws (two runs) was 2.9.
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: -12, max: 12, noNaN: true }), (x, y) => {
        const r = Math.pow(x, y);
        return ulps(pow(x, y), r) <= 4 + Math.abs(y * Math.log(x));
      }),
      { numRuns: 20_000 },
    );
  });
  it('is exact for the exponents 1, −1, 2 and ½', () => {
    fc.assert(fc.property(fc.double({ min: 1e-100, max: 1e100, noNaN: true }), (x) => pow(x, 1) === x && pow(x, -1) === 1 / x && pow(x, 2) === x * x && pow(x, 0.5) === Math.sqrt(x)));
  });
  it("gives Math.pow's answer in every special case", () => {
    const xs = [0, -0, 1, -1, 2, -2, 0.5, -0.5, Infinity, -Infinity, NaN];
    const ys = [0, -0, 1, -1, 2, 3, -3, 0.5, -0.5, 2.5, -2.5, Infinity, -Infinity, NaN];
    for (const x of xs) {
      for (const y of ys) {
        const want = Math.pow(x, y);
        const got = pow(x, y);
        if (Number.isFinite(want) && want !== 0 && Number.isFinite(got)) expect(ulps(got, want), `pow(${x}, ${y})`).toBeLessThanOrEqual(4);
        else expect(Object.is(got, want), `pow(${x}, ${y}) = ${got}, Math.pow gives ${want}`).toBe(true);
      }
    }
  });
  it('keeps the sign of a negative base under an integer exponent', () => {
    expect(pow(-2, 3)).toBeCloseTo(-8, 12);
    expect(pow(-2, 4)).toBeCloseTo(16, 12);
    expect(pow(-2, -3)).toBeCloseTo(-0.125, 14);
    expect(pow(-2, 0.3)).toBeNaN();
  });
});

describe('cosTurns', () => {
  it('is cos(2πt) within 1e-15 over the unit turn and beyond', () => {
    fc.assert(fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (t) => {
      // Math.cos(2π·t) itself rounds 2π·t first, an error of up to ulp(2π·t) in the argument.
      const argumentError = Math.abs(2 * Math.PI * t) * EPS;
      return Math.abs(cosTurns(t) - Math.cos(2 * Math.PI * t)) <= 1e-15 + argumentError;
    }), { numRuns: 20_000 });
  });
  it('is exact at the quarter turns and symmetric', () => {
    expect(cosTurns(0)).toBe(1);
    expect(cosTurns(0.5)).toBe(-1);
    expect(cosTurns(1)).toBe(1);
    expect(cosTurns(0.25)).toBe(0);
    // t − 1 is exact for t in [½, 1], so a whole turn must give the same bits.
    fc.assert(fc.property(fc.double({ min: 0.5, max: 1, noNaN: true }), (t) => cosTurns(t) === cosTurns(-t) && cosTurns(t) === cosTurns(t - 1)), { numRuns: 5_000 });
  });
  it('returns NaN for infinities and NaN', () => {
    for (const t of [Infinity, -Infinity, NaN]) expect(cosTurns(t)).toBeNaN();
  });
});
