// One fuzz case of any family, how to check it, and the tally of outcomes that test/fuzz/fuzz.test.ts and
// scripts/fuzz.ts print.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkExperiment, checkScenario } from './check.js';
import { experimentCase, type ExperimentCase, type ExperimentFamily } from './experimentArbitraries.js';
import { scenarioCase, type ScenarioCase, type ScenarioFamily } from './scenarioArbitraries.js';

export type Family = ScenarioFamily | ExperimentFamily;
export type FuzzCase = ScenarioCase | ExperimentCase;

/** Every family with its share of the cases. */
export const FAMILY_WEIGHTS: Readonly<Record<Family, number>> = {
  'scenario/valid': 6,
  'scenario/values': 6,
  'scenario/text': 3,
  'scenario/encoding': 1,
  'experiment/valid': 3,
  'experiment/values': 3,
  'experiment/text': 1,
  'experiment/base': 1,
};
export const FAMILIES = Object.keys(FAMILY_WEIGHTS) as Family[];

const isScenarioFamily = (f: Family): f is ScenarioFamily => f.startsWith('scenario/');

/**
 * A case of any family, in proportion to FAMILY_WEIGHTS. `batchShare` of the experiment cases also run
 * their batch for real (when it is small).
 */
export function fuzzCase(batchShare = 0.03, families: readonly Family[] = FAMILIES): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    ...families.map((f) => ({
      weight: FAMILY_WEIGHTS[f],
      arbitrary: isScenarioFamily(f) ? scenarioCase(f) : experimentCase(f, batchShare),
    })),
  );
}

/**
 * What a case ended as, for the tally: experiments count a plan as exit 0 (the batch would start); "valid,
 * not run" is a valid scenario too large to run, or a valid experiment too large to plan, in the fuzzer's time.
 */
export type TallyOutcome = 'exit 0' | 'exit 2' | 'exit 4 (expression)' | 'valid, not run' | 'failure';
const OUTCOMES: readonly TallyOutcome[] = ['exit 0', 'exit 2', 'exit 4 (expression)', 'valid, not run', 'failure'];

export interface Checked {
  outcome: TallyOutcome;
  /** The batch was run for real. */
  batch: boolean;
  ms: number;
  /** The error message of an exit 2 or 4. */
  message?: string;
}

/** Write the case's files in a fresh folder under `root`, check them, remove the folder. Throws FuzzFailure. */
export async function checkCase(c: FuzzCase, root: string): Promise<Checked> {
  const dir = mkdtempSync(join(root, 'case-'));
  try {
    if ('file' in c) {
      const r = await checkScenario(c.file, dir);
      return { outcome: r.outcome === 'accepted, not run' ? 'valid, not run' : r.outcome, batch: false, ms: r.ms, message: r.message };
    }
    const r = await checkExperiment(c, dir);
    const outcome: TallyOutcome =
      r.outcome === 'planned' || r.outcome === 'batch exit 0' ? 'exit 0'
      : r.outcome === 'parsed, not planned' ? 'valid, not run'
      : r.outcome === 'batch exit 4' ? 'exit 4 (expression)'
      : 'exit 2';
    return { outcome, batch: r.outcome.startsWith('batch'), ms: r.ms, message: r.message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Counts of cases by family and outcome, and their times. */
export class Tally {
  private readonly rows = new Map<Family, { counts: Record<TallyOutcome, number>; batches: number; batchesDone: number; totalMs: number; maxMs: number }>();

  record(family: Family, r: Checked | 'failure'): void {
    let row = this.rows.get(family);
    if (!row) this.rows.set(family, (row = { counts: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<TallyOutcome, number>, batches: 0, batchesDone: 0, totalMs: 0, maxMs: 0 }));
    if (r === 'failure') {
      row.counts.failure++;
      return;
    }
    row.counts[r.outcome]++;
    if (r.batch) row.batches++;
    if (r.batch && r.outcome === 'exit 0') row.batchesDone++;
    row.totalMs += r.ms;
    row.maxMs = Math.max(row.maxMs, r.ms);
  }

  /** Cases of `family` that ended with `outcome`. */
  count(family: Family, outcome: TallyOutcome): number {
    return this.rows.get(family)?.counts[outcome] ?? 0;
  }

  /** Cases whose batch was run for real, and of those the batches that ran every run (exit 0). */
  get batches(): { run: number; done: number } {
    const n = { run: 0, done: 0 };
    for (const row of this.rows.values()) {
      n.run += row.batches;
      n.done += row.batchesDone;
    }
    return n;
  }

  get cases(): number {
    let n = 0;
    for (const row of this.rows.values()) n += Object.values(row.counts).reduce((a, x) => a + x, 0);
    return n;
  }

  /** A plain-text table: one row per family, a total row. */
  table(): string {
    const header = ['family', 'cases', ...OUTCOMES, 'batches run', 'of them exit 0', 'mean ms', 'max ms'];
    const lines: string[][] = [];
    const total = { cases: 0, counts: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<TallyOutcome, number>, batches: 0, batchesDone: 0, totalMs: 0, maxMs: 0 };
    for (const family of FAMILIES) {
      const row = this.rows.get(family);
      if (!row) continue;
      const cases = Object.values(row.counts).reduce((a, x) => a + x, 0);
      total.cases += cases;
      for (const o of OUTCOMES) total.counts[o] += row.counts[o];
      total.batches += row.batches;
      total.batchesDone += row.batchesDone;
      total.totalMs += row.totalMs;
      total.maxMs = Math.max(total.maxMs, row.maxMs);
      lines.push([family, String(cases), ...OUTCOMES.map((o) => String(row.counts[o])), String(row.batches), String(row.batchesDone), (row.totalMs / cases).toFixed(1), row.maxMs.toFixed(0)]);
    }
    lines.push(['total', String(total.cases), ...OUTCOMES.map((o) => String(total.counts[o])), String(total.batches), String(total.batchesDone), (total.totalMs / Math.max(1, total.cases)).toFixed(1), total.maxMs.toFixed(0)]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
  }
}

/** A case with each file's text cut to `limit` characters, for printing. */
export function shortCase(c: FuzzCase, limit = 3000): string {
  const cut = (t: string) => (t.length > limit ? `${t.slice(0, limit)}… (${t.length} characters in all)` : t);
  const files = 'file' in c ? { 'scenario.json': c.file } : { 'experiment.json': c.experiment, ...c.bases };
  return Object.entries(files).map(([name, f]) => `--- ${name} (${f.encoding})\n${cut(f.text)}`).join('\n') + ('runBatch' in c ? `\n--- run the batch for real: ${c.runBatch}` : '');
}

export interface FuzzOptions {
  numRuns: number;
  seed: number;
  /** fast-check's replay path of one case (printed with a failure). */
  path?: string;
  families?: readonly Family[];
  batchShare?: number;
  /**
   * Called before each case: `index` counts the cases run before any failure; after one, `shrinking` is
   * true for the runs fast-check makes to shrink it (index stays at the failing case's).
   */
  onCase?: (index: number, c: FuzzCase, shrinking: boolean) => void | Promise<void>;
}

export interface FuzzResult {
  tally: Tally;
  details: fc.RunDetails<[FuzzCase]>;
  /** What failed and the smallest failing case, when one did. */
  report?: string;
}

/**
 * Run the property over `numRuns` cases from `seed`: every case checked by checkCase in a fresh folder.
 * The tally counts the cases up to the first failure; the runs fast-check makes to shrink it are not counted.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const work = mkdtempSync(join(tmpdir(), 'pendamping-fuzz-'));
  const tally = new Tally();
  let index = 0;
  let failed = false;
  const property = fc.asyncProperty(fuzzCase(options.batchShare, options.families), async (c) => {
    const counted = !failed;
    await options.onCase?.(counted ? index++ : index - 1, c, !counted);
    try {
      const r = await checkCase(c, work);
      if (counted) tally.record(c.family, r);
    } catch (e) {
      if (counted) tally.record(c.family, 'failure');
      failed = true;
      throw e;
    }
  });
  try {
    const details = await fc.check(property, { numRuns: options.numRuns, seed: options.seed, path: options.path });
    if (!details.failed) return { tally, details };
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const c = details.counterexample?.[0];
    const report =
      `failed after ${details.numRuns} cases (seed ${details.seed}, path ${details.counterexamplePath}), shrunk ${details.numShrinks} times\n\n${error}\n\n` +
      `smallest failing case (${c?.family}):\n${c ? shortCase(c) : '?'}`;
    return { tally, details, report };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
