// What the live economy view measures while it draws, read by bench/live.ts through the page. A module of
// types only, with no DOM, so the bench (compiled without the DOM's types) shares the one definition.

/** Drawing statistics for the bench: frames drawn, intervals between consecutive animation frames, draw times. */
export interface FrameStats {
  frames: number;
  /** Milliseconds between consecutive drawn animation frames (the frame rate while moving). */
  intervals: number[];
  /** Milliseconds each draw took. */
  drawMs: number[];
  /** Months applied and when (performance.now()), while playing. */
  monthsAt: number[];
  /** The worker's time for the first layout and for the last month (simulation and layout), ms. */
  firstLayoutMs: number;
  lastStepMs: number;
}
