// OUT/manifest.json: what produced the batch, written once before any run. The date is the only field
// that differs between two batches of the same experiment; nothing about the machine (not the worker
// count) is recorded, because nothing about the machine changes the results. `--resume` refuses to
// continue a batch whose experiment, base scenarios or Pendamping version differ from the manifest's.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MANIFEST, writeFileAtomicSync } from './files.js';
import { BatchFolderError } from './store.js';

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export interface ManifestInput {
  file: string;
  sha256: string;
}

export interface Manifest {
  pendampingVersion: string;
  /** When the batch started (ISO 8601, UTC). Not repeated anywhere else, so the CSVs do not depend on it. */
  date: string;
  /** The experiment file (its name as given, without folders) and the SHA-256 of its bytes. */
  experiment: ManifestInput & { name: string };
  /** Every base scenario file, relative to the experiment's folder, with the SHA-256 of its bytes. */
  baseScenarios: (ManifestInput & { name: string })[];
  /** The experiment's design section, as parsed (defaults filled in). */
  design: unknown;
  /** Paths of the varied parameters: the columns after `value` in results.csv, before `base`. */
  parameters: string[];
  /** The experiment's `baseline` as written (null: the default) … */
  baseline: string | null;
  /** … and the design points it resolves to: summary.csv's paired differences are taken against them. */
  baselinePoints: number[];
  points: number;
  replicates: number;
  /** Replicate r of every design point uses seeds[r] (common random numbers). */
  seeds: number[];
  runs: number;
  /** The horizon every run simulates (null: each scenario's own `months`). */
  months: number | null;
  metrics: string[];
  record: unknown;
  resultsColumns: string[];
}

export function writeManifest(out: string, manifest: Manifest): void {
  writeFileAtomicSync(join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
}

/** Throw a BatchFolderError unless the batch in OUT was started from the same inputs and version. */
export function checkResumable(out: string, found: Manifest, now: Omit<Manifest, 'date'>): void {
  const where = join(out, MANIFEST);
  const fresh = 'use a new --out folder for the changed experiment, or restore the files the batch was started with';
  if (found.experiment?.sha256 !== now.experiment.sha256) {
    throw new BatchFolderError(
      `cannot resume: ${where} was written for a different experiment ` +
        `(SHA-256 ${String(found.experiment?.sha256).slice(0, 12)}…, ${now.experiment.file} is now ${now.experiment.sha256.slice(0, 12)}…); ${fresh}`,
    );
  }
  const before = new Map((found.baseScenarios ?? []).map((b) => [b.file, b.sha256]));
  for (const b of now.baseScenarios) {
    if (before.get(b.file) !== b.sha256) {
      throw new BatchFolderError(`cannot resume: base scenario ${b.file} changed since the batch in ${out} started (SHA-256 differs from ${where}); ${fresh}`);
    }
  }
  if (found.pendampingVersion !== now.pendampingVersion) {
    throw new BatchFolderError(
      `cannot resume: the batch in ${out} was started by Pendamping ${found.pendampingVersion}, this is ${now.pendampingVersion}; results could differ, so use a new --out folder`,
    );
  }
  if (found.runs !== now.runs || JSON.stringify(found.seeds) !== JSON.stringify(now.seeds) || found.points !== now.points) {
    throw new BatchFolderError(`cannot resume: ${where} describes ${found.runs} runs, the experiment now gives ${now.runs}; use a new --out folder`);
  }
}
