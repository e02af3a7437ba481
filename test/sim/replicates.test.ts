// Statistics over replicates (sim/stats/replicates.ts) against hand-computed numbers.
import { describe, expect, it } from 'vitest';
import {
  costPerJob,
  effectOf,
  monthlyBand,
  definedValues,
  meanOfDefined,
  meanOverMonths,
  pairedDifferences,
  pairedDifferenceStats,
  replicateStats,
} from '../../sim/index.js';

describe('replicateStats', () => {
  it('mean, SD and the 95% Student-t interval of known data (t with 3 df = 3.182)', () => {
    // mean 5; sd = √(20/3) = 2.581989; half-width = 3.182 × 2.581989 / √4 = 4.107944
    const s = replicateStats([2, 4, 6, 8]);
    expect(s.n).toBe(4);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.581989, 6);
    expect(s.low).toBeCloseTo(0.892056, 6);
    expect(s.high).toBeCloseTo(9.107944, 6);
  });

  it('skips replicates without a value (null, undefined, NaN, infinities)', () => {
    const s = replicateStats([null, 2, undefined, 4, NaN, 6, Infinity, 8, -Infinity]);
    expect(s).toEqual(replicateStats([2, 4, 6, 8]));
    expect(definedValues([null, 1, NaN, 3])).toEqual([1, 3]);
  });

  it('one value: the interval collapses to it and the SD is null; none: all null with n = 0', () => {
    expect(replicateStats([7, null])).toEqual({ mean: 7, low: 7, high: 7, sd: null, n: 1 });
    expect(replicateStats([null, NaN])).toEqual({ mean: null, low: null, high: null, sd: null, n: 0 });
    expect(replicateStats([])).toEqual({ mean: null, low: null, high: null, sd: null, n: 0 });
  });

  it('meanOfDefined is the mean of the values with one, NaN when there are none', () => {
    expect(meanOfDefined([1, null, 2, NaN, 6])).toBe(3);
    expect(meanOfDefined([null])).toBeNaN();
  });
});

describe('paired differences', () => {
  it('design − baseline replicate by replicate, null where either has no value', () => {
    expect(pairedDifferences([10, 12, null, 15], [7, 10, 9, null])).toEqual([3, 2, null, null]);
  });

  it('their statistics: n = 2, mean 2.5, sd √0.5, half-width 12.706 × √0.5 / √2 = 6.353', () => {
    const s = pairedDifferenceStats([10, 12, null, 15], [7, 10, 9, null]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.SQRT1_2, 12);
    expect(s.low).toBeCloseTo(2.5 - 6.353, 9);
    expect(s.high).toBeCloseTo(2.5 + 6.353, 9);
  });

  it('two identical designs differ by exactly zero with a zero-width interval', () => {
    expect(pairedDifferenceStats([1.5, 2.25, 3], [1.5, 2.25, 3])).toEqual({ mean: 0, low: 0, high: 0, sd: 0, n: 3 });
  });
});

describe('cost per job over replicates', () => {
  const cost = { mean: 100e6, low: 100e6, high: 100e6, sd: 0, n: 5 };

  it('is mean cost ÷ mean jobs, with the jobs interval carried over', () => {
    expect(costPerJob(cost, { mean: 10, low: 5, high: 20, sd: 1, n: 5 })).toEqual({ mean: 10e6, low: 5e6, high: 20e6, sd: null, n: 5 });
  });

  it('has no upper bound when the jobs interval reaches zero', () => {
    expect(costPerJob(cost, { mean: 2, low: -1, high: 5, sd: 1, n: 5 })).toEqual({ mean: 50e6, low: 20e6, high: null, sd: null, n: 5 });
  });

  it('is null with zero jobs, jobs lost, nothing spent or a missing quantity', () => {
    const none = { mean: null, low: null, high: null, sd: null, n: 0 };
    expect(costPerJob(cost, { mean: 0, low: 0, high: 0, sd: 0, n: 5 })).toEqual(none);
    expect(costPerJob(cost, { mean: -1, low: -3, high: 1, sd: 1, n: 5 })).toEqual(none);
    expect(costPerJob({ ...cost, mean: 0 }, { mean: 10, low: 5, high: 20, sd: 1, n: 5 })).toEqual(none);
    expect(costPerJob(cost, replicateStats([null, null]))).toEqual(none);
    expect(costPerJob(undefined, { mean: 10, low: 5, high: 20, sd: 1, n: 5 })).toEqual(none);
  });
});

describe('meanOverMonths', () => {
  it('averages months from..to (1-based, inclusive), NaN for an empty window', () => {
    expect(meanOverMonths([1, 2, 3, 4, 5, 6], 2, 4)).toBe(3);
    expect(meanOverMonths([1, 2, 3], 3, 10)).toBe(3);
    expect(meanOverMonths([1, 2, 3], 4, 6)).toBeNaN();
  });
});

describe('monthly bands and effects', () => {
  it('gives each month the mean and 95% interval over the replicates that have a value', () => {
    const band = monthlyBand([[1, 2, NaN], [3, 4, null], [5, 9, undefined]], 3);
    expect(band.mean.slice(0, 2)).toEqual([3, 5]);
    const half = 4.303 * (2 / Math.sqrt(3)); // t(2) × sd/√n with sd 2
    expect(band.low[0]).toBeCloseTo(3 - half, 12);
    expect(band.high[0]).toBeCloseTo(3 + half, 12);
    expect(band.mean[2]).toBeNaN();
    expect(band.low[2]).toBeNaN();
  });

  it('the effect is the program series minus the counterfactual, month by month', () => {
    expect(effectOf({ program: [10, 12.5, 7], counterfactual: [10, 10, 9] })).toEqual([0, 2.5, -2]);
  });
});
