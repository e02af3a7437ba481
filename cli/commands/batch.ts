// `pendamping batch <experiment.json>`: every run of an experiment (design points × replicates) on a pool
// of worker threads, each run written to OUT/runs as it finishes, then results.csv, summary.csv and
// failures.csv assembled in run_id order. Killed at any moment, `--resume` runs only what is missing and
// the final files are byte-identical to an uninterrupted batch; the worker count never changes a byte.
import { availableParallelism } from 'node:os';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CommanderError, Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { integerParser } from '../options.js';
import type { RunSpec } from '../../sim/index.js';
import { assembleBatch, type Assembled } from '../batch/assemble.js';
import { FAILURES, RESULTS, RUNS, SUMMARY } from '../batch/files.js';
import { checkResumable, writeManifest, type Manifest } from '../batch/manifest.js';
import { loadBatchPlan, planManifest, type BatchPlan } from '../batch/plan.js';
import { startPool, type BatchPool } from '../batch/pool.js';
import { createProgress } from '../batch/progress.js';
import { ensureRunsDir, inspectFolder, readRunStates, removeTempFiles, type FolderState } from '../batch/store.js';
import type { RunError } from '../batch/types.js';

/** Some runs failed (their errors are in failures.csv); the others' results are complete. */
export const EXIT_RUNS_FAILED = 4;
export const MAX_WORKERS = 1024;

export interface BatchCommandOptions {
  /** Worker threads (default: os.availableParallelism()). */
  workers?: number;
  /** Output folder (default: out/<experiment file name without .json>). */
  out?: string;
  resume?: boolean;
  /** Progress on stderr (a bar on a terminal, plain lines otherwise); off when not given. */
  io?: Io;
}

export interface BatchOutcome {
  out: string;
  runs: number;
  /** Runs with results (done now or before a resume). */
  done: number;
  failures: RunError[];
  /** Runs simulated by this invocation (the rest were found finished in OUT). */
  ran: number;
  /** Wall-clock milliseconds: validating (plan; the threads start meanwhile), running the runs, assembling the final files. */
  timings: { planMs: number; poolMs: number; assembleMs: number };
}

export const defaultOutFolder = (file: string) => join('out', basename(file).replace(/\.json$/i, ''));

export async function batchCommand(file: string, options: BatchCommandOptions = {}): Promise<BatchOutcome> {
  // The threads start loading the simulation now, while the main thread validates.
  const t0 = performance.now();
  const pool = startPool(options.workers ?? availableParallelism());
  try {
    return await runBatch(file, options, pool, t0);
  } finally {
    await pool.close();
  }
}

/** A validated batch and what to do with its folder; nothing written yet. */
export interface PlannedBatch {
  plan: BatchPlan;
  out: string;
  folder: FolderState;
  manifest: Manifest;
}

/** Validate the experiment and decide about OUT, before anything runs or any file is written. */
export async function planBatch(file: string, options: Pick<BatchCommandOptions, 'out' | 'resume'>): Promise<PlannedBatch> {
  const plan = await loadBatchPlan(file);
  const out = options.out ?? defaultOutFolder(file);
  const folder = inspectFolder(out, options.resume === true);
  return { plan, out, folder, manifest: planManifest(plan, new Date().toISOString()) };
}

/** A batch folder ready for runs: its manifest written (or checked, on --resume), the runs still to do. */
export interface OpenBatch {
  runsDir: string;
  pending: RunSpec[];
  /** Runs found with a file (done or failed) and, of those, failed. */
  finishedBefore: number;
  failedBefore: number;
}

export function openBatchFolder({ plan, out, folder, manifest }: PlannedBatch): OpenBatch {
  // The manifest first: a folder with run files always has one.
  if (folder.kind === 'resume') {
    const { date: _date, ...now } = manifest;
    checkResumable(out, folder.manifest, now);
    removeTempFiles(out);
  } else {
    mkdirSync(out, { recursive: true });
    removeTempFiles(out);
    writeManifest(out, manifest);
  }
  const runsDir = ensureRunsDir(out);
  const before = readRunStates(runsDir);
  const pending = plan.runs.filter((r) => !before.done.has(r.runId) && !before.failed.has(r.runId));
  const failedBefore = plan.runs.filter((r) => before.failed.has(r.runId) && !before.done.has(r.runId)).length;
  return { runsDir, pending, finishedBefore: plan.runs.length - pending.length, failedBefore };
}

/** Every run has a file now: results.csv, summary.csv and failures.csv, in run_id order. */
export function finishBatch(out: string, runsDir: string, plan: BatchPlan): Assembled {
  const states = readRunStates(runsDir);
  const missing = plan.runs.filter((r) => !states.done.has(r.runId) && !states.failed.has(r.runId));
  if (missing.length > 0) throw new Error(`${missing.length} runs have no file in ${runsDir} after the batch (first: run ${missing[0].runId}); run again with --resume`);
  return assembleBatch(out, runsDir, plan, states);
}

async function runBatch(file: string, options: BatchCommandOptions, pool: BatchPool, t0: number): Promise<BatchOutcome> {
  // 1. Validate everything before anything runs or any folder is touched.
  const planned = await planBatch(file, options);
  const { plan, out } = planned;

  // 2. The manifest, then 3. the runs without a file, on the pool.
  const { runsDir, pending, finishedBefore, failedBefore } = openBatchFolder(planned);
  const t1 = performance.now();
  const progress = options.io ? createProgress(options.io, plan.runs.length, finishedBefore) : undefined;
  try {
    await pool.run(
      pending.map((r) => ({ runId: r.runId, point: r.point.index, replicate: r.replicate, seed: r.seed })),
      {
        experiment: plan.experiment,
        runsDir,
        scenarios: plan.scenarios,
        suffixes: plan.suffixes,
        months: plan.experiment.months,
        onProgress: progress ? (completed, failed) => progress.update(finishedBefore + completed, failedBefore + failed) : undefined,
      },
    );
  } finally {
    progress?.stop();
  }

  // 4. The final files.
  const t2 = performance.now();
  const assembled = finishBatch(out, runsDir, plan);
  const timings = { planMs: t1 - t0, poolMs: t2 - t1, assembleMs: performance.now() - t2 };
  return { out, runs: plan.runs.length, done: assembled.done, failures: assembled.failures, ran: pending.length, timings };
}

export function registerBatch(program: Command, io: Io): void {
  program
    .command('batch')
    .description('run an experiment (design points × replicates) on worker threads, streaming each run to disk; resumable')
    .argument('<experiment.json>', 'experiment file (base scenarios are relative to it)')
    .addOption(new Option('--workers <n>', `worker threads, 1..${MAX_WORKERS} (default: the number of CPUs, ${availableParallelism()} here)`).argParser(integerParser(1, MAX_WORKERS)))
    .addOption(new Option('--out <dir>', 'output folder; must be missing or empty unless --resume (default: out/<experiment name>)'))
    .addOption(new Option('--resume', 'finish an interrupted batch in --out: runs with a file are kept, the rest are run'))
    .addHelpText(
      'after',
      `
Everything is validated before anything runs: the experiment, its base scenarios and the scenario of
every design point. Runs go to a pool of worker threads; each finished run is written at once to
OUT/${RUNS}/<run_id>.csv (a failed run to OUT/${RUNS}/<run_id>.error.json), then the batch assembles:

  OUT/manifest.json  version, experiment and base-scenario SHA-256, date, design, points, replicates, seeds
  OUT/${RESULTS}    run_id,design_point,replicate,seed,month,group,metric,value,<parameters...>,base
  OUT/${SUMMARY}    per design point and quantity: n, missing, mean, sd, 95% CI, paired difference from the baseline
  OUT/${FAILURES}   failed runs and their messages (only when some failed)

The files are identical whatever --workers is. A batch killed at any moment (even kill -9) is finished
with --resume, giving the same bytes; --resume refuses a folder made from a different experiment.
Failed runs are not retried on --resume (delete their .error.json files to retry). See docs/batch.md.

Exit codes: 0 every run succeeded, 4 some runs failed (the others' results are complete), 2 a bad
experiment or scenario file (all problems named), 1 a bad flag, an --out folder that cannot be used, or
another failure.

Example:
  pendamping batch scenarios/experiments/mentoring-intensity.json --workers 2 --out out/intensity`,
    )
    .action(async (file: string, opts: { workers?: number; out?: string; resume?: boolean }) => {
      const r = await batchCommand(file, { ...opts, io });
      const reused = r.runs - r.ran;
      io.stdout(
        `batch: ${r.runs} runs (${r.ran} run now${reused > 0 ? `, ${reused} found in ${r.out}` : ''}), ${r.done} with results, ${r.failures.length} failed\n` +
          `wrote ${join(r.out, RESULTS)}, ${join(r.out, SUMMARY)}${r.failures.length ? `, ${join(r.out, FAILURES)}` : ''}\n`,
      );
      if (r.failures.length > 0) {
        const message = `${r.failures.length} of ${r.runs} runs failed; errors in ${join(r.out, FAILURES)} and ${join(r.out, RUNS)}/<run_id>.error.json (first: run ${r.failures[0].runId}: ${r.failures[0].message})`;
        io.stderr(message + '\n');
        throw new CommanderError(EXIT_RUNS_FAILED, 'pendamping.batch.runsFailed', message);
      }
    });
}
