// The sensitivity estimators on functions with known answers, through the experiment's own design
// generator: Ishigami (Sobol indices known analytically; Morris ranks) and linear functions.
import { describe, expect, it } from 'vitest';
import { designPoints, morrisIndices, sensitivityIndices, sobolIndices, type DesignPoint, type Experiment } from '../../sim/index.js';

type Dist = { type: 'uniform'; low: number; high: number };

/** An experiment over abstract inputs x1..xk (not scenario fields: the design generator does not need them). */
function experiment(design: Experiment['design'], dists: Dist[], seed = 1): Experiment {
  return {
    name: 'test',
    description: '',
    base: ['f.json'],
    parameters: dists.map((distribution, i) => ({ path: `x${i + 1}`, distribution, integer: false })),
    design,
    replicates: 1,
    metrics: ['localGdpPerRupiah'],
    record: 'final',
    seed,
  };
}

const xs = (p: DesignPoint, k: number) => Array.from({ length: k }, (_, i) => p.assignments[`x${i + 1}`] as number);

const a = 7;
const b = 0.1;
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
const pi = { type: 'uniform' as const, low: -Math.PI, high: Math.PI };

// Analytical indices (Ishigami & Homma 1990; Sobol' & Levitan 1999).
const V = a ** 2 / 8 + (b * Math.PI ** 4) / 5 + (b ** 2 * Math.PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
const V2 = a ** 2 / 8;
const V13 = (8 * b ** 2 * Math.PI ** 8) / 225;
const S1 = [V1 / V, V2 / V, 0];
const ST = [(V1 + V13) / V, V2 / V, V13 / V];

describe('Sobol indices (Saltelli 2010 first order, Jansen total) on Ishigami', () => {
  it('recovers S1 ≈ (0.314, 0.442, 0) and ST ≈ (0.558, 0.442, 0.244), with CIs containing them', () => {
    expect(S1[0]).toBeCloseTo(0.314, 3);
    expect(ST[2]).toBeCloseTo(0.244, 3);
    const e = experiment({ type: 'sobol', samples: 4096 }, [pi, pi, pi]);
    const points = designPoints(e, ['f']);
    expect(points).toHaveLength(4096 * 5);
    const y = points.map((p) => ishigami(xs(p, 3)));
    const rows = sensitivityIndices(e, points, y);
    expect(rows.map((r) => r.parameter)).toEqual(['x1', 'x2', 'x3']); // ranked by total index
    for (const r of rows) {
      const i = Number(r.parameter.slice(1)) - 1;
      expect(r.method).toBe('sobol');
      expect(r.n).toBe(4096);
      expect(Math.abs(r.first_order! - S1[i])).toBeLessThan(0.05);
      expect(Math.abs(r.total! - ST[i])).toBeLessThan(0.05);
      expect(r.first_order_low!).toBeLessThanOrEqual(S1[i]);
      expect(r.first_order_high!).toBeGreaterThanOrEqual(S1[i]);
      expect(r.total_low!).toBeLessThanOrEqual(ST[i]);
      expect(r.total_high!).toBeGreaterThanOrEqual(ST[i]);
      expect(r.mu_star).toBeNull();
    }
    // Deterministic, bootstrap included.
    expect(sensitivityIndices(e, points, y)).toEqual(rows);
  });

  it('gives S1 = ST = share of variance for an additive function', () => {
    const unit = { type: 'uniform' as const, low: 0, high: 1 };
    const e = experiment({ type: 'sobol', samples: 2048 }, [unit, unit, unit]);
    const points = designPoints(e, ['f']);
    const y = points.map((p) => {
      const [x1, x2] = xs(p, 3);
      return x1 - 0.5 + 2 * (x2 - 0.5);
    });
    const idx = sobolIndices(points, y, 3, { resamples: 200 });
    // Var(x1) = 1/12, Var(2 x2) = 4/12: shares 0.2 and 0.8; x3 does nothing.
    expect(idx[0].firstOrder!).toBeCloseTo(0.2, 1);
    expect(idx[1].firstOrder!).toBeCloseTo(0.8, 1);
    expect(idx[0].total!).toBeCloseTo(0.2, 1);
    expect(idx[1].total!).toBeCloseTo(0.8, 1);
    expect(idx[2].total).toBe(0);
  });

  it('drops Saltelli rows with an unknown output', () => {
    const e = experiment({ type: 'sobol', samples: 50 }, [pi, pi]);
    const points = designPoints(e, ['f']);
    const y: (number | null)[] = points.map((p) => ishigami([...xs(p, 2), 0]));
    y[3] = null; // row 0 (4 points per row)
    y[9] = null; // row 2
    expect(sobolIndices(points, y, 2, { resamples: 10 })[0].n).toBe(48);
  });
});

describe('Morris elementary effects', () => {
  it('ranks x1 and x2 above x3 on Ishigami by μ*, and gives x3 σ > 0 (its interaction with x1)', () => {
    const e = experiment({ type: 'morris', trajectories: 1000, levels: 4 }, [pi, pi, pi]);
    const points = designPoints(e, ['f']);
    expect(points).toHaveLength(1000 * 4);
    const rows = sensitivityIndices(e, points, points.map((p) => ishigami(xs(p, 3))));
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows[2].parameter).toBe('x3');
    expect(rows.every((r) => r.method === 'morris' && r.n === 1000)).toBe(true);
    const x3 = rows[2];
    expect(x3.sigma!).toBeGreaterThan(1);
    for (const r of rows) {
      expect(r.mu_star_low!).toBeLessThanOrEqual(r.mu_star!);
      expect(r.mu_star_high!).toBeGreaterThanOrEqual(r.mu_star!);
    }
    expect(rows[1].mu_star!).toBeGreaterThan(x3.mu_star_high!);
  });

  it('recovers the known elementary effects of a linear function (per 0..1 of each range), σ = 0', () => {
    // y = 2 x1 − 3 x2 + 0 x3 with x1 on [0, 10], x2 on [1, 3], x3 on [−5, 5]: EE = slope × range width.
    const e = experiment({ type: 'morris', trajectories: 20, levels: 6 }, [
      { type: 'uniform', low: 0, high: 10 },
      { type: 'uniform', low: 1, high: 3 },
      { type: 'uniform', low: -5, high: 5 },
    ]);
    const points = designPoints(e, ['f']);
    const y = points.map((p) => {
      const [x1, x2] = xs(p, 3);
      return 2 * x1 - 3 * x2;
    });
    const idx = morrisIndices(points, y, 3);
    expect(idx.map((m) => m.n)).toEqual([20, 20, 20]);
    expect(idx[0].mu!).toBeCloseTo(20, 9);
    expect(idx[0].muStar!).toBeCloseTo(20, 9);
    expect(idx[1].mu!).toBeCloseTo(-6, 9);
    expect(idx[1].muStar!).toBeCloseTo(6, 9);
    expect(idx[2].muStar!).toBe(0);
    for (const m of idx) expect(m.sigma!).toBeLessThan(1e-9);
    const rows = sensitivityIndices(e, points, y);
    expect(rows.map((r) => r.parameter)).toEqual(['x1', 'x2', 'x3']);
  });

  it('skips steps with an unknown output; rejects non-sensitivity designs', () => {
    const e = experiment({ type: 'morris', trajectories: 5, levels: 4 }, [pi, pi]);
    const points = designPoints(e, ['f']);
    const y: (number | null)[] = points.map((p) => xs(p, 2)[0]);
    y[1] = null; // trajectory 0, step 1: the steps 1 and 2 both lose an end
    const idx = morrisIndices(points, y, 2);
    expect(idx[0].n + idx[1].n).toBe(8);
    expect(() => sensitivityIndices(experiment({ type: 'factorial' }, [pi]), points, y)).toThrow(/morris or sobol/);
  });
});
