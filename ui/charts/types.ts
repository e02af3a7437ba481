// The contract between the app (which runs the designs and aggregates replicates) and the charts (pure
// renderers of what they are given). Charts never run the simulation.

/** How a chart's values are shown (axes, table, tooltips). */
export type ValueKind = 'rupiah' | 'share' | 'count' | 'percent' | 'ratio';

/** One line: a design's mean over replicates per month, with its 95% confidence band. */
export interface BandSeries {
  /** Stable id (the design's id); used for colours and for the CSV. */
  id: string;
  /** Shown on the line itself (not only in a legend). */
  label: string;
  /** The no-program baseline: drawn first and in black (ids "baseline", "no-program" count as one too). */
  baseline?: boolean;
  months: number[];
  mean: number[];
  low: number[];
  high: number[];
}

export interface LineChartSpec {
  id: string;
  title: string;
  /** What the y axis measures, e.g. "Turnover: change vs without program". */
  yLabel: string;
  kind: ValueKind;
  series: BandSeries[];
}

/** One design's point estimate with its interval (local GDP per rupiah, spending multiplier, LM3, cost per job…). */
export interface Estimate {
  id: string;
  label: string;
  /** The no-program baseline: drawn in black (ids "baseline", "no-program" count as one too). */
  baseline?: boolean;
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface EstimateChartSpec {
  id: string;
  title: string;
  kind: ValueKind;
  estimates: Estimate[];
}

/** Tidy rows for CSV export, the same columns as the CLI's run CSV plus the design. */
export interface TidyRow {
  design: string;
  scenario: string;
  /** The region profile the scenario ran in (the comparison's rows carry it; a CSV has the column when any row does). */
  region?: string;
  seed: number | '';
  month: number | '';
  arm: string;
  group: string;
  metric: string;
  value: number | null;
}

export type Locale = 'id' | 'en';
