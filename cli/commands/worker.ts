// `pendamping worker --cluster redis://…`: a worker process for a cluster batch, on any machine that can
// reach the Redis. It runs chunks of any batch queued by `pendamping batch --cluster` (of the same
// Pendamping version) on its own worker threads until SIGTERM or SIGINT (see cli/cluster/workerProcess.ts).
import { COMMANDS } from '../commandCatalog.js';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { DEFAULT_QUEUE, isQueuePrefix } from '../cluster/jobs.js';
import { parseRedisUrl, scrubError, scrubbedIo } from '../cluster/redisUrl.js';
import { DEFAULT_LOCK_DURATION_MS, DEFAULT_STALLED_INTERVAL_MS, runClusterWorker } from '../cluster/workerProcess.js';
import { EXIT_ERROR, ExitError } from '../errors.js';
import type { Io } from '../io.js';
import { integerParser, threadsFor } from '../options.js';
import { MAX_WORKERS } from './batch.js';

interface WorkerFlags {
  cluster: string;
  threads?: number;
  queue?: string;
  lockDuration?: number;
  stalledInterval?: number;
}

export function registerWorker(program: Command, io: Io): void {
  program
    .command('worker')
    .description(COMMANDS.worker.description)
    .addOption(new Option('--cluster <url>', 'the Redis of the queue: redis://[:password@]host[:port][/db], rediss:// for TLS (password also from $PENDAMPING_REDIS_PASSWORD)').makeOptionMandatory())
    .addOption(new Option('--threads <n>', `worker threads, 1..${MAX_WORKERS} (default: the number of CPUs, ${availableParallelism()} here; more than that is cut to it, with a note)`).argParser(integerParser(1, MAX_WORKERS)))
    .addOption(new Option('--queue <name>', `queue name prefix, as given to \`batch --cluster\` (default: ${DEFAULT_QUEUE})`))
    .addOption(
      new Option('--lock-duration <ms>', `how long a chunk stays locked to this worker without a renewal; after a crash its chunk is taken again after about this long plus --stalled-interval (default ${DEFAULT_LOCK_DURATION_MS})`).argParser(
        integerParser(1000, 3_600_000),
      ),
    )
    .addOption(new Option('--stalled-interval <ms>', `how often this worker looks for chunks of crashed workers (default ${DEFAULT_STALLED_INTERVAL_MS})`).argParser(integerParser(500, 3_600_000)))
    .addHelpText(
      'after',
      `
Start one on each machine (one thread per CPU by default); they take chunk jobs of every batch started
with \`pendamping batch --cluster\` on the same Redis and queue, and return each chunk's results to the
coordinator through Redis. Nothing is written on the worker's machine.

SIGTERM or Ctrl-C: no new chunk is taken, the chunks in progress are finished, exit 0. A second signal
hands the chunks in progress back to the queue at once. A worker killed outright (kill -9, a lost
machine) loses nothing: its chunk is run again by another worker after --lock-duration.

Exit codes: 0 stopped by a signal, 2 a bad --cluster URL or a Redis that cannot be reached, 1 another failure.

Example:
  pendamping worker --cluster redis://10.0.0.5:6379 --threads 8`,
    )
    .action(async (opts: WorkerFlags) => {
      opts.threads = threadsFor('--threads', opts.threads, availableParallelism(), io.stderr);
      const target = parseRedisUrl(opts.cluster, io.env);
      if (opts.queue !== undefined && !isQueuePrefix(opts.queue)) throw new ExitError(`--queue ${opts.queue}: expected 1 to 100 letters, digits, '.', '_' or '-'`, EXIT_ERROR);
      let signals = 0;
      let stop!: (how: 'graceful' | 'now') => void;
      let stopNow!: () => void;
      const stopped = new Promise<'graceful' | 'now'>((resolve) => (stop = resolve));
      const stoppedNow = new Promise<void>((resolve) => (stopNow = resolve));
      const onSignal = () => {
        signals++;
        if (signals === 1) stop('graceful');
        else stopNow();
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      try {
        await runClusterWorker({
          target,
          threads: opts.threads,
          queue: opts.queue,
          lockDurationMs: opts.lockDuration,
          stalledIntervalMs: opts.stalledInterval,
          io: scrubbedIo(io, target.secrets),
          stop: stopped,
          stopNow: stoppedNow,
        });
      } catch (err) {
        throw scrubError(err, target.secrets);
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
}
