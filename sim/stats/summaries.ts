// Means, standard deviations and 95% confidence intervals over replicates (Student t); the mean of a
// series over a window of months. Replicate statistics with missing values: ./replicates.ts.

export interface Interval {
  mean: number;
  sd: number;
  n: number;
  low: number;
  high: number;
}

// Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom; normal beyond.
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[df - 1];
  if (df <= 60) return 2.042 - ((df - 30) * (2.042 - 2.0)) / 30;
  if (df <= 120) return 2.0 - ((df - 60) * (2.0 - 1.98)) / 60;
  return 1.96;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, x) => a + x, 0) / xs.length;
}

/** Mean of a monthly series over months from..to (1-based, inclusive); NaN when the window is empty. */
export function meanOverMonths(xs: readonly number[], from: number, to: number): number {
  return mean(xs.slice(from - 1, to));
}

/** Mean with a 95% CI; with one value the interval collapses to the value (sd NaN). */
export function interval(xs: readonly number[]): Interval {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { mean: m, sd: NaN, n, low: m, high: m };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (n - 1));
  const half = tQuantile975(n - 1) * (sd / Math.sqrt(n));
  return { mean: m, sd, n, low: m - half, high: m + half };
}
