// `pendamping batch <experiment.json> --cluster redis://…`: the coordinator. It validates the batch and
// prepares OUT exactly as a local batch does (the same functions), then, instead of a thread pool, puts
// the runs still to do on a BullMQ queue as chunk jobs and collects what workers on any machine return:
// each run's outcome is written to OUT/runs with the batch's own code, and the final CSVs are assembled
// by it too — so the files are byte-identical to a local batch's, whatever the number of workers.
//
// Collecting polls the queue's completed and failed sets for this batch's jobs (a few cheap commands per
// poll): nothing is missed while the coordinator is away, and a job is removed only after every file of
// its runs is written. A run delivered twice (a retried chunk) is written and counted once.
import { hostname } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Queue, type Job } from 'bullmq';
import { writeRunOutcome } from '../batch/files.js';
import { createProgress } from '../batch/progress.js';
import { finishBatch, openBatchFolder, planBatch } from '../batch/folder.js';
import type { BatchOutcome } from '../commands/batch.js';
import { EXIT_ERROR } from '../errors.js';
import type { Io } from '../io.js';
import { ClusterConnectionError, bullConnection, checkRedis, connectionProblem } from './connection.js';
import {
  DEFAULT_QUEUE,
  batchIdOf,
  chunkJobData,
  chunkSizeOfJob,
  chunksOf,
  decodeOutcomes,
  defaultChunkSize,
  isJobOf,
  jobOptions,
  queueName,
  CHUNK_ATTEMPTS,
  type Chunk,
  type ChunkJobData,
  type ChunkJobResult,
} from './jobs.js';
import type { RedisTarget } from './redisUrl.js';

export interface ClusterBatchOptions {
  target: RedisTarget;
  out?: string;
  resume?: boolean;
  /** Runs per chunk job (default: `defaultChunkSize`). */
  chunkSize?: number;
  /** Queue prefix (default `pendamping`); coordinator and workers must agree. */
  queue?: string;
  /** Progress and cluster notes on stderr. */
  io?: Io;
  /** How often the queue is polled for finished chunks (default 250 ms). */
  pollMs?: number;
  /** Give up (exit 1, resumable) when Redis stays unreachable this long mid-batch (default 60 s). */
  redisLostMs?: number;
}

export interface ClusterBatchOutcome extends BatchOutcome {
  batchId: string;
  queue: string;
  chunkSize: number;
  /** Chunk jobs added by this invocation (jobs already in the queue are not added again). */
  chunksQueued: number;
}

/**
 * A coordinator's command with no answer for this long fails (then "lost Redis …; retrying"): over a
 * network that drops packets silently (a VPN gone, a cable out), TCP alone would wait for many minutes
 * with the progress frozen and nothing said.
 */
const COMMAND_TIMEOUT_MS = 10_000;

/** Chunk jobs added per round trip. */
const ADD_BATCH = 200;
/** How often the outstanding jobs are checked to still exist, and the worker count looked up. */
const CHECK_EVERY_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether `closing` resolved to true within `ms`. The timer is cleared as soon as it settles: a pending
 * `sleep(3000)` in a race once kept every finished cluster batch's process alive 3 s after its last line.
 */
export async function settledWithin(closing: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([closing, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

export async function clusterBatch(file: string, options: ClusterBatchOptions): Promise<ClusterBatchOutcome> {
  const t0 = performance.now();
  const { target, io } = options;
  const note = (text: string) => io?.stderr(`cluster: ${text}\n`);

  // 1. Validate everything, and reach Redis, before any file is written.
  const planned = await planBatch(file, options);
  const { plan, out } = planned;
  // Jobs travel as JSON: a scenario that JSON would change (an Infinity, a Date) could give other numbers.
  const changed = plan.scenarios.findIndex((s) => !isDeepStrictEqual(JSON.parse(JSON.stringify(s)), s));
  if (changed >= 0) throw new Error(`design point ${changed}'s scenario does not survive JSON unchanged, so it cannot be sent to cluster workers; run this batch without --cluster`);
  await checkRedis(target);
  const { runsDir, pending, finishedBefore, failedBefore } = openBatchFolder(planned);

  let size = options.chunkSize ?? defaultChunkSize(plan.runs.length);
  const batchId = batchIdOf(planned.manifest, out);
  const name = queueName(options.queue ?? DEFAULT_QUEUE);
  const queue = new Queue<Job<ChunkJobData, ChunkJobResult, 'chunk'>>(name, {
    // Commands fail instead of queueing forever while Redis is away, so the loop below can say so.
    connection: bullConnection(target, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, connectionName: `pendamping-coordinator:${hostname()}:${process.pid}` }),
  });
  let lastRedisError: unknown;
  queue.on('error', (err) => {
    lastRedisError = err;
  });

  const t1 = performance.now();
  const waiting = new Set(pending.map((r) => r.runId));
  let finished = finishedBefore;
  let failed = failedBefore;
  const progress = io && pending.length > 0 ? createProgress(io, plan.runs.length, finishedBefore) : undefined;
  const chunkFailures: { jobId: string; reason: string }[] = [];
  const outstanding = new Map<string, Chunk>();

  /** Write the outcomes of one finished job, then remove it. */
  const collect = async (jobId: string) => {
    const job = await queue.getJob(jobId);
    if (!job) return; // removed meanwhile (another poll)
    for (const outcome of decodeOutcomes(job.returnvalue)) {
      writeRunOutcome(runsDir, outcome, true);
      if (waiting.delete(outcome.runId)) {
        finished++;
        if ('error' in outcome) failed++;
      }
    }
    await job.remove();
    outstanding.delete(jobId);
  };

  /** A job that failed every attempt: noted (the batch ends with exit 1; --resume tries it again). */
  const giveUp = async (jobId: string, retryLater: boolean) => {
    const job = await queue.getJob(jobId);
    if (!job) return;
    const reason = job.failedReason || 'no reason given';
    await job.remove();
    if (retryLater) {
      note(`chunk ${jobId} failed in an earlier attempt (${reason}); trying it again`);
    } else {
      chunkFailures.push({ jobId, reason });
      note(`chunk ${jobId} failed after ${job.attemptsMade} attempts: ${reason}`);
      outstanding.delete(jobId);
    }
  };

  const sweep = async (initial: boolean) => {
    for (const id of (await queue.getRanges(['completed'], 0, -1, true)).filter((j) => isJobOf(batchId, j))) await collect(id);
    for (const id of (await queue.getRanges(['failed'], 0, -1, true)).filter((j) => isJobOf(batchId, j))) await giveUp(id, initial);
    progress?.update(finished, failed);
  };

  const enqueue = async (chunks: Chunk[]) => {
    for (let i = 0; i < chunks.length; i += ADD_BATCH) {
      const slice = chunks.slice(i, i + ADD_BATCH);
      // A job id already in the queue (waiting, active, or delayed for a retry) is not added again.
      await queue.addBulk(slice.map((c) => ({ name: 'chunk', data: chunkJobData(plan, batchId, c), opts: jobOptions(c.jobId) })));
      for (const c of slice) outstanding.set(c.jobId, c);
    }
  };

  let workers = -1;
  const lookAtWorkers = async () => {
    if (workers === -2) return; // CLIENT LIST is not allowed on this Redis (some managed ones)
    try {
      const n = await queue.getWorkersCount();
      if (n !== workers) {
        if (n === 0) note(`no worker is connected to queue ${name}: start \`pendamping worker --cluster ${target.shown}\` on each machine`);
        else note(`${n} worker${n === 1 ? '' : 's'} connected`);
        workers = n;
      }
    } catch {
      workers = -2;
    }
  };

  let chunksQueued = 0;
  try {
    // 2. Collect what an earlier coordinator of this batch left finished in the queue, then queue the
    //    chunks that still have runs without a file (the same job ids as before: nothing added twice).
    await sweep(true);
    // Chunks of this batch still queued or running keep their size: cut the runs another way and
    // those runs would be queued twice (each still counted once, but run twice).
    const inQueue = (await queue.getRanges(['waiting', 'active', 'delayed', 'prioritized'], 0, -1, true))
      .map((id) => chunkSizeOfJob(batchId, id))
      .filter((s): s is number => s !== undefined);
    if (inQueue.length > 0 && !inQueue.includes(size)) {
      const kept = inQueue[0];
      note(`keeping the chunk size of the batch in progress, ${kept} runs (not ${size}): its chunks are still in the queue, and other chunks would run those runs twice`);
      size = kept;
    }
    const chunks = chunksOf(plan, batchId, size).filter((c) => c.runs.some((r) => waiting.has(r.runId)));
    await enqueue(chunks);
    chunksQueued = chunks.length;
    if (chunks.length > 0) {
      note(`batch ${batchId}: ${waiting.size} runs in ${chunks.length} chunks of up to ${size} runs on queue ${name} at ${target.shown}`);
      await lookAtWorkers();
    }

    // 3. Collect until every chunk is back (or has failed every attempt).
    let lastCheck = performance.now();
    let downSince: number | undefined;
    while (outstanding.size > 0) {
      await sleep(options.pollMs ?? 250);
      try {
        await sweep(false);
        if (performance.now() - lastCheck >= CHECK_EVERY_MS) {
          lastCheck = performance.now();
          await lookAtWorkers();
          // A job that vanished (a Redis restarted without persistence, a queue emptied by hand) is added again.
          const lost: Chunk[] = [];
          for (const [id, chunk] of outstanding) if ((await queue.getJobState(id)) === 'unknown') lost.push(chunk);
          if (lost.length > 0) {
            note(`${lost.length} chunk job${lost.length === 1 ? ' was' : 's were'} no longer in Redis; queueing again`);
            await enqueue(lost);
          }
        }
        if (downSince !== undefined) note('Redis is back');
        downSince = undefined;
        lastRedisError = undefined;
      } catch (err) {
        const why = /command timed out/i.test(err instanceof Error ? err.message : '')
          ? `no answer within ${COMMAND_TIMEOUT_MS / 1000} s`
          : connectionProblem(lastRedisError ?? err);
        if (downSince === undefined) {
          downSince = performance.now();
          note(`lost Redis at ${target.shown} (${why}); retrying. Runs collected so far are safe in ${runsDir}`);
        } else if (performance.now() - downSince > (options.redisLostMs ?? 60_000)) {
          throw new ClusterConnectionError(
            `lost Redis at ${target.shown} for ${Math.round((performance.now() - downSince) / 1000)} s (${why}); ` +
              `the ${finished} runs with a file are kept in ${runsDir}: run the same command with --resume when Redis is back`,
            EXIT_ERROR,
          );
        }
      }
    }
  } finally {
    progress?.stop();
    // A graceful close needs Redis to answer; with Redis out of reach, give it a moment, then cut the
    // connection, or its reconnection attempts keep the process alive after the batch has ended.
    const closed = queue.close().then(
      () => true,
      () => false,
    );
    if (!(await settledWithin(closed, 3000))) await queue.disconnect().catch(() => undefined);
  }

  if (chunkFailures.length > 0) {
    const first = chunkFailures[0];
    throw new ClusterConnectionError(
      `${chunkFailures.length} chunk${chunkFailures.length === 1 ? '' : 's'} failed after ${CHUNK_ATTEMPTS} attempts (first: ${first.jobId}: ${first.reason}); ` +
        `the other runs are in ${runsDir}: run the same command with --resume to try again`,
      EXIT_ERROR,
    );
  }

  // 4. The final files, with the local batch's code.
  const t2 = performance.now();
  const assembled = finishBatch(out, runsDir, plan);
  return {
    out,
    runs: plan.runs.length,
    done: assembled.done,
    failures: assembled.failures,
    ran: pending.length,
    timings: { planMs: t1 - t0, poolMs: t2 - t1, assembleMs: performance.now() - t2 },
    batchId,
    queue: name,
    chunkSize: size,
    chunksQueued,
  };
}
