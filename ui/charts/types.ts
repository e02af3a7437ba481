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

/** One design as an exported figure lists it: its name, line colour and settings in words. */
export interface ExportDesign {
  name: string;
  /** The colour of its line or dot (#rrggbb); a swatch of it is drawn before the name. */
  colour?: string;
  /** Its base scenario, then each changed setting with its value, e.g. "Anggaran program Rp 750 juta". */
  settings: string[];
}

/**
 * What an exported chart says about itself (the card writes it above and below the PNG / SVG and uses it
 * for the effects CSV): the subtitle, the designs and their settings, how the comparison was run, and
 * the app version.
 */
export interface ExportContext {
  /** Under the title: what is measured and in which unit (a line chart's y label). */
  subtitle?: string;
  /** The unit of the CSV's values, in the CLI's words (`rupiah/month per participant`, `workers`, …). */
  unit?: string;
  /** `none`: each design's effect (program − counterfactual); `diffVsFirst`: design − design A (the CLI's words). */
  comparison?: 'none' | 'diffVsFirst';
  designs: ExportDesign[];
  replicates: number;
  seed: number;
  months: number;
  /** The region's name as shown to the reader. */
  region: string;
  version: string;
}
