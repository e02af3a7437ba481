// The worker-thread pool (piscina): up to N threads kept alive for the whole batch; the runs still to do
// are cut into chunks (one task each) so that per-task overhead is negligible and the threads finish
// together. The pool is started before the batch is validated, so its first thread loads the simulation
// (about 60 ms; mathjs only for a targeting expression) while the main thread checks the experiment.
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Experiment, Scenario } from '../../sim/index.js';
import { compiledWorkerFile } from '../workerFile.js';
import type { BatchTask, BatchWorkerData, TaskResult, TaskRun } from './types.js';

/** Largest chunk: a task of this many runs is long enough that piscina's ~0.1 ms per task vanishes. */
export const MAX_CHUNK = 32;

/**
 * Guided self-scheduling: each chunk is the remaining runs / (workers × 8), at least 1 and at most
 * MAX_CHUNK. Chunks shrink as the batch nears its end, so no thread idles long waiting for a big last
 * chunk on another. Chunking never changes what a run computes, only which thread computes it.
 */
export function chunkRuns<T>(runs: readonly T[], workers: number): T[][] {
  const chunks: T[][] = [];
  let i = 0;
  while (i < runs.length) {
    const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil((runs.length - i) / (workers * 8))));
    chunks.push(runs.slice(i, i + size));
    i += size;
  }
  return chunks;
}

export interface RunOptions {
  experiment: Pick<Experiment, 'metrics' | 'record' | 'uncertainty'>;
  runsDir: string;
  /** Design point index → validated scenario. */
  scenarios: readonly Scenario[];
  /** Design point index → CSV suffix (parameters and base). */
  suffixes: readonly string[];
  months: number | undefined;
  /** Design point index → the fields its draws leave alone (BatchPlan.explicit); used with experiment.uncertainty. */
  explicit?: readonly string[][];
  /** Called every `intervalMs` and at the end with the runs completed and failed so far by this call. */
  onProgress?: (completed: number, failed: number) => void;
  intervalMs?: number;
}

export interface BatchPool {
  readonly threads: number;
  /** Run every run in `runs` (each run's file is written by a worker as it finishes). */
  run(runs: readonly TaskRun[], options: RunOptions): Promise<void>;
  /** Run one task (a chunk) on a free thread; without `runsDir` its outcomes come back in the result. */
  runTask(task: BatchTask): Promise<TaskResult>;
  close(): Promise<void>;
}

export type TaskContext = Pick<RunOptions, 'experiment' | 'scenarios' | 'suffixes' | 'months' | 'explicit'> & { runsDir?: string };

/** The task for one chunk: its runs with the scenario and CSV suffix of just the design points they use. */
export function taskFor(chunk: TaskRun[], context: TaskContext): BatchTask {
  const points = [...new Set(chunk.map((r) => r.point))];
  const task: BatchTask = {
    runs: chunk,
    scenarios: Object.fromEntries(points.map((p) => [p, context.scenarios[p]])),
    suffixes: Object.fromEntries(points.map((p) => [p, context.suffixes[p]])),
    months: context.months,
    experiment: { metrics: context.experiment.metrics, record: context.experiment.record },
  };
  if (context.experiment.uncertainty) {
    if (!context.explicit) throw new Error('a batch with uncertainty needs each design point\'s explicit fields');
    task.uncertainty = Object.fromEntries(points.map((p) => [p, [...context.explicit![p]]]));
  }
  if (context.runsDir !== undefined) task.runsDir = context.runsDir;
  return task;
}

/**
 * Runs a thread must have before a batch uses another one. A thread's first runs are cold (V8 compiles the
 * month as it goes): measured on 2 cores, a second thread made an 8-run batch slower end to end (1.39 s
 * against 1.08 s with one, median of 3) and a 60-run batch faster (3.3 s against 3.8 s). With fewer than
 * this many runs per thread, fewer threads are used. Only one thread starts with the pool; piscina starts
 * the others when a batch gives them work, so a small batch never pays for a thread it does not use (a
 * thread loads in about 60 ms since the run path stopped loading the schema validator). Which thread runs
 * a run never changes its result.
 */
export const MIN_RUNS_PER_THREAD = 16;

/** The threads worth using for `runs` runs with up to `threads` available. */
export const threadsForRuns = (runs: number, threads: number): number => Math.max(1, Math.min(threads, Math.floor(runs / MIN_RUNS_PER_THREAD)));

/** A pool of up to `threads` worker threads: one starts loading the simulation at once, the others when work comes for them. */
export function startPool(threads: number): BatchPool {
  const counters = new SharedArrayBuffer(8);
  const view = new Int32Array(counters);
  const workerData: BatchWorkerData = { counters };
  const pool = new Piscina({
    filename: pathToFileURL(compiledWorkerFile('batch', import.meta.url)).href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 1,
    workerData,
  });
  return {
    threads,
    async run(runs, options) {
      if (runs.length === 0) return;
      Atomics.store(view, 0, 0);
      Atomics.store(view, 1, 0);
      const report = () => options.onProgress?.(Atomics.load(view, 0), Atomics.load(view, 1));
      const timer = options.onProgress ? setInterval(report, options.intervalMs ?? 200) : undefined;
      try {
        const use = threadsForRuns(runs.length, threads);
        const chunks = chunkRuns(runs, use);
        // Wait for every task even when one rejects, so no thread is still writing when we return. On one
        // thread the chunks go one after another, so the pool never starts a second thread for a queue.
        const settled: PromiseSettledResult<TaskResult>[] = [];
        if (use === 1) {
          for (const chunk of chunks) {
            const [one] = await Promise.allSettled([pool.run(taskFor(chunk, options)) as Promise<TaskResult>]);
            settled.push(one);
            if (one.status === 'rejected') break;
          }
        } else {
          settled.push(...(await Promise.allSettled(chunks.map((chunk) => pool.run(taskFor(chunk, options)) as Promise<TaskResult>))));
        }
        const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
        if (rejected) throw new Error(`a batch worker failed: ${(rejected.reason as Error)?.message ?? String(rejected.reason)}`, { cause: rejected.reason });
      } finally {
        if (timer) clearInterval(timer);
        report();
      }
    },
    runTask: (task) => pool.run(task) as Promise<TaskResult>,
    close: () => pool.destroy(),
  };
}
