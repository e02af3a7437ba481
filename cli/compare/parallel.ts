// compare on worker threads (piscina): the runs of compareRuns cut into chunks (the batch's guided
// self-scheduling, cli/batch/pool.ts chunkRuns) and simulated by cli/compare/worker.ts, which runs the very
// function the main thread runs (runDesign); the values go back in run order to the same assembly, so the
// result is the sequential one, byte for byte. Fewer runs than MIN_RUNS_PER_THREAD per thread use fewer
// threads, and one thread is the sequential path itself.
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { chunkRuns, threadsForRuns } from '../batch/pool.js';
import { compiledWorkerFile } from '../workerFile.js';
import { assembleComparison, compareDesigns, compareRuns, type CompareOptions, type CompareResult, type Design } from './compareDesigns.js';
import type { CompareTask, RunValues } from './runDesign.js';

export async function compareDesignsInWorkers(designs: readonly Design[], options: CompareOptions, threads: number): Promise<CompareResult> {
  const runs = compareRuns(designs, options);
  const use = threadsForRuns(runs.length, threads);
  if (use <= 1) return compareDesigns(designs, options);
  const pool = new Piscina({ filename: pathToFileURL(compiledWorkerFile('compare', import.meta.url)).href, minThreads: use, maxThreads: use, concurrentTasksPerWorker: 1, idleTimeout: 1000 });
  try {
    const values = new Array<RunValues>(runs.length);
    const chunks = chunkRuns(runs.map((run, i) => ({ run, i })), use);
    await Promise.all(
      chunks.map(async (chunk) => {
        const used = [...new Set(chunk.map(({ run }) => run.design))];
        const task: CompareTask = {
          runs: chunk.map(({ run }) => run),
          scenarios: Object.fromEntries(used.map((d) => [d, designs[d].scenario])),
          explicit: Object.fromEntries(used.map((d) => [d, [...(designs[d].explicit ?? [])]])),
          months: options.months,
        };
        const out = (await pool.run(task)) as RunValues[];
        chunk.forEach(({ run, i }, k) => {
          values[i] = out[k];
          options.onProgress?.(run.design, run.seed - options.seed, run.draw || undefined);
        });
      }),
    );
    return assembleComparison(designs, options, values);
  } finally {
    await pool.destroy();
  }
}
