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
  /** Its colour when the page fixed it (a design's colour everywhere); else handed out in order. */
  colour?: string;
  /** The x values (months, unless the spec's `x` says otherwise). */
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
  /** An x axis other than months (the acceptability curve's value of one job): its values' kind, title and CSV column. */
  x?: { kind: ValueKind; label: string; csvColumn: string };
  /** The series are exact (no interval): no band is drawn, the table and CSV have no interval. */
  noBand?: boolean;
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

/** A design on the cost-effectiveness plane: its replicates as a cloud, its mean as a marker, its frontier status. */
export interface PlaneDesign {
  id: string;
  label: string;
  colour: string;
  /** Means over replicates (null where undefined: no marker). */
  cost: number | null;
  effect: number | null;
  status: 'frontier' | 'dominated' | 'extendedDominated' | 'undefined';
  /** The status in words (shown with the label and in the table). */
  statusText: string;
  /** A short word written under the label of a design off the frontier ("didominasi"). */
  mark?: string;
  /** A frontier design's extra cost per extra unit of effect over the frontier option before it (named in `previous`). */
  icer?: number;
  previous?: string;
  /** Every replicate's cost and effect. */
  replicates: { seed: number; cost: number | null; effect: number | null }[];
}

/** The cost-effectiveness plane: x = program cost (rupiah), y = the effect (extra jobs, or local GDP gained). */
export interface PlaneChartSpec {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  /** The effect's kind: `count` (jobs) or `rupiah` (local GDP). */
  effectKind: ValueKind;
  /** The effect's id in the CLI's compare (`jobs`, `localGdp`). */
  effect: string;
  designs: PlaneDesign[];
  /** The frontier after doing nothing, cheapest first (design ids). */
  frontier: string[];
  /** The chart's own words: "no program", the frontier's legend, and the table's columns. */
  words: {
    nothing: string;
    frontier: string;
    replicate: string;
    /** The legend's word for a design's mean marker. */
    mean: string;
    cost: string;
    effect: string;
    status: string;
    icer: string;
    /** "{amount} per extra job over {previous}": the ICER in words. */
    icerOver: string;
  };
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
  /**
   * `none`: each design's effect (program − counterfactual); `diffVsFirst`: design − design A;
   * `overAssumptions`: each design's effect over draws of the assumptions (the CLI's words).
   */
  comparison?: 'none' | 'diffVsFirst' | 'overAssumptions';
  /** The ranges: 95% confidence intervals (`low`, `high`), or the range over the assumptions (`rangeLow`, `rangeHigh`). */
  interval?: 'confidence' | 'overAssumptions';
  designs: ExportDesign[];
  replicates: number;
  seed: number;
  months: number;
  /** The region's name as shown to the reader. */
  region: string;
  version: string;
}

/** One uncertain assumption's bar in the tornado chart: its Morris μ* (signed by μ) with the 95% CI. */
export interface TornadoBar {
  /** The assumption's scenario path (sim/uncertainty/parameters.ts). */
  parameter: string;
  /** Its name in words. */
  label: string;
  /** Its range in words ("0.5–0.9"). */
  range: string;
  rank: number;
  /** Mean |elementary effect| and its bootstrap 95% CI (output units per move across the whole range). */
  muStar: number | null;
  low: number | null;
  high: number | null;
  /** Mean elementary effect: its sign says which way the output moves when the assumption rises. */
  mu: number | null;
  sigma: number | null;
  n: number;
}

/**
 * The tornado chart: the uncertain assumptions ranked by how far they move one output of one design
 * (`sensitivity --assumptions`'s Morris μ*), largest on top, each bar pointing the way the output moves
 * when the assumption rises. `rows` are sensitivity's own rows (its CSV).
 */
export interface TornadoChartSpec {
  id: string;
  title: string;
  /** The axis: what a bar's length measures. */
  xLabel: string;
  kind: ValueKind;
  /** The output's metric name (jobs.effect, localGdpGained) and the design ranked. */
  output: string;
  design: string;
  runs: number;
  bars: TornadoBar[];
  rows: Record<string, string | number | null>[];
  words: { rises: string; falls: string; assumption: string; muStar: string; interval: string; direction: string };
}
