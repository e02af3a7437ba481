// Morris (1991) elementary effects from trajectory points and their outputs: per parameter μ (mean EE),
// μ* (mean |EE|, Campolongo et al. 2007) with a bootstrap 95% CI, and σ (SD of the EEs: non-linearity or
// interactions). An elementary effect is the change in output over the step's Δ in 0..1 units, so
// parameters with different units are comparable.
import type { DesignPoint, MorrisRole } from '../experiment/types.js';
import { finiteOrNull } from '../stats/replicates.js';
import { interval } from '../stats/summaries.js';
import { bootstrapRng, percentileInterval, resample } from './bootstrap.js';

export interface MorrisIndex {
  /** Index into the experiment's parameters. */
  parameter: number;
  /** Elementary effects computed (steps whose two outputs are both known). */
  n: number;
  mu: number | null;
  muStar: number | null;
  muStarLow: number | null;
  muStarHigh: number | null;
  sigma: number | null;
}

export interface BootstrapOptions {
  /** Bootstrap resamples (default 500). */
  resamples?: number;
  /** Seed of the bootstrap stream (default "1"). */
  seed?: string | number;
}

/**
 * The elementary effects of each of k parameters, from Morris-role points (any order; trajectories are
 * told apart by base and trajectory number) and one output per point index.
 */
export function elementaryEffects(points: readonly DesignPoint[], outputs: readonly (number | null)[], k: number): number[][] {
  const trajectories = new Map<string, (DesignPoint & { role: MorrisRole })[]>();
  for (const p of points) {
    if (p.role?.kind !== 'morris') continue;
    const key = `${p.base}\u0000${p.role.trajectory}`;
    let steps = trajectories.get(key);
    if (!steps) trajectories.set(key, (steps = []));
    steps[p.role.step] = p as DesignPoint & { role: MorrisRole };
  }
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (const steps of trajectories.values()) {
    for (let s = 1; s < steps.length; s++) {
      const here = steps[s];
      const before = steps[s - 1];
      if (!here || !before || here.role.parameter === undefined || !here.role.delta) continue;
      const y1 = outputs[here.index];
      const y0 = outputs[before.index];
      if (y1 === null || y0 === null || y1 === undefined || y0 === undefined || !Number.isFinite(y1) || !Number.isFinite(y0)) continue;
      effects[here.role.parameter]?.push((y1 - y0) / here.role.delta);
    }
  }
  return effects;
}

function meanAbs(xs: ArrayLike<number>, idx?: Int32Array): number {
  let s = 0;
  const n = idx ? idx.length : xs.length;
  for (let i = 0; i < n; i++) s += Math.abs(xs[idx ? idx[i] : i]);
  return s / n;
}

/** μ, μ*, σ and a percentile-bootstrap 95% CI of μ* for each parameter. */
export function morrisIndices(points: readonly DesignPoint[], outputs: readonly (number | null)[], k: number, options: BootstrapOptions = {}): MorrisIndex[] {
  const B = options.resamples ?? 500;
  const effects = elementaryEffects(points, outputs, k);
  return effects.map((ee, parameter) => {
    const n = ee.length;
    if (n === 0) return { parameter, n, mu: null, muStar: null, muStarLow: null, muStarHigh: null, sigma: null };
    const { mean: mu, sd: sigma } = interval(ee);
    const rng = bootstrapRng(`${options.seed ?? 1}/morris/${parameter}`);
    const idx = new Int32Array(n);
    const reps = new Float64Array(B);
    for (let b = 0; b < B; b++) reps[b] = meanAbs(ee, resample(idx, n, rng));
    const ci = percentileInterval(reps);
    return { parameter, n, mu: finiteOrNull(mu), muStar: finiteOrNull(meanAbs(ee)), muStarLow: ci.low, muStarHigh: ci.high, sigma: finiteOrNull(sigma) };
  });
}
