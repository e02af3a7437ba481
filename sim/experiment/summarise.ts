// Summaries of a batch per design point and recorded quantity: mean, SD, n and a 95% Student-t interval
// over replicates; and paired differences against the baseline point, replicate by replicate (replicate
// r has the same seed at every point: common random numbers), both computed by sim/stats/replicates.ts.
// Plain records a CSV writer can print; the order is canonical (design point, then the experiment's
// metric order, then month), never the order in which runs finished.
import { percentileInterval } from '../sensitivity/bootstrap.js';
import { definedValues, pairedDifferences, replicateStats, type ReplicateValue } from '../stats/replicates.js';
import type { Experiment } from './schema.js';
import type { DesignPoint } from './types.js';

/** One recorded value of one run, as the tidy CSV has it. */
export interface ResultRow {
  designPoint: number;
  replicate: number;
  month: number;
  group: string;
  metric: string;
  value: number | null;
}

interface Stats {
  /** Replicates with a value. */
  n: number;
  mean: number | null;
  sd: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** Mean, SD and 95% CI of one quantity at one design point (null where undefined: n = 0, or SD with n < 2). */
export interface PointSummaryRow extends Stats {
  design_point: number;
  base: string;
  label: string;
  month: number;
  group: string;
  metric: string;
  /** Replicates without a value (failed runs, or a ratio undefined in that run). */
  missing: number;
  /**
   * The 2.5–97.5 percentile range of the replicates' values. With the experiment's `uncertainty`, each
   * replicate has its own draw of the assumptions, so this is the range over assumptions (summary.csv
   * shows it only then).
   */
  range_low: number | null;
  range_high: number | null;
}

/** Paired differences point − baseline over the replicates where both have a value. */
export interface DifferenceRow extends Stats {
  design_point: number;
  base: string;
  label: string;
  baseline_point: number;
  baseline_label: string;
  month: number;
  group: string;
  metric: string;
}

export interface ExperimentSummary {
  points: PointSummaryRow[];
  differences: DifferenceRow[];
}

const labelOf = (p: DesignPoint) => p.label ?? p.base;

/**
 * The baseline point of each point (by index), or null when there is none:
 *   - `experiment.baseline` a base name: the point with the same position (same parameter values) on that base;
 *   - `experiment.baseline` a point label: that point (the first with the label) for every point;
 *   - no baseline: point 0 for a factorial design, none for sampled designs.
 */
export function baselinePoints(experiment: Pick<Experiment, 'baseline' | 'design'>, points: readonly DesignPoint[]): (number | null)[] {
  const b = experiment.baseline;
  if (b === undefined) return points.map(() => (experiment.design.type === 'factorial' && points.length > 0 ? 0 : null));
  const bases = [...new Set(points.map((p) => p.base))];
  const baseIndex = bases.indexOf(b);
  if (baseIndex >= 0) {
    const per = points.length / bases.length;
    return points.map((p) => baseIndex * per + (p.index % per));
  }
  const labelled = points.find((p) => labelOf(p) === b);
  if (!labelled) throw new Error(`baseline "${b}" is neither a base name nor a design point label`);
  return points.map(() => labelled.index);
}

/** The summary's columns of the replicate statistics (sim/stats/replicates.ts). */
function stats(values: readonly ReplicateValue[]): Stats {
  const s = replicateStats(values);
  return { n: s.n, mean: s.mean, sd: s.sd, ci_low: s.low, ci_high: s.high };
}

interface Key {
  month: number;
  group: string;
  metric: string;
}

/** Summaries and paired differences of a batch's tidy rows (in any order; a repeated row replaces the earlier one). */
export function summariseExperiment(
  experiment: Pick<Experiment, 'replicates' | 'metrics' | 'baseline' | 'design'>,
  points: readonly DesignPoint[],
  rows: Iterable<ResultRow>,
): ExperimentSummary {
  const R = experiment.replicates;
  const keys = new Map<string, Key>();
  // point → key → value per replicate (undefined: no row; null: recorded as missing).
  const data = points.map(() => new Map<string, (number | null | undefined)[]>());
  for (const row of rows) {
    const perPoint = data[row.designPoint];
    if (!perPoint || row.replicate < 0 || row.replicate >= R) throw new Error(`row for design point ${row.designPoint}, replicate ${row.replicate} is outside the design`);
    const id = `${row.month}\u0000${row.group}\u0000${row.metric}`;
    if (!keys.has(id)) keys.set(id, { month: row.month, group: row.group, metric: row.metric });
    let values = perPoint.get(id);
    if (!values) perPoint.set(id, (values = new Array<number | null | undefined>(R).fill(undefined)));
    values[row.replicate] = row.value !== null && Number.isFinite(row.value) ? row.value : null;
  }
  // Canonical order of quantities: the experiment's metric order, then month.
  const metricRank = (k: Key) => {
    const i = experiment.metrics.indexOf(k.group === 'summary' ? k.metric : `${k.group}.${k.metric}`);
    return i < 0 ? experiment.metrics.length : i;
  };
  const ordered = [...keys.entries()].sort(([, a], [, b]) => metricRank(a) - metricRank(b) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) || a.month - b.month);
  const baselines = baselinePoints(experiment, points);
  const out: ExperimentSummary = { points: [], differences: [] };
  for (const p of points) {
    for (const [id, k] of ordered) {
      const values = data[p.index].get(id);
      if (!values) continue;
      const s = stats(values);
      const range = percentileInterval(definedValues(values));
      out.points.push({ design_point: p.index, base: p.base, label: labelOf(p), month: k.month, group: k.group, metric: k.metric, ...s, missing: R - s.n, range_low: range.low, range_high: range.high });
    }
  }
  for (const p of points) {
    const b = baselines[p.index];
    if (b === null) continue;
    for (const [id, k] of ordered) {
      const mine = data[p.index].get(id);
      const theirs = data[b].get(id);
      if (!mine || !theirs) continue;
      const diffs = pairedDifferences(mine, theirs);
      out.differences.push({
        design_point: p.index,
        base: p.base,
        label: labelOf(p),
        baseline_point: b,
        baseline_label: labelOf(points[b]),
        month: k.month,
        group: k.group,
        metric: k.metric,
        ...stats(diffs),
      });
    }
  }
  return out;
}

/**
 * One number per design point for a sensitivity analysis: the mean over replicates of `metric` (a summary
 * quantity, or a series `<arm>.<group>.<metric>` at `month`, default the last month recorded), null where
 * no replicate has a value.
 */
export function pointMeans(summary: readonly PointSummaryRow[], points: readonly DesignPoint[], metric: string, month?: number): (number | null)[] {
  const out: (number | null)[] = points.map(() => null);
  const lastMonth: number[] = points.map(() => -Infinity);
  for (const row of summary) {
    const name = row.group === 'summary' ? row.metric : `${row.group}.${row.metric}`;
    if (name !== metric) continue;
    if (month !== undefined ? row.month !== month : row.month < lastMonth[row.design_point]) continue;
    lastMonth[row.design_point] = row.month;
    out[row.design_point] = row.mean;
  }
  return out;
}
