// How the live economy view draws a business's state (sim/classroom/live.ts LiveState): three separate
// visual channels, so no state hides another and nothing relies on colour alone —
//   fill colour = performance (growing, steady, struggling; Okabe–Ito green / grey / vermillion),
//   shape       = digital sales channel (square) or not (circle),
//   black ring  = mentored (a program participant whose cohort has started).
// A closed business is a small hollow grey circle, with neither flag.
import { OKABE_ITO } from '../charts/palette.js';

/** The state codes (mirrors sim/classroom/live.ts LiveState; kept here so the page bundle needs no sim/ code). */
export const CODE = { CLOSED: 0, STRUGGLING: 1, STEADY: 2, GROWING: 3, PERFORMANCE: 3, DIGITAL: 4, MENTORED: 8 } as const;

export type Performance = 'growing' | 'steady' | 'struggling' | 'closed';
export const PERFORMANCES: readonly Performance[] = ['growing', 'steady', 'struggling', 'closed'];

export const COLOURS: Record<Performance, string> = {
  growing: OKABE_ITO.bluishGreen,
  steady: '#A7B1BC',
  struggling: OKABE_ITO.vermillion,
  closed: '#A7B1BC',
};
/** Ring of mentored businesses and outline of highlighted ones. */
export const RING_COLOUR = OKABE_ITO.black;
/** Halo of businesses lit up by follow the rupiah. */
export const HIGHLIGHT_COLOUR = OKABE_ITO.yellow;

export interface NodeStyle {
  performance: Performance;
  fill: string | null;
  stroke: string | null;
  shape: 'circle' | 'square';
  ring: boolean;
}

export function performanceOf(code: number): Performance {
  switch (code & CODE.PERFORMANCE) {
    case CODE.GROWING:
      return 'growing';
    case CODE.STEADY:
      return 'steady';
    case CODE.STRUGGLING:
      return 'struggling';
    default:
      return 'closed';
  }
}

export function nodeStyle(code: number): NodeStyle {
  const performance = performanceOf(code);
  if (performance === 'closed') return { performance, fill: null, stroke: COLOURS.closed, shape: 'circle', ring: false };
  return { performance, fill: COLOURS[performance], stroke: null, shape: code & CODE.DIGITAL ? 'square' : 'circle', ring: (code & CODE.MENTORED) !== 0 };
}

/** The style groups the canvas draws in one path each: performance × shape (index = perf * 2 + square). */
export const styleGroup = (code: number): number => (code & CODE.PERFORMANCE) * 2 + (code & CODE.DIGITAL && code & CODE.PERFORMANCE ? 1 : 0);

export interface StateCounts {
  growing: number;
  steady: number;
  struggling: number;
  closed: number;
  digital: number;
  mentored: number;
}

/** How many businesses are in each state (digital and mentored counted among open ones, as flags). */
export function countStates(states: Uint8Array): StateCounts {
  const c: StateCounts = { growing: 0, steady: 0, struggling: 0, closed: 0, digital: 0, mentored: 0 };
  for (let i = 0; i < states.length; i++) {
    const code = states[i];
    c[performanceOf(code)]++;
    if (code & CODE.DIGITAL) c.digital++;
    if (code & CODE.MENTORED) c.mentored++;
  }
  return c;
}

export type LegendKey = Performance | 'digital' | 'mentored';
export const LEGEND: readonly LegendKey[] = ['growing', 'steady', 'struggling', 'closed', 'digital', 'mentored'];

/** Speeds offered (months per second) and the default. */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8];
export const DEFAULT_SPEED = 2;

/**
 * An SVG path of a number's months so far in a `width` × `height` box: x spans months 1..horizon (so the
 * line grows across the box as the run goes on), y the values' range (with 0 when `withZero`). Missing
 * values (null, not finite) break the line. Returns '' with fewer than one value.
 */
export function sparklinePath(values: readonly (number | null)[], horizon: number, width: number, height: number, withZero = false): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  let lo = Math.min(...finite), hi = Math.max(...finite);
  if (withZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = 2;
  const x = (i: number) => (horizon <= 1 ? width / 2 : (i / (horizon - 1)) * width);
  const y = (v: number) => pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad);
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** Where 0 falls in the same box (for the zero line of effects), or null when the range does not hold 0. */
export function sparklineZero(values: readonly (number | null)[], height: number): number | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return null;
  let lo = Math.min(...finite, 0), hi = Math.max(...finite, 0);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = 2;
  return pad + (1 - (0 - lo) / (hi - lo)) * (height - 2 * pad);
}
