// Batch speed as a researcher waits for it: whole `pendamping batch` processes (start-up, validation,
// thread start-up, every run written to disk, results.csv and summary.csv assembled), with 1 and 2 worker
// threads, median of 3 each, and the end-to-end speedup of 2 workers over 1 — for a 60-run batch
// (4 design points × 15 replicates of a 500-business, 24-month full-cycle economy with its counterfactual)
// and a 6-run batch (3 points × 2), which 2 workers must never make slower. A 180-run batch of the same
// design gives the steady-state (marginal) throughput: (extra runs) / (extra seconds), which leaves out
// the fixed start-up and each thread's JIT warm-up. Every batch's results.csv must be byte-identical
// across worker counts. The shipped scenarios/experiments/mentoring-intensity.json (60 runs of 36 months), the
// batch issue 14 measured, is timed the same way. From the steady rates the bench also prints the most 2
// workers could gain on the 60-run batch if their start-up cost no more than 1 worker's, and how small
// that start-up would have to be for the target. Each batch process also reports the CPU time it used (all
// its threads: the main thread, the worker threads and V8's own compiler and garbage-collector threads),
// which bounds what more workers can gain: on P CPUs a batch that needs C seconds of CPU cannot end in less
// than C / P, so 2 workers can be at most P × (1 worker's time) / (their CPU) faster, and since they do the
// same runs plus a second thread's start, at most P × (1 worker's time) / (1 worker's CPU). The time of the
// first run's file gives a bound from wall time alone (firstResultBoundOf). Prints a table and
// writes bench/results/batch-<timestamp>.json and bench/results/batch-latest.json. Run it with
// `npm run bench:batch` (it builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadsForRuns } from '../cli/batch/pool.js';
import { POINTS, cliNodeFlags, root, saveResults, benchExperiments } from './shared.js';

const businesses = Number(process.env.BENCH_BUSINESSES ?? 500);
const months = Number(process.env.BENCH_MONTHS ?? 24);
const replicates = Number(process.env.BENCH_REPLICATES ?? 15);
const longFactor = Number(process.env.BENCH_LONG_FACTOR ?? 3);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
/** Targets (issue 14): 2 workers at least 1.7× faster than 1 on the 60-run batch; never slower on 6 runs. */
const TARGET_SPEEDUP = 1.7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = fileURLToPath(new URL('dist/bin/pendamping.js', root));
/** The executable's Node flags (its #! line): each batch process starts as `npx pendamping` would. */
const cliFlags = cliNodeFlags(cli);

const dir = mkdtempSync(join(tmpdir(), 'pendamping-bench-batch-'));
const experiment = benchExperiments(dir, businesses, months);
const EXAMPLE = 'scenarios/experiments/mentoring-intensity.json';
const batches = {
  short: experiment('short', replicates),
  long: experiment('long', replicates * longFactor),
  tiny: experiment('tiny', 2, POINTS.slice(0, 3)),
  example: fileURLToPath(new URL(EXAMPLE, root)),
};
type Batch = keyof typeof batches;

interface Sample {
  batch: Batch;
  workers: number;
  seconds: number;
  /** CPU time of the whole process (user + system, every thread), seconds. */
  cpuSeconds: number;
  /** When the first run's file was written, seconds after the process was started. */
  firstResultSeconds: number;
}
/** Loaded before the CLI (`--import`): the main thread reports the process's CPU time on its way out. */
const CPU_MARK = 'pendamping-bench-cpu ';
const cpuReport = `data:text/javascript,import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.on('exit', () => process.stderr.write('\\n${CPU_MARK}' + JSON.stringify(process.cpuUsage()) + '\\n'));`;
const samples: Sample[] = [];
const csvs = new Map<Batch, string>();
const runsOf = new Map<Batch, number>();
for (let r = 0; r < repeats; r++) {
  for (const batch of ['tiny', 'short', 'long', 'example'] as const) {
    for (const workers of workerCounts) {
      const out = join(dir, `out-${batch}-${workers}-${r}`);
      const start = performance.now();
      const startWall = Date.now();
      const child = spawnSync(process.execPath, [...cliFlags, '--import', cpuReport, cli, 'batch', batches[batch], '--workers', String(workers), '--out', out], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      const seconds = (performance.now() - start) / 1000;
      if (child.status !== 0) throw new Error(`the ${batch} batch with ${workers} workers failed (exit ${child.status}): ${child.stderr}`);
      const mark = child.stderr.lastIndexOf(CPU_MARK);
      if (mark < 0) throw new Error(`the ${batch} batch with ${workers} workers did not report its CPU time`);
      const cpu = JSON.parse(child.stderr.slice(mark + CPU_MARK.length).split('\n')[0]) as { user: number; system: number };
      const runFiles = readdirSync(join(out, 'runs')).map((f) => statSync(join(out, 'runs', f)).mtimeMs);
      const firstResultSeconds = (Math.min(...runFiles) - startWall) / 1000;
      samples.push({ batch, workers, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, firstResultSeconds });
      // The worker count must not change a byte.
      const csv = readFileSync(join(out, 'results.csv'), 'utf8');
      if (csvs.has(batch) && csvs.get(batch) !== csv) throw new Error(`results.csv of the ${batch} batch differs between runs of the bench`);
      csvs.set(batch, csv);
      runsOf.set(batch, new Set(csv.trimEnd().split('\n').slice(1).map((line) => line.slice(0, line.indexOf(',')))).size);
      rmSync(out, { recursive: true, force: true });
    }
  }
}
rmSync(dir, { recursive: true, force: true });

const secondsOf = (batch: Batch, workers: number) => median(samples.filter((s) => s.batch === batch && s.workers === workers).map((s) => s.seconds));
const all = (batch: Batch, workers: number) => samples.filter((s) => s.batch === batch && s.workers === workers).map((s) => s.seconds);
/** The sample whose wall time is the median (so its time, CPU and first result come from one process). */
const medianSample = (batch: Batch, workers: number) => {
  const mine = samples.filter((s) => s.batch === batch && s.workers === workers).sort((a, b) => a.seconds - b.seconds);
  return mine[Math.floor(mine.length / 2)];
};
const runs = runsOf.get('short')!;
const longRuns = runsOf.get('long')!;
const tinyRuns = runsOf.get('tiny')!;
const exampleRuns = runsOf.get('example')!;
const rows = workerCounts.map((workers) => {
  const seconds = secondsOf('short', workers);
  const longSeconds = secondsOf('long', workers);
  const { cpuSeconds, firstResultSeconds } = medianSample('short', workers);
  return {
    workers,
    runs,
    medianSeconds: seconds,
    seconds: all('short', workers),
    cpuSeconds,
    busyCpus: cpuSeconds / seconds,
    firstResultSeconds,
    runsPerSecond: runs / seconds,
    speedup: secondsOf('short', 1) / seconds,
    longRuns,
    longMedianSeconds: longSeconds,
    longSeconds: all('long', workers),
    steadyRunsPerSecond: (longRuns - runs) / (longSeconds - seconds),
    tinyRuns,
    tinyMedianSeconds: secondsOf('tiny', workers),
    tinySeconds: all('tiny', workers),
    exampleRuns,
    exampleMedianSeconds: secondsOf('example', workers),
    exampleSeconds: all('example', workers),
    exampleSpeedup: secondsOf('example', 1) / secondsOf('example', workers),
  };
});
const one = rows.find((x) => x.workers === 1)!;
const table = rows.map((x) => ({ ...x, steadySpeedup: x.steadyRunsPerSecond / one.steadyRunsPerSecond }));

const sp = (x: number) => `${x.toFixed(2)}×`;
const load = loadavg()[0];
console.log(
  `Pendamping batch bench — whole processes, ${businesses} businesses × ${months} months (program + counterfactual per run), median of ${repeats}, ` +
    `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'cpu'}), load ${load.toFixed(2)} at the end`,
);
console.log(`workers   ${runs} runs: s   runs/s   speedup   ${tinyRuns} runs: s   steady (${longRuns} − ${runs} runs): runs/s   speedup`);
for (const x of table) {
  console.log(
    `${String(x.workers).padStart(7)}   ${x.medianSeconds.toFixed(2).padStart(9)}   ${x.runsPerSecond.toFixed(1).padStart(6)}   ${sp(x.speedup).padStart(7)}   ${x.tinyMedianSeconds.toFixed(2).padStart(9)}   ${x.steadyRunsPerSecond.toFixed(1).padStart(33)}   ${sp(x.steadySpeedup).padStart(7)}`,
  );
}
const two = table.find((x) => x.workers === 2);
if (two) {
  console.log(`target: ${runs} runs, 2 workers ≥ ${TARGET_SPEEDUP}× over 1 end to end: ${sp(two.speedup)} ${two.speedup >= TARGET_SPEEDUP ? 'met' : 'NOT met'}`);
  // A batch too short to share runs threads on fewer (cli/batch/pool.ts threadsForRuns): then 2 workers do
  // exactly the work of 1, and the two times differ only by the machine's noise.
  const tinyThreads = threadsForRuns(tinyRuns, 2);
  const tinyVerdict =
    tinyThreads === 1
      ? `met: with 2 workers it runs on 1 thread, as with 1 (${Math.round((two.tinyMedianSeconds - one.tinyMedianSeconds) * 1000)} ms apart: noise)`
      : two.tinyMedianSeconds <= one.tinyMedianSeconds ? 'met' : 'NOT met';
  console.log(`target: ${tinyRuns} runs, 2 workers never slower than 1: ${two.tinyMedianSeconds.toFixed(2)} s against ${one.tinyMedianSeconds.toFixed(2)} s, ${tinyVerdict}`);
  console.log(
    `${EXAMPLE} (${exampleRuns} runs): ${one.exampleMedianSeconds.toFixed(2)} s with 1 worker, ${two.exampleMedianSeconds.toFixed(2)} s with 2 (${sp(two.exampleSpeedup)})`,
  );
  const bound = cpuBoundOf(one, two);
  console.log(
    `CPU for ${runs} runs (every thread of the process): 1 worker ${one.cpuSeconds.toFixed(2)} s in ${one.medianSeconds.toFixed(2)} s (${one.busyCpus.toFixed(2)} CPUs busy), ` +
      `2 workers ${two.cpuSeconds.toFixed(2)} s in ${two.medianSeconds.toFixed(2)} s (${two.busyCpus.toFixed(2)} CPUs busy)`,
  );
  // The second bound assumes 2 workers do 1 worker's work plus a second thread's: only when they use 2 threads.
  const secondBound = threadsForRuns(runs, 2) === 2 ? `, at most ${sp(bound.speedupWithOneWorkersCpu)} even if their second thread cost nothing` : ` (at ${runs} runs they use one thread)`;
  console.log(
    `CPU bound on ${bound.cpus} CPUs: 2 workers at most ${sp(bound.speedupWithTheirCpu)} faster with the CPU they used${secondBound}; ` +
      `${TARGET_SPEEDUP}× needs 1 worker's batch to keep at most ${bound.busyCpusForTarget.toFixed(2)} CPUs busy (it keeps ${one.busyCpus.toFixed(2)})`,
  );
  const first = firstResultBoundOf(one);
  // Like the second CPU bound, it assumes 2 workers use 2 threads.
  const firstBound = threadsForRuns(runs, 2) === 2
    ? `even if each thread's first run ended as soon as 1 worker's and the other runs split evenly at 1 worker's pace, 2 workers would take ${first.secondsWith2.toFixed(2)} s: ` +
      `at most ${sp(first.speedup)}; ${TARGET_SPEEDUP}× needs 1 worker's first result within ${first.firstResultSecondsForTarget.toFixed(2)} s`
    : `at ${runs} runs 2 workers use one thread, so no bound is drawn from it`;
  console.log(`first result of ${runs} runs: after ${one.firstResultSeconds.toFixed(2)} s with 1 worker, ${two.firstResultSeconds.toFixed(2)} s with 2; ${firstBound}`);
  const ceiling = ceilingOf(one, two);
  console.log(
    `ceiling for ${runs} runs at these steady rates: ${sp(ceiling.speedup)} if 2 workers' start-up cost no more than 1 worker's (${ceiling.fixedSeconds.toFixed(2)} s of its ${one.medianSeconds.toFixed(2)} s); ` +
      (ceiling.fixedSecondsForTarget > 0
        ? `${TARGET_SPEEDUP}× would need a start-up under ${ceiling.fixedSecondsForTarget.toFixed(2)} s`
        : `${TARGET_SPEEDUP}× is out of reach at these steady rates even with no start-up at all (2 workers' steady rate is ${sp(two.steadySpeedup)} 1 worker's)`),
  );
}

/**
 * The most 2 workers can gain end to end on the short batch, from the steady rates: what 1 worker spends
 * beyond its steady run time (process start, loading, thread start, cold compilation) is F; if 2 workers
 * spent no more, they would take F + runs / (their steady rate). The target needs F < (S1 − k·S2)/(k − 1).
 */
function ceilingOf(one: (typeof rows)[number], two: (typeof rows)[number]) {
  const s1 = runs / one.steadyRunsPerSecond;
  const s2 = runs / two.steadyRunsPerSecond;
  const fixedSeconds = one.medianSeconds - s1;
  return { fixedSeconds, speedup: one.medianSeconds / (fixedSeconds + s2), fixedSecondsForTarget: (s1 - TARGET_SPEEDUP * s2) / (TARGET_SPEEDUP - 1) };
}
/**
 * What the first result allows, whatever the steady rates: 1 worker's batch is F1 (process start, loading,
 * thread start and the first run, compiled from cold) and then the other N − 1 runs and the assembly, T1 − F1.
 * With 2 workers neither thread's first run ends sooner than F1 (two threads slow each other's start; the bench
 * prints both first results, so a run where noise breaks this shows it),
 * and the busier thread still does ⌈N/2⌉ − 1 more runs, none faster than 1 worker's, so they take at least
 * F1 + (⌈N/2⌉ − 1) / (N − 1) × (T1 − F1). The target needs F1 ≤ (T1 / target − c·T1) / (1 − c), c that share.
 */
function firstResultBoundOf(one: (typeof rows)[number]) {
  const t1 = one.medianSeconds;
  const f1 = one.firstResultSeconds;
  const c = (Math.ceil(runs / 2) - 1) / (runs - 1);
  const secondsWith2 = f1 + c * (t1 - f1);
  return { share: c, secondsWith2, speedup: t1 / secondsWith2, firstResultSecondsForTarget: (t1 / TARGET_SPEEDUP - c * t1) / (1 - c) };
}
/**
 * What CPU time allows on this machine's CPUs (at most 2 used by 2 workers): a batch needing C seconds of CPU
 * ends no sooner than C / P, so 2 workers are at most P·T1/C2 faster, and, since they do the same runs as 1
 * worker plus a second thread's start, at most P·T1/C1. The target needs C1/T1 ≤ P / target.
 */
function cpuBoundOf(one: (typeof rows)[number], two: (typeof rows)[number]) {
  const cpus = Math.min(2, availableParallelism());
  return {
    cpus,
    speedupWithTheirCpu: (cpus * one.medianSeconds) / two.cpuSeconds,
    speedupWithOneWorkersCpu: (cpus * one.medianSeconds) / one.cpuSeconds,
    busyCpusForTarget: cpus / TARGET_SPEEDUP,
  };
}
const out = {
  bench: 'batch',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cpus: availableParallelism(),
  loadAverageAtEnd: load,
  experiment: { businesses, months, designPoints: POINTS.length, replicates, longReplicates: replicates * longFactor, tinyRuns, example: EXAMPLE, exampleRuns },
  repeats,
  targets: { speedup: TARGET_SPEEDUP, tinyNeverSlower: true },
  tinyThreadsWith2Workers: threadsForRuns(tinyRuns, 2),
  ...(two ? { ceiling: ceilingOf(one, two), cpuBound: cpuBoundOf(one, two), firstResultBound: firstResultBoundOf(one) } : {}),
  rows: table,
};
saveResults('batch', out);
