import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyAssignments,
  baseNameOf,
  baselinePoints,
  designPoints,
  experimentJsonSchema,
  interval,
  parseExperiment,
  parseScenario,
  rangeValues,
  recordRows,
  recordedMonths,
  runScenario,
  runSpecs,
  seriesMetricsFor,
  ScenarioError,
  summariseExperiment,
  SUMMARY_METRICS,
  type DesignPoint,
  type Experiment,
  type ResultRow,
} from '../../sim/index.js';

function problemsOf(input: unknown) {
  try {
    parseExperiment(input, 'exp.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as Error).message).toContain('exp.json: invalid experiment');
    return (e as ScenarioError).problems;
  }
  throw new Error('expected the experiment to be rejected');
}

const minimal = { name: 'x', base: '../mentoring-only.json' };

describe('experiment schema', () => {
  it('fills the defaults and always gives base as a list', () => {
    const e = parseExperiment(minimal, 'exp.json');
    expect(e.base).toEqual(['../mentoring-only.json']);
    expect(e.design).toEqual({ type: 'factorial' });
    expect(e.replicates).toBe(5);
    expect(e.seed).toBe(1);
    expect(e.record).toBe('final');
    expect(e.metrics).toContain('profit.effect');
    expect(e.parameters).toEqual([]);
    const m = parseExperiment({ ...minimal, design: { type: 'morris', trajectories: 4 }, parameters: [{ path: 'businessStealingShare', range: { from: 0, to: 1, step: 0.5 } }] }, 'e');
    expect(m.design).toEqual({ type: 'morris', trajectories: 4, levels: 4 });
  });

  it('names a parameter path that is not a scenario leaf, suggesting the near one', () => {
    const [p] = problemsOf({ ...minimal, parameters: [{ path: 'program.mentoring.visitPerMonth', values: [1, 2] }] });
    expect(p.path).toBe('parameters[0].path');
    expect(p.value).toBe('program.mentoring.visitPerMonth');
    expect(p.expected).toMatch(/^"program\.mentoring\.visitsPerMonth"\?/);
    expect(problemsOf({ ...minimal, parameters: [{ path: 'program.mentoring', values: [1] }] })[0]).toMatchObject({ path: 'parameters[0].path', expected: expect.stringMatching(/leaf field/) });
    expect(problemsOf({ ...minimal, parameters: [{ path: 'economy.sectors', values: [1] }] })[0].path).toBe('parameters[0].path');
  });

  it('requires exactly one of values, range and distribution', () => {
    const problems = problemsOf({
      ...minimal,
      parameters: [
        { path: 'program.mentoring.caseload', values: [10] },
        { path: 'program.mentoring.visitsPerMonth', values: [1, 2], range: { from: 1, to: 2, step: 1 } },
        { path: 'program.mentoring.months' },
      ],
    });
    expect(problems.map((q) => q.path)).toEqual(['parameters[1]', 'parameters[2]']);
    expect(problems[0]).toMatchObject({ value: ['values', 'range'], expected: 'exactly one of values, range or distribution' });
  });

  it('checks values against the field type and bounds', () => {
    const problems = problemsOf({
      ...minimal,
      parameters: [
        { path: 'program.targeting.rule', values: ['random', 'richest'] },
        { path: 'program.mentoring.adaptive', range: { from: 0, to: 1, step: 1 } },
        { path: 'households.localSpendingShare', range: { from: 0.2, to: 1.5, step: 0.1 } },
        { path: 'program.mentoring.caseload', values: [2.5] },
      ],
    });
    expect(problems.map((q) => q.path)).toEqual(['parameters[0].values[1]', 'parameters[1].range', 'parameters[2].range.to', 'parameters[3].values[0]']);
    expect(problems[0].expected).toMatch(/one of "all", "random"/);
    const sampled = problemsOf({ ...minimal, design: { type: 'sobol', samples: 8 }, parameters: [{ path: 'program.mentoring.months', distribution: { type: 'uniform', low: 1, high: 12 } }] });
    expect(sampled[0]).toMatchObject({ path: 'parameters[0].integer' });
    expect(() => parseExperiment({ ...minimal, design: { type: 'sobol', samples: 8 }, parameters: [{ path: 'program.mentoring.months', integer: true, distribution: { type: 'uniform', low: 1, high: 12 } }] }, 'e')).not.toThrow();
    expect(problemsOf({ ...minimal, parameters: [{ path: 'businessStealingShare', distribution: { type: 'uniform', low: 0, high: 1 } }] })[0].path).toBe('parameters[0].distribution');
  });

  it('names an unknown metric and accepts summary paths and series', () => {
    const problems = problemsOf({ ...minimal, metrics: ['profit.effect', 'profit.efect', 'program.participants.turnover', 'programs.all.turnover', 'counterfactual.economy.localGdp', 'program.economy.turnover'] });
    expect(problems.map((q) => q.path)).toEqual(['metrics[1]', 'metrics[3]', 'metrics[5]']);
    expect(problems[0].expected).toMatch(/^"profit\.effect"\?/);
    for (const m of ['lm3.program', 'spendingMultiplier.program', 'localGdpPerRupiah', 'localGdpGained', 'nonParticipantTurnover.effect', 'costPerJob', 'turnover.effectShare', 'localRespendingShare.program']) expect(SUMMARY_METRICS).toContain(m);
  });

  it('names an unknown design type, unknown design fields and odd Morris levels', () => {
    expect(problemsOf({ ...minimal, design: { type: 'sobl', samples: 8 } })[0]).toMatchObject({ path: 'design.type', value: 'sobl', expected: expect.stringMatching(/"factorial", "latinHypercube", "sobol", "morris"/) });
    expect(problemsOf({ ...minimal, design: { type: 'sobol', samples: 8, trajectories: 3 } })[0]).toMatchObject({ path: 'design.trajectories', expected: 'one of the fields type, samples' });
    expect(problemsOf({ ...minimal, design: { type: 'morris', trajectories: 3, levels: 5 } })[0].path).toBe('design.levels');
    expect(problemsOf({ ...minimal, record: { every: 0 } })[0].path).toBe('record.every');
    expect(problemsOf({ ...minimal, bogus: 1 })[0]).toMatchObject({ path: 'bogus' });
    expect(problemsOf({ name: 'x' })[0]).toMatchObject({ path: 'base', value: undefined });
  });

  it('checks the baseline names a base or a design point label', () => {
    const exp = { ...minimal, parameters: [{ path: 'program.mentoring.caseload', values: [10, 20] }] };
    expect(() => parseExperiment({ ...exp, baseline: 'mentoring-only' }, 'e')).not.toThrow();
    expect(() => parseExperiment({ ...exp, baseline: 'mentoring-only | program.mentoring.caseload=20' }, 'e')).not.toThrow();
    expect(problemsOf({ ...exp, baseline: 'mentoring-only | program.mentoring.caseload=30' })[0]).toMatchObject({
      path: 'baseline',
      expected: expect.stringMatching(/a base name \(mentoring-only\) or a design point label such as "mentoring-only \| program.mentoring.caseload=10"$/),
    });
  });

  it('parses the example experiments; their bases exist', () => {
    const dir = 'scenarios/experiments';
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(['mentoring-intensity.json', 'multiplier-sensitivity.json', 'multiplier-sobol.json']));
    for (const f of files) {
      const e = parseExperiment(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')), f);
      for (const b of e.base) expect(() => parseScenario(JSON.parse(readFileSync(`${dir}/${b}`, 'utf8')), b)).not.toThrow();
      const points = designPoints(e, e.base.map(baseNameOf));
      if (f === 'mentoring-intensity.json') expect(points.length * e.replicates).toBeLessThanOrEqual(60);
    }
  });

  it('the committed JSON Schema is the one the code generates (run npm run schema after changing the schema)', () => {
    const committed = JSON.parse(readFileSync('scenarios/experiment.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(experimentJsonSchema())));
    expect(committed.properties.replicates.default).toBe(5);
    expect(committed.properties.replicates.unit).toBe('replicates');
  });
});

const exp = (over: Record<string, unknown>) => parseExperiment({ ...minimal, ...over }, 'exp.json');

describe('design points', () => {
  it('steps ranges without float drift', () => {
    expect(rangeValues(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    const tenths = rangeValues(0, 1, 0.1);
    expect(tenths).toHaveLength(11);
    expect(tenths[3]).toBe(0.3);
    expect(tenths[10]).toBe(1);
    expect(rangeValues(1, 10, 4)).toEqual([1, 5, 9]);
  });

  it('factorial: the full product, bases outermost and the last parameter fastest, labelled', () => {
    const e = exp({
      base: ['../mentoring-only.json', '../full-cycle.json'],
      parameters: [
        { path: 'program.mentoring.visitsPerMonth', values: [1, 2, 4] },
        { path: 'program.mentoring.caseload', range: { from: 10, to: 20, step: 10 } },
      ],
    });
    const points = designPoints(e, ['mentoring-only', 'full-cycle']);
    expect(points).toHaveLength(12);
    expect(points.map((p) => p.index)).toEqual([...Array(12).keys()]);
    expect(points.slice(0, 6).map((p) => [p.assignments['program.mentoring.visitsPerMonth'], p.assignments['program.mentoring.caseload']])).toEqual([
      [1, 10], [1, 20], [2, 10], [2, 20], [4, 10], [4, 20],
    ]);
    expect(points[6].base).toBe('full-cycle');
    expect(points[2].label).toBe('mentoring-only | program.mentoring.visitsPerMonth=2, program.mentoring.caseload=10');
    expect(new Set(points.map((p) => p.label)).size).toBe(12);
    expect(designPoints(exp({}), ['mentoring-only'])).toEqual([{ index: 0, base: 'mentoring-only', assignments: {}, label: 'mentoring-only' }]);
  });

  it('run specs: runId = index × replicates + r, seed = seed + r', () => {
    const e = exp({ replicates: 3, seed: 10, parameters: [{ path: 'program.mentoring.caseload', values: [10, 20] }] });
    const specs = runSpecs(e, designPoints(e, ['mentoring-only']));
    expect(specs.map((s) => [s.runId, s.point.index, s.replicate, s.seed])).toEqual([
      [0, 0, 0, 10], [1, 0, 1, 11], [2, 0, 2, 12], [3, 1, 0, 10], [4, 1, 1, 11], [5, 1, 2, 12],
    ]);
  });

  it('latin hypercube: each stratum used once per parameter; values lists drawn evenly', () => {
    const N = 20;
    const e = exp({
      design: { type: 'latinHypercube', samples: N },
      parameters: [
        { path: 'households.localSpendingShare', range: { from: 0.2, to: 0.6, step: 0.1 } },
        { path: 'suppliers.importShare', distribution: { type: 'uniform', low: 0.1, high: 0.5 } },
        { path: 'program.mentoring.caseload', values: [10, 20, 30, 40] },
      ],
    });
    const points = designPoints(e, ['mentoring-only']);
    expect(points).toHaveLength(N);
    const strata = (path: string, lo: number, hi: number) => points.map((p) => Math.floor((((p.assignments[path] as number) - lo) / (hi - lo)) * N)).sort((a, b) => a - b);
    expect(strata('households.localSpendingShare', 0.2, 0.6)).toEqual([...Array(N).keys()]);
    expect(strata('suppliers.importShare', 0.1, 0.5)).toEqual([...Array(N).keys()]);
    const counts = new Map<unknown, number>();
    for (const p of points) counts.set(p.assignments['program.mentoring.caseload'], (counts.get(p.assignments['program.mentoring.caseload']) ?? 0) + 1);
    expect([...counts.values()]).toEqual([5, 5, 5, 5]);
  });

  it('sobol: Saltelli layout, N(k+2) points per base; AB_i is A with column i from B', () => {
    const N = 8;
    const paths = ['households.localSpendingShare', 'suppliers.importShare', 'businessStealingShare'];
    const e = exp({
      base: ['../mentoring-only.json', '../full-cycle.json'],
      design: { type: 'sobol', samples: N },
      parameters: paths.map((path) => ({ path, distribution: { type: 'uniform', low: 0, high: 1 } })),
    });
    const points = designPoints(e, ['mentoring-only', 'full-cycle']);
    const k = paths.length;
    expect(points).toHaveLength(2 * N * (k + 2));
    const first = points.slice(0, N * (k + 2));
    expect(first.slice(0, k + 2).map((p) => p.role)).toEqual([
      { kind: 'sobol', row: 0, matrix: 'A' },
      { kind: 'sobol', row: 0, matrix: 'AB', parameter: 0 },
      { kind: 'sobol', row: 0, matrix: 'AB', parameter: 1 },
      { kind: 'sobol', row: 0, matrix: 'AB', parameter: 2 },
      { kind: 'sobol', row: 0, matrix: 'B' },
    ]);
    for (let j = 0; j < N; j++) {
      const row = first.slice(j * (k + 2), (j + 1) * (k + 2));
      const [A, B] = [row[0], row[k + 1]];
      expect(row.every((p) => p.role?.kind === 'sobol' && p.role.row === j)).toBe(true);
      for (let i = 0; i < k; i++) {
        for (let c = 0; c < k; c++) expect(row[1 + i].assignments[paths[c]]).toBe((c === i ? B : A).assignments[paths[c]]);
        expect(A.assignments[paths[i]]).not.toBe(B.assignments[paths[i]]);
      }
    }
    // The second base repeats the first's sample.
    expect(points.slice(N * (k + 2)).map((p) => p.assignments)).toEqual(first.map((p) => p.assignments));
  });

  it('morris: each step moves one parameter by ±Δ on the grid', () => {
    const levels = 6;
    const paths = ['households.localSpendingShare', 'suppliers.importShare', 'businessStealingShare', 'households.marginalPropensityToConsume'];
    const e = exp({ design: { type: 'morris', trajectories: 15, levels }, parameters: paths.map((path) => ({ path, distribution: { type: 'uniform', low: 0, high: 1 } })) });
    const points = designPoints(e, ['mentoring-only']);
    const k = paths.length;
    const delta = levels / (2 * (levels - 1));
    expect(points).toHaveLength(15 * (k + 1));
    const signs = new Set<number>();
    for (let t = 0; t < 15; t++) {
      const traj = points.slice(t * (k + 1), (t + 1) * (k + 1));
      expect(traj[0].role).toEqual({ kind: 'morris', trajectory: t, step: 0 });
      const moved = new Set<number>();
      for (let s = 1; s <= k; s++) {
        const role = traj[s].role!;
        expect(role).toMatchObject({ kind: 'morris', trajectory: t, step: s });
        if (role.kind !== 'morris') throw new Error('role');
        expect(Math.abs(role.delta!)).toBeCloseTo(delta, 12);
        signs.add(Math.sign(role.delta!));
        moved.add(role.parameter!);
        paths.forEach((path, i) => {
          const before = traj[s - 1].assignments[path] as number;
          const after = traj[s].assignments[path] as number;
          if (i === role.parameter) expect(after - before).toBeCloseTo(role.delta!, 12);
          else expect(after).toBe(before);
          // Every value sits on the grid 0, 1/(levels−1), …, 1.
          expect(Math.abs(after * (levels - 1) - Math.round(after * (levels - 1)))).toBeLessThan(1e-9);
        });
      }
      expect(moved.size).toBe(k);
    }
    expect(signs).toEqual(new Set([1, -1]));
  });

  it('is deterministic: the same experiment gives the same points; another seed other samples', () => {
    for (const design of [{ type: 'latinHypercube', samples: 10 }, { type: 'sobol', samples: 6 }, { type: 'morris', trajectories: 5 }]) {
      const over = { design, parameters: [{ path: 'businessStealingShare', distribution: { type: 'uniform', low: 0, high: 1 } }, { path: 'program.mentoring.caseload', integer: true, distribution: { type: 'loguniform', low: 5, high: 50 } }] };
      const a = designPoints(exp(over), ['m']);
      expect(designPoints(exp(over), ['m'])).toEqual(a);
      expect(JSON.stringify(designPoints(exp({ ...over, seed: 2 }), ['m']))).not.toBe(JSON.stringify(a));
      expect(a.every((p) => Number.isInteger(p.assignments['program.mentoring.caseload']))).toBe(true);
    }
  });

  it('sampled values carry no float noise and stay in their range: Morris prints 0.9, not 0.9000000000000001 (issue 13)', () => {
    const file = 'scenarios/experiments/multiplier-sensitivity.json';
    const e = parseExperiment(JSON.parse(readFileSync(file, 'utf8')), file);
    const points = designPoints(e, ['full-cycle']);
    const gain = 'performance.marketingAttractionGain'; // uniform on [0.3, 0.9], Morris grid of 4 levels
    expect([...new Set(points.map((p) => p.assignments[gain]))].sort()).toEqual([0.3, 0.5, 0.7, 0.9]);
    expect(points.find((p) => p.assignments[gain] === 0.9)!.label).toMatch(/performance\.marketingAttractionGain=0\.9$/);
    for (const p of points) {
      expect(p.label).not.toMatch(/\d\.\d{13,}/);
      for (const q of e.parameters) {
        const v = p.assignments[q.path] as number;
        const d = q.distribution as { low: number; high: number };
        expect(v).toBe(Number(v.toPrecision(12)));
        expect(v).toBeGreaterThanOrEqual(d.low);
        expect(v).toBeLessThanOrEqual(d.high);
      }
    }
    // Thirds of a range keep 12 significant digits, the value the run uses and results.csv prints.
    expect(points.map((p) => p.assignments['households.marginalPropensityToConsume'])).toContain(0.866666666667);
    // Latin hypercube and Sobol samples too, on every kind of distribution.
    for (const design of [{ type: 'latinHypercube', samples: 50 }, { type: 'sobol', samples: 20 }]) {
      const over = {
        design,
        parameters: [
          { path: 'businessStealingShare', distribution: { type: 'uniform', low: 0.1, high: 0.7 } },
          { path: 'households.localSpendingShare', range: { from: 0.2, to: 0.6, step: 0.1 } },
          { path: 'program.mentoring.feeRupiahPerMentorMonth', distribution: { type: 'loguniform', low: 2_000_000, high: 6_000_000 } },
          { path: 'suppliers.importShare', distribution: { type: 'normal', mean: 0.4, sd: 0.05 } },
        ],
      };
      for (const p of designPoints(exp(over), ['m'])) {
        for (const v of Object.values(p.assignments) as number[]) expect(v).toBe(Number(v.toPrecision(12)));
        expect(p.assignments['program.mentoring.feeRupiahPerMentorMonth']).toBeLessThanOrEqual(6_000_000);
      }
    }
  });
});

describe('applying a design point and recording a run', () => {
  const baseInput = JSON.parse(readFileSync('scenarios/mentoring-only.json', 'utf8'));

  it('sets dotted paths in a copy (creating intermediate objects), which parseScenario validates', () => {
    const before = JSON.stringify(baseInput);
    const applied = applyAssignments(baseInput, { 'program.mentoring.visitsPerMonth': 4, 'economy.businesses': 60, 'program.targeting.rule': 'womenFirst' });
    expect(JSON.stringify(baseInput)).toBe(before);
    const s = parseScenario(applied, 'point');
    expect(s.program.mentoring.visitsPerMonth).toBe(4);
    expect(s.program.mentoring.enabled).toBe(true);
    expect(s.program.budgetRupiah).toBe(500_000_000);
    expect(s.economy.businesses).toBe(60);
    expect(s.program.targeting.rule).toBe('womenFirst');
    expect(() => parseScenario(applyAssignments(baseInput, { 'program.mentoring.caseload': 0 }), 'bad')).toThrow(ScenarioError);
  });

  it('recordRows: summary metrics once at the horizon, series at the recorded months, in metric order', () => {
    const s = parseScenario(applyAssignments(baseInput, { 'economy.businesses': 60 }), 'small');
    const result = runScenario(s, { seed: 3, months: 10 });
    const e = exp({ metrics: ['program.participants.turnover', 'profit.effect', 'counterfactual.economy.localGdp', 'costPerJob'], record: { every: 4 } });
    expect(recordedMonths(e.record, 10)).toEqual([4, 8, 10]);
    expect(recordedMonths('final', 10)).toEqual([10]);
    expect(recordedMonths('monthly', 3)).toEqual([1, 2, 3]);
    const rows = recordRows(result, e);
    expect(rows.map((r) => [r.month, r.group, r.metric])).toEqual([
      [4, 'program.participants', 'turnover'],
      [8, 'program.participants', 'turnover'],
      [10, 'program.participants', 'turnover'],
      [10, 'summary', 'profit.effect'],
      [4, 'counterfactual.economy', 'localGdp'],
      [8, 'counterfactual.economy', 'localGdp'],
      [10, 'counterfactual.economy', 'localGdp'],
      [10, 'summary', 'costPerJob'],
    ]);
    expect(rows[1].value).toBe(result.series.program.participants.turnover[7]);
    expect(rows[3].value).toBe(result.summary.profit.effect);
    expect(rows[6].value).toBe(result.series.counterfactual.economy.localGdp[9]);
    expect(rows[7].value).toBe(result.summary.costPerJob);
    expect(rows.every((r) => r.value === null || Number.isFinite(r.value))).toBe(true);
  });

  it('a run that records only what the experiment asks for gives the same rows, and skips the rest', () => {
    const s = parseScenario(applyAssignments(baseInput, { 'economy.businesses': 60 }), 'small');
    const e = exp({ metrics: ['program.participants.turnover', 'profit.effect', 'counterfactual.all.turnoverGini', 'localGdpPerRupiah', 'jobs.effect'], record: 'monthly' });
    expect(seriesMetricsFor(e)).toEqual(['participants.turnover', 'all.turnoverGini']);
    expect(seriesMetricsFor(exp({ metrics: ['profit.effect', 'costPerJob'] }))).toEqual([]);
    const full = runScenario(s, { seed: 3, months: 14 });
    const lean = runScenario(s, { seed: 3, months: 14, metrics: seriesMetricsFor(e) });
    expect(recordRows(lean, e)).toEqual(recordRows(full, e));
    // A series nobody asked for is not computed.
    expect(lean.series.program.participants.profitMedian).toBeUndefined();
    expect(full.series.program.participants.profitMedian).toHaveLength(14);
  });
});

describe('summaries of a batch', () => {
  const e = exp({ replicates: 4, metrics: ['profit.effect', 'program.all.turnover'], parameters: [{ path: 'program.mentoring.caseload', values: [10, 20, 10] }] });
  const points = designPoints(e, ['mentoring-only']);
  const value = (p: number, r: number) => (p === 1 ? 100 + 10 * r * r : 5 + r * 3);
  const rows: ResultRow[] = [];
  // Out of order, as workers finish.
  for (const r of [3, 1, 0, 2]) {
    for (const p of [2, 0, 1]) {
      rows.push({ designPoint: p, replicate: r, month: 36, group: 'summary', metric: 'profit.effect', value: p === 2 && r === 3 ? null : value(p, r) });
      rows.push({ designPoint: p, replicate: r, month: 36, group: 'program.all', metric: 'turnover', value: value(p, r) * 2 });
    }
  }

  it('mean, SD and 95% CI per point and quantity, in canonical order', () => {
    const { points: summary } = summariseExperiment(e, points, rows);
    expect(summary.map((s) => [s.design_point, s.metric])).toEqual([
      [0, 'profit.effect'], [0, 'turnover'], [1, 'profit.effect'], [1, 'turnover'], [2, 'profit.effect'], [2, 'turnover'],
    ]);
    const ci = interval([0, 1, 2, 3].map((r) => value(1, r)));
    expect(summary[2]).toMatchObject({ label: points[1].label, n: 4, missing: 0, mean: ci.mean, sd: ci.sd, ci_low: ci.low, ci_high: ci.high });
    expect(summary[4]).toMatchObject({ n: 3, missing: 1 });
  });

  it('paired differences against the baseline: identical points give exactly 0', () => {
    const { differences } = summariseExperiment(e, points, rows);
    // Factorial default baseline: point 0. Point 2 has the same values as point 0 (the same caseload).
    const two = differences.filter((d) => d.design_point === 2);
    expect(two[0]).toMatchObject({ baseline_point: 0, metric: 'profit.effect', n: 3, mean: 0, sd: 0, ci_low: 0, ci_high: 0 });
    expect(two[1]).toMatchObject({ metric: 'turnover', n: 4, mean: 0, sd: 0 });
    const one = differences.find((d) => d.design_point === 1 && d.metric === 'profit.effect')!;
    const ci = interval([0, 1, 2, 3].map((r) => value(1, r) - value(0, r)));
    expect(one).toMatchObject({ n: 4, mean: ci.mean, sd: ci.sd, ci_low: ci.low, ci_high: ci.high });
  });

  it('baselines: a label, a base name (same position on that base), or none for sampled designs', () => {
    expect(baselinePoints({ ...e, baseline: points[1].label }, points)).toEqual([1, 1, 1]);
    const two = exp({ base: ['a/m.json', 'b/f.json'], parameters: [{ path: 'program.mentoring.caseload', values: [10, 20] }], baseline: 'f' });
    const pts: DesignPoint[] = designPoints(two, ['m', 'f']);
    expect(baselinePoints(two, pts)).toEqual([2, 3, 2, 3]);
    const lhs: Experiment = exp({ design: { type: 'latinHypercube', samples: 3 }, parameters: [{ path: 'businessStealingShare', range: { from: 0, to: 1, step: 0.1 } }] });
    expect(baselinePoints(lhs, designPoints(lhs, ['m']))).toEqual([null, null, null]);
  });
});

describe('experiment schema limits', () => {
  it('names a range step that gives too many values', () => {
    expect(problemsOf({ ...minimal, parameters: [{ path: 'businessStealingShare', range: { from: 0, to: 1, step: 1e-9 } }] })[0].path).toBe('parameters[0].range.step');
    // 0..1 by 0.00001 is 100,001 values with the inclusive end: counted as the design counts them (it passed
    // a (to − from) / step check, then failed in planning with exit 1; found by the fuzzer).
    expect(problemsOf({ ...minimal, parameters: [{ path: 'businessStealingShare', range: { from: 0, to: 1, step: 0.00001 } }] })[0]).toMatchObject({ path: 'parameters[0].range.step', value: 0.00001 });
    expect(() => parseExperiment({ ...minimal, parameters: [{ path: 'businessStealingShare', range: { from: 0, to: 0.99999, step: 0.00001 } }] }, 'x.json')).not.toThrow();
  });
});

describe('runs per experiment are capped, as design points are (issue 13)', () => {
  it('a Latin hypercube of 100,000 samples × 10,000 replicates is refused before anything runs, naming replicates', () => {
    const input = {
      name: 'huge', base: ['full-cycle.json'], design: { type: 'latinHypercube', samples: 100_000 }, replicates: 10_000,
      parameters: [{ path: 'program.mentoring.visitsPerMonth', range: { from: 0, to: 8, step: 1 } }],
    };
    let message = '';
    try {
      parseExperiment(input, 'x.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('replicates: found 10000; expected at most 1,000,000 runs in one experiment');
    expect(message).toContain('100,000 points × 10000 = 1,000,000,000 runs');
    expect(() => parseExperiment({ ...input, replicates: 10 }, 'x.json')).not.toThrow();
  });

  it('design points are capped at 100,000, named by what makes them (ten bases × 100,000 samples once died planning)', () => {
    const parameters = [{ path: 'program.mentoring.visitsPerMonth', range: { from: 0, to: 8, step: 1 } }, { path: 'businessStealingShare', range: { from: 0, to: 1, step: 0.5 } }];
    const bases = Array.from({ length: 10 }, (_, i) => `base-${i}.json`);
    const cases: [unknown, string, RegExp][] = [
      [{ name: 'lhs', base: bases, design: { type: 'latinHypercube', samples: 100_000 }, parameters }, 'design.samples', /this one has 1,000,000/],
      [{ name: 'sobol', base: ['a.json'], design: { type: 'sobol', samples: 30_000 }, parameters }, 'design.samples', /this one has 120,000/],
      [{ name: 'morris', base: bases.slice(0, 4), design: { type: 'morris', trajectories: 10_000, levels: 4 }, parameters }, 'design.trajectories', /this one has 120,000/],
    ];
    for (const [input, path, count] of cases) {
      let problem: { path: string; expected: string } | undefined;
      try {
        parseExperiment(input, 'x.json');
      } catch (e) {
        problem = (e as { problems: { path: string; expected: string }[] }).problems[0];
      }
      expect(problem?.path, path).toBe(path);
      expect(problem?.expected).toMatch(/at most 100,000 design points in one experiment/);
      expect(problem?.expected).toMatch(count);
    }
    // At the cap it is accepted.
    expect(() => parseExperiment({ name: 'lhs', base: ['a.json'], design: { type: 'latinHypercube', samples: 100_000 }, parameters }, 'x.json')).not.toThrow();
  });
});
