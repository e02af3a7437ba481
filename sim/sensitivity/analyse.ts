// Sensitivity of one output to an experiment's parameters, dispatching on the design: Morris elementary
// effects (ranked by μ*) or Sobol first-order and total indices (ranked by the total index). One block of
// rows per base scenario, ranks 1.. within each; plain records a CSV writer can print.
import type { Experiment } from '../experiment/schema.js';
import type { DesignPoint } from '../experiment/types.js';
import { morrisIndices, type BootstrapOptions } from './morris.js';
import { sobolIndices } from './sobol.js';

export interface SensitivityIndexRow {
  base: string;
  /** 1 = most influential (largest μ* or total index) within the base. */
  rank: number;
  /** The parameter's scenario field path. */
  parameter: string;
  method: 'morris' | 'sobol';
  /** Elementary effects (Morris) or complete Saltelli rows (Sobol) used. */
  n: number;
  /** Morris: mean elementary effect, mean |EE| with its bootstrap 95% CI, SD of the effects (per 0..1 of the range). */
  mu: number | null;
  mu_star: number | null;
  mu_star_low: number | null;
  mu_star_high: number | null;
  sigma: number | null;
  /** Sobol: first-order and total indices with bootstrap 95% CIs. */
  first_order: number | null;
  first_order_low: number | null;
  first_order_high: number | null;
  total: number | null;
  total_low: number | null;
  total_high: number | null;
}

/** A row with its columns in the documented order (the order a CSV writer prints them in). */
function row(base: string, parameter: string, method: 'morris' | 'sobol', n: number, values: Partial<SensitivityIndexRow>): SensitivityIndexRow {
  return {
    base,
    rank: 0,
    parameter,
    method,
    n,
    mu: values.mu ?? null,
    mu_star: values.mu_star ?? null,
    mu_star_low: values.mu_star_low ?? null,
    mu_star_high: values.mu_star_high ?? null,
    sigma: values.sigma ?? null,
    first_order: values.first_order ?? null,
    first_order_low: values.first_order_low ?? null,
    first_order_high: values.first_order_high ?? null,
    total: values.total ?? null,
    total_low: values.total_low ?? null,
    total_high: values.total_high ?? null,
  };
}

/**
 * Indices of every parameter for one output per design point (`outputByPoint[point.index]`, e.g. the
 * mean over replicates of a metric; null where unknown). Throws for factorial and Latin hypercube designs.
 * The bootstrap is seeded from the experiment's seed unless `options.seed` says otherwise.
 */
export function sensitivityIndices(
  experiment: Pick<Experiment, 'design' | 'parameters' | 'seed'>,
  points: readonly DesignPoint[],
  outputByPoint: readonly (number | null)[],
  options: BootstrapOptions = {},
): SensitivityIndexRow[] {
  const design = experiment.design.type;
  if (design !== 'morris' && design !== 'sobol') {
    throw new Error(`sensitivity indices need a morris or sobol design; this experiment's design is ${design}`);
  }
  const k = experiment.parameters.length;
  const bases = [...new Set(points.map((p) => p.base))];
  const rows: SensitivityIndexRow[] = [];
  for (const base of bases) {
    const mine = points.filter((p) => p.base === base);
    const opts = { resamples: options.resamples, seed: `${options.seed ?? experiment.seed}/${base}` };
    const block: SensitivityIndexRow[] =
      design === 'morris'
        ? morrisIndices(mine, outputByPoint, k, opts).map((m) =>
            row(base, experiment.parameters[m.parameter].path, 'morris', m.n, {
              mu: m.mu,
              mu_star: m.muStar,
              mu_star_low: m.muStarLow,
              mu_star_high: m.muStarHigh,
              sigma: m.sigma,
            }),
          )
        : sobolIndices(mine, outputByPoint, k, opts).map((s) =>
            row(base, experiment.parameters[s.parameter].path, 'sobol', s.n, {
              first_order: s.firstOrder,
              first_order_low: s.firstOrderLow,
              first_order_high: s.firstOrderHigh,
              total: s.total,
              total_low: s.totalLow,
              total_high: s.totalHigh,
            }),
          );
    const score = (r: SensitivityIndexRow) => (design === 'morris' ? r.mu_star : r.total) ?? -Infinity;
    // Stable sort: ties keep the parameters' order.
    block.sort((a, b) => score(b) - score(a) || 0);
    block.forEach((r, i) => (r.rank = i + 1));
    rows.push(...block);
  }
  return rows;
}
