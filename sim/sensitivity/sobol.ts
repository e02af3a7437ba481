// Sobol indices from Saltelli-sampled outputs: first order by the Saltelli et al. (2010) estimator
// V_i ≈ mean(f(B) · (f(AB_i) − f(A))), total by Jansen (1999) V_Ti ≈ mean((f(A) − f(AB_i))²) / 2, both over
// the variance of f(A) and f(B) pooled; 95% CIs by a percentile bootstrap over the rows j (a seeded stream,
// so the same outputs give the same intervals).
import type { DesignPoint } from '../experiment/types.js';
import { finiteOrNull } from '../stats/replicates.js';
import { bootstrapRng, percentileInterval, resample } from './bootstrap.js';
import type { BootstrapOptions } from './morris.js';

export interface SobolIndex {
  /** Index into the experiment's parameters. */
  parameter: number;
  /** Complete rows used (rows whose k + 2 outputs are all known). */
  n: number;
  firstOrder: number | null;
  firstOrderLow: number | null;
  firstOrderHigh: number | null;
  total: number | null;
  totalLow: number | null;
  totalHigh: number | null;
}

/** The rows of a Saltelli design as arrays: f(A), f(B) and f(AB_i) (row-major, k per row), complete rows only. */
export function saltelliOutputs(points: readonly DesignPoint[], outputs: readonly (number | null)[], k: number): { fA: Float64Array; fB: Float64Array; fAB: Float64Array } {
  const rows = new Map<string, { a?: number | null; b?: number | null; ab: (number | null | undefined)[] }>();
  const order: string[] = [];
  for (const p of points) {
    if (p.role?.kind !== 'sobol') continue;
    const key = `${p.base}\u0000${p.role.row}`;
    let row = rows.get(key);
    if (!row) {
      rows.set(key, (row = { ab: new Array(k).fill(undefined) }));
      order.push(key);
    }
    const y = outputs[p.index];
    const v = y === undefined || y === null || !Number.isFinite(y) ? null : y;
    if (p.role.matrix === 'A') row.a = v;
    else if (p.role.matrix === 'B') row.b = v;
    else if (p.role.parameter !== undefined) row.ab[p.role.parameter] = v;
  }
  const complete = order.map((key) => rows.get(key)!).filter((r) => typeof r.a === 'number' && typeof r.b === 'number' && r.ab.every((v) => typeof v === 'number'));
  const n = complete.length;
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = new Float64Array(n * k);
  complete.forEach((r, j) => {
    fA[j] = r.a as number;
    fB[j] = r.b as number;
    for (let i = 0; i < k; i++) fAB[j * k + i] = r.ab[i] as number;
  });
  return { fA, fB, fAB };
}

/** First-order and total indices of every parameter over the rows `idx` (all rows when omitted). */
function estimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array, k: number, idx: Int32Array | null, first: Float64Array, total: Float64Array): void {
  const n = idx ? idx.length : fA.length;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const j = idx ? idx[r] : r;
    sum += fA[j] + fB[j];
  }
  const m = sum / (2 * n);
  let squares = 0;
  for (let r = 0; r < n; r++) {
    const j = idx ? idx[r] : r;
    squares += (fA[j] - m) * (fA[j] - m) + (fB[j] - m) * (fB[j] - m);
  }
  const variance = squares / (2 * n);
  for (let i = 0; i < k; i++) {
    let v1 = 0;
    let vt = 0;
    for (let r = 0; r < n; r++) {
      const j = idx ? idx[r] : r;
      const ab = fAB[j * k + i];
      v1 += fB[j] * (ab - fA[j]);
      vt += (fA[j] - ab) * (fA[j] - ab);
    }
    first[i] = variance > 0 ? v1 / n / variance : NaN;
    total[i] = variance > 0 ? vt / (2 * n) / variance : NaN;
  }
}

/** Sobol first-order and total indices with percentile-bootstrap 95% CIs, from Sobol-role points. */
export function sobolIndices(points: readonly DesignPoint[], outputs: readonly (number | null)[], k: number, options: BootstrapOptions = {}): SobolIndex[] {
  const B = options.resamples ?? 500;
  const { fA, fB, fAB } = saltelliOutputs(points, outputs, k);
  const n = fA.length;
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  if (n < 2) {
    return Array.from({ length: k }, (_, parameter) => ({ parameter, n, firstOrder: null, firstOrderLow: null, firstOrderHigh: null, total: null, totalLow: null, totalHigh: null }));
  }
  estimate(fA, fB, fAB, k, null, first, total);
  const firstReps = Array.from({ length: k }, () => new Float64Array(B));
  const totalReps = Array.from({ length: k }, () => new Float64Array(B));
  const rng = bootstrapRng(`${options.seed ?? 1}/sobol`);
  const idx = new Int32Array(n);
  const f = new Float64Array(k);
  const t = new Float64Array(k);
  for (let b = 0; b < B; b++) {
    estimate(fA, fB, fAB, k, resample(idx, n, rng), f, t);
    for (let i = 0; i < k; i++) {
      firstReps[i][b] = f[i];
      totalReps[i][b] = t[i];
    }
  }
  return Array.from({ length: k }, (_, parameter) => {
    const s1 = percentileInterval(firstReps[parameter]);
    const st = percentileInterval(totalReps[parameter]);
    return {
      parameter,
      n,
      firstOrder: finiteOrNull(first[parameter]),
      firstOrderLow: s1.low,
      firstOrderHigh: s1.high,
      total: finiteOrNull(total[parameter]),
      totalLow: st.low,
      totalHigh: st.high,
    };
  });
}
