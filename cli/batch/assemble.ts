// The batch's final files, assembled from OUT/runs once every run has a file: results.csv (the run files
// concatenated in run_id order under one header), summary.csv (per design point and recorded quantity:
// mean, SD, n and 95% CI over replicates, and the paired difference from the baseline point) and, when
// some run failed, failures.csv. Each is written atomically. They depend only on the run files, never on
// the order runs finished in, the worker count or the date — so a resumed batch gives the same bytes.
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { summariseExperiment, type ResultRow } from '../../sim/experiment/summarise.js';
import { toCsv, type CsvValue } from '../format/csv.js';
import { FAILURES, RESULTS, SUMMARY, errorFile, runFile, tempNameFor, writeFileAtomicSync } from './files.js';
import type { BatchPlan } from './plan.js';
import { parseRunLines, pointValues, resultsHeader } from './rows.js';
import type { RunStates } from './store.js';
import type { RunError } from './types.js';

export const SUMMARY_STATS = ['n', 'missing', 'mean', 'sd', 'ci_low', 'ci_high'] as const;
export const SUMMARY_DIFFERENCES = ['baseline_point', 'diff_n', 'diff_mean', 'diff_sd', 'diff_ci_low', 'diff_ci_high'] as const;
export const FAILURE_COLUMNS = ['run_id', 'design_point', 'replicate', 'seed', 'message'] as const;

/** With the experiment's `uncertainty`: the range over the replicates' draws of the assumptions. */
export const SUMMARY_RANGE = ['range_low', 'range_high'] as const;
export const summaryHeader = (parameters: readonly string[], uncertainty = false) => [
  'design_point', 'month', 'group', 'metric', ...SUMMARY_STATS, ...(uncertainty ? SUMMARY_RANGE : []), ...SUMMARY_DIFFERENCES, ...parameters, 'base',
];

const pointFields = (plan: BatchPlan, point: number) => pointValues(plan.parameters, plan.points[point].assignments, plan.points[point].base);

/** The recorded values of one finished run's file, as summary rows. */
export function runResultRows(text: string, run: { runId: number; replicate: number; point: { index: number } }): ResultRow[] {
  return parseRunLines(text).map((r) => ({ designPoint: run.point.index, replicate: run.replicate, month: r.month, group: r.group, metric: r.metric, value: r.value }));
}

/** Every value the finished runs in OUT/runs recorded, in run_id order (what results.csv holds). */
export function readResultRows(runsDir: string, plan: BatchPlan, states: RunStates): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const run of plan.runs) if (states.done.has(run.runId)) rows.push(...runResultRows(readFileSync(runFile(runsDir, run.runId), 'utf8'), run));
  return rows;
}

/**
 * Write results.csv and return every recorded value, for the summary. Streams: one run file in memory
 * at a time for the CSV (the values are kept for the summary).
 */
export function assembleResults(out: string, runsDir: string, plan: BatchPlan, states: RunStates): ResultRow[] {
  const file = join(out, RESULTS);
  const temp = tempNameFor(file);
  const rows: ResultRow[] = [];
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, resultsHeader(plan.parameters));
    for (const run of plan.runs) {
      if (!states.done.has(run.runId)) continue;
      const text = readFileSync(runFile(runsDir, run.runId), 'utf8');
      writeSync(fd, text);
      rows.push(...runResultRows(text, run));
    }
    closeSync(fd);
    renameSync(temp, file);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw err;
  }
  return rows;
}

export function summaryCsv(plan: BatchPlan, rows: Iterable<ResultRow>): string {
  const summary = summariseExperiment(plan.experiment, plan.points, rows);
  const uncertainty = plan.experiment.uncertainty;
  const key = (p: number, month: number, group: string, metric: string) => `${p}\u0000${month}\u0000${group}\u0000${metric}`;
  const differences = new Map(summary.differences.map((d) => [key(d.design_point, d.month, d.group, d.metric), d]));
  const lines: CsvValue[][] = summary.points.map((s) => {
    const d = differences.get(key(s.design_point, s.month, s.group, s.metric));
    return [
      s.design_point, s.month, s.group, s.metric, s.n, s.missing, s.mean, s.sd, s.ci_low, s.ci_high,
      ...(uncertainty ? [s.range_low, s.range_high] : []),
      d?.baseline_point ?? null, d?.n ?? null, d?.mean ?? null, d?.sd ?? null, d?.ci_low ?? null, d?.ci_high ?? null,
      ...pointFields(plan, s.design_point),
    ];
  });
  return toCsv(summaryHeader(plan.parameters, uncertainty), lines);
}

export function failedRuns(runsDir: string, plan: BatchPlan, states: RunStates): RunError[] {
  return plan.runs
    .filter((r) => states.failed.has(r.runId) && !states.done.has(r.runId))
    .map((r) => JSON.parse(readFileSync(errorFile(runsDir, r.runId), 'utf8')) as RunError);
}

export function failuresCsv(plan: BatchPlan, failures: readonly RunError[]): string {
  return toCsv(
    [...FAILURE_COLUMNS, ...plan.parameters, 'base'],
    failures.map((f) => [f.runId, f.designPoint, f.replicate, f.seed, f.message, ...pointFields(plan, f.designPoint)]),
  );
}

export interface Assembled {
  done: number;
  failures: RunError[];
}

/** Write results.csv, summary.csv and failures.csv (deleted when nothing failed). */
export function assembleBatch(out: string, runsDir: string, plan: BatchPlan, states: RunStates): Assembled {
  const rows = assembleResults(out, runsDir, plan, states);
  writeFileAtomicSync(join(out, SUMMARY), summaryCsv(plan, rows));
  const failures = failedRuns(runsDir, plan, states);
  if (failures.length > 0) writeFileAtomicSync(join(out, FAILURES), failuresCsv(plan, failures));
  else rmSync(join(out, FAILURES), { force: true });
  return { done: plan.runs.length - failures.length, failures };
}

