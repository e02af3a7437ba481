// Design points of an experiment, in a canonical order, and the runs (point × replicate) they expand to.
// Deterministic: the same experiment gives the same points, always (sampled designs draw from a seedrandom
// Alea stream seeded `${experiment.seed}/design`).
//
// Canonical order (the `index` of each point), bases always outermost in the order the experiment lists
// them; sampled designs use the same sample for every base, so point i of one base and point i of another
// have the same parameter values:
//   factorial       the full product of each parameter's levels, the last parameter varying fastest;
//   latinHypercube  sample 0..N−1;
//   sobol           for each row j = 0..N−1: A_j, AB_j^(0) … AB_j^(k−1), B_j  (k + 2 points per row);
//   morris          for each trajectory t: step 0 (start), then steps 1..k, each moving one parameter.
import seedrandom from 'seedrandom';
import type { DesignPoint, MorrisRole, ParameterValue, RunSpec, SobolRole } from './types.js';
import type { Experiment, ParameterSpec } from './schema.js';
import { exp, log } from '../math/elementary.js';

/**
 * The most design points an experiment may have. Planning a batch validates and keeps every point's
 * scenario (about 0.5 ms and 11 kB each): 100,000 points plan in about a minute and 1.1 GB; at 1,000,000
 * (the cap before) planning ran 11 minutes and died of heap exhaustion.
 */
export const MAX_DESIGN_POINTS = 100_000;

/** How many values rangeValues gives (NaN when none can be counted). */
export function rangeCount(from: number, to: number, step: number): number {
  const span = (to - from) / step;
  return Math.floor(span + 1e-9 * Math.max(1, Math.abs(span))) + 1;
}

/** from, from + step, … up to `to` (inclusive when a step lands on it, within float rounding). */
export function rangeValues(from: number, to: number, step: number): number[] {
  const count = rangeCount(from, to, step);
  if (!(count >= 1)) return [];
  if (count > MAX_DESIGN_POINTS) throw new Error(`range ${from}..${to} by ${step} has more than ${MAX_DESIGN_POINTS} values`);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    // 12 significant digits remove float noise such as 0.30000000000000004.
    const v = Number((from + i * step).toPrecision(12));
    out.push(Math.min(v, Math.max(to, from)));
  }
  return out;
}

const rounded = (q: ParameterSpec, v: ParameterValue): ParameterValue => (q.integer && typeof v === 'number' ? Math.round(v) : v);

/** Significant digits a sampled value keeps (as `rangeValues` keeps): enough for any value a person would write. */
export const SAMPLED_DIGITS = 12;

/**
 * A value computed from a probability (an inverse CDF in binary floating point) without its float noise:
 * the top of a uniform on [0.3, 0.9] is 0.3 + 1 × (0.9 − 0.3) = 0.9000000000000001, which results.csv,
 * summary.csv and the point's label would print, and which lies outside the range it was drawn from. Kept to SAMPLED_DIGITS significant digits and within [low, high]; the value printed is then
 * the value the run used, so a run can be repeated from its printed parameters. Integer parameters round.
 */
function sampled(q: ParameterSpec, v: number, low = -Infinity, high = Infinity): ParameterValue {
  if (q.integer) return Math.round(v);
  const clean = Number.isFinite(v) ? Number(v.toPrecision(SAMPLED_DIGITS)) : v;
  return Math.min(Math.max(clean, Math.min(low, high)), Math.max(low, high));
}

/** The levels a parameter takes in a factorial design: its values, its range, or its discrete distribution. */
export function factorialLevels(q: ParameterSpec): ParameterValue[] {
  const raw = q.values ?? (q.range ? rangeValues(q.range.from, q.range.to, q.range.step) : q.distribution?.type === 'discrete' ? q.distribution.values : undefined);
  if (!raw) throw new Error(`parameter ${q.path}: a factorial design needs values, a range or a discrete distribution`);
  return raw.map((v) => rounded(q, v));
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * The value of a parameter at probability u in [0, 1] (its inverse CDF): a range is uniform on
 * [from, to]; a values list (or discrete distribution) is discrete uniform, value ⌊u·n⌋; a normal
 * distribution's u is kept within [`tail`, 1 − `tail`]. Rounded when the parameter is `integer`; otherwise
 * kept to SAMPLED_DIGITS significant digits and within the range or distribution's bounds.
 */
export function parameterQuantile(q: ParameterSpec, u: number, tail = 1e-12): ParameterValue {
  const list = q.values ?? (q.distribution?.type === 'discrete' ? q.distribution.values : undefined);
  if (list) return rounded(q, list[Math.min(list.length - 1, Math.max(0, Math.floor(u * list.length)))]);
  if (q.range) return sampled(q, q.range.from + u * (q.range.to - q.range.from), q.range.from, q.range.to);
  const d = q.distribution;
  if (!d) throw new Error(`parameter ${q.path}: no values, range or distribution`);
  switch (d.type) {
    case 'uniform':
      return sampled(q, d.low + u * (d.high - d.low), d.low, d.high);
    case 'loguniform':
      return sampled(q, exp(log(d.low) + u * (log(d.high) - log(d.low))), d.low, d.high);
    case 'normal':
      return sampled(q, d.mean + d.sd * normalQuantile(Math.min(1 - tail, Math.max(tail, u))));
    default:
      throw new Error(`parameter ${q.path}: unknown distribution`);
  }
}

const formatValue = (v: ParameterValue) => (typeof v === 'string' ? v : String(v));

/** `base | path=value, path=value` (just `base` when nothing is varied). */
export function pointLabel(base: string, assignments: Record<string, ParameterValue>): string {
  const parts = Object.entries(assignments).map(([k, v]) => `${k}=${formatValue(v)}`);
  return parts.length ? `${base} | ${parts.join(', ')}` : base;
}

interface Sample {
  assignments: Record<string, ParameterValue>;
  role?: SobolRole | MorrisRole;
}

function assign(params: readonly ParameterSpec[], values: readonly ParameterValue[]): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  params.forEach((q, i) => (out[q.path] = values[i]));
  return out;
}

function factorialSamples(params: readonly ParameterSpec[]): Sample[] {
  const levels = params.map(factorialLevels);
  const out: Sample[] = [];
  const idx = new Array<number>(params.length).fill(0);
  const total = levels.reduce((a, l) => a * l.length, 1);
  for (let n = 0; n < total; n++) {
    out.push({ assignments: assign(params, idx.map((j, i) => levels[i][j])) });
    for (let i = params.length - 1; i >= 0; i--) {
      if (++idx[i] < levels[i].length) break;
      idx[i] = 0;
    }
  }
  return out;
}

/**
 * Latin hypercube probabilities: N × k, row-major. For each parameter in turn, a Fisher–Yates shuffle of
 * the strata 0..N−1 (N − 1 draws), then one jitter per sample: u[j][i] = (stratum + jitter) / N.
 */
export function latinHypercubeUnits(samples: number, k: number, rng: () => number): Float64Array {
  const u = new Float64Array(samples * k);
  const perm = new Int32Array(samples);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < samples; j++) perm[j] = j;
    for (let j = samples - 1; j > 0; j--) {
      const r = Math.floor(rng() * (j + 1));
      const t = perm[j];
      perm[j] = perm[r];
      perm[r] = t;
    }
    for (let j = 0; j < samples; j++) u[j * k + i] = (perm[j] + rng()) / samples;
  }
  return u;
}

function latinHypercubeSamples(params: readonly ParameterSpec[], samples: number, rng: () => number): Sample[] {
  const k = params.length;
  const u = latinHypercubeUnits(samples, k, rng);
  return Array.from({ length: samples }, (_, j) => ({ assignments: assign(params, params.map((q, i) => parameterQuantile(q, u[j * k + i]))) }));
}

/** Saltelli (2010): matrices A and B of independent uniforms (A drawn first, row-major, then B). */
function sobolSamples(params: readonly ParameterSpec[], samples: number, rng: () => number): Sample[] {
  const k = params.length;
  const A = Float64Array.from({ length: samples * k }, () => rng());
  const B = Float64Array.from({ length: samples * k }, () => rng());
  const values = (row: (i: number) => number) => params.map((q, i) => parameterQuantile(q, row(i)));
  const out: Sample[] = [];
  for (let j = 0; j < samples; j++) {
    const a = (i: number) => A[j * k + i];
    const b = (i: number) => B[j * k + i];
    out.push({ assignments: assign(params, values(a)), role: { kind: 'sobol', row: j, matrix: 'A' } });
    for (let c = 0; c < k; c++) {
      out.push({ assignments: assign(params, values((i) => (i === c ? b(i) : a(i)))), role: { kind: 'sobol', row: j, matrix: 'AB', parameter: c } });
    }
    out.push({ assignments: assign(params, values(b)), role: { kind: 'sobol', row: j, matrix: 'B' } });
  }
  return out;
}

/**
 * Morris (1991) trajectories on a p-level grid {0, 1/(p−1), …, 1}, Δ = p / (2(p−1)) (p/2 grid steps). Per
 * trajectory: a random start level per parameter (one draw each), then a random order of the parameters
 * (Fisher–Yates, k − 1 draws); each step moves the next parameter by +Δ from the lower half of the grid
 * and −Δ from the upper half, so both directions are equally likely (Campolongo et al. 2007 use the same
 * trajectories). Grid values map to parameter values by the inverse CDF; a normal distribution's grid ends
 * map to its 1/(2p) and 1 − 1/(2p) quantiles.
 */
function morrisSamples(params: readonly ParameterSpec[], trajectories: number, levels: number, rng: () => number): Sample[] {
  const k = params.length;
  const half = levels / 2;
  const delta = half / (levels - 1);
  const tail = 1 / (2 * levels);
  const out: Sample[] = [];
  const valuesAt = (lv: readonly number[]) => params.map((q, i) => parameterQuantile(q, lv[i] / (levels - 1), tail));
  for (let t = 0; t < trajectories; t++) {
    const lv = params.map(() => Math.min(levels - 1, Math.floor(rng() * levels)));
    const order = params.map((_, i) => i);
    for (let j = k - 1; j > 0; j--) {
      const r = Math.floor(rng() * (j + 1));
      [order[j], order[r]] = [order[r], order[j]];
    }
    out.push({ assignments: assign(params, valuesAt(lv)), role: { kind: 'morris', trajectory: t, step: 0 } });
    order.forEach((i, s) => {
      const up = lv[i] < half;
      lv[i] += up ? half : -half;
      out.push({ assignments: assign(params, valuesAt(lv)), role: { kind: 'morris', trajectory: t, step: s + 1, parameter: i, delta: up ? delta : -delta } });
    });
  }
  return out;
}

/** The design points for the given base names (one per experiment base, in order), in canonical order. */
export function designPoints(experiment: Experiment, baseNames: readonly string[]): DesignPoint[] {
  if (baseNames.length !== experiment.base.length) {
    throw new Error(`designPoints: ${baseNames.length} base names for ${experiment.base.length} bases`);
  }
  const params = experiment.parameters;
  const rng = seedrandom.alea(`${experiment.seed}/design`);
  const d = experiment.design;
  const samples =
    d.type === 'factorial'
      ? factorialSamples(params)
      : d.type === 'latinHypercube'
        ? latinHypercubeSamples(params, d.samples, rng)
        : d.type === 'sobol'
          ? sobolSamples(params, d.samples, rng)
          : morrisSamples(params, d.trajectories, d.levels, rng);
  if (samples.length * baseNames.length > MAX_DESIGN_POINTS) {
    throw new Error(`the design has ${samples.length * baseNames.length} points; at most ${MAX_DESIGN_POINTS}`);
  }
  const points: DesignPoint[] = [];
  for (const base of baseNames) {
    for (const s of samples) {
      const point: DesignPoint = { index: points.length, base, assignments: { ...s.assignments }, label: pointLabel(base, s.assignments) };
      if (s.role) point.role = { ...s.role };
      points.push(point);
    }
  }
  return points;
}

/** Every run of the design: runId = point.index × replicates + r, seed = experiment.seed + r; by runId. */
export function runSpecs(experiment: Pick<Experiment, 'replicates' | 'seed'>, points: readonly DesignPoint[]): RunSpec[] {
  const R = experiment.replicates;
  const out: RunSpec[] = [];
  for (const point of points) {
    for (let r = 0; r < R; r++) out.push({ runId: point.index * R + r, point, replicate: r, seed: experiment.seed + r });
  }
  return out.sort((a, b) => a.runId - b.runId);
}

/** Points per base (every base has the same number, in the same within-base order). */
export function pointsPerBase(points: readonly DesignPoint[], bases: number): number {
  return bases > 0 ? points.length / bases : 0;
}
