// Replicates of several designs on common random numbers: replicate r of every design uses seed + r,
// so design differences are paired (and each run already pairs program and counterfactual). The statistics
// over replicates are those of sim/stats/replicates.ts.
import type { Scenario } from '../../sim/scenario/schema.js';
import { outsideGrowthField } from '../../sim/run/result.js';
import { costPerJob, drawStats, pairedDifferences, replicateStats, type ReplicateStats } from '../../sim/stats/replicates.js';
import { mean } from '../../sim/stats/summaries.js';
import { pendampingVersion } from '../version.js';
import { DESIGN_FIGURES, QUANTITIES } from './quantities.js';
import { costEffectiveness, type CeaResult } from './costEffectiveness.js';
import { designKeys } from './designKeys.js';
import { UNCERTAIN_PARAMETERS, type UncertainParameter } from '../../sim/uncertainty/parameters.js';
import { runDesign, type CompareRun, type RunValues } from './runDesign.js';

export interface Design {
  name: string;
  file: string;
  scenario: Scenario;
  /** The fields the scenario file sets itself (never drawn under --uncertainty). */
  explicit?: ReadonlySet<string>;
}

export interface CompareOptions {
  replicates: number;
  seed: number;
  /** Horizon for every design (default: each scenario's own). */
  months?: number;
  /**
   * Draws of the uncertain assumptions (sim/uncertainty/parameters.ts): draw r of every design runs with
   * seed + r and the same draw of each parameter its file does not set. 0 or absent: none.
   */
  uncertainty?: number;
  /** Called before each run: `draw` true for the draws of the assumptions (after every replicate). */
  onProgress?: (design: number, replicate: number, draw?: boolean) => void;
}

/** A quantity over the draws of the assumptions: its mean and the 2.5–97.5 percentile range of the draws. */
export interface AssumptionStats {
  mean: number | null;
  rangeLow: number | null;
  rangeHigh: number | null;
  /** Draws in which the quantity was defined. */
  n: number;
  unit: string;
}

export interface OverAssumptions {
  draws: number;
  seeds: number[];
  /** The parameters drawn, with their distributions and sources; `fixedIn`: designs whose file sets it. */
  parameters: (UncertainParameter & { fixedIn: string[] })[];
  designs: { name: string; file: string; quantities: Record<string, AssumptionStats> }[];
}

/** A quantity's statistics over the replicates (see sim/stats/replicates.ts) and its unit. */
export type QuantityStats = ReplicateStats & { unit: string };

export interface DesignStats {
  name: string;
  file: string;
  /** The region profile the design's economy comes from. */
  region: string;
  /** Present only when the design sets a trend (localEconomy.outsideGrowthPerYear, share per year). */
  outsideGrowthPerYear?: number;
  /** Mean participants over the replicates. */
  participants: number;
  months: number;
  summaryWindowMonths: number;
  /** Whether the design pays cash transfers to households (program.cashTransfer.enabled). */
  cashTransfer: boolean;
  quantities: Record<string, QuantityStats>;
}

export interface DifferenceStats {
  name: string;
  file: string;
  /** Name of the first design, which is subtracted. */
  baseline: string;
  quantities: Record<string, QuantityStats>;
}

export interface CompareResult {
  pendampingVersion: string;
  replicates: number;
  seeds: number[];
  designs: DesignStats[];
  differencesVsFirst: DifferenceStats[];
  /** Cost-effectiveness on extra jobs and on local GDP gained: the frontier and the acceptability curve. */
  costEffectiveness: CeaResult[];
  /** With --uncertainty: every quantity over draws of the uncertain assumptions. */
  overAssumptions?: OverAssumptions;
  /** With --uncertainty: each draw's values, per design (the acceptability curve's draws). */
  drawValues?: ReplicateValues[];
  /**
   * Every replicate's values, one record per design (in `designs` order): DESIGN_FIGURES and QUANTITIES
   * id → one value per seed, in seed order (null where not defined). For `--per-replicate` and the CSV's
   * statistics of the design figures; not part of the JSON document.
   */
  replicateValues: ReplicateValues[];
}

/** Quantity id → one value per replicate. */
export type ReplicateValues = Record<string, (number | null)[]>;

/**
 * Every run of a comparison, in the order the sequential path makes them: every design's replicates (seed +
 * r), then every design's draws of the assumptions (seed + r, each with that seed's draw).
 */
export function compareRuns(designs: readonly Design[], options: CompareOptions): CompareRun[] {
  const runs: CompareRun[] = [];
  designs.forEach((_, design) => {
    for (let r = 0; r < options.replicates; r++) runs.push({ design, seed: options.seed + r, draw: false });
  });
  designs.forEach((_, design) => {
    for (let r = 0; r < (options.uncertainty ?? 0); r++) runs.push({ design, seed: options.seed + r, draw: true });
  });
  return runs;
}

/** The comparison, each run simulated here one after another. */
export function compareDesigns(designs: readonly Design[], options: CompareOptions): CompareResult {
  const runs = compareRuns(designs, options);
  const values = runs.map((run) => {
    options.onProgress?.(run.design, run.seed - options.seed, run.draw || undefined);
    return runDesign(designs[run.design].scenario, designs[run.design].explicit ?? new Set(), run, options.months);
  });
  return assembleComparison(designs, options, values);
}

/** The comparison from every run's values (`values[i]` of `compareRuns(designs, options)[i]`): its statistics, whoever ran the runs. */
export function assembleComparison(designs: readonly Design[], options: CompareOptions, runValues: readonly RunValues[]): CompareResult {
  const runs = compareRuns(designs, options);
  const seeds = Array.from({ length: options.replicates }, (_, r) => options.seed + r);
  const perDesign = designs.map((_, i) => {
    // Only the headline numbers are kept: every replicate's monthly series would be most of the memory.
    const figures: ReplicateValues = Object.fromEntries(DESIGN_FIGURES.map((f) => [f.id, []]));
    const values: ReplicateValues = Object.fromEntries(QUANTITIES.map((q) => [q.id, []]));
    let months = 0;
    let window = 0;
    runs.forEach((run, k) => {
      if (run.design !== i || run.draw) return;
      const v = runValues[k];
      DESIGN_FIGURES.forEach((f, j) => figures[f.id].push(v.figures[j]));
      QUANTITIES.forEach((q, j) => values[q.id].push(v.values[j]));
      months = figures.months[figures.months.length - 1] as number;
      window = figures.summaryWindowMonths[figures.summaryWindowMonths.length - 1] as number;
    });
    return { figures, values, participants: mean(figures.participants as number[]), months, window };
  });
  // Draws of the assumptions: the same seeds as the replicates, each with its draw of every parameter.
  const drawCount = options.uncertainty ?? 0;
  const drawSeeds = Array.from({ length: drawCount }, (_, r) => options.seed + r);
  const drawValues: ReplicateValues[] = designs.map((_, i) => {
    const values: ReplicateValues = Object.fromEntries(QUANTITIES.map((q) => [q.id, []]));
    runs.forEach((run, k) => {
      if (run.design === i && run.draw) QUANTITIES.forEach((q, j) => values[q.id].push(runValues[k].values[j]));
    });
    return values;
  });
  const stats = (values: ReplicateValues): Record<string, QuantityStats> =>
    Object.fromEntries(QUANTITIES.filter((q) => q.id in values).map((q) => [q.id, { ...replicateStats(values[q.id]), unit: q.unit }]));
  const designStats = (values: ReplicateValues) => {
    const s = stats(values);
    s.costPerJob = { ...costPerJob(s.programCost, s['jobs.effect']), unit: s.costPerJob.unit };
    return s;
  };
  const first = perDesign[0];
  return {
    pendampingVersion: pendampingVersion(),
    replicates: options.replicates,
    seeds,
    designs: designs.map((d, i) => ({
      name: d.name,
      file: d.file,
      region: d.scenario.region,
      ...outsideGrowthField(d.scenario),
      participants: perDesign[i].participants,
      months: perDesign[i].months,
      summaryWindowMonths: perDesign[i].window,
      cashTransfer: d.scenario.program.cashTransfer.enabled,
      quantities: designStats(perDesign[i].values),
    })),
    differencesVsFirst: designs.slice(1).map((d, k) => {
      const own = perDesign[k + 1].values;
      const diffs: ReplicateValues = {};
      // Paired by seed: only replicates where both designs have a value.
      for (const q of QUANTITIES) if (q.differenced) diffs[q.id] = pairedDifferences(own[q.id], first.values[q.id]);
      return { name: d.name, file: d.file, baseline: designs[0].name, quantities: stats(diffs) };
    }),
    // Under --uncertainty the frontier and the curve read the draws of the assumptions.
    costEffectiveness: costEffectiveness(designKeys(designs.map((d) => d.name)), drawCount > 0 ? drawValues : perDesign.map((p) => p.values)),
    ...(drawCount > 0
      ? {
          overAssumptions: {
            draws: drawCount,
            seeds: drawSeeds,
            parameters: UNCERTAIN_PARAMETERS.map((p) => ({ ...p, fixedIn: designs.filter((d) => d.explicit?.has(p.path)).map((d) => d.name) })),
            designs: designs.map((d, i) => ({ name: d.name, file: d.file, quantities: assumptionStats(drawValues[i]) })),
          },
          drawValues,
        }
      : {}),
    replicateValues: perDesign.map((p) => ({ ...p.figures, ...p.values })),
  };
}

/** Each quantity's mean and 2.5–97.5 percentile range over the draws (null where no draw defines it). */
function assumptionStats(values: ReplicateValues): Record<string, AssumptionStats> {
  const out: Record<string, AssumptionStats> = {};
  for (const q of QUANTITIES) out[q.id] = { ...drawStats(values[q.id] ?? []), unit: q.unit };
  return out;
}
