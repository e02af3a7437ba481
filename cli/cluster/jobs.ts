// What goes through the queue. A cluster batch is cut into chunks of consecutive runs (run_id order);
// each chunk is one BullMQ job carrying everything a worker needs to simulate it — the runs, and the
// validated scenario and CSV suffix of the design points they use — so a worker on another machine needs
// neither the experiment file nor OUT. It returns the runs' outcomes (results.csv lines, or the error a
// run threw), gzipped; the coordinator writes them into OUT/runs with the batch's own code.
//
// Job ids are `<batchId>-<chunk size>-<chunk index>`, and the batch id is a hash of the manifest (without
// its date) and the output folder, so the same batch re-enqueued (on --resume) names the same jobs and
// BullMQ adds nothing twice; two batches never share a job.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { JobsOptions } from 'bullmq';
import type { RunSpec } from '../../sim/index.js';
import type { Manifest } from '../batch/manifest.js';
import { taskFor } from '../batch/pool.js';
import type { BatchPlan } from '../batch/plan.js';
import type { BatchTask, RunOutcome, TaskRun } from '../batch/types.js';
import { pendampingVersion } from '../version.js';

export const DEFAULT_QUEUE = 'pendamping';
export const MAX_CHUNK_SIZE = 1000;

/**
 * The BullMQ queue: the prefix (`--queue`, default `pendamping`) and the Pendamping version, so workers
 * only ever take chunks of their own version (another version could give other numbers).
 */
export const queueName = (prefix: string) => `${prefix}-v${pendampingVersion()}`;

/** BullMQ queue names cannot hold a colon; keep them to a safe set. */
export const isQueuePrefix = (name: string) => /^[A-Za-z0-9_.-]{1,100}$/.test(name);

/** A chunk job's data. */
export interface ChunkJobData {
  batchId: string;
  /** The experiment's name, for workers' log lines only. */
  experiment: string;
  chunk: number;
  task: BatchTask;
}

/** A chunk job's return value: how many runs and failures, and the outcomes as gzipped JSON in base64. */
export interface ChunkJobResult {
  runs: number;
  failed: number;
  outcomes: string;
}

/**
 * What BullMQ does with a chunk job: a chunk whose processing throws (a worker thread that died, say) is
 * tried again after 2, 4, 8, 16 s; a finished or failed job is kept for a week at most, for a coordinator
 * that was stopped to collect on --resume.
 */
export const CHUNK_ATTEMPTS = 5;
export const jobOptions = (jobId: string): JobsOptions => ({
  jobId,
  attempts: CHUNK_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
});

/** The batch's id: the manifest without its date, and the absolute output folder. */
export function batchIdOf(manifest: Manifest, out: string): string {
  const { date: _date, ...rest } = manifest;
  return createHash('sha256').update(JSON.stringify(rest)).update('\0').update(resolve(out)).digest('hex').slice(0, 16);
}

/**
 * Default runs per chunk: about 100 chunks for the batch (enough for a few dozen worker threads to
 * share it evenly), at least 1 and at most 32 runs each. See docs/cluster.md for the trade-off.
 */
export function defaultChunkSize(runs: number): number {
  return Math.max(1, Math.min(32, Math.ceil(runs / 100)));
}

export const jobIdOf = (batchId: string, size: number, chunk: number) => `${batchId}-${size}-${chunk}`;
export const isJobOf = (batchId: string, jobId: string) => jobId.startsWith(`${batchId}-`);
/** The chunk size a job id of this batch was cut with (`undefined` for an id of another batch or shape). */
export function chunkSizeOfJob(batchId: string, jobId: string): number | undefined {
  if (!isJobOf(batchId, jobId)) return undefined;
  const m = /^(\d+)-(\d+)$/.exec(jobId.slice(batchId.length + 1));
  return m ? Number(m[1]) : undefined;
}

export interface Chunk {
  index: number;
  jobId: string;
  runs: RunSpec[];
}

/** Every run of the plan in fixed-size chunks, in run_id order (the same chunks every time). */
export function chunksOf(plan: BatchPlan, batchId: string, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i * size < plan.runs.length; i++) chunks.push({ index: i, jobId: jobIdOf(batchId, size, i), runs: plan.runs.slice(i * size, (i + 1) * size) });
  return chunks;
}

export const taskRun = (r: RunSpec): TaskRun => ({ runId: r.runId, point: r.point.index, replicate: r.replicate, seed: r.seed });

export function chunkJobData(plan: BatchPlan, batchId: string, chunk: Chunk): ChunkJobData {
  const task = taskFor(chunk.runs.map(taskRun), { experiment: plan.experiment, scenarios: plan.scenarios, suffixes: plan.suffixes, months: plan.experiment.months, explicit: plan.explicit });
  return { batchId, experiment: plan.experiment.name, chunk: chunk.index, task };
}

export function encodeOutcomes(outcomes: readonly RunOutcome[]): ChunkJobResult {
  return {
    runs: outcomes.length,
    failed: outcomes.filter((o) => 'error' in o).length,
    outcomes: gzipSync(JSON.stringify(outcomes)).toString('base64'),
  };
}

export function decodeOutcomes(result: ChunkJobResult): RunOutcome[] {
  const outcomes = JSON.parse(gunzipSync(Buffer.from(result.outcomes, 'base64')).toString('utf8')) as RunOutcome[];
  if (!Array.isArray(outcomes) || outcomes.length !== result.runs) throw new Error(`a chunk's result holds ${Array.isArray(outcomes) ? outcomes.length : 'no'} outcomes, expected ${result.runs}`);
  return outcomes;
}
