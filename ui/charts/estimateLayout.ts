// Where everything of an estimate chart goes: one row per design, a dot at the mean, a whisker over the
// 95% interval, the value at the right, a reference line (zero, or one for ratios). No DOM.
import { scaleLinear } from 'd3';
import { formatValue, tickFormatter } from '../format/format.js';
import { FONT_SIZE, MAX_LABEL_LINES, type Tick } from './lineLayout.js';
import { textWidth, wrapText } from './textWidth.js';
import { assignColours } from './palette.js';
import { estimateDomain, niceAxis, ok } from './scales.js';
import type { EstimateChartSpec, Locale, ValueKind } from './types.js';

export const ROW_HEIGHT = 32;

/** Where "no effect" sits: one for ratios (local GDP per rupiah, spending multiplier, LM3), zero for everything else. */
export const referenceFor = (kind: ValueKind): number => (kind === 'ratio' ? 1 : 0);

export interface EstimateRow {
  id: string;
  label: string;
  /** The label as drawn (its lines joined by a space). */
  text: string;
  /** The label's lines, wrapped to the left margin's widest allowance, at most MAX_LABEL_LINES. */
  lines: string[];
  colour: string;
  /** Row centre. */
  y: number;
  /** Pixel x of the mean and of the interval ends; null when missing. */
  cx: number | null;
  x1: number | null;
  x2: number | null;
  valueText: string;
}

export interface EstimateLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  ticks: Tick[];
  /** Pixel x of the reference line, null when off the axis. */
  referenceX: number | null;
  reference: number;
  rows: EstimateRow[];
  x: (value: number) => number;
}

export function layoutEstimateChart(spec: EstimateChartSpec, width: number, locale: Locale): EstimateLayout {
  const reference = referenceFor(spec.kind);
  const valueTexts = spec.estimates.map((e) => formatValue(e.mean, spec.kind, locale));
  // Labels end 8 px left of the plot and wrap (then shorten) to what 40% of the width allows, so none
  // starts left of the SVG's edge; the values are bold and end 4 px inside the right edge.
  const labelRoom = Math.max(40, width * 0.4 - 14);
  const labelLines = spec.estimates.map((e) => wrapText(e.label, labelRoom, FONT_SIZE, false, MAX_LABEL_LINES));
  const widestLabel = Math.max(0, ...labelLines.flat().map((l) => textWidth(l, FONT_SIZE)));
  const widestValue = Math.max(0, ...valueTexts.map((t) => textWidth(t, FONT_SIZE, true)));
  const margin = {
    top: 8,
    right: Math.ceil(widestValue) + 16,
    bottom: 32,
    left: Math.ceil(widestLabel) + 14,
  };
  const height = margin.top + Math.max(1, spec.estimates.length) * ROW_HEIGHT + margin.bottom;
  const right = Math.max(margin.left + 10, width - margin.right);
  // Every tick gets a gridline; labels only as many as the plot's width holds apart (`Rp 100 juta` is
  // long): every k-th, counted from the reference when it is a tick.
  const domain = estimateDomain(spec.estimates, reference);
  const axis = niceAxis(domain, Math.max(2, Math.round(width / 110)));
  const formatTick = tickFormatter(spec.kind, locale, axis.ticks);
  const stepPx = axis.ticks.length > 1 ? ((axis.ticks[1] - axis.ticks[0]) / (axis.domain[1] - axis.domain[0])) * (right - margin.left) : Infinity;
  const widestTick = Math.max(0, ...axis.ticks.map((v) => textWidth(formatTick(v), FONT_SIZE)));
  const every = Math.max(1, Math.ceil((widestTick + 8) / stepPx));
  const from = Math.max(0, axis.ticks.indexOf(reference)) % every;
  const scale = scaleLinear().domain(axis.domain).range([margin.left, right]);
  const x = (v: number) => scale(v);
  const colours = assignColours(spec.estimates);
  const rows = spec.estimates.map((e, i) => ({
    id: e.id,
    label: e.label,
    text: labelLines[i].join(' '),
    lines: labelLines[i],
    colour: colours.get(e.id) ?? '#000000',
    y: margin.top + (i + 0.5) * ROW_HEIGHT,
    cx: ok(e.mean) ? x(e.mean) : null,
    x1: ok(e.low) ? x(e.low) : null,
    x2: ok(e.high) ? x(e.high) : null,
    valueText: valueTexts[i],
  }));
  const referenceX = reference >= axis.domain[0] && reference <= axis.domain[1] ? x(reference) : null;
  return {
    width,
    height,
    margin,
    ticks: axis.ticks.map((v, i) => ({ value: v, at: x(v), text: (i - from) % every === 0 ? formatTick(v) : '' })),
    referenceX,
    reference,
    rows,
    x,
  };
}
