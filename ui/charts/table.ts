// A chart's data as the rows of an HTML table, values formatted as on the chart and each with its 95%
// interval: what the Chart/Table toggle shows. Pure: spec in, strings out.
import { formatInterval, formatValue } from '../format/format.js';
import type { ChartLabels } from './labels.js';
import type { EstimateChartSpec, LineChartSpec, Locale } from './types.js';

export interface TableCell {
  value: string;
  /** The 95% interval under the value; absent for heading-like cells such as the month. */
  interval?: string;
}

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: TableCell[][];
}

/** One row per month, one column per series: the mean with its interval. */
export function lineChartTable(spec: LineChartSpec, locale: Locale, labels: ChartLabels): ChartTable {
  const months = [...new Set(spec.series.flatMap((s) => s.months))].sort((a, b) => a - b);
  const rows = months.map((month) => [
    { value: spec.x ? formatValue(month, spec.x.kind, locale) : String(month) },
    ...spec.series.map((s) => {
      const i = s.months.indexOf(month);
      if (i < 0) return { value: formatValue(null, spec.kind, locale), interval: '' };
      const value = formatValue(s.mean[i], spec.kind, locale);
      return spec.noBand ? { value } : { value, interval: formatInterval(s.low[i], s.high[i], spec.kind, locale) };
    }),
  ]);
  return { caption: `${spec.title}. ${spec.yLabel}`, columns: [spec.x?.label ?? labels.month, ...spec.series.map((s) => s.label)], rows };
}

/** One row per design: its estimate and interval. */
export function estimateChartTable(spec: EstimateChartSpec, locale: Locale, labels: ChartLabels): ChartTable {
  return {
    caption: spec.title,
    columns: [labels.design, labels.mean, labels.interval],
    rows: spec.estimates.map((e) => [
      { value: e.label },
      { value: formatValue(e.mean, spec.kind, locale) },
      { value: formatInterval(e.low, e.high, spec.kind, locale) },
    ]),
  };
}
