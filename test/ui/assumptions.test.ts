// @vitest-environment happy-dom
// The web app's uncertainty switch (issue 17 item 2 in the web app): replicate r of a design runs with
// seed + r and the CLI's draw r of the uncertain assumptions, a field the design sets itself is never
// drawn (its base file's fields and its changed levers, as `compare --uncertainty` reads a file's), and
// the cards and estimates are `compare --uncertainty`'s numbers over the draws: mean and the range over
// the assumptions. Off, nothing changes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, type Scenario } from '../../sim/index.js';
import { UNCERTAIN_PARAMETERS, drawAssumptions, drawValue, setPaths } from '../../sim/uncertainty/parameters.js';
import { compareDesigns } from '../../cli/compare/compareDesigns.js';
import { explicitFieldsOf, loadScenarioFile } from '../../cli/loadScenario.js';
import { replicateScenario } from '../../ui/runner/assumptions.js';
import { aggregate, type DesignRuns } from '../../ui/runner/aggregate.js';
import { digest } from '../../ui/runner/digest.js';
import { designFields, designScenario } from '../../ui/state/levers.js';
import { SCENARIOS } from '../../ui/state/scenarios.js';
import { decodeState, defaultState, encodeState } from '../../ui/state/state.js';
import { effectsCsv } from '../../ui/charts/csv.js';
import { comparisonDesigns } from '../../ui/app/comparison-runner.js';

const label = (k: string) => k;

describe('the uncertainty switch', () => {
  it('is off by default and kept in the URL like every setting', () => {
    expect(defaultState().uncertainty).toBe(false);
    const on = { ...defaultState(), uncertainty: true };
    expect(decodeState(encodeState(on)).uncertainty).toBe(true);
    expect(decodeState(encodeState(defaultState())).uncertainty).toBe(false);
  });

  it("a design's own fields are its base file's and its changed levers', as compare reads a file's", async () => {
    const file = await loadScenarioFile(join('scenarios', 'full-cycle.json'));
    const cli = explicitFieldsOf(file);
    const ui = new Set(designFields('full-cycle', {}));
    for (const p of cli) expect(ui.has(p), p).toBe(true);
    expect([...ui].filter((p) => !cli.has(p))).toEqual(['region']);
    const changed = designFields('full-cycle', { 'mentoring.visits': 3, 'training.hours': 30 });
    expect(changed).toContain('program.mentoring.visitsPerMonth');
    expect(changed).toContain('program.training.hoursByModule.bookkeeping');
    // A design that sets an uncertain parameter itself (comparisonDesigns passes its fields) keeps it.
    const own = { scenario: { ...designScenario('full-cycle', {}), businessStealingShare: 0.8 }, explicit: ['businessStealingShare'] };
    const drawn = replicateScenario(own, 4, true) as Scenario;
    expect(drawn.businessStealingShare).toBe(0.8);
    expect(drawn.performance.digitalSalesUplift).toBe(drawValue(UNCERTAIN_PARAMETERS[1], 4));
  });

  it("draws replicate r as the CLI draws it: the same values in every design, the file's scenario otherwise unchanged; off, the design as it is", async () => {
    const s = defaultState();
    const designs = comparisonDesigns({ ...s, uncertainty: true });
    for (const seed of [1, 2, 7]) {
      const values = designs.map((d) => {
        const drawn = replicateScenario(d, seed, true) as Scenario;
        return UNCERTAIN_PARAMETERS.map((p) => p.path.split('.').reduce((o: unknown, k) => (o as Record<string, unknown>)[k], drawn));
      });
      for (const v of values) expect(v).toEqual(values[0]);
      expect(values[0]).toEqual(UNCERTAIN_PARAMETERS.map((p) => drawValue(p, seed)));
    }
    expect(replicateScenario(designs[0], 3, false)).toBe(designs[0].scenario);
    const cliFile = await loadScenarioFile(join('scenarios', 'training-only.json'));
    const cliDrawn = drawAssumptions(cliFile, explicitFieldsOf(cliFile), 3).scenario;
    const uiDrawn = parseScenario(replicateScenario({ scenario: designScenario('training-only', {}), explicit: designFields('training-only', {}) }, 3, true));
    expect({ ...uiDrawn, name: '' }).toEqual({ ...cliDrawn, name: '' });
    expect(SCENARIOS['training-only']).toBeDefined();
  });

  it("gives the cards and estimates `compare --uncertainty`'s mean and range over the assumptions, and the effects CSV the CLI's names", async () => {
    const names = ['full-cycle', 'training-only'];
    const files = await Promise.all(names.map((n) => loadScenarioFile(join('scenarios', `${n}.json`))));
    const months = 6;
    const draws = 3;
    const cli = compareDesigns(
      files.map((scenario, i) => ({ name: names[i], file: names[i], scenario, explicit: explicitFieldsOf(scenario) })),
      { replicates: 2, seed: 1, months, uncertainty: draws },
    );
    const runsOf = (name: string, uncertainty: boolean): DesignRuns => ({
      id: name === 'full-cycle' ? 'A' : 'B',
      name,
      scenario: name,
      runs: Array.from({ length: draws }, (_, r) =>
        digest(runScenario(parseScenario(replicateScenario({ scenario: designScenario(name, {}), explicit: designFields(name, {}) }, 1 + r, uncertainty)), { seed: 1 + r, months })),
      ),
    });
    const over = aggregate(names.map((n) => runsOf(n, true)), { diffVsA: false, label, overAssumptions: true });
    over.headline.forEach((card, i) => {
      const q = cli.overAssumptions!.designs[i].quantities;
      for (const [mine, theirs] of [['jobs', 'jobs.effect'], ['localGdpGained', 'localGdpGained'], ['programCost', 'programCost'], ['costPerJob', 'costPerJob'], ['localGdpPerRupiah', 'localGdpPerRupiah']] as const) {
        expect([card[mine].mean, card[mine].low, card[mine].high], `${mine} ${names[i]}`).toEqual([q[theirs].mean, q[theirs].rangeLow, q[theirs].rangeHigh]);
      }
      const estimate = over.estimates.find((e) => e.id === 'localGdpPerRupiah')!.estimates[i];
      expect([estimate.mean, estimate.low, estimate.high]).toEqual([q.localGdpPerRupiah.mean, q.localGdpPerRupiah.rangeLow, q.localGdpPerRupiah.rangeHigh]);
    });
    // The draws move the jobs: the range is not the replicates' interval of the same runs.
    const luck = aggregate(names.map((n) => runsOf(n, false)), { diffVsA: false, label });
    expect(over.headline[0].jobs.mean).not.toBe(luck.headline[0].jobs.mean);
    // The plane's dots and the curve read the same draws as the CLI's cost-effectiveness.
    expect(over.cea.results[0].designs.map((d) => [d.status, d.cost, d.effect])).toEqual(cli.costEffectiveness[0].designs.map((d) => [d.status, d.cost, d.effect]));
    const csv = effectsCsv(over.estimates[0], { comparison: 'overAssumptions', interval: 'overAssumptions' }).split('\n')[0];
    expect(csv).toBe('chart,design,comparison,month,mean,rangeLow,rangeHigh,unit');
    expect(effectsCsv(over.estimates[0]).split('\n')[0]).toBe('chart,design,comparison,month,mean,low,high,unit');
    expect(setPaths({ a: { b: 1 } })).toEqual(new Set(['a.b']));
  }, 60_000);
});
