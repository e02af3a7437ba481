// Which uncertain assumption matters (issue 17 item 3): the experiment that ranks the uncertain assumptions
// for one design — Morris elementary effects (10 trajectories, 4 levels, 2 replicates) or Sobol indices (128
// samples, 2 replicates) over each assumption's documented range, the fields the design sets itself
// excepted — and its ranking from each run's summary. `sensitivity --assumptions` writes the experiment to a
// file and runs it as a batch; the web app's tornado chart runs the same points in its workers and ranks them
// with the same functions, so both give the same numbers for the same design.
import { designPoints, runSpecs } from '../experiment/design.js';
import { parseExperiment, type Experiment } from '../experiment/schema.js';
import { isSummaryMetric, summaryValue } from '../experiment/record.js';
import { pointMeans, summariseExperiment, type ResultRow } from '../experiment/summarise.js';
import { sensitivityIndices, type SensitivityIndexRow } from '../sensitivity/analyse.js';
import type { DesignPoint, RunSpec } from '../experiment/types.js';
import type { Summary } from '../run/summary.js';
import { UNCERTAIN_PARAMETERS } from './parameters.js';

/** The output an assumptions ranking explains unless told otherwise. */
export const DEFAULT_ASSUMPTIONS_OUTPUT = 'localGdpGained';
/** What an assumptions experiment records (any of them can be the output explained). */
export const ASSUMPTIONS_METRICS = ['localGdpGained', 'localGdpPerRupiah', 'jobs.effect', 'profit.effect', 'turnover.effect', 'costPerJob'];

/**
 * The experiment (as written in a file) ranking the uncertain assumptions the design does not set itself
 * (`explicit`: its fields) for `output`. `base` is the design's file, as the experiment names it. Throws when
 * the design sets every assumption itself.
 */
export function assumptionsExperimentInput(options: {
  name: string;
  base: string;
  explicit: ReadonlySet<string>;
  method: 'morris' | 'sobol';
  output: string;
  /** How an error names the design (default: `base`). */
  shown?: string;
}): Record<string, unknown> {
  const { name, base, explicit, method, output } = options;
  const parameters = UNCERTAIN_PARAMETERS.filter((p) => !explicit.has(p.path));
  if (parameters.length === 0) throw new Error(`${options.shown ?? base} sets every uncertain assumption itself (${UNCERTAIN_PARAMETERS.map((p) => p.path).join(', ')}): nothing to rank`);
  const metrics = ASSUMPTIONS_METRICS.includes(output) ? ASSUMPTIONS_METRICS : [output, ...ASSUMPTIONS_METRICS];
  return {
    name: `${name}-assumptions`,
    description: `Which uncertain assumption matters for ${name}: ${method === 'morris' ? 'Morris elementary effects' : 'Sobol indices'} of ${parameters.map((p) => p.path).join(', ')} over their documented ranges (docs/uncertainty.md). Written by pendamping sensitivity --assumptions.`,
    base,
    parameters: parameters.map((p) => ({ path: p.path, distribution: { type: 'uniform', low: p.low, high: p.high } })),
    design: method === 'morris' ? { type: 'morris', trajectories: 10, levels: 4 } : { type: 'sobol', samples: 128 },
    replicates: 2,
    metrics,
    record: 'final',
    seed: 1,
  };
}

/** An assumptions experiment ready to run: its design points (one base, named `baseName`) and every run. */
export interface AssumptionsPlan {
  experiment: Experiment;
  points: DesignPoint[];
  runs: RunSpec[];
}

/** The plan of `assumptionsExperimentInput`'s experiment, its base named `baseName` (the design file's name without `.json`). */
export function assumptionsPlan(input: Record<string, unknown>, baseName: string): AssumptionsPlan {
  const experiment = parseExperiment(input, `${baseName}-assumptions`);
  const points = designPoints(experiment, [baseName]);
  return { experiment, points, runs: runSpecs(experiment, points) };
}

/**
 * The ranking of the assumptions for a summary output, from each run's summary (`summaries[runId]`, in
 * runSpecs order): the rows `sensitivity` prints, computed by the same functions from the same values.
 */
export function rankAssumptions(plan: AssumptionsPlan, summaries: readonly Summary[], output: string, months: number, resamples?: number): SensitivityIndexRow[] {
  if (!isSummaryMetric(output)) throw new Error(`${output} is not a summary metric`);
  const rows: ResultRow[] = plan.runs.map((run) => ({
    designPoint: run.point.index,
    replicate: run.replicate,
    month: months,
    group: 'summary',
    metric: output,
    value: summaryValue(summaries[run.runId], output),
  }));
  const summary = summariseExperiment(plan.experiment, plan.points, rows);
  return sensitivityIndices(plan.experiment, plan.points, pointMeans(summary.points, plan.points, output), { resamples });
}
