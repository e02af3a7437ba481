// What an experiment records from one run, as tidy rows (month, group, metric, value), and the catalogue
// of metric names an experiment may ask for:
//   - summary quantities: any numeric leaf of the run's Summary (`profit.effect`, `localGdpPerRupiah`,
//     `spendingMultiplier.program`, `lm3.program`, …), recorded once, at the horizon month, in group `summary`;
//   - monthly series `<arm>.<group>.<metric>` (arm program | counterfactual; group participants |
//     nonParticipants | initialNonParticipants | all with a business metric, or economy with an economy metric), recorded in group
//     `<arm>.<group>` under the metric's own id at the months `record` asks for.
import { BUSINESS_GROUPS, BUSINESS_METRICS, ECONOMY_METRICS } from '../metrics/definitions.js';
import type { RunResult } from '../run/runScenario.js';
import type { Comparison, Summary } from '../run/summary.js';
import type { Experiment, RecordSpec } from './schema.js';

type ComparisonKey = { [K in keyof Summary]: Summary[K] extends Comparison ? K : never }[keyof Summary];
type NumberKey = { [K in keyof Summary]: Summary[K] extends number | null ? K : never }[keyof Summary];

/** Every numeric leaf path of Summary, e.g. `profit.effect`, `lm3.program`, `costPerJob`. */
export type SummaryMetric =
  | `${ComparisonKey}.${'program' | 'counterfactual' | 'effect' | 'effectShare'}`
  | NumberKey
  | `spendingMultiplier.${'program' | 'counterfactual' | 'effect' | 'effectShare'}`
  | `lm3.${'program' | 'counterfactual' | 'effect' | 'effectShare'}`
  | `localRespendingShare.${'program' | 'counterfactual'}`;

const COMPARISON_KEYS = [
  'turnover', 'profit', 'customers', 'production', 'digitalAdoption', 'bookkeepingAdoption', 'survival', 'womenTurnover',
  'womenProfit', 'womenSurvival', 'nonParticipantTurnover', 'nonParticipantProfit', 'nonParticipantSurvival', 'networkDegree',
  'turnoverGini', 'householdIncomeGini', 'jobs', 'localRawMaterialDemand', 'consumerPriceIndex', 'wageIndex', 'unemploymentRate', 'localGdp',
] as const satisfies readonly ComparisonKey[];
const NUMBER_KEYS = [
  'directJobs', 'inducedJobs', 'localGdpGained', 'localGdpPerRupiah', 'profitPerRupiah', 'programLm3',
  'programCost', 'costPerJob',
] as const satisfies readonly NumberKey[];
// Compile-time guards: a new field of Summary must be added to the lists above.
const everyComparison: [Exclude<ComparisonKey, (typeof COMPARISON_KEYS)[number]>] extends [never] ? true : never = true;
const everyNumber: [Exclude<NumberKey, (typeof NUMBER_KEYS)[number]>] extends [never] ? true : never = true;
void everyComparison;
void everyNumber;

const COMPARISON_FIELDS = ['program', 'counterfactual', 'effect', 'effectShare'] as const;

/** Every summary quantity an experiment can record, in the order of the Summary type. */
export const SUMMARY_METRICS: readonly SummaryMetric[] = [
  ...COMPARISON_KEYS.flatMap((k) => COMPARISON_FIELDS.map((f) => `${k}.${f}` as const)),
  ...NUMBER_KEYS,
  ...COMPARISON_FIELDS.map((f) => `spendingMultiplier.${f}` as const),
  ...COMPARISON_FIELDS.map((f) => `lm3.${f}` as const),
  'localRespendingShare.program',
  'localRespendingShare.counterfactual',
];

export const SERIES_ARMS = ['program', 'counterfactual'] as const;
export const SERIES_GROUPS = [...BUSINESS_GROUPS, 'economy'] as const;
export type SeriesArm = (typeof SERIES_ARMS)[number];
export type SeriesGroup = (typeof SERIES_GROUPS)[number];

/** The metric ids recorded for a series group. */
export function seriesMetricIds(group: SeriesGroup): string[] {
  return (group === 'economy' ? ECONOMY_METRICS : BUSINESS_METRICS).map((m) => m.id);
}

/** Every monthly series an experiment can record: `<arm>.<group>.<metric>`. */
export const SERIES_METRICS: readonly string[] = SERIES_ARMS.flatMap((arm) =>
  SERIES_GROUPS.flatMap((group) => seriesMetricIds(group).map((id) => `${arm}.${group}.${id}`)),
);

/** The default metrics: the headline effects and program figures. */
export const DEFAULT_METRICS: readonly SummaryMetric[] = [
  'turnover.effect', 'profit.effect', 'jobs.effect', 'localGdp.effect', 'localGdpGained', 'localGdpPerRupiah', 'programCost', 'costPerJob',
];

const summarySet = new Set<string>(SUMMARY_METRICS);
const seriesSet = new Set<string>(SERIES_METRICS);

export function isSummaryMetric(name: string): name is SummaryMetric {
  return summarySet.has(name);
}

/** A series metric name split into arm, group and metric id; null if it is not one. */
export function parseSeriesMetric(name: string): { arm: SeriesArm; group: SeriesGroup; metric: string } | null {
  if (!seriesSet.has(name)) return null;
  const [arm, group, metric] = name.split('.');
  return { arm: arm as SeriesArm, group: group as SeriesGroup, metric };
}

export function isKnownMetric(name: string): boolean {
  return summarySet.has(name) || seriesSet.has(name);
}

/** A summary quantity of one run; null when undefined there (a ratio with a zero denominator) or not finite. */
export function summaryValue(summary: Summary, metric: SummaryMetric): number | null {
  const [head, field] = metric.split('.') as [keyof Summary, string | undefined];
  const node = summary[head] as unknown;
  const v = field === undefined ? node : (node as Record<string, unknown> | null)?.[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The months (1-based) at which series are recorded up to `horizon`: 'final' → [horizon]; 'monthly' →
 * 1..horizon; {every: N} → N, 2N, … and always the horizon itself.
 */
export function recordedMonths(record: RecordSpec, horizon: number): number[] {
  if (record === 'final') return [horizon];
  const every = record === 'monthly' ? 1 : record.every;
  const months: number[] = [];
  for (let m = every; m <= horizon; m += every) months.push(m);
  if (months[months.length - 1] !== horizon) months.push(horizon);
  return months;
}

/** One tidy value of one run. */
export interface RecordRow {
  month: number;
  /** `summary`, or `<arm>.<group>` for a series (e.g. `program.participants`). */
  group: string;
  /** The summary path (`profit.effect`), or the series metric id (`turnover`). */
  metric: string;
  /** null when the quantity is undefined in this run (or not finite). */
  value: number | null;
}

/**
 * The monthly series a run must record for an experiment, as `runScenario`'s `metrics` option
 * (`<group>.<metric>`, both arms): the series metrics it asks for. Summary metrics need none beyond what
 * the summary always records. Recording less never changes a value, only skips work (about 40% of a
 * 500-business run's time goes to metrics no experiment asked for).
 */
export function seriesMetricsFor(experiment: Pick<Experiment, 'metrics'>): string[] {
  const wanted = new Set<string>();
  for (const name of experiment.metrics) {
    const series = parseSeriesMetric(name);
    if (series) wanted.add(`${series.group}.${series.metric}`);
  }
  return [...wanted];
}

/**
 * The rows one run contributes, in a stable order: metrics in the order the experiment lists them; a
 * summary metric gives one row (group `summary`, month = the run's horizon); a series metric gives one row
 * per recorded month, ascending.
 */
export function recordRows(result: RunResult, experiment: Pick<Experiment, 'metrics' | 'record'>): RecordRow[] {
  const rows: RecordRow[] = [];
  const horizon = result.months;
  const months = recordedMonths(experiment.record, horizon);
  for (const name of experiment.metrics) {
    if (isSummaryMetric(name)) {
      rows.push({ month: horizon, group: 'summary', metric: name, value: summaryValue(result.summary, name) });
      continue;
    }
    const series = parseSeriesMetric(name);
    if (!series) throw new Error(`unknown metric "${name}"`);
    const values = result.series[series.arm][series.group][series.metric];
    for (const m of months) {
      const v = values[m - 1];
      rows.push({ month: m, group: `${series.arm}.${series.group}`, metric: series.metric, value: typeof v === 'number' && Number.isFinite(v) ? v : null });
    }
  }
  return rows;
}
