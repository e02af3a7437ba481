// `pendamping batch <experiment.json>`: every run of an experiment (design points × replicates) on a pool
// of worker threads, each run written to OUT/runs as it finishes, then results.csv, summary.csv and
// failures.csv assembled in run_id order. Killed at any moment, `--resume` runs only what is missing and
// the final files are byte-identical to an uninterrupted batch; the worker count never changes a byte.
import { COMMANDS } from '../commandCatalog.js';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { CommanderError, Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { integerParser, threadsFor } from '../options.js';
import { FAILURES, RESULTS, RUNS, SUMMARY } from '../batch/files.js';
import { startPool, type BatchPool } from '../batch/pool.js';
import { createProgress } from '../batch/progress.js';
import type { RunError } from '../batch/types.js';
import { DEFAULT_QUEUE, MAX_CHUNK_SIZE, isQueuePrefix } from '../cluster/jobs.js';
import { parseRedisUrl, scrubError, scrubbedIo } from '../cluster/redisUrl.js';
import { EXIT_ERROR, EXIT_RUN_FAILED, ExitError } from '../errors.js';

/** Some runs failed (their errors are in failures.csv); the others' results are complete. */
/** Exit code when some runs of the batch failed. */
export const EXIT_RUNS_FAILED = EXIT_RUN_FAILED;
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

async function runBatch(file: string, options: BatchCommandOptions, pool: BatchPool, t0: number): Promise<BatchOutcome> {
  // Loaded only now, after the threads have started: validation brings in the scenario schema, ~0.2 s
  // that the threads spend loading the simulation at the same time.
  const [{ finishBatch, openBatchFolder, planBatch }, { checkMemory }] = await Promise.all([import('../batch/folder.js'), import('../memory.js')]);
  // 1. Validate everything before anything runs or any folder is touched.
  const planned = await planBatch(file, options);
  const { plan, out } = planned;
  checkMemory(plan.scenarios, plan.points.map((p) => `${file}: design point ${p.index}`), Math.min(options.workers ?? availableParallelism(), plan.runs.length), undefined, plan.experiment.months);

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
        explicit: plan.explicit,
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
    .description(COMMANDS.batch.description)
    .argument('<experiment.json>', 'experiment file (base scenarios are relative to it)')
    .addOption(new Option('--workers <n>', `worker threads, 1..${MAX_WORKERS} (default: the number of CPUs, ${availableParallelism()} here; more than that is cut to it, with a note)`).argParser(integerParser(1, MAX_WORKERS)))
    .addOption(new Option('--out <dir>', 'output folder; must be missing or empty unless --resume (default: out/<experiment name>)'))
    .addOption(new Option('--resume', 'finish an interrupted batch in --out: runs with a file are kept, the rest are run (with --cluster: re-attach to the batch in the queue)'))
    .addOption(
      new Option('--cluster <url>', 'run on cluster workers through BullMQ on this Redis: redis://[:password@]host[:port][/db], rediss:// for TLS (password also from $PENDAMPING_REDIS_PASSWORD)').conflicts('workers'),
    )
    .addOption(new Option('--chunk-size <n>', `with --cluster: runs per queue job, 1..${MAX_CHUNK_SIZE} (default: runs / 100, between 1 and 32)`).argParser(integerParser(1, MAX_CHUNK_SIZE)))
    .addOption(new Option('--queue <name>', `with --cluster: queue name prefix, shared with the workers (default: ${DEFAULT_QUEUE})`))
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

With --cluster, the runs go as chunk jobs to a BullMQ queue on Redis instead of local threads, and
\`pendamping worker --cluster URL\` processes on any machines run them; the coordinator writes what they
return into OUT with the same code, so the files are the same bytes as a local batch's. A worker killed
mid-chunk loses nothing (the chunk is run again elsewhere). See docs/cluster.md.

Exit codes: 0 every run succeeded, 4 some runs failed (the others' results are complete), 2 a bad
experiment or scenario file (all problems named), or (--cluster) a bad URL or a Redis that cannot be
reached, 1 a bad flag, an --out folder that cannot be used, or another failure.

Examples:
  pendamping batch scenarios/experiments/mentoring-intensity.json --workers 2 --out out/intensity
  pendamping batch scenarios/experiments/mentoring-intensity.json --cluster redis://10.0.0.5:6379 --out out/intensity`,
    )
    .action(async (file: string, opts: { workers?: number; out?: string; resume?: boolean; cluster?: string; chunkSize?: number; queue?: string }) => {
      opts.workers = threadsFor('--workers', opts.workers, availableParallelism(), io.stderr);
      if (opts.cluster === undefined) {
        if (opts.chunkSize !== undefined || opts.queue !== undefined) throw new ExitError('--chunk-size and --queue only apply with --cluster', EXIT_ERROR);
        reportBatch(await batchCommand(file, { ...opts, io }), io);
        return;
      }
      const target = parseRedisUrl(opts.cluster, io.env);
      if (opts.queue !== undefined && !isQueuePrefix(opts.queue)) throw new ExitError(`--queue ${opts.queue}: expected 1 to 100 letters, digits, '.', '_' or '-'`, EXIT_ERROR);
      const safe = scrubbedIo(io, target.secrets);
      try {
        const { cluster: _cluster, ...rest } = opts;
        const { clusterBatch } = await import('../cluster/coordinator.js'); // the Redis client only for --cluster
        reportBatch(await clusterBatch(file, { ...rest, target, io: safe }), safe);
      } catch (err) {
        throw scrubError(err, target.secrets);
      }
    });
}

/** The batch's closing lines on stdout; exit 4 when some runs failed. */
function reportBatch(r: BatchOutcome, io: Io): void {
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
}
