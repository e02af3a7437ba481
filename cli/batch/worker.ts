// The batch's worker thread (compiled to dist/cli/batch/worker.js; piscina loads it once per thread and
// keeps the thread alive). A task is a chunk of runs: each is simulated with `runScenario`, recorded with
// the experiment's `recordRun`, and written to OUT/runs/<runId>.csv the moment it finishes — or, if the
// simulation throws, to OUT/runs/<runId>.error.json with the message; a failing run never fails the task.
// Only a problem writing files rejects the task (and stops the batch: `--resume` carries on later).
import { workerData } from 'node:worker_threads';
import { recordRun, runScenario } from '../../sim/index.js';
import { errorFile, runFile, writeFileAtomicSync } from './files.js';
import { runLines } from './rows.js';
import type { BatchTask, BatchWorkerData, RunError, TaskResult } from './types.js';

/** [runs completed, runs failed], read by the main thread for the progress display. */
const counters = new Int32Array((workerData as BatchWorkerData).counters);

export default function runChunk(task: BatchTask): TaskResult {
  const result: TaskResult = { completed: [], failed: [] };
  for (const run of task.runs) {
    let text: string;
    try {
      const sim = runScenario(task.scenarios[run.point], { seed: run.seed, months: task.months });
      text = runLines(run, recordRun(sim, task.experiment), task.suffixes[run.point]);
    } catch (err) {
      const failure: RunError = {
        runId: run.runId,
        designPoint: run.point,
        replicate: run.replicate,
        seed: run.seed,
        message: err instanceof Error ? err.message : String(err),
      };
      writeFileAtomicSync(errorFile(task.runsDir, run.runId), JSON.stringify(failure, null, 2) + '\n');
      result.failed.push(run.runId);
      Atomics.add(counters, 1, 1);
      Atomics.add(counters, 0, 1);
      continue;
    }
    writeFileAtomicSync(runFile(task.runsDir, run.runId), text);
    result.completed.push(run.runId);
    Atomics.add(counters, 0, 1);
  }
  return result;
}
