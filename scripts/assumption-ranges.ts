// The range over which every calibration target still passes, for the parameters docs/calibration.md
// marks as assumptions and the uncertainty registry (sim/uncertainty/parameters.ts) does not list yet:
// each is set to a few multiples of its default in every calibration scenario (nothing else changed) and
// validate scores the targets over the same replicates. Prints, per parameter and value, the targets
// that clearly fail (95% interval missing the range) and those whose mean alone is outside.
// `npx tsx scripts/assumption-ranges.ts [replicates] [factors]`, e.g. `10 0.5,1,1.5`.
import { TARGETS, calibrationScenarioNames } from '../sim/calibration/targets.js';
import { validate } from '../sim/calibration/validate.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { scenarioPath } from '../cli/commands/validate.js';
import { loadScenarioFiles } from '../cli/loadScenario.js';

const replicates = Number(process.argv[2] ?? 10);
const factors = (process.argv[3] ?? '0.5,1,1.5').split(',').map(Number);
const CANDIDATES = ['learning.trainingHoursHalfEffect', 'performance.bookkeepingMarkupGain', 'performance.outsideMarketingGain', 'performance.marketExpansionPerMonth'];

const names = calibrationScenarioNames(TARGETS);
const loaded = await loadScenarioFiles(names.map((n) => scenarioPath('scenarios', n)));
const get = (s: Scenario, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s) as number;
const withValue = (s: Scenario, path: string, value: number): Scenario => {
  const copy = JSON.parse(JSON.stringify(s)) as Scenario;
  const keys = path.split('.');
  let o = copy as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
  return copy;
};
console.log(`calibration targets failed (mean over ${replicates} replicates, seeds 1..${replicates}) with each assumption at a multiple of its default`);
for (const path of CANDIDATES) {
  const base = get(loaded[0], path);
  for (const f of factors) {
    const value = base * f;
    const scenarios = Object.fromEntries(names.map((n, i) => [n, withValue(loaded[i], path, value)]));
    const results = validate(scenarios, { replicates, seed: 1 });
    // A mean outside the range with an interval that still reaches it is luck at this many replicates; an
    // interval that misses the range is a clear failure.
    const missed = results.filter((r) => r.pass === false && r.ci !== null && (r.ci[1] < r.target.low || r.ci[0] > r.target.high));
    const near = results.filter((r) => r.pass === false && !missed.includes(r));
    const show = (rs: typeof results) => rs.map((r) => `${r.id} ${r.value?.toFixed(2)} [${r.ci?.map((x) => x.toFixed(2)).join(', ')}]`).join(', ');
    console.log(`${path} = ${Number(value.toPrecision(6))} (× ${f}): ${missed.length === 0 ? 'no target clearly fails' : `clearly fails ${show(missed)}`}${near.length ? `; mean outside, interval reaching: ${show(near)}` : ''}`);
  }
}
