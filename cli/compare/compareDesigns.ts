// Replicates of several designs on common random numbers: replicate r of every design uses seed + r,
// so design differences are paired (and each run already pairs program and counterfactual).
import { interval, runScenario, type Scenario } from '../../sim/index.js';
import { pendampingVersion } from '../version.js';
import { QUANTITIES } from './quantities.js';

export interface Design {
  name: string;
  file: string;
  scenario: Scenario;
}

export interface CompareOptions {
  replicates: number;
  seed: number;
  /** Horizon for every design (default: each scenario's own). */
  months?: number;
  onProgress?: (design: number, replicate: number) => void;
}

/** Mean and 95% Student-t interval over the replicates with a value; null where not defined. */
export interface QuantityStats {
  mean: number | null;
  low: number | null;
  high: number | null;
  sd: number | null;
  /** Replicates with a value (ratios are undefined in some). */
  n: number;
  unit: string;
}

export interface DesignStats {
  name: string;
  file: string;
  /** Mean participants over the replicates. */
  participants: number;
  months: number;
  summaryWindowMonths: number;
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
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

export function quantityStats(values: readonly (number | null)[], unit: string): QuantityStats {
  const xs = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (xs.length === 0) return { mean: null, low: null, high: null, sd: null, n: 0, unit };
  const ci = interval(xs);
  return { mean: orNull(ci.mean), low: orNull(ci.low), high: orNull(ci.high), sd: orNull(ci.sd), n: ci.n, unit };
}

/**
 * Cost per job over replicates: mean cost ÷ mean jobs created, with the interval of the jobs effect
 * carried over (a per-replicate ratio explodes when a replicate creates almost no job). When the jobs
 * interval reaches zero the cost per job has no upper bound; when no job is created on average it is
 * not defined.
 */
export function costPerJobStats(cost: QuantityStats | undefined, jobs: QuantityStats | undefined): QuantityStats {
  const unit = 'rupiah per job';
  if (!cost || !jobs || cost.mean === null || jobs.mean === null || !(jobs.mean > 0) || !(cost.mean > 0)) {
    return { mean: null, low: null, high: null, sd: null, n: 0, unit };
  }
  const low = jobs.high !== null && jobs.high > 0 ? cost.mean / jobs.high : null;
  const high = jobs.low !== null && jobs.low > 0 ? cost.mean / jobs.low : null;
  return { mean: cost.mean / jobs.mean, low, high, sd: null, n: jobs.n, unit };
}

/** Quantity id → one value per replicate. */
type ReplicateValues = Record<string, (number | null)[]>;

export function compareDesigns(designs: readonly Design[], options: CompareOptions): CompareResult {
  const seeds = Array.from({ length: options.replicates }, (_, r) => options.seed + r);
  const perDesign = designs.map((d, i) => {
    // Only the headline numbers are kept: every replicate's monthly series would be most of the memory.
    const values: ReplicateValues = Object.fromEntries(QUANTITIES.map((q) => [q.id, []]));
    let participants = 0;
    let months = 0;
    let window = 0;
    seeds.forEach((seed, r) => {
      options.onProgress?.(i, r);
      const result = runScenario(d.scenario, { seed, months: options.months });
      for (const q of QUANTITIES) values[q.id].push(q.value(result));
      participants += result.program.participants;
      months = result.months;
      window = result.summaryWindowMonths;
    });
    return { values, participants: participants / seeds.length, months, window };
  });
  const stats = (values: ReplicateValues) =>
    Object.fromEntries(QUANTITIES.filter((q) => q.id in values).map((q) => [q.id, quantityStats(values[q.id], q.unit)]));
  const designStats = (values: ReplicateValues) => {
    const s = stats(values);
    s.costPerJob = costPerJobStats(s.programCost, s['jobs.effect']);
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
      participants: perDesign[i].participants,
      months: perDesign[i].months,
      summaryWindowMonths: perDesign[i].window,
      quantities: designStats(perDesign[i].values),
    })),
    differencesVsFirst: designs.slice(1).map((d, k) => {
      const own = perDesign[k + 1].values;
      const diffs: ReplicateValues = {};
      for (const q of QUANTITIES) {
        if (!q.differenced) continue;
        // Paired by seed: only replicates where both designs have a value.
        diffs[q.id] = own[q.id].map((x, r) => {
          const base = first.values[q.id][r];
          return x === null || base === null ? null : x - base;
        });
      }
      return { name: d.name, file: d.file, baseline: designs[0].name, quantities: stats(diffs) };
    }),
  };
}
