// Statistics over replicates, shared by the CLI's compare, the batch summary and the web app's charts:
// a quantity's mean, SD and 95% Student-t interval over the replicates where it is defined; paired
// differences between two designs replicate by replicate (replicate r has the same seed in both: common
// random numbers); cost per job over replicates; and a quantity's range over draws of the uncertain
// assumptions. Pure: runs in Node and in the browser.
import { interval, mean } from './summaries.js';
import { percentileInterval } from '../sensitivity/bootstrap.js';

/** A value of one replicate: null (or undefined, or not finite) where the quantity is not defined there. */
export type ReplicateValue = number | null | undefined;

/** Mean, 95% CI and SD over the replicates with a value; null where undefined (n = 0, or SD with n < 2). */
export interface ReplicateStats {
  mean: number | null;
  low: number | null;
  high: number | null;
  sd: number | null;
  /** Replicates with a value (ratios are undefined in some). */
  n: number;
}

const isDefined = (x: ReplicateValue): x is number => typeof x === 'number' && Number.isFinite(x);

/** The value where it is a finite number, else null (NaN and infinities become null, as in JSON). */
export const finiteOrNull = (x: ReplicateValue): number | null => (isDefined(x) ? x : null);

/** The replicates' values that are defined (finite), in replicate order. */
export function definedValues(values: readonly ReplicateValue[]): number[] {
  return values.filter(isDefined);
}

/** Mean of the defined values; NaN when none is. */
export function meanOfDefined(values: readonly ReplicateValue[]): number {
  return mean(definedValues(values));
}

/**
 * Statistics of one quantity over replicates, skipping those without a value. With one value the
 * interval collapses to it and the SD is null; with none everything is null.
 */
export function replicateStats(values: readonly ReplicateValue[]): ReplicateStats {
  const xs = definedValues(values);
  if (xs.length === 0) return { mean: null, low: null, high: null, sd: null, n: 0 };
  const ci = interval(xs);
  return { mean: finiteOrNull(ci.mean), low: finiteOrNull(ci.low), high: finiteOrNull(ci.high), sd: finiteOrNull(ci.sd), n: ci.n };
}

/**
 * Paired differences design − baseline, replicate by replicate: null where either has no value. The
 * result has one entry per replicate of `values`.
 */
export function pairedDifferences(values: readonly ReplicateValue[], baseline: readonly ReplicateValue[]): (number | null)[] {
  return values.map((x, r) => {
    const base = baseline[r];
    return isDefined(x) && isDefined(base) ? x - base : null;
  });
}

/** Statistics of the paired differences design − baseline (see `pairedDifferences`). */
export function pairedDifferenceStats(values: readonly ReplicateValue[], baseline: readonly ReplicateValue[]): ReplicateStats {
  return replicateStats(pairedDifferences(values, baseline));
}

/**
 * Cost per job over replicates: mean cost ÷ mean jobs created, with the interval of the jobs effect
 * carried over (a per-replicate ratio explodes when a replicate creates almost no job): low = cost ÷ the
 * jobs interval's upper end, high = cost ÷ its lower end. When the jobs interval reaches zero the cost
 * per job has no upper bound (high null); when no job is created on average, or nothing is spent, it is
 * not defined (all null, n = 0). The SD is null: a ratio of means has none here.
 */
export function costPerJob(cost: ReplicateStats | undefined, jobs: ReplicateStats | undefined): ReplicateStats {
  if (!cost || !jobs || cost.mean === null || jobs.mean === null || !(jobs.mean > 0) || !(cost.mean > 0)) {
    return { mean: null, low: null, high: null, sd: null, n: 0 };
  }
  const low = jobs.high !== null && jobs.high > 0 ? cost.mean / jobs.high : null;
  const high = jobs.low !== null && jobs.low > 0 ? cost.mean / jobs.low : null;
  return { mean: cost.mean / jobs.mean, low, high, sd: null, n: jobs.n };
}

/** A monthly series' mean and 95% interval over replicates, month by month (NaN where no replicate has a value). */
export interface MonthlyBand {
  mean: number[];
  low: number[];
  high: number[];
}

/** Month by month, `replicateStats` of the replicates' values (`perReplicate[r][t]`), for months 0..months−1. */
export function monthlyBand(perReplicate: readonly (readonly ReplicateValue[])[], months: number): MonthlyBand {
  const band: MonthlyBand = { mean: [], low: [], high: [] };
  for (let t = 0; t < months; t++) {
    const s = replicateStats(perReplicate.map((xs) => xs[t]));
    band.mean.push(s.mean ?? NaN);
    band.low.push(s.low ?? NaN);
    band.high.push(s.high ?? NaN);
  }
  return band;
}

/**
 * A quantity over draws of the uncertain assumptions (`compare --uncertainty`, the web app's switch): the
 * mean of the draws where it is defined and the range over the assumptions, the 2.5–97.5 percentiles of
 * those draws (not a confidence interval: more draws make its ends more exact, not closer together).
 */
export interface DrawStats {
  mean: number | null;
  rangeLow: number | null;
  rangeHigh: number | null;
  /** Draws in which the quantity was defined. */
  n: number;
}

/** `DrawStats` of one quantity's values, one per draw (null where undefined). */
export function drawStats(values: readonly ReplicateValue[]): DrawStats {
  const xs = definedValues(values);
  const { low, high } = percentileInterval(xs);
  return { mean: replicateStats(xs).mean, rangeLow: low, rangeHigh: high, n: xs.length };
}

/** Month by month, the mean and the range over the assumptions (`drawStats`) of the draws' values (NaN where none has one). */
export function monthlyRange(perDraw: readonly (readonly ReplicateValue[])[], months: number): MonthlyBand {
  const band: MonthlyBand = { mean: [], low: [], high: [] };
  for (let t = 0; t < months; t++) {
    const s = drawStats(perDraw.map((xs) => xs[t]));
    band.mean.push(s.mean ?? NaN);
    band.low.push(s.rangeLow ?? NaN);
    band.high.push(s.rangeHigh ?? NaN);
  }
  return band;
}
