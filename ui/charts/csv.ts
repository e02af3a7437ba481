// A chart's data as CSV, two ways. The effects CSV (the default download) is exactly what the chart shows:
// per design and month (or per design, for an estimate) the mean with its 95% interval. The raw CSV is
// every replicate's values behind it: the tidy columns of the CLI's run CSV plus the design (and the
// region, when the rows name one). Both are written as RFC 4180 with LF line ends like the CLI (a field is quoted only when it
// holds a comma, quote, CR or LF; quotes doubled). Numbers at full precision (the shortest text that reads back to the same double); null,
// NaN and infinities become empty fields.
import type { EstimateChartSpec, LineChartSpec, PlaneChartSpec, TidyRow, TornadoChartSpec } from './types.js';

export const TIDY_HEADER = ['design', 'scenario', 'seed', 'month', 'arm', 'group', 'metric', 'value'] as const;
/** The header when the rows name their region: it follows the scenario. */
export const TIDY_HEADER_WITH_REGION = ['design', 'scenario', 'region', 'seed', 'month', 'arm', 'group', 'metric', 'value'] as const;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of tidy rows, header first, one LF-terminated line per row. */
export function tidyCsv(rows: readonly TidyRow[]): string {
  const header = rows.some((r) => r.region !== undefined) ? TIDY_HEADER_WITH_REGION : TIDY_HEADER;
  const lines = [header.join(',')];
  for (const r of rows) lines.push(header.map((column) => csvField(r[column])).join(','));
  return lines.join('\n') + '\n';
}

/**
 * The effects CSV's columns, the same for line and estimate charts so the files of several charts stack
 * (`month` is empty for an estimate). One row per point the chart draws, with its statistics side by side
 * as the chart and table show them. `comparison` and `unit` use the words of the CLI's `compare --format
 * csv` (`none` or `diffVsFirst`; `rupiah/month per participant`, `workers`, …), and `mean`, `low`, `high`
 * are its statistics, so `tidyr::pivot_longer(d, c(mean, low, high), names_to = "statistic")` gives the
 * CLI's long form (design, comparison, quantity = chart, statistic, value, unit) plus the month.
 */
export const EFFECTS_HEADER = ['chart', 'design', 'comparison', 'month', 'mean', 'low', 'high', 'unit'] as const;

export interface EffectsOptions {
  /** The values' unit, in the CLI's words; empty when not given. */
  unit?: string;
  /** `none` (each design's effect), `diffVsFirst` (design − design A) or `overAssumptions`. Default `none`. */
  comparison?: 'none' | 'diffVsFirst' | 'overAssumptions';
  /**
   * The ranges' kind: `confidence` (columns `low`, `high`: the 95% confidence interval) or
   * `overAssumptions` (columns `rangeLow`, `rangeHigh`: the range over the assumptions, the CLI's names).
   */
  interval?: 'confidence' | 'overAssumptions';
}

const isLineSpec = (spec: LineChartSpec | EstimateChartSpec): spec is LineChartSpec => 'series' in spec;

/** The effects CSV of a chart's spec: a row per design × month (line) or per design (estimate), in the chart's order. */
export function effectsCsv(spec: LineChartSpec | EstimateChartSpec, options: EffectsOptions = {}): string {
  const unit = options.unit ?? '';
  const comparison = options.comparison ?? 'none';
  // A line chart over another x than months (the acceptability curve) names that column instead.
  const range = options.interval === 'overAssumptions';
  const header = EFFECTS_HEADER.map((c) =>
    c === 'month' && isLineSpec(spec) && spec.x ? spec.x.csvColumn : range && c === 'low' ? 'rangeLow' : range && c === 'high' ? 'rangeHigh' : c,
  );
  const lines = [header.join(',')];
  const row = (design: string, month: number | '', mean: number | null, low: number | null, high: number | null) =>
    [spec.id, design, comparison, month, mean, low, high, unit].map(csvField).join(',');
  if (isLineSpec(spec)) {
    for (const s of spec.series) s.months.forEach((month, i) => lines.push(row(s.label, month, s.mean[i], spec.noBand ? null : s.low[i], spec.noBand ? null : s.high[i])));
  } else {
    for (const e of spec.estimates) lines.push(row(e.label, '', e.mean, e.low, e.high));
  }
  return lines.join('\n') + '\n';
}

/**
 * The cost-effectiveness plane's CSV: per design its mean cost and effect with its frontier status (the
 * CLI's words: frontier, dominated, extendedDominated) and ICER over the previous frontier option, then
 * every replicate's cost and effect (seed filled, status empty).
 */
export const PLANE_HEADER = ['chart', 'design', 'seed', 'cost', 'effect', 'status', 'icer', 'previous', 'effectUnit'] as const;

export function planeCsv(spec: PlaneChartSpec): string {
  const unit = spec.effect === 'jobs' ? 'workers' : 'rupiah';
  const lines = [PLANE_HEADER.join(',')];
  const row = (...cells: (string | number | null | undefined)[]) => lines.push(cells.map(csvField).join(','));
  for (const d of spec.designs) row(spec.id, d.label, '', d.cost, d.effect, d.status, d.icer, d.previous, unit);
  for (const d of spec.designs) for (const r of d.replicates) row(spec.id, d.label, r.seed, r.cost, r.effect, '', null, '', unit);
  return lines.join('\n') + '\n';
}

/**
 * The tornado chart's CSV: the rows `sensitivity --assumptions` writes to OUT/sensitivity-<output>.csv, with
 * the same columns (output, base, rank, parameter, method, n, mu, mu_star, mu_star_low, mu_star_high, sigma,
 * then the Sobol columns, empty here).
 */
export function tornadoCsv(spec: TornadoChartSpec): string {
  const columns = Object.keys(spec.rows[0] ?? { output: '' });
  return [columns.join(','), ...spec.rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\n') + '\n';
}
