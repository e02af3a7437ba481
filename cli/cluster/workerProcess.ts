// `pendamping worker --cluster redis://…`: one worker process on any machine. A BullMQ Worker takes chunk
// jobs from the queue, `threads` at a time, and runs each on its own thread of the batch's piscina pool
// (the same worker-thread code as a local batch, told to return the outcomes rather than write them).
// The main thread stays free, so BullMQ renews the job locks while the threads simulate.
//
// If this process dies (`kill -9`, a lost machine), its jobs' locks expire after `lockDurationMs`; the
// next stalled-job check of any other worker (every `stalledIntervalMs`) puts them back on the queue,
// and another worker runs them. SIGTERM or SIGINT: take no new chunk, finish the ones in progress, exit 0.
// A second signal returns the chunks in progress to the queue at once and exits.
import { availableParallelism, hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { formatSeconds } from '../batch/progress.js';
import { startPool } from '../batch/pool.js';
import type { Io } from '../io.js';
import { checkRedis, bullConnection, connectionProblem } from './connection.js';
import { DEFAULT_QUEUE, encodeOutcomes, queueName, type ChunkJobData, type ChunkJobResult } from './jobs.js';
import type { RedisTarget } from './redisUrl.js';

export const DEFAULT_LOCK_DURATION_MS = 30_000;
export const DEFAULT_STALLED_INTERVAL_MS = 15_000;
/** A chunk whose worker died this many times in a row is failed (it may be what kills them). */
export const MAX_STALLED = 3;
/** A plain progress line at most this often. */
const REPORT_EVERY_MS = 5000;

export interface ClusterWorkerOptions {
  target: RedisTarget;
  threads?: number;
  queue?: string;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  io: Io;
  /** Resolves when the worker should stop (the command wires SIGTERM and SIGINT to it). */
  stop: Promise<'graceful' | 'now'>;
  /** A second stop request, after the first: return the chunks in progress and exit. */
  stopNow?: Promise<void>;
}

export interface ClusterWorkerSummary {
  chunks: number;
  runs: number;
  failedRuns: number;
  /** Chunks handed back to the queue on a second stop signal. */
  returned: number;
}

export async function runClusterWorker(options: ClusterWorkerOptions): Promise<ClusterWorkerSummary> {
  const { target, io } = options;
  const threads = options.threads ?? availableParallelism();
  const name = `${hostname()}:${process.pid}`;
  const log = (text: string) => io.stderr(`worker ${name}: ${text}\n`);

  await checkRedis(target);
  const pool = startPool(threads);
  const queue = queueName(options.queue ?? DEFAULT_QUEUE);
  const summary: ClusterWorkerSummary = { chunks: 0, runs: 0, failedRuns: 0, returned: 0 };
  const started = performance.now();
  let lastReport = started;
  let reported = 0;
  const active = new Map<string, Job<ChunkJobData, ChunkJobResult>>();
  /** Chunks computed here and not yet confirmed by Redis (counted in the summary until taken back). */
  const unconfirmed = new Map<string, { runs: number; failed: number }>();
  const reportedLosses = new Set<string>();

  const worker = new Worker<ChunkJobData, ChunkJobResult>(
    queue,
    async (job) => {
      const { task, experiment } = job.data;
      if (!task || !Array.isArray(task.runs)) throw new UnrecoverableError(`job ${job.id} is not a Pendamping chunk`);
      active.set(job.id!, job);
      log(`took chunk ${job.id} (${task.runs.length} runs of ${experiment}, attempt ${job.attemptsStarted})`);
      const t = performance.now();
      try {
        const result = await pool.runTask(task);
        const encoded = encodeOutcomes(result.outcomes ?? []);
        summary.chunks++;
        summary.runs += encoded.runs;
        summary.failedRuns += encoded.failed;
        unconfirmed.set(job.id!, { runs: encoded.runs, failed: encoded.failed });
        log(`finished chunk ${job.id}: ${encoded.runs} runs${encoded.failed ? ` (${encoded.failed} failed)` : ''} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        return encoded;
      } finally {
        active.delete(job.id!);
      }
    },
    {
      connection: bullConnection(target, { maxRetriesPerRequest: null, connectionName: `pendamping-worker:${name}` }),
      concurrency: threads,
      name,
      lockDuration: options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
      stalledInterval: options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED,
      // Kept for the coordinator, which removes each job once its runs are written.
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
      autorun: false,
    },
  );

  // BullMQ reconnects by itself; say so once per outage rather than on every retry.
  let down = false;
  worker.on('error', (err) => {
    // Not a connection problem: this worker was out of reach (or frozen) past its lock, so the chunk goes
    // to another worker; the result computed here is not taken.
    const lost = chunkTakenOver(err);
    if (lost) {
      // BullMQ may report the same loss more than once: say it once.
      const key = `${lost.when}:${lost.chunk}`;
      if (reportedLosses.has(key)) return;
      reportedLosses.add(key);
    }
    if (lost?.when === 'renew') {
      log(`lost the lock on chunk ${lost.chunk} (this worker was out of reach longer than --lock-duration); another worker takes it over`);
      return;
    }
    if (lost) {
      const counted = unconfirmed.get(lost.chunk);
      if (counted) {
        summary.chunks--;
        summary.runs -= counted.runs;
        summary.failedRuns -= counted.failed;
        unconfirmed.delete(lost.chunk);
      }
      log(`chunk ${lost.chunk} was taken over by another worker while this one was out of reach; the result computed here is dropped, each run counts once`);
      return;
    }
    if (!down) log(`Redis problem (${connectionProblem(err)}); reconnecting`);
    down = true;
  });
  worker.on('ready', () => {
    if (down) log('connected to Redis again');
    down = false;
  });
  worker.on('completed', (job) => unconfirmed.delete(job.id!));
  worker.on('failed', (job, err) => {
    if (job) log(`chunk ${job.id} failed (attempt ${job.attemptsMade}): ${err.message}`);
  });
  worker.on('stalled', (jobId) => log(`chunk ${jobId} had stalled (its worker stopped answering); it goes back on the queue`));

  const timer = setInterval(() => {
    if (summary.runs === reported) return;
    const now = performance.now();
    if (now - lastReport < REPORT_EVERY_MS) return;
    const seconds = (now - started) / 1000;
    log(`${summary.chunks} chunks, ${summary.runs} runs (${summary.failedRuns} failed) in ${formatSeconds(seconds)}, ${(summary.runs / seconds).toFixed(1)} runs/s`);
    lastReport = now;
    reported = summary.runs;
  }, 1000);

  const running = worker.run();
  await worker.waitUntilReady();
  log(`waiting for chunks on queue ${queue} at ${target.shown} (${threads} thread${threads === 1 ? '' : 's'})`);

  const how = await options.stop;
  if (how === 'graceful') {
    log(`stopping: taking no new chunk${active.size > 0 ? `, finishing the ${active.size} in progress (signal again to hand ${active.size === 1 ? 'it' : 'them'} back at once)` : ''}`);
    const closed = worker.close();
    const now = options.stopNow?.then(() => 'now' as const);
    if ((await Promise.race([closed.then(() => 'closed' as const), ...(now ? [now] : [])])) === 'now') await handBack();
    else await running.catch(() => undefined);
  } else {
    await handBack();
  }
  clearInterval(timer);
  await pool.close();
  log(`stopped after ${summary.chunks} chunks, ${summary.runs} runs${summary.returned ? `; ${summary.returned} chunks handed back to the queue` : ''}`);
  return summary;

  /** Return the chunks in progress to the queue (another worker takes them at once), then close. */
  async function handBack() {
    for (const job of active.values()) {
      try {
        await job.moveToWait(job.token);
        summary.returned++;
      } catch {
        // its lock is gone already: the stalled-job check will return it
      }
    }
    await worker.close(true);
  }
}

/**
 * A chunk whose lock this worker lost after being out of reach past its lock (a network outage, a long
 * pause): `renew` when BullMQ could not renew the lock (another worker takes the chunk over), `finish`
 * when it reports finishing a job that is no longer this worker's ("Missing key for job …", "Missing lock
 * for job …": the result computed here is not taken). Null for any other error.
 */
export function chunkTakenOver(err: unknown): { chunk: string; when: 'renew' | 'finish' } | null {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const finish = /Missing (?:key|lock) for job (\S+?)\.?(?:\s|$)/.exec(message);
  if (finish) return { chunk: finish[1], when: 'finish' };
  const renew = /could not renew lock for job (\S+?)\.?(?:\s|$)/i.exec(message);
  return renew ? { chunk: renew[1], when: 'renew' } : null;
}

