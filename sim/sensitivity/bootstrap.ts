// Shared pieces of the sensitivity estimators: a percentile (type 7) and a seeded bootstrap of row indices.
import seedrandom from 'seedrandom';

/** Quantile q of sorted values, linear interpolation between order statistics (R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The 2.5% and 97.5% percentiles of bootstrap replicates (NaN ones dropped); nulls when none is finite. */
export function percentileInterval(replicates: ArrayLike<number>): { low: number | null; high: number | null } {
  const kept: number[] = [];
  for (let i = 0; i < replicates.length; i++) if (Number.isFinite(replicates[i])) kept.push(replicates[i]);
  const finite = Float64Array.from(kept).sort();
  if (finite.length === 0) return { low: null, high: null };
  return { low: quantileSorted(finite, 0.025), high: quantileSorted(finite, 0.975) };
}

/** A seeded generator for bootstrap resampling (seedrandom Alea). */
export function bootstrapRng(seed: string): () => number {
  return seedrandom.alea(seed);
}

/** Fill `out` with n indices drawn uniformly with replacement from 0..n−1. */
export function resample(out: Int32Array, n: number, rng: () => number): Int32Array {
  for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * n);
  return out;
}
