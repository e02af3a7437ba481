// Calibration guard: the defaults must keep every modelled target of docs/calibration-targets.md within reach. With
// few replicates the mean is noisy, so a target fails here only when its whole 95% interval misses the
// range — a change that pushes an effect clearly out of its published range breaks this test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TARGETS, calibrationScenarioNames, parseScenario, score, validate, type Scenario, type TargetResult } from '../../sim/index.js';
import { scenarioPath } from '../../cli/commands/validate.js';

const load = (name: string): Scenario => parseScenario(JSON.parse(readFileSync(scenarioPath('scenarios', name), 'utf8')), name);

describe('calibration targets', () => {
  it('cover every row of docs/calibration-targets.md', () => {
    const rows = new Set(TARGETS.map((t) => t.id.replace(/[a-z]$/, '')));
    for (const id of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'L1', 'L2', 'L3', 'L4', 'I1', 'I2', 'I3', 'I4', 'I5', 'I6']) expect(rows.has(id)).toBe(true);
    expect(TARGETS.filter((t) => t.notModelled).map((t) => t.id)).toEqual(['I5']);
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
      if (r.pass === null) return false;
      if (r.value === null || r.ci === null) return true;
      return r.ci[1] < r.target.low || r.ci[0] > r.target.high;
    });
    expect(missed.map((r) => `${r.id} ${r.value} [${r.ci}] not in [${r.target.low}, ${r.target.high}]`)).toEqual([]);
    // The ledger balances exactly in every calibration run.
    expect(results.find((r) => r.id === 'L4')!.value).toBe(0);
  });
});
