// The charts' scale logic as pure functions over their data: which values an axis must cover, where
// its ticks go, and where line-end labels sit so they do not overlap. No DOM.
import { scaleLinear } from 'd3';
import type { BandSeries, Estimate } from './types.js';

/** A value a chart can place: a finite number (not null, undefined, NaN or infinite). */
export const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

const finite = (values: Iterable<number | null | undefined>): number[] => {
  const out: number[] = [];
  for (const v of values) if (ok(v)) out.push(v);
  return out;
};

/** [min, max] of the values and `include` (zero, a reference), widened when it would be a single point. */
export function extentWith(values: Iterable<number | null | undefined>, include: readonly number[] = [0]): [number, number] {
  const all = [...finite(values), ...include];
  if (all.length === 0) return [0, 1];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === 0 && hi === 0) return [0, 1];
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

/** The y values a line chart must show: every mean and both ends of every band, and zero. */
export function yDomain(series: readonly BandSeries[]): [number, number] {
  return extentWith(series.flatMap((s) => [...s.mean, ...s.low, ...s.high]));
}

export interface NiceAxis {
  domain: [number, number];
  ticks: number[];
}

/** The domain extended to round tick values (1, 2 or 5 × 10^k steps) and those ticks, about `count` of them. */
export function niceAxis(domain: readonly [number, number], count = 5): NiceAxis {
  const scale = scaleLinear().domain(domain).nice(count);
  const [lo, hi] = scale.domain() as [number, number];
  return { domain: [lo, hi], ticks: scale.ticks(count) };
}

/** The first and last month shown by any series ([0, 1] when there are none). */
export function monthDomain(series: readonly BandSeries[]): [number, number] {
  const months = finite(series.flatMap((s) => s.months));
  if (months.length === 0) return [0, 1];
  const lo = Math.min(...months);
  const hi = Math.max(...months);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** Month steps that read as calendar spans: 1, 2, 3, 6 months, 1, 2, 5 and 10 years. */
export const MONTH_STEPS: readonly number[] = [1, 2, 3, 6, 12, 24, 60, 120];

/**
 * Month ticks: multiples of the smallest calendar step giving at most `maxTicks` ticks, plus the first
 * month when it is not close to a multiple (months 1..36 → 1, 6, 12, 18, 24, 30, 36).
 */
export function monthTicks(domain: readonly [number, number], maxTicks = 8): number[] {
  const [lo, hi] = [Math.ceil(domain[0]), Math.floor(domain[1])];
  if (hi < lo) return [];
  const span = hi - lo;
  const step = MONTH_STEPS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? MONTH_STEPS[MONTH_STEPS.length - 1];
  const ticks: number[] = [];
  for (let m = Math.ceil(lo / step) * step; m <= hi; m += step) ticks.push(m);
  if (ticks.length === 0 || ticks[0] - lo >= step / 2) ticks.unshift(lo);
  return ticks;
}

/** The x values an estimate chart must show: every mean and interval end, and the reference line. */
export function estimateDomain(estimates: readonly Estimate[], reference: number | null): [number, number] {
  return extentWith(
    estimates.flatMap((e) => [e.mean, e.low, e.high]),
    reference === null ? [] : [reference],
  );
}

/**
 * Label positions near `wanted` (pixel y of each line's end) at least `gap` apart and inside
 * [top, bottom]: sorted, pushed down past their neighbours, then back up from the bottom. Returns the
 * positions in the order given.
 */
export function dodge(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, i) => ({ y: Number.isFinite(y) ? y : bottom, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => Math.min(Math.max(o.y, top), bottom));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  if (placed.length > 0 && placed[placed.length - 1] > bottom) {
    placed[placed.length - 1] = bottom;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - gap);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = placed[k]));
  return out;
}
