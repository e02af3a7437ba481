// Batch throughput: runs per second of `pendamping batch` with 1 and 2 worker threads on the same
// experiment — 200 short runs (a 100-business, 12-month full-cycle economy with its counterfactual;
// 4 design points × 50 replicates) — median of 3 each, and the speedup of 2 workers over 1. Timed end to
// end, as a user waits for it: validation, thread start-up (each thread loads the simulation, ~0.4 s),
// every run written to disk, results.csv and summary.csv assembled.
// A second, 4× longer batch of the same design gives the steady-state (marginal) throughput:
// (extra runs) / (extra seconds), which leaves out the fixed start-up and JIT warm-up of each thread.
// Prints a table and writes bench/results/batch-<timestamp>.json and bench/results/batch-latest.json.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchCommand } from '../cli/commands/batch.js';
import { root, saveResults, benchExperiments, POINTS } from './shared.js';

const businesses = Number(process.env.BENCH_BUSINESSES ?? 500);
const months = Number(process.env.BENCH_MONTHS ?? 24);
const replicates = Number(process.env.BENCH_REPLICATES ?? 20);
const longFactor = Number(process.env.BENCH_LONG_FACTOR ?? 3);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'pendamping-bench-batch-'));
const experiment = benchExperiments(dir, businesses, months);
const batches = { short: experiment('short', replicates), long: experiment('long', replicates * longFactor) };

interface Sample {
  batch: 'short' | 'long';
  workers: number;
  runs: number;
  seconds: number;
}
const samples: Sample[] = [];
const csvs = new Map<string, string>();
for (let r = 0; r < repeats; r++) {
  for (const batch of ['short', 'long'] as const) {
    for (const workers of workerCounts) {
      const out = join(dir, `out-${batch}-${workers}-${r}`);
      const start = performance.now();
      const outcome = await batchCommand(batches[batch], { workers, out });
      const seconds = (performance.now() - start) / 1000;
      if (outcome.failures.length > 0) throw new Error(`${outcome.failures.length} runs failed`);
      samples.push({ batch, workers, runs: outcome.runs, seconds });
      // The worker count must not change a byte.
      const csv = readFileSync(join(out, 'results.csv'), 'utf8');
      if (csvs.has(batch) && csvs.get(batch) !== csv) throw new Error(`results.csv of the ${batch} batch differs between runs of the bench`);
      csvs.set(batch, csv);
      rmSync(out, { recursive: true, force: true });
    }
  }
}
rmSync(dir, { recursive: true, force: true });

const rows = workerCounts.map((workers) => {
  const pick = (batch: 'short' | 'long') => samples.filter((s) => s.workers === workers && s.batch === batch);
  const short = pick('short');
  const long = pick('long');
  const seconds = median(short.map((s) => s.seconds));
  const longSeconds = median(long.map((s) => s.seconds));
  const runs = short[0].runs;
  const extraRuns = long[0].runs - runs;
  return {
    workers,
    runs,
    medianSeconds: seconds,
    runsPerSecond: runs / seconds,
    seconds: short.map((s) => s.seconds),
    longRuns: long[0].runs,
    longMedianSeconds: longSeconds,
    longSeconds: long.map((s) => s.seconds),
    steadyRunsPerSecond: extraRuns / (longSeconds - seconds),
  };
});
const one = rows.find((x) => x.workers === 1);
const table = rows.map((x) => ({
  ...x,
  speedup: one ? x.runsPerSecond / one.runsPerSecond : null,
  steadySpeedup: one ? x.steadyRunsPerSecond / one.steadyRunsPerSecond : null,
}));

const sp = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)}×`);
console.log(`Pendamping batch bench — ${businesses} businesses, ${months} months (program + counterfactual per run), median of ${repeats}, ${availableParallelism()} CPUs, ${cpus()[0]?.model ?? 'cpu'}`);
console.log(`workers   ${table[0].runs} runs: seconds   runs/s   speedup   steady state (${table[0].longRuns} − ${table[0].runs} runs): runs/s   speedup`);
for (const x of table) {
  console.log(
    `${String(x.workers).padStart(7)}   ${x.medianSeconds.toFixed(3).padStart(16)}   ${x.runsPerSecond.toFixed(1).padStart(6)}   ${sp(x.speedup).padStart(7)}   ${x.steadyRunsPerSecond.toFixed(1).padStart(40)}   ${sp(x.steadySpeedup).padStart(7)}`,
  );
}
const out = {
  bench: 'batch',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cpus: availableParallelism(),
  experiment: { businesses, months, designPoints: POINTS.length, replicates, longReplicates: replicates * longFactor },
  repeats,
  rows: table,
};
saveResults('batch', out);
