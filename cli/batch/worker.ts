// The batch's worker thread (compiled to dist/cli/batch/worker.js; piscina loads it once per thread and
// keeps the thread alive). A task is a chunk of runs: each is simulated with `runScenario`, recorded with
// the experiment's `recordRows`, and written to OUT/runs/<runId>.csv the moment it finishes — or, if the
// simulation throws, to OUT/runs/<runId>.error.json with the message; a failing run never fails the task.
// Only a problem writing files rejects the task (and stops the batch: `--resume` carries on later).
// A cluster worker's tasks have no OUT: the same outcomes are returned instead, for the coordinator to
// write with the same code (files.ts `writeRunOutcome`), so the bytes cannot differ.
import { workerData } from 'node:worker_threads';
import { recordRows, seriesMetricsFor } from '../../sim/experiment/record.js';
import { loadExpressionCompiler } from '../../sim/program/expressionCompiler.js';
import { runScenario } from '../../sim/run/runScenario.js';
import { drawAssumptions } from '../../sim/uncertainty/parameters.js';
import { writeRunOutcome } from './files.js';
import { runLines } from './rows.js';
import type { BatchTask, BatchWorkerData, RunOutcome, TaskResult, TaskRun } from './types.js';

/** [runs completed, runs failed], read by the main thread for the progress display. */
const counters = new Int32Array((workerData as BatchWorkerData).counters);

/** One run of a task: its lines of results.csv, or the error the simulation threw. */
export function simulateRun(task: BatchTask, run: TaskRun): RunOutcome {
  try {
    // With uncertainty, the run's own draw of the assumptions (its seed: the same draw at every point).
    const base = task.scenarios[run.point];
    const scenario = task.uncertainty ? drawAssumptions(base, new Set(task.uncertainty[run.point]), run.seed).scenario : base;
    const sim = runScenario(scenario, { seed: run.seed, months: task.months, metrics: seriesMetricsFor(task.experiment) });
    return { runId: run.runId, text: runLines(run, recordRows(sim, task.experiment), task.suffixes[run.point]) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { runId: run.runId, error: { runId: run.runId, designPoint: run.point, replicate: run.replicate, seed: run.seed, message } };
  }
}

export default async function runChunk(task: BatchTask): Promise<TaskResult> {
  // mathjs is loaded in a thread only when one of its scenarios targets by expression.
  if (Object.values(task.scenarios).some((s) => s.program.targeting.rule === 'expression')) await loadExpressionCompiler();
  const result: TaskResult = { completed: [], failed: [] };
  if (task.runsDir === undefined) result.outcomes = [];
  for (const run of task.runs) {
    const outcome = simulateRun(task, run);
    if (task.runsDir !== undefined) writeRunOutcome(task.runsDir, outcome);
    else result.outcomes!.push(outcome);
    if ('error' in outcome) {
      result.failed.push(run.runId);
      Atomics.add(counters, 1, 1);
    } else {
      result.completed.push(run.runId);
    }
    Atomics.add(counters, 0, 1);
  }
  return result;
}
