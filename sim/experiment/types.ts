// The contract between experiment files, their design, the batch runner and the sensitivity analysis.
// An experiment is data: base scenario(s), parameters to vary, a design, replicates, what to record.

/** A value a varied parameter can take (a number, or an enum / boolean field of the scenario). */
export type ParameterValue = number | string | boolean;

/** One design point: which base scenario and which value each varied parameter takes there. */
export interface DesignPoint {
  /** 0-based, in the design's canonical order; also the `design_point` column of the tidy CSV. */
  index: number;
  /** Name of the base scenario file (without folder or .json) this point starts from. */
  base: string;
  /** Scenario field path (dotted, as in the schema: `program.mentoring.visitsPerMonth`) → value. */
  assignments: Record<string, ParameterValue>;
  /** Where the point sits in a Sobol (Saltelli) or Morris design, for the sensitivity estimators. */
  role?: SobolRole | MorrisRole;
  /**
   * `base | path=value, path=value` (just `base` when nothing is varied), e.g.
   * `full-cycle | program.mentoring.visitsPerMonth=4`; unique in factorial designs (unless a values list repeats a value).
   */
  label?: string;
}

/** Saltelli sampling: rows of matrices A and B, and A with column `parameter` taken from B. */
export interface SobolRole {
  kind: 'sobol';
  row: number;
  matrix: 'A' | 'B' | 'AB';
  /** Index into the experiment's parameters, for matrix AB. */
  parameter?: number;
}

/** Morris trajectories: step 0 is the start; step s > 0 moved `parameter` by `delta` (in 0..1 units). */
export interface MorrisRole {
  kind: 'morris';
  trajectory: number;
  step: number;
  parameter?: number;
  delta?: number;
}

/** One simulation of the batch: a design point at one replicate. */
export interface RunSpec {
  /** point.index × replicates + replicate: the `run_id` column. */
  runId: number;
  point: DesignPoint;
  replicate: number;
  /** experiment.seed + replicate: the same seeds at every design point (common random numbers). */
  seed: number;
}
