// Seeded random streams, one per process and month. Each process draws a fixed number of uniforms per
// agent slot from a stream seeded by (seed, process, month), so the draw agent i gets in month t does not
// depend on what any other process did — or on whether the program is switched on. That is what makes
// the program run and its counterfactual share common random numbers.
import seedrandom from 'seedrandom';
import { cosTurns, log } from '../math/elementary.js';

export const PROCESSES = [
  'init', 'targeting', 'attendance', 'adoption', 'labour', 'exit', 'entry', 'shopSwitch', 'mentors', 'household', 'cashTransfer',
] as const;
export type Process = (typeof PROCESSES)[number];

export type Uniform = () => number;

/** A generator whose position can be read, so that a copy can go on from it (`resumeStream`). */
export type StatefulUniform = Uniform & { state(): seedrandom.State.Alea };

/** A generator that draws what the one whose `state()` was read would have drawn from there. */
export function resumeStream(state: seedrandom.State.Alea): StatefulUniform {
  return seedrandom.alea('', { state });
}

export class Streams {
  private readonly buffers = new Map<Process, Float64Array>();
  constructor(readonly seed: number) {}

  /** A generator for one process in one month (month 0 is initialisation). */
  stream(process: Process, month: number): Uniform {
    return seedrandom.alea(`${this.seed}/${process}/${month}`);
  }

  /** `stream`, with its position readable (the same draws). */
  statefulStream(process: Process, month: number): StatefulUniform {
    return seedrandom.alea(`${this.seed}/${process}/${month}`, { state: true });
  }

  /**
   * `count` uniforms in [0,1) for one process-month. The array is the process's own buffer, reused by
   * that process's next call.
   */
  uniforms(process: Process, month: number, count: number): Float64Array {
    let out = this.buffers.get(process);
    if (!out || out.length < count) {
      // A quarter of room: the counts grow with the businesses that have existed, a few a month.
      out = new Float64Array(Math.max(512, count + (count >> 2)));
      this.buffers.set(process, out);
    }
    const rng = this.stream(process, month);
    for (let i = 0; i < count; i++) out[i] = rng();
    return out;
  }
}

/** Standard normal from two uniforms (Box–Muller); u1 is kept away from 0. */
export function normal(u1: number, u2: number): number {
  return Math.sqrt(-2 * log(u1 > 1e-12 ? u1 : 1e-12)) * cosTurns(u2);
}
