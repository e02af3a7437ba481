// Messages between the page and its simulation workers.
import type { RunResult, ScenarioInput, Summary } from '../../sim/index.js';

export interface RunRequest {
  id: number;
  scenario: ScenarioInput;
  seed: number;
  months: number;
  /** Send the whole RunResult back (test hook) instead of the digest the charts need. */
  full: boolean;
  /**
   * Milliseconds the worker simulates before it looks at its messages again (a cancel, the next run):
   * months are stepped in slices of about this long. Omitted: the run goes to its end in one piece.
   */
  sliceMs?: number;
}

/** Drop run `id`: the worker stops it between two slices (or before it starts) and answers `cancelled`. */
export interface CancelRequest {
  cancel: number;
}

export type WorkerRequest = RunRequest | CancelRequest;

/** What the comparison needs from one run: the summary and the charted series of both arms. */
export interface RunDigest {
  scenario: string;
  seed: number;
  months: number;
  participants: number;
  summary: Summary;
  /** `group.metric` → series of each arm. */
  series: Record<string, { program: number[]; counterfactual: number[] }>;
}

export type RunResponse =
  /** `ms`: time the worker spent simulating and summarising this run. */
  | { id: number; ok: true; digest: RunDigest; full?: RunResult; ms: number }
  | { id: number; ok: false; error: string }
  /** The run was cancelled (a CancelRequest) before it finished: nothing else comes for this id. */
  | { id: number; ok: false; cancelled: true };
