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
