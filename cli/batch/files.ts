// Names of the files in a batch's output folder, and the atomic write every one of them goes through:
// written under a temporary name beside its final one, then renamed, so a process killed at any moment
// (even `kill -9`) leaves either the whole file or none of it — never half a file. Temporary names start
// with a dot and end in `.tmp`; `--resume` deletes any left behind.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RunOutcome } from './types.js';

export const MANIFEST = 'manifest.json';
export const RESULTS = 'results.csv';
export const SUMMARY = 'summary.csv';
export const FAILURES = 'failures.csv';
export const RUNS = 'runs';

export const runFile = (runsDir: string, runId: number) => join(runsDir, `${runId}.csv`);
export const errorFile = (runsDir: string, runId: number) => join(runsDir, `${runId}.error.json`);

/** `<runId>.csv` → run id and 'done'; `<runId>.error.json` → run id and 'failed'; anything else → undefined. */
export function parseRunFileName(name: string): { runId: number; state: 'done' | 'failed' } | undefined {
  const m = /^(\d+)\.(csv|error\.json)$/.exec(name);
  if (!m) return undefined;
  return { runId: Number(m[1]), state: m[2] === 'csv' ? 'done' : 'failed' };
}

export const isTempName = (name: string) => name.startsWith('.') && name.endsWith('.tmp');

export function tempNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Write `text` to `file` atomically (temporary file, then rename). Synchronous: used in worker threads. */
export function writeFileAtomicSync(file: string, text: string): void {
  const temp = tempNameFor(file);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new Error(`cannot write ${file} (${(err as Error).message})`, { cause: err });
  }
}

/**
 * Write one run's file in OUT/runs: `<runId>.csv` for results, `<runId>.error.json` for a run that threw.
 * With `skipExisting`, a file already there is left as it is and false is returned: a run delivered
 * twice (a cluster chunk retried after its first worker died) is written, and counted, once.
 */
export function writeRunOutcome(runsDir: string, outcome: RunOutcome, skipExisting = false): boolean {
  const file = 'text' in outcome ? runFile(runsDir, outcome.runId) : errorFile(runsDir, outcome.runId);
  if (skipExisting && existsSync(file)) return false;
  writeFileAtomicSync(file, 'text' in outcome ? outcome.text : JSON.stringify(outcome.error, null, 2) + '\n');
  return true;
}
