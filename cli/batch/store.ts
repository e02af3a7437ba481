// The batch's output folder (OUT): its manifest, the run files in OUT/runs, and what `--resume` checks.
//
//   OUT/manifest.json          written once, before any run: version, experiment hash, date, design
//   OUT/runs/<runId>.csv       one finished run: its lines of results.csv (no header)
//   OUT/runs/<runId>.error.json one failed run: its message
//   OUT/results.csv, summary.csv, failures.csv   assembled at the end from OUT/runs
//
// Every file is written atomically (files.ts), so after a crash or `kill -9` a run file either exists
// whole or not at all, and `--resume` runs exactly the runs that have neither file.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST, RUNS, isTempName, parseRunFileName } from './files.js';
import type { Manifest } from './manifest.js';

/** OUT cannot be used as asked (not empty without --resume, a different experiment, …): exit 1, message as is. */
export class BatchFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchFolderError';
  }
}

export interface RunStates {
  done: Set<number>;
  failed: Set<number>;
}

/** Run ids with a finished file (`done`) or an error file (`failed`) in OUT/runs. */
export function readRunStates(runsDir: string): RunStates {
  const states: RunStates = { done: new Set(), failed: new Set() };
  if (!existsSync(runsDir)) return states;
  for (const name of readdirSync(runsDir)) {
    const parsed = parseRunFileName(name);
    if (parsed) states[parsed.state].add(parsed.runId);
  }
  return states;
}

/** Delete the temporary files an interrupted batch left in OUT and OUT/runs. */
export function removeTempFiles(out: string): void {
  for (const dir of [out, join(out, RUNS)]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (isTempName(name)) rmSync(join(dir, name), { force: true });
  }
}

/** True when `dir` holds nothing but leftovers of an interrupted start (temporary files, an empty runs/). */
function effectivelyEmpty(dir: string): boolean {
  return readdirSync(dir).every((name) => {
    if (isTempName(name)) return true;
    const path = join(dir, name);
    return name === RUNS && statSync(path).isDirectory() && readdirSync(path).every(isTempName);
  });
}

export function readManifest(out: string): Manifest {
  const file = join(out, MANIFEST);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (err) {
    throw new BatchFolderError(`${file}: cannot read the batch manifest (${(err as Error).message}); use a new --out folder`);
  }
}

export type FolderState = { kind: 'new' } | { kind: 'resume'; manifest: Manifest };

/**
 * Decide what to do with OUT. Without --resume it must be missing or empty (results are never
 * overwritten). With --resume, an OUT with a manifest is continued; a missing or empty one is started.
 */
export function inspectFolder(out: string, resume: boolean): FolderState {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new BatchFolderError(`--out ${out} is a file, not a folder`);
  if (!existsSync(out) || effectivelyEmpty(out)) return { kind: 'new' };
  const hasManifest = existsSync(join(out, MANIFEST));
  if (!resume) {
    throw new BatchFolderError(
      hasManifest
        ? `${out} already holds a batch (${MANIFEST}); add --resume to finish it, or choose another --out folder`
        : `${out} is not empty; choose another --out folder (batch results are never written over other files)`,
    );
  }
  if (!hasManifest) throw new BatchFolderError(`${out} is not empty and has no ${MANIFEST}: it is not a batch folder, so --resume cannot continue it`);
  return { kind: 'resume', manifest: readManifest(out) };
}

export function ensureRunsDir(out: string): string {
  const runsDir = join(out, RUNS);
  mkdirSync(runsDir, { recursive: true });
  return runsDir;
}
