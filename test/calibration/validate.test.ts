// Calibration guard: the defaults must keep every modelled target of docs/calibration-targets.md within reach. With
// few replicates the mean is noisy, so a target fails here only when its whole 95% interval misses the
// range — a change that pushes an effect clearly out of its published range breaks this test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TARGETS, calibrationScenarioNames, parseScenario, score, validate, validateOverAssumptions, type Scenario, type TargetResult } from '../../sim/index.js';
import { UNCERTAIN_PARAMETERS } from '../../sim/uncertainty/parameters.js';
import { scenarioPath } from '../../cli/commands/validate.js';
// The L2 calibration scenarios enrol businesses by a targeting expression: load its compiler (mathjs).
import '../../sim/program/expression.js';

const load = (name: string): Scenario => parseScenario(JSON.parse(readFileSync(scenarioPath('scenarios', name), 'utf8')), name);

describe('calibration targets', () => {
  it('cover every row of docs/calibration-targets.md', () => {
    const rows = new Set(TARGETS.map((t) => t.id.replace(/[a-z]$/, '')));
    for (const id of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'L1', 'L2', 'L3', 'L4', 'I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'R1', 'S1', 'S2', 'S3']) expect(rows.has(id)).toBe(true);
    expect(TARGETS.filter((t) => t.notModelled).map((t) => t.id)).toEqual(['I5']);
    expect(TARGETS.filter((t) => t.knownGap).map((t) => t.id)).toEqual(['R1a']);
  });

  it('score passes on the mean, reports not-modelled targets as null, and fails a target with no value', () => {
    const t = TARGETS.find((x) => x.id === 'C1a')!;
    expect(score(t, [4, 6, 8]).pass).toBe(true);
    expect(score(t, [20, 22, 24]).pass).toBe(false);
    expect(score(t, []).pass).toBe(false);
    expect(score(TARGETS.find((x) => x.id === 'I5')!, [1]).pass).toBeNull();
  });

  it('every modelled target stays within its 95% interval of the published range (3 replicates)', () => {
    const names = calibrationScenarioNames();
    const scenarios = Object.fromEntries(names.map((n) => [n, load(n)]));
    const results = validate(scenarios, { replicates: 3, seed: 101 });
    const missed = results.filter((r: TargetResult) => {
      if (r.pass === null || r.knownGap) return false;
      if (r.value === null || r.ci === null) return true;
      return r.ci[1] < r.target.low || r.ci[0] > r.target.high;
    });
    expect(missed.map((r) => `${r.id} ${r.value} [${r.ci}] not in [${r.target.low}, ${r.target.high}]`)).toEqual([]);
    // The ledger balances exactly in every calibration run.
    expect(results.find((r) => r.id === 'L4')!.value).toBe(0);
    // A known gap is still missed, clearly: when a change closes it, this fails and the mark must go
    // (sim/calibration/targets.ts), so the report never calls a passing target a gap.
    for (const r of results.filter((x) => x.knownGap)) {
      expect(r.ci, r.id).not.toBeNull();
      expect(r.ci![1] < r.target.low || r.ci![0] > r.target.high, `${r.id} ${r.value} [${r.ci}] reaches [${r.target.low}, ${r.target.high}]`).toBe(true);
    }
  });

  describe('over the uncertain assumptions (validate --uncertainty)', () => {
    // The cheap targets: those read from the baseline economy alone.
    const targets = TARGETS.filter((t) => t.scenarios.length === 1 && t.scenarios[0] === 'baseline');
    const scenarios = { baseline: load('baseline') };

    it('with every range shrunk to its default, each draw gives validate\'s mean over the same replicates', () => {
      const atDefaults = UNCERTAIN_PARAMETERS.map((p) => {
        const keys = p.path.split('.');
        let v: unknown = scenarios.baseline;
        for (const k of keys) v = (v as Record<string, unknown>)[k];
        return { ...p, low: v as number, high: v as number };
      });
      const plain = validate(scenarios, { replicates: 2, seed: 7, targets });
      const drawn = validateOverAssumptions(scenarios, { draws: 2, replicates: 2, seed: 7, targets, registry: atDefaults });
      for (const r of drawn.results) {
        const p = plain.find((x) => x.id === r.id)!;
        expect(r.draws, r.id).toBe(2);
        expect(r.lowest, r.id).toBe(p.value);
        expect(r.highest, r.id).toBe(p.value);
        expect(r.share, r.id).toBe(p.pass ? 1 : 0);
        expect(r.drawMeans, r.id).toEqual([p.value, p.value]);
      }
    });

    it('draws are reproducible from the seed, the same in every scenario, and a file\'s own field is never drawn', () => {
      const a = validateOverAssumptions(scenarios, { draws: 3, replicates: 2, seed: 11, targets });
      const b = validateOverAssumptions(scenarios, { draws: 3, replicates: 2, seed: 11, targets });
      expect(a).toEqual(b);
      expect(a.draws.map((d) => d.seed)).toEqual([11, 12, 13]);
      for (const d of a.draws) {
        expect(d.values.businessStealingShare).toBeGreaterThanOrEqual(0.5);
        expect(d.values.businessStealingShare).toBeLessThanOrEqual(0.9);
      }
      expect(new Set(a.draws.map((d) => d.values.businessStealingShare)).size).toBe(3);
      const fixed = validateOverAssumptions(scenarios, { draws: 2, replicates: 2, seed: 11, targets, explicit: () => new Set(['businessStealingShare']) });
      for (const d of fixed.draws) expect(d.values).not.toHaveProperty('businessStealingShare');
      // The share is the draws in range over the draws: a range no draw reaches gives 0.
      const impossible = targets.map((t) => ({ ...t, low: 1e15, high: 2e15 }));
      const none = validateOverAssumptions(scenarios, { draws: 2, replicates: 2, seed: 11, targets: impossible });
      expect(none.results.every((r) => r.share === 0 && r.inRange === 0)).toBe(true);
    });
  });
});
