// Aggregate replicates of several designs into chart specs: per design and month the mean effect
// (program − counterfactual) with a 95% interval over replicates; optionally each design minus design
// A replicate by replicate (common random numbers make the pairing meaningful). Pure: no workers.
import { interval } from '../../sim/index.js';
import type { BandSeries, Estimate, EstimateChartSpec, LineChartSpec, TidyRow } from '../charts/types.js';
import { ESTIMATES, SERIES_METRICS, type EstimateId } from './metrics.js';
import type { RunDigest } from './protocol.js';

export interface DesignRuns {
  id: string;
  name: string;
  /** Scenario name written in the CSV's scenario column. */
  scenario: string;
  /** One digest per replicate, replicate r run with seed + r. */
  runs: RunDigest[];
}

export type Labeller = (key: string) => string;

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

function band(perReplicate: number[][], months: number): Omit<BandSeries, 'id' | 'label'> {
  const mean: number[] = [], low: number[] = [], high: number[] = [];
  for (let t = 0; t < months; t++) {
    const ci = interval(perReplicate.map((xs) => xs[t]).filter(finite));
    mean.push(ci.mean);
    low.push(Number.isFinite(ci.low) ? ci.low : ci.mean);
    high.push(Number.isFinite(ci.high) ? ci.high : ci.mean);
  }
  return { months: Array.from({ length: months }, (_, t) => t + 1), mean, low, high };
}

const effectSeries = (d: RunDigest, key: string) => {
  const s = d.series[key];
  return s.program.map((x, t) => x - s.counterfactual[t]);
};

function estimateValue(d: RunDigest, id: EstimateId): number | null {
  const s = d.summary;
  switch (id) {
    case 'incomeMultiplier':
      return s.incomeMultiplier;
    case 'lm3':
      return s.lm3.program;
    case 'localIncomePerRupiah':
      return s.localIncomePerRupiah;
    case 'costPerJob':
      return s.costPerJob;
  }
}

function stats(xs: (number | null)[]): Pick<Estimate, 'mean' | 'low' | 'high'> {
  const v = xs.filter(finite);
  if (v.length === 0) return { mean: null, low: null, high: null };
  const ci = interval(v);
  return { mean: ci.mean, low: finite(ci.low) ? ci.low : ci.mean, high: finite(ci.high) ? ci.high : ci.mean };
}

/**
 * Cost per job over replicates as the CLI's compare: mean cost ÷ mean jobs effect, the bounds from
 * the jobs interval (no upper bound when it reaches zero).
 */
function costPerJob(runs: RunDigest[]): Pick<Estimate, 'mean' | 'low' | 'high'> {
  const cost = stats(runs.map((r) => r.summary.programCost));
  const jobs = stats(runs.map((r) => r.summary.jobs.effect));
  if (cost.mean === null || jobs.mean === null || !(jobs.mean > 0) || !(cost.mean > 0)) return { mean: null, low: null, high: null };
  return {
    mean: cost.mean / jobs.mean,
    low: jobs.high !== null && jobs.high > 0 ? cost.mean / jobs.high : null,
    high: jobs.low !== null && jobs.low > 0 ? cost.mean / jobs.low : null,
  };
}

export interface Aggregated {
  lines: LineChartSpec[];
  estimates: EstimateChartSpec[];
  /** Chart id → tidy rows behind it (the CLI's run CSV columns plus design). */
  rows: Record<string, TidyRow[]>;
}

export function aggregate(designs: readonly DesignRuns[], options: { diffVsA: boolean; label: Labeller }): Aggregated {
  const { label, diffVsA } = options;
  const first = designs[0];
  // Design A stays in the difference view (as its zero line) so every design keeps its colour.
  const shown = designs;
  const suffix = diffVsA ? '.diff' : '.effect';
  const lines: LineChartSpec[] = SERIES_METRICS.map((m) => {
    const key = `${m.group}.${m.metric}`;
    const series = shown.map((d) => {
      const months = Math.min(...d.runs.map((r) => r.months));
      const per = d.runs.map((r, i) => {
        const e = effectSeries(r, key);
        if (!diffVsA) return e;
        const a = effectSeries(first.runs[i], key);
        return e.map((x, t) => x - a[t]);
      });
      return { id: d.id, label: d.name, ...band(per, months) };
    });
    return { id: m.id, title: label(`chart.${m.id}`), yLabel: label(`axis.${m.id}${suffix}`), kind: m.kind, series };
  });
  const estimates: EstimateChartSpec[] = ESTIMATES.map((e) => ({
    id: e.id,
    title: label(`estimate.${e.id}`) + (diffVsA ? ' — ' + label('diffSuffix') : ''),
    kind: e.kind,
    estimates: shown.map((d) => {
      if (e.id === 'costPerJob') {
        const own = costPerJob(d.runs);
        if (!diffVsA) return { id: d.id, label: d.name, ...own };
        const a = costPerJob(first.runs).mean;
        return { id: d.id, label: d.name, mean: own.mean !== null && a !== null ? own.mean - a : null, low: null, high: null };
      }
      const xs = d.runs.map((r, i) => {
        const x = estimateValue(r, e.id);
        if (!diffVsA) return x;
        const a = estimateValue(first.runs[i], e.id);
        return x !== null && a !== null ? x - a : null;
      });
      return { id: d.id, label: d.name, ...stats(xs) };
    }),
  }));
  const rows: Record<string, TidyRow[]> = {};
  for (const m of SERIES_METRICS) {
    const key = `${m.group}.${m.metric}`;
    const out: TidyRow[] = [];
    for (const d of designs) {
      for (const r of d.runs) {
        for (const arm of ['program', 'counterfactual'] as const) {
          r.series[key][arm].forEach((value, t) => out.push({ design: d.name, scenario: d.scenario, seed: r.seed, month: t + 1, arm, group: m.group, metric: m.metric, value }));
        }
      }
    }
    rows[m.id] = out;
  }
  for (const e of ESTIMATES) {
    rows[e.id] = designs.flatMap((d) =>
      d.runs.map((r) => ({ design: d.name, scenario: d.scenario, seed: r.seed, month: '' as const, arm: 'summary', group: '', metric: e.id, value: estimateValue(r, e.id) })),
    );
  }
  return { lines, estimates, rows };
}
