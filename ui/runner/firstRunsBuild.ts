// Builds dist/ui/first-runs.json (ui/runner/firstRuns.ts says why): run by scripts/first-runs.mjs after the
// web app's build, never loaded by the page.
import { parseScenario, runScenario } from '../../sim/index.js';
import { comparisonDesigns } from '../app/comparison-runner.js';
import { defaultState } from '../state/state.js';
import { digest } from './digest.js';
import type { FirstRuns } from './firstRuns.js';
import { CHARTED_SERIES } from './metrics.js';

/** The default state's comparison, run by run, as a page worker makes each run (ui/runner/worker.ts). */
export function computeFirstRuns(): FirstRuns {
  const s = defaultState();
  const metrics = CHARTED_SERIES.map((m) => `${m.group}.${m.metric}`);
  return {
    months: s.months,
    designs: comparisonDesigns(s).map((d) => ({
      scenario: d.scenario,
      runs: Array.from({ length: s.replicates }, (_, r) => {
        const seed = s.seed + r;
        return { seed, digest: digest(runScenario(parseScenario(structuredClone(d.scenario)), { seed, months: s.months, metrics })) };
      }),
    })),
  };
}

