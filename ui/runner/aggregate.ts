// Aggregate replicates of several designs into chart specs: per design and month the mean effect
// (program − counterfactual) with a 95% interval over replicates; optionally each design minus design
// A replicate by replicate (common random numbers make the pairing meaningful). The statistics are
// sim/stats/replicates.ts's, as in the CLI's compare and the batch summary. Pure: no workers.
import { costPerJob, drawStats, effectOf, monthlyBand, monthlyRange, pairedDifferences, replicateStats, type ReplicateStats, type ReplicateValue } from '../../sim/index.js';
import type { BandSeries, Estimate, EstimateChartSpec, LineChartSpec, TidyRow } from '../charts/types.js';
import { CHARTED_SERIES, ESTIMATES, type EstimateId } from './metrics.js';
import type { RunDigest } from './protocol.js';
import { headlineCards, type HeadlineCard } from './headline.js';
import { costEffectivenessCharts } from './costEffectiveness.js';
import type { PlaneChartSpec } from '../charts/types.js';
import type { CeaResult } from '../../sim/index.js';

export interface DesignRuns {
  id: string;
  name: string;
  /** Scenario name written in the CSV's scenario column. */
  scenario: string;
  /** Region profile it ran in, written in the CSV's region column. */
  region?: string;
  /** One digest per replicate, replicate r run with seed + r. */
  runs: RunDigest[];
}

export type Labeller = (key: string, params?: Record<string, string | number>) => string;

/**
 * Per month, the mean and 95% interval over replicates, or (each replicate a draw of the assumptions) the
 * range over the assumptions (NaN where no replicate has a value).
 */
function band(perReplicate: readonly (readonly ReplicateValue[])[], months: number, overAssumptions: boolean): Omit<BandSeries, 'id' | 'label'> {
  return { months: Array.from({ length: months }, (_, t) => t + 1), ...(overAssumptions ? monthlyRange : monthlyBand)(perReplicate, months) };
}

/**
 * A figure's mean and its range: the 95% confidence interval over replicates, or the range over the
 * assumptions (`compare --uncertainty`'s rangeLow and rangeHigh) when each replicate was a draw.
 */
export function figureStats(values: readonly ReplicateValue[], overAssumptions: boolean): Pick<Estimate, 'mean' | 'low' | 'high'> {
  if (!overAssumptions) return meanAndInterval(replicateStats(values));
  const { mean, rangeLow, rangeHigh } = drawStats(values);
  return { mean, low: rangeLow, high: rangeHigh };
}

const effectSeries = (d: RunDigest, key: string) => effectOf(d.series[key]);

function estimateValue(d: RunDigest, id: EstimateId): number | null {
  const s = d.summary;
  switch (id) {
    case 'localGdpPerRupiah':
      return s.localGdpPerRupiah;
    case 'spendingMultiplier':
      return s.spendingMultiplier.program;
    case 'lm3':
      return s.lm3.program;
    case 'costPerJob':
      return s.costPerJob;
  }
}

const meanAndInterval = ({ mean, low, high }: ReplicateStats): Pick<Estimate, 'mean' | 'low' | 'high'> => ({ mean, low, high });

/** Cost per job over replicates, as the CLI's compare: mean cost ÷ mean jobs effect (sim/stats/replicates.ts). */
const costPerJobOf = (runs: readonly RunDigest[]) =>
  meanAndInterval(costPerJob(replicateStats(runs.map((r) => r.summary.programCost)), replicateStats(runs.map((r) => r.summary.jobs.effect))));

export interface Aggregated {
  lines: LineChartSpec[];
  estimates: EstimateChartSpec[];
  /**
   * Chart id → tidy rows behind it (the CLI's run CSV columns plus design), each chart's built on first read
   * (test `id in rows` to ask whether a chart has rows without building them).
   */
  rows: Record<string, TidyRow[]>;
  /** The answer first: each pinned design against no program (never relative to design A). */
  headline: HeadlineCard[];
  /**
   * Cost-effectiveness against no program (the CLI's compare's, ui/runner/costEffectiveness.ts): the
   * shared results (designs by id), the planes and the acceptability curves (jobs, then local GDP).
   */
  cea: { results: CeaResult[]; planes: PlaneChartSpec[]; curves: LineChartSpec[] };
}

/**
 * The raw rows of each chart, built when first read and then kept. Only a raw-CSV download reads them, and
 * building them for every chart (a row per design × replicate × arm × month: ~30,000 objects for three
 * designs and the baseline at 10 replicates) was most of an aggregation's time, twice per slider move
 * (the preview and the final comparison), on the page's main thread.
 */
function lazyRows(builders: Record<string, () => TidyRow[]>): Record<string, TidyRow[]> {
  const rows: Record<string, TidyRow[]> = {};
  for (const [id, build] of Object.entries(builders)) {
    Object.defineProperty(rows, id, {
      enumerable: true,
      configurable: true,
      get() {
        const value = build();
        Object.defineProperty(rows, id, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  return rows;
}

export function aggregate(designs: readonly DesignRuns[], options: { diffVsA: boolean; label: Labeller; overAssumptions?: boolean }): Aggregated {
  const { label, diffVsA } = options;
  const overAssumptions = options.overAssumptions ?? false;
  const first = designs[0];
  // Design A stays in the difference view (as its zero line) so every design keeps its colour.
  const shown = designs;
  const suffix = diffVsA ? '.diff' : '.effect';
  const lines: LineChartSpec[] = CHARTED_SERIES.map((m) => {
    const key = `${m.group}.${m.metric}`;
    const series = shown.map((d) => {
      // Differences pair replicate r with A's replicate r (a preview may hold more of a cached design's).
      const runs = diffVsA ? d.runs.slice(0, first.runs.length) : d.runs;
      const months = Math.min(...runs.map((r) => r.months));
      const per = runs.map((r, i) => (diffVsA ? pairedDifferences(effectSeries(r, key), effectSeries(first.runs[i], key)) : effectSeries(r, key)));
      return { id: d.id, label: d.name, ...band(per, months, overAssumptions) };
    });
    return { id: m.id, title: label(`chart.${m.id}`), yLabel: label(`axis.${m.id}${suffix}`), kind: m.kind, series };
  });
  const estimates: EstimateChartSpec[] = ESTIMATES.map((e) => ({
    id: e.id,
    title: label(`estimate.${e.id}`) + (diffVsA ? ' — ' + label('diffSuffix') : ''),
    kind: e.kind,
    estimates: shown.map((d) => {
      // Over the assumptions, cost per job is every draw's own (as `compare --uncertainty` reports it).
      if (e.id === 'costPerJob' && !overAssumptions) {
        const own = costPerJobOf(d.runs);
        if (!diffVsA) return { id: d.id, label: d.name, ...own };
        // A ratio of means has no paired difference: the difference of the two, without an interval.
        const a = costPerJobOf(first.runs).mean;
        return { id: d.id, label: d.name, mean: own.mean !== null && a !== null ? own.mean - a : null, low: null, high: null };
      }
      const xs = d.runs.map((r) => estimateValue(r, e.id));
      const values = diffVsA ? pairedDifferences(xs, first.runs.map((r) => estimateValue(r, e.id))) : xs;
      return { id: d.id, label: d.name, ...figureStats(values, overAssumptions) };
    }),
  }));
  const builders: Record<string, () => TidyRow[]> = {};
  for (const m of CHARTED_SERIES) {
    const key = `${m.group}.${m.metric}`;
    builders[m.id] = () => {
      const out: TidyRow[] = [];
      for (const d of designs) {
        for (const r of d.runs) {
          for (const arm of ['program', 'counterfactual'] as const) {
            r.series[key][arm].forEach((value, t) => out.push({ design: d.name, scenario: d.scenario, ...(d.region === undefined ? {} : { region: d.region }), seed: r.seed, month: t + 1, arm, group: m.group, metric: m.metric, value }));
          }
        }
      }
      return out;
    };
  }
  for (const e of ESTIMATES) {
    builders[e.id] = () =>
      designs.flatMap((d) =>
        d.runs.map((r) => ({ design: d.name, scenario: d.scenario, ...(d.region === undefined ? {} : { region: d.region }), seed: r.seed, month: '' as const, arm: 'summary', group: '', metric: e.id, value: estimateValue(r, e.id) })),
      );
  }
  const rows = lazyRows(builders);
  const ce = costEffectivenessCharts(designs, label, overAssumptions);
  Object.assign(rows, ce.rows);
  return { lines, estimates, rows, headline: headlineCards(designs, overAssumptions), cea: { results: ce.results, planes: ce.planes, curves: ce.curves } };
}
