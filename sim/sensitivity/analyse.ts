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

/**
 * How far Sobol estimates may stray before they are called unstable. A first-order or total index is a
 * share of the output's variance, so it lies in [0, 1]; an estimate outside it is sampling error, and the
 * SAFE toolbox's FAQ (safetoolbox.info/faqs) reads an index below 0 or above 1 as evidence that the
 * approximation errors are relatively large. Sarrazin, Pianosi & Wagener (2016, "Global Sensitivity
 * Analysis of environmental models: Convergence and validation", Environ. Model. Softw. 79:135–152) judge
 * the convergence of sensitivity indices by the width of their bootstrap confidence intervals. Like any
 * Monte Carlo estimate, the estimators' error shrinks only as 1/√N (Saltelli et al. 2010, Comput. Phys.
 * Commun. 181:259–270, compare the estimators' errors as N grows). The thresholds are Pendamping's own
 * choice: an index known to within ±0.05 of the output's variance, i.e. every 95% CI at most
 * SOBOL_MAX_CI_WIDTH wide and every estimate within SOBOL_RANGE_TOLERANCE of [0, 1] (an estimate further
 * out has an error larger than that).
 */
export const SOBOL_MAX_CI_WIDTH = 0.1;
export const SOBOL_RANGE_TOLERANCE = 0.05;

export interface SobolIndexRef {
  base: string;
  parameter: string;
  index: 'first order' | 'total';
}

export interface SobolStability {
  /** False when any rule below is broken. */
  stable: boolean;
  /** Complete Saltelli rows (N) behind the estimates: the fewest over bases. */
  rows: number;
  /** Indices that could not be estimated (fewer than 2 rows, or an output that does not vary). */
  unknown: SobolIndexRef[];
  /** Estimates further than SOBOL_RANGE_TOLERANCE outside [0, 1], furthest first. */
  outside: (SobolIndexRef & { value: number })[];
  /** The widest 95% CI when wider than SOBOL_MAX_CI_WIDTH (null otherwise). */
  widest: (SobolIndexRef & { low: number; high: number; width: number }) | null;
  /** Rows at which the widest CI would narrow to SOBOL_MAX_CI_WIDTH if it shrinks as 1/√N (null when not wide). */
  rowsNeeded: number | null;
}

/** Float slack on the thresholds, so that a CI of 1.09 − 0.99 counts as 0.1 wide. */
const EPSILON = 1e-9;

/** Whether Sobol rows (from sensitivityIndices) are stable enough to read: see SOBOL_MAX_CI_WIDTH. */
export function sobolStability(rows: readonly SensitivityIndexRow[]): SobolStability {
  const sobol = rows.filter((r) => r.method === 'sobol');
  const unknown: SobolIndexRef[] = [];
  const outside: (SobolIndexRef & { value: number })[] = [];
  let widest: SobolStability['widest'] = null;
  for (const r of sobol) {
    const indices = [
      { index: 'first order' as const, value: r.first_order, low: r.first_order_low, high: r.first_order_high },
      { index: 'total' as const, value: r.total, low: r.total_low, high: r.total_high },
    ];
    for (const x of indices) {
      const ref = { base: r.base, parameter: r.parameter, index: x.index };
      if (x.value === null) {
        unknown.push(ref);
        continue;
      }
      if (x.value < -SOBOL_RANGE_TOLERANCE - EPSILON || x.value > 1 + SOBOL_RANGE_TOLERANCE + EPSILON) outside.push({ ...ref, value: x.value });
      if (x.low !== null && x.high !== null) {
        const width = x.high - x.low;
        if (width > SOBOL_MAX_CI_WIDTH + EPSILON && (widest === null || width > widest.width)) widest = { ...ref, low: x.low, high: x.high, width };
      }
    }
  }
  const distance = (v: number) => (v < 0 ? -v : v - 1);
  outside.sort((a, b) => distance(b.value) - distance(a.value));
  const n = sobol.length > 0 ? Math.min(...sobol.map((r) => r.n)) : 0;
  const rowsNeeded = widest !== null && n > 0 ? Math.ceil(n * (widest.width / SOBOL_MAX_CI_WIDTH) * (widest.width / SOBOL_MAX_CI_WIDTH)) : null;
  return { stable: unknown.length === 0 && outside.length === 0 && widest === null, rows: n, unknown, outside, widest, rowsNeeded };
}
