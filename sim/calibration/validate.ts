// Run the calibration scenarios over replicates (replicate r uses seed + r for every scenario, so
// comparisons between scenarios are paired) and score every target: mean, 95% CI, pass.
import { runScenario, type RunResult } from '../run/runScenario.js';
import type { Scenario } from '../scenario/schema.js';
import { finiteOrNull, meanOfDefined, replicateStats, type ReplicateValue } from '../stats/replicates.js';
import { UNCERTAIN_PARAMETERS, drawAssumptions, type UncertainParameter } from '../uncertainty/parameters.js';
import { TARGETS, calibrationScenarioNames, type Runs, type Target } from './targets.js';

export interface TargetResult {
  id: string;
  quantity: string;
  unit: string;
  target: { low: number; high: number };
  /** Mean over the replicates in which the quantity was defined (null if in none). */
  value: number | null;
  ci: [number, number] | null;
  /** Replicates with a value. */
  n: number;
  /** Whether the mean lies in the target range; null for a quantity the model does not represent. */
  pass: boolean | null;
  source: string;
  notModelled?: string;
  /** The model is known to miss this target (the reason); a failure here is reported, not fatal. */
  knownGap?: string;
}

/** A target that should pass and does not: what fails `validate`. */
export const isFailure = (r: Pick<TargetResult, 'pass' | 'knownGap'>): boolean => r.pass === false && !r.knownGap;
/** A target the model is known to miss, still missed. */
export const isOpenGap = (r: Pick<TargetResult, 'pass' | 'knownGap'>): boolean => r.pass === false && !!r.knownGap;

export interface ValidateOptions {
  replicates: number;
  seed: number;
  targets?: readonly Target[];
  onProgress?: (replicate: number, scenario: string) => void;
}

/** Run every needed scenario for each replicate and measure every target. */
export function validate(scenarios: Record<string, Scenario>, options: ValidateOptions): TargetResult[] {
  const targets = options.targets ?? TARGETS;
  const names = calibrationScenarioNames(targets);
  for (const name of names) if (!scenarios[name]) throw new Error(`calibration scenario "${name}" is missing`);
  const values = new Map<string, (number | null)[]>(targets.map((t) => [t.id, []]));
  for (let r = 0; r < options.replicates; r++) {
    const runs: Runs = {};
    for (const name of names) {
      options.onProgress?.(r, name);
      runs[name] = runScenario(scenarios[name], { seed: options.seed + r });
    }
    for (const t of targets) {
      if (!t.notModelled) values.get(t.id)!.push(t.measure(runs));
    }
  }
  return targets.map((t) => score(t, values.get(t.id)!));
}

/** A target's verdict from its value in each replicate (null, or not finite, where it is not defined). */
export function score(t: Target, values: readonly ReplicateValue[]): TargetResult {
  const s = replicateStats(values);
  const base = { id: t.id, quantity: t.quantity, unit: t.unit, target: { low: t.low, high: t.high }, source: t.source, n: s.n, ...(t.knownGap ? { knownGap: t.knownGap } : {}) };
  if (t.notModelled) return { ...base, value: null, ci: null, pass: null, notModelled: t.notModelled };
  if (s.mean === null) return { ...base, value: null, ci: null, pass: false };
  return { ...base, value: s.mean, ci: s.low === null || s.high === null ? null : [s.low, s.high], pass: s.mean >= t.low && s.mean <= t.high };
}

/** One target across draws of the uncertain assumptions (`validate --uncertainty`). */
export interface TargetOverAssumptions {
  id: string;
  quantity: string;
  unit: string;
  target: { low: number; high: number };
  /** Draws whose mean over the replicates is defined, and of those, the ones in the target range. */
  draws: number;
  inRange: number;
  /** inRange ÷ draws (null with no draw defined, or for a target the model does not represent). */
  share: number | null;
  /** The lowest and highest draw means. */
  lowest: number | null;
  highest: number | null;
  /** Each draw's mean over the replicates, in draw order (null where undefined). */
  drawMeans: (number | null)[];
  source: string;
  notModelled?: string;
}

export interface AssumptionDraw {
  /** The seed its values were drawn with (seed + draw index). */
  seed: number;
  /** Parameter path → value drawn (the same in every calibration scenario). */
  values: Record<string, number>;
}

export interface ValidateOverAssumptionsOptions {
  draws: number;
  /** Replicates per draw; replicate r uses seed + r in every draw, so draws differ only in their assumptions. */
  replicates: number;
  seed: number;
  /** Fields each calibration scenario's file sets itself: those are never drawn. */
  explicit?: (name: string) => ReadonlySet<string>;
  registry?: readonly UncertainParameter[];
  targets?: readonly Target[];
  onProgress?: (draw: number, replicate: number, scenario: string) => void;
}

/**
 * Which targets still pass when the uncertain assumptions (sim/uncertainty/parameters.ts) are drawn from
 * their ranges: for each draw, every calibration scenario is run with that draw's values over the same
 * replicates, and each target's mean is compared with its range. A target's share is the share of draws
 * in range. With a registry of zero-width ranges at the defaults, every draw gives `validate`'s means.
 */
export function validateOverAssumptions(scenarios: Record<string, Scenario>, options: ValidateOverAssumptionsOptions): { results: TargetOverAssumptions[]; draws: AssumptionDraw[] } {
  const targets = options.targets ?? TARGETS;
  const registry = options.registry ?? UNCERTAIN_PARAMETERS;
  const names = calibrationScenarioNames(targets);
  for (const name of names) if (!scenarios[name]) throw new Error(`calibration scenario "${name}" is missing`);
  const means = new Map<string, (number | null)[]>(targets.map((t) => [t.id, []]));
  const draws: AssumptionDraw[] = [];
  for (let d = 0; d < options.draws; d++) {
    const drawSeed = options.seed + d;
    const drawn: Record<string, Scenario> = {};
    let values: Record<string, number> = {};
    for (const name of names) {
      const one = drawAssumptions(scenarios[name], options.explicit?.(name) ?? new Set(), drawSeed, registry);
      drawn[name] = one.scenario;
      values = { ...values, ...one.drawn };
    }
    draws.push({ seed: drawSeed, values });
    const perReplicate = new Map<string, (number | null)[]>(targets.map((t) => [t.id, []]));
    for (let r = 0; r < options.replicates; r++) {
      const runs: Runs = {};
      for (const name of names) {
        options.onProgress?.(d, r, name);
        runs[name] = runScenario(drawn[name], { seed: options.seed + r });
      }
      for (const t of targets) if (!t.notModelled) perReplicate.get(t.id)!.push(t.measure(runs));
    }
    for (const t of targets) if (!t.notModelled) means.get(t.id)!.push(replicateStats(perReplicate.get(t.id)!).mean);
  }
  const results = targets.map((t): TargetOverAssumptions => {
    const base = { id: t.id, quantity: t.quantity, unit: t.unit, target: { low: t.low, high: t.high }, source: t.source };
    if (t.notModelled) return { ...base, draws: 0, inRange: 0, share: null, lowest: null, highest: null, drawMeans: [], notModelled: t.notModelled };
    const drawMeans = means.get(t.id)!.map((x) => (x !== null && Number.isFinite(x) ? x : null));
    const xs = drawMeans.filter((x): x is number => x !== null);
    const inRange = xs.filter((x) => x >= t.low && x <= t.high).length;
    return {
      ...base,
      draws: xs.length,
      inRange,
      share: xs.length > 0 ? inRange / xs.length : null,
      lowest: xs.length > 0 ? Math.min(...xs) : null,
      highest: xs.length > 0 ? Math.max(...xs) : null,
      drawMeans,
    };
  });
  return { results, draws };
}

export interface SensitivityRow {
  scenario: string;
  factor: number;
  digitalSalesUplift: number;
  turnoverEffectPct: number;
  profitEffectPct: number;
  digitalAdoptionEffectPoints: number;
  jobsEffect: number;
  localGdpGained: number;
  localGdpPerRupiah: number | null;
}

/**
 * C9 has no well-identified estimate, so `performance.digitalSalesUplift` is an assumption: rerun the
 * given designs with it halved and doubled and report how the main outputs move (means over replicates).
 */
export function digitalUpliftSensitivity(
  designs: Record<string, Scenario>,
  options: { replicates: number; seed: number; factors?: number[] },
): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  for (const [name, base] of Object.entries(designs)) {
    for (const factor of options.factors ?? [0.5, 1, 2]) {
      const uplift = base.performance.digitalSalesUplift * factor;
      const s: Scenario = { ...base, performance: { ...base.performance, digitalSalesUplift: uplift } };
      const runs: RunResult[] = [];
      for (let r = 0; r < options.replicates; r++) runs.push(runScenario(s, { seed: options.seed + r }));
      const mean = (f: (x: RunResult) => number | null) => meanOfDefined(runs.map(f));
      rows.push({
        scenario: name,
        factor,
        digitalSalesUplift: uplift,
        turnoverEffectPct: mean((x) => (x.summary.turnover.effectShare ?? NaN) * 100),
        profitEffectPct: mean((x) => (x.summary.profit.effectShare ?? NaN) * 100),
        digitalAdoptionEffectPoints: mean((x) => x.summary.digitalAdoption.effect * 100),
        jobsEffect: mean((x) => x.summary.jobs.effect),
        localGdpGained: mean((x) => x.summary.localGdpGained),
        localGdpPerRupiah: finiteOrNull(mean((x) => x.summary.localGdpPerRupiah)),
      });
    }
  }
  return rows;
}
