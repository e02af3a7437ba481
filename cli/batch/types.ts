// What the batch's main thread and its worker threads pass each other. Everything here crosses a
// thread boundary by structured clone, so it is plain data: no functions, no class instances.
import type { Experiment, Scenario } from '../../sim/index.js';

/** Given to every worker once, when the pool starts it (piscina's `workerData`). */
export interface BatchWorkerData {
  /** Int32Array view: [runs completed, runs failed] in the current `run`, for the progress display. */
  counters: SharedArrayBuffer;
}

/** One simulation to do: the columns that identify it in results.csv. */
export interface TaskRun {
  runId: number;
  point: number;
  replicate: number;
  seed: number;
}

/** A task is a chunk of runs, with the validated scenario and CSV suffix of each design point it uses. */
export interface BatchTask {
  runs: TaskRun[];
  /** Design point index → its validated scenario (base + assignments, through parseScenario). */
  scenarios: Record<number, Scenario>;
  /** Design point index → the CSV fields after `value`: the varied parameters' values, then `base`. */
  suffixes: Record<number, string>;
  /** Horizon from the experiment; undefined runs each scenario's own `months`. */
  months: number | undefined;
  /** What `recordRows` needs of the parsed experiment: which metrics, and which months. */
  experiment: Pick<Experiment, 'metrics' | 'record'>;
  /**
   * With the experiment's `uncertainty`: design point index → the fields never drawn there (its base
   * file's and the varied parameters). Each run draws the uncertain assumptions with its own seed.
   */
  uncertainty?: Record<number, string[]>;
  /**
   * OUT/runs: where each run's file is written as soon as it finishes. Absent (a cluster worker, on a
   * machine without OUT): the outcomes are returned in `TaskResult.outcomes` instead.
   */
  runsDir?: string;
}

/** What one run gave: its lines of results.csv, or the error it threw. */
export type RunOutcome = { runId: number; text: string } | { runId: number; error: RunError };

export interface TaskResult {
  completed: number[];
  failed: number[];
  /** Every run's outcome, in the task's order; only when the task has no `runsDir`. */
  outcomes?: RunOutcome[];
}

/** OUT/runs/<runId>.error.json: a run that threw. */
export interface RunError {
  runId: number;
  designPoint: number;
  replicate: number;
  seed: number;
  message: string;
}
