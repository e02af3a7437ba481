// One run of compare: a design's scenario with seed + r (and, for a draw of the assumptions, that seed's
// draw of every uncertain parameter its file does not set), reduced to the numbers compare reads. The main
// thread (compareDesigns) and the worker threads (worker.ts) run this same function.
import { runScenario } from '../../sim/run/runScenario.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { drawAssumptions } from '../../sim/uncertainty/parameters.js';
import { DESIGN_FIGURES, QUANTITIES } from './quantities.js';

/** A run: which design, its seed, whether it draws the assumptions. */
export interface CompareRun {
  design: number;
  seed: number;
  draw: boolean;
}

/** A run's values: DESIGN_FIGURES then QUANTITIES, each in its list's order. */
export interface RunValues {
  figures: number[];
  values: (number | null)[];
}

/** A chunk of runs for a worker thread: the scenarios and own fields of the designs they use. */
export interface CompareTask {
  runs: CompareRun[];
  scenarios: Record<number, Scenario>;
  explicit: Record<number, string[]>;
  months: number | undefined;
}

/** Compare reads only each run's summary, so its runs record only the series the summary needs. */
const SUMMARY_ONLY: readonly string[] = [];

export function runDesign(scenario: Scenario, explicit: ReadonlySet<string>, run: CompareRun, months: number | undefined): RunValues {
  const input = run.draw ? drawAssumptions(scenario, explicit, run.seed).scenario : scenario;
  const result = runScenario(input, { seed: run.seed, months, metrics: SUMMARY_ONLY });
  return { figures: DESIGN_FIGURES.map((f) => f.value(result)), values: QUANTITIES.map((q) => q.value(result)) };
}
