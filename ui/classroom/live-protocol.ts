// Messages between the live economy view and its worker (live-worker.ts).
import type { LiveAnchors, LiveArm, ScenarioInput } from '../../sim/index.js';
import type { LiveNumbers } from './types.js';

export type LiveRequest =
  /** Start a live run (a new one replaces the old): the scenario as JSON, parsed in the worker. */
  | { type: 'init'; id: number; scenario: ScenarioInput; seed: number; arm?: LiveArm }
  /** Advance the run up to `months` months (fewer at the horizon). */
  | { type: 'step'; id: number; months: number }
  /** Back to month 0 of the same scenario and seed (showing the same arm). */
  | { type: 'reset'; id: number }
  /** Show the other economy: with the program, or the same one without it (both go on in lockstep). */
  | { type: 'arm'; id: number; arm: LiveArm }
  /** The businesses beside which these households and suppliers are drawn (program arm): answered with `anchors`. */
  | { type: 'anchors'; id: number; households: number[]; suppliers: number[] };

/** The economy after a month (or at month 0): what the view draws and the numbers beside it. */
export interface LiveFrame {
  /** The economy drawn: with the program or without it (the numbers cover both either way). */
  arm: LiveArm;
  month: number;
  horizon: number;
  /** Businesses that exist or existed (ids 0..count-1). */
  count: number;
  /** State code per business (sim/classroom/live.ts LiveState). */
  states: Uint8Array;
  /** Layout position per business [x0, y0, …] in layout units. */
  positions: Float32Array;
  /** Sector per business: sent with the first frame and whenever businesses entered. */
  sectors?: Uint8Array;
  /** Tie pairs [a0, b0, …]: sent with the first frame and whenever ties were added. */
  edges?: Int32Array;
  /** Sector discs (centre, radius in layout units) and names: sent with the first frame. */
  discs?: { x: number; y: number; r: number; name: string }[];
  /** Layout radius (layout units). */
  radius: number;
  /** Numbers after the month; null at month 0. */
  numbers: LiveNumbers | null;
  /** Time in the worker for this answer: simulating and laying out (ms); the first layout's time. */
  stepMs: number;
  layoutMs: number;
  firstLayoutMs: number;
}

export type LiveResponse =
  | { id: number; ok: true; frame: LiveFrame }
  | { id: number; ok: true; anchors: LiveAnchors }
  | { id: number; ok: false; error: string };
