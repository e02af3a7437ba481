// The sensitivity estimators on functions with known answers, through the experiment's own design
// generator: Ishigami (Sobol indices known analytically; Morris ranks) and linear functions.
import { describe, expect, it } from 'vitest';
import { designPoints, morrisIndices, sensitivityIndices, sobolIndices, sobolStability, SOBOL_MAX_CI_WIDTH, type DesignPoint, type Experiment, type SensitivityIndexRow } from '../../sim/index.js';

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
    uncertainty: false,
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
    // Stable at N = 4096: every CI narrower than 0.1, every estimate within [−0.05, 1.05].
    expect(sobolStability(rows)).toEqual({ stable: true, rows: 4096, unknown: [], outside: [], widest: null, rowsNeeded: null });
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

describe('Sobol stability: estimates outside [0, 1] or wide CIs are flagged (issue 13)', () => {
  it('flags Ishigami at N = 16, naming the index furthest outside [0, 1] and the widest CI', () => {
    const e = experiment({ type: 'sobol', samples: 16 }, [pi, pi, pi]);
    const points = designPoints(e, ['f']);
    const rows = sensitivityIndices(e, points, points.map((p) => ishigami(xs(p, 3))));
    const s = sobolStability(rows);
    expect(s.stable).toBe(false);
    expect(s.rows).toBe(16);
    // Every estimate the check calls outside is further than 0.05 from [0, 1], and each is reported.
    const all = rows.flatMap((r) => [r.first_order!, r.total!]);
    expect(s.outside.map((o) => o.value).sort()).toEqual(all.filter((v) => v < -0.05 || v > 1.05).sort());
    expect(s.widest!.width).toBeGreaterThan(SOBOL_MAX_CI_WIDTH);
    const widths = rows.flatMap((r) => [r.first_order_high! - r.first_order_low!, r.total_high! - r.total_low!]);
    expect(s.widest!.width).toBe(Math.max(...widths));
    expect(s.rowsNeeded).toBe(Math.ceil(16 * (s.widest!.width / 0.1) ** 2));
  });

  it('draws the line at 0.05 outside [0, 1] and a CI 0.1 wide; an index that cannot be estimated is unstable', () => {
    const row = (first: [number | null, number, number], total: [number | null, number, number]): SensitivityIndexRow => ({
      base: 'b', rank: 1, parameter: 'x1', method: 'sobol', n: 1000, mu: null, mu_star: null, mu_star_low: null, mu_star_high: null, sigma: null,
      first_order: first[0], first_order_low: first[1], first_order_high: first[2], total: total[0], total_low: total[1], total_high: total[2],
    });
    // A true zero estimated slightly negative, and CIs exactly 0.1 wide: stable.
    expect(sobolStability([row([-0.04, -0.09, 0.01], [1.04, 0.99, 1.09])]).stable).toBe(true);
    const below = sobolStability([row([-0.06, -0.1, -0.0], [0.5, 0.45, 0.55])]);
    expect(below.outside).toEqual([{ base: 'b', parameter: 'x1', index: 'first order', value: -0.06 }]);
    expect(below.widest).toBeNull();
    const wide = sobolStability([row([0.3, 0.2, 0.4], [0.5, 0.3, 0.7])]);
    expect(wide.stable).toBe(false);
    expect(wide.widest).toMatchObject({ index: 'total', width: expect.closeTo(0.4, 12) });
    expect(wide.rowsNeeded).toBe(16_000); // 1000 × (0.4 / 0.1)²
    const none = sobolStability([row([null, 0, 0], [null, 0, 0])]);
    expect(none.stable).toBe(false);
    expect(none.unknown).toHaveLength(2);
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
