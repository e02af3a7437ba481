// A batch's output folder through its life, shared by the local batch (thread pool) and the cluster
// coordinator: plan (validate everything, decide about OUT; nothing written), open (manifest written or
// checked on --resume, leftovers removed, the runs still to do), finish (every run has a file: assemble
// results.csv, summary.csv, failures.csv). Whoever runs the runs in between, the files are the same.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RunSpec } from '../../sim/index.js';
import { assembleBatch, type Assembled } from './assemble.js';
import { checkResumable, writeManifest, type Manifest } from './manifest.js';
import { loadBatchPlan, planManifest, type BatchPlan } from './plan.js';
import { ensureRunsDir, inspectFolder, readRunStates, removeTempFiles, type FolderState } from './store.js';

export const defaultOutFolder = (file: string) => join('out', basename(file).replace(/\.json$/i, ''));

/** A validated batch and what to do with its folder; nothing written yet. */
export interface PlannedBatch {
  plan: BatchPlan;
  out: string;
  folder: FolderState;
  manifest: Manifest;
}

/** Validate the experiment and decide about OUT, before anything runs or any file is written. */
export async function planBatch(file: string, options: { out?: string; resume?: boolean }): Promise<PlannedBatch> {
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
