// The simulation's elementary functions, built only from IEEE 754 addition, subtraction, multiplication,
// division and square root (and the exact Math.round, Math.floor and Math.abs), which every JavaScript
// engine computes to the same bits. Math.exp, Math.log, Math.pow and Math.cos are not specified to the
// last bit, and V8's differ between versions: Node 20 and Chromium disagreed on up to one argument in ten
// (docs/wip/README.md item 19), so a run in the web app could differ from the same run on the command
// line. With these, the same scenario and seed give the same bits in Node and in a browser.
//
// Accuracy: exp and log within about 1 ulp, cosTurns within about 1 ulp, pow within about
// (1 + |y·ln x|) ulp (it is exp(y·log x), with exact special cases for y = 0, ±1, 2 and ½). Speed is
// close to V8's own (they are called per business at most, not per transfer).

// ln 2 split as in fdlibm: the high part has its low 21 bits zero, so k·LN2_HI is exact for |k| < 2^21.
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const SQRT2 = Math.SQRT2;
const TWO_PI = 2 * Math.PI;

/** Largest argument whose exp is finite, and the smallest whose exp is not 0. */
const EXP_MAX = 709.782712893384;
const EXP_MIN = -745.1332191019412;

/** 2^k for k = −1074 … 1023, built by exact halvings and doublings. */
const POW2_OFFSET = 1074;
const POW2 = (() => {
  const t = new Float64Array(1074 + 1024);
  let v = 1;
  for (let k = 0; k <= 1023; k++, v *= 2) t[k + POW2_OFFSET] = v;
  v = 1;
  for (let k = 0; k >= -1074; k--, v /= 2) t[k + POW2_OFFSET] = v;
  return t;
})();

/** p × 2^k for p in [0.5, 2] and any k the callers make (−1080 … 1025); the last product rounds once. */
function scaleByPow2(p: number, k: number): number {
  if (k > 1023) return p * POW2[1023 + POW2_OFFSET] * POW2[k - 1023 + POW2_OFFSET];
  if (k < -1022) return p * POW2[-1022 + POW2_OFFSET] * POW2[k + 1022 + POW2_OFFSET];
  return p * POW2[k + POW2_OFFSET];
}

// 1/n! for the exponential's series.
const E2 = 1 / 2;
const E3 = 1 / 6;
const E4 = 1 / 24;
const E5 = 1 / 120;
const E6 = 1 / 720;
const E7 = 1 / 5040;
const E8 = 1 / 40320;
const E9 = 1 / 362880;
const E10 = 1 / 3628800;
const E11 = 1 / 39916800;
const E12 = 1 / 479001600;
const E13 = 1 / 6227020800;

/** e^x. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > EXP_MAX) return Infinity;
  if (x < EXP_MIN) return 0;
  // x = k·ln 2 + r with |r| ≤ ln 2 / 2; e^r from its series to r^13 (the next term is below 5e-18).
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  const p = 1 + r * (1 + r * (E2 + r * (E3 + r * (E4 + r * (E5 + r * (E6 + r * (E7 + r * (E8 + r * (E9 + r * (E10 + r * (E11 + r * (E12 + r * E13))))))))))));
  return scaleByPow2(p, k);
}

// A double and its two 32-bit words; which word holds the sign and exponent depends on the machine's byte
// order, found once.
const word64 = new Float64Array(1);
const word32 = new Uint32Array(word64.buffer);
word64[0] = 1;
const HIGH = word32[1] === 0x3ff00000 ? 1 : 0;
const TWO_54 = 18014398509481984;
const SMALLEST_NORMAL = 2.2250738585072014e-308;

// 1/(2n + 1) for the logarithm's series.
const L3 = 1 / 3;
const L5 = 1 / 5;
const L7 = 1 / 7;
const L9 = 1 / 9;
const L11 = 1 / 11;
const L13 = 1 / 13;
const L15 = 1 / 15;
const L17 = 1 / 17;
const L19 = 1 / 19;
const L21 = 1 / 21;
const L23 = 1 / 23;
const L25 = 1 / 25;

/** The natural logarithm. */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < SMALLEST_NORMAL) {
    x *= TWO_54;
    e = -54;
  }
  // x = m·2^e with m in [√½, √2): the exponent from the bits, m = x·2^−e (exact).
  word64[0] = x;
  const exponent = ((word32[HIGH] >>> 20) & 0x7ff) - 1023;
  let m = x * POW2[POW2_OFFSET - exponent];
  e += exponent;
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  // ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172: the odd series to s^25 (the next term is below 1e-19 of s).
  const s = (m - 1) / (m + 1);
  const z = s * s;
  const series = L3 + z * (L5 + z * (L7 + z * (L9 + z * (L11 + z * (L13 + z * (L15 + z * (L17 + z * (L19 + z * (L21 + z * (L23 + z * L25))))))))));
  const lnM = 2 * s + 2 * s * z * series;
  return e * LN2_HI + (lnM + e * LN2_LO);
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 9_007_199_254_740_992 && Math.abs(y % 2) === 1;
}

/** x^y, with JavaScript's special cases (Math.pow's). */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y) return NaN;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  if (y === 0.5 && x > 0) return Math.sqrt(x);
  if (y === Infinity || y === -Infinity) {
    const a = Math.abs(x);
    if (a === 1) return NaN;
    return (a > 1) === (y > 0) ? Infinity : 0;
  }
  if (x > 0) return x === Infinity ? (y > 0 ? Infinity : 0) : exp(y * log(x));
  // x ≤ 0 (or −0): the sign follows an odd integer exponent.
  const negativeZero = x === 0 && 1 / x < 0;
  if (x === 0) {
    const odd = negativeZero && isOddInteger(y);
    if (y > 0) return odd ? -0 : 0;
    return odd ? -Infinity : Infinity;
  }
  if (x === -Infinity) {
    const odd = isOddInteger(y);
    if (y > 0) return odd ? -Infinity : Infinity;
    return odd ? -0 : 0;
  }
  if (!Number.isInteger(y)) return NaN;
  const r = pow(-x, y);
  return isOddInteger(y) ? -r : r;
}

// Series coefficients for cos and sin on [−π/4, π/4].
const C2 = -1 / 2;
const C4 = 1 / 24;
const C6 = -1 / 720;
const C8 = 1 / 40320;
const C10 = -1 / 3628800;
const C12 = 1 / 479001600;
const C14 = -1 / 87178291200;
const C16 = 1 / 20922789888000;
const C18 = -1 / 6402373705728000;
const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const S9 = 1 / 362880;
const S11 = -1 / 39916800;
const S13 = 1 / 6227020800;
const S15 = -1 / 1307674368000;
const S17 = 1 / 355687428096000;
const S19 = -1 / 121645100408832000;

function cosSeries(a: number): number {
  const z = a * a;
  return 1 + z * (C2 + z * (C4 + z * (C6 + z * (C8 + z * (C10 + z * (C12 + z * (C14 + z * (C16 + z * C18))))))));
}

function sinSeries(a: number): number {
  const z = a * a;
  return a + a * z * (S3 + z * (S5 + z * (S7 + z * (S9 + z * (S11 + z * (S13 + z * (S15 + z * (S17 + z * S19))))))));
}

/** cos(2π·t): the cosine of t turns (t = 0.25 is a quarter turn). Reduced exactly in turns, so no π is rounded into the argument. */
export function cosTurns(t: number): number {
  if (!Number.isFinite(t)) return NaN;
  let v = t - Math.round(t);
  if (v < 0) v = -v;
  // v in [0, ½]: cos(2πv) = sin(2π(¼ − v)) = −cos(2π(½ − v)); each argument within [0, π/4].
  if (v <= 0.125) return cosSeries(TWO_PI * v);
  if (v <= 0.375) return sinSeries(TWO_PI * (0.25 - v));
  return -cosSeries(TWO_PI * (0.5 - v));
}
