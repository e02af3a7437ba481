// Where everything of a line chart goes, as numbers and path strings: d3 scales and shape generators
// over the spec, no DOM. The component draws what this returns.
import { area, line, scaleLinear } from 'd3';
import { tickFormatter } from '../format/format.js';
import { assignColours, baselineFirst, isBaseline } from './palette.js';
import { dodge, monthDomain, monthTicks, niceAxis, ok, yDomain } from './scales.js';
import type { ValueKind } from './types.js';
import { textWidth, wrapText } from './textWidth.js';
import type { LineChartSpec, Locale } from './types.js';

/** Approximate advance of one character at the chart's 12px font, for margins (no text measuring). */
export const CHAR_WIDTH = 6.6;
/** Line-end labels are at least this far apart vertically. */
export const LABEL_GAP = 14;
/** The chart's font size, and the line height of a wrapped line-end label or axis title. */
export const FONT_SIZE = 12;
export const LINE_HEIGHT = 14;
/** A line-end label is wrapped onto at most this many lines; what does not fit ends in "…" (the full label stays in the table and summary). */
export const MAX_LABEL_LINES = 2;
/** The right margin never takes more than this share of the width. */
const MAX_RIGHT_SHARE = 0.4;

export interface Tick {
  value: number;
  /** Pixel position along the axis. */
  at: number;
  text: string;
}

export interface SeriesLayout {
  id: string;
  label: string;
  /** The label as drawn, its lines joined by a space (shortened with "…" when two lines do not hold it). */
  text: string;
  /** The label's lines as drawn: wrapped to fit the right margin, at most MAX_LABEL_LINES. */
  lines: string[];
  colour: string;
  baseline: boolean;
  /** SVG path data of the mean line and of the 95% band. */
  line: string;
  band: string;
  /** The last point with a mean, and the label's nudged y. */
  end: { x: number; y: number } | null;
  labelY: number;
}

export interface LineLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The y-axis title's lines (over the plot, from the left edge), wrapped to the width. */
  yTitle: string[];
  /** The x-axis title's lines when the spec has its own x axis (wrapped to the width); empty: months. */
  xTitle: string[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** Pixel y of the zero line. */
  zeroY: number;
  series: SeriesLayout[];
  /** Map values to pixels (for tests and for anything drawn on top). */
  x: (month: number) => number;
  y: (value: number) => number;
}

/**
 * Ticks of a value axis (the acceptability curve's value of one job) over a `length` px long axis: round
 * values, every k-th labelled so no two labels come closer than 10 px.
 */
export function valueTicks(domain: readonly [number, number], kind: ValueKind, locale: Locale, length: number): Omit<Tick, 'at'>[] {
  const ticks = niceAxis(domain, Math.max(2, Math.round(length / 90))).ticks.filter((v) => v >= domain[0] && v <= domain[1]);
  const format = tickFormatter(kind, locale, ticks);
  const texts = ticks.map(format);
  const stepPx = ticks.length > 1 ? ((ticks[1] - ticks[0]) / (domain[1] - domain[0])) * length : Infinity;
  const widest = Math.max(0, ...texts.map((t) => textWidth(t, FONT_SIZE)));
  const every = Math.max(1, Math.ceil((widest + 10) / stepPx));
  return ticks.map((value, i) => ({ value, text: i % every === 0 ? texts[i] : '' }));
}

export function layoutLineChart(spec: LineChartSpec, width: number, height: number, locale: Locale): LineLayout {
  const ordered = baselineFirst(spec.series);
  const colours = assignColours(spec.series);
  const y0 = niceAxis(yDomain(spec.series), Math.max(2, Math.round(height / 60)));
  const formatTick = tickFormatter(spec.kind, locale, y0.ticks);
  const yTickTexts = y0.ticks.map(formatTick);
  const longestTick = Math.max(0, ...yTickTexts.map((t) => t.length));
  // A line-end label starts 10 px right of the line's end and is kept 4 px inside the edge: it wraps
  // (then shortens) to what the widest margin allows, and the margin is as wide as its widest line, so no
  // label runs past the SVG (an exported image has nothing beyond it).
  const labelRoom = Math.max(40, width * MAX_RIGHT_SHARE - 14);
  const labelLines = new Map(ordered.map((s) => [s.id, wrapText(s.label, labelRoom, FONT_SIZE, true, MAX_LABEL_LINES)] as const));
  const widestLabel = Math.max(0, ...[...labelLines.values()].flat().map((l) => textWidth(l, FONT_SIZE, true)));
  const yTitle = wrapText(spec.yLabel, width - 4, FONT_SIZE, true);
  const xTitle = spec.x ? wrapText(spec.x.label, width - 8, FONT_SIZE) : [];
  const margin = {
    top: 28 + (yTitle.length - 1) * LINE_HEIGHT,
    right: Math.ceil(widestLabel) + 14,
    bottom: 40 + Math.max(0, xTitle.length - 1) * LINE_HEIGHT,
    left: Math.ceil(longestTick * CHAR_WIDTH) + 12,
  };
  const innerRight = Math.max(margin.left + 10, width - margin.right);
  const innerBottom = Math.max(margin.top + 10, height - margin.bottom);

  const xd = monthDomain(spec.series);
  const xScale = scaleLinear().domain(xd).range([margin.left, innerRight]);
  const yScale = scaleLinear().domain(y0.domain).range([innerBottom, margin.top]);
  const x = (m: number) => xScale(m);
  const y = (v: number) => yScale(v);

  const maxXTicks = Math.max(2, Math.floor((innerRight - margin.left) / 44));
  const xTicks = spec.x ? valueTicks(xd, spec.x.kind, locale, innerRight - margin.left).map((t) => ({ ...t, at: x(t.value) })) : monthTicks(xd, maxXTicks).map((m) => ({ value: m, at: x(m), text: String(m) }));
  const yTicks = y0.ticks.map((v, i) => ({ value: v, at: y(v), text: yTickTexts[i] }));

  const series = ordered.map((s) => {
    const idx = s.months.map((_, i) => i);
    const meanPath =
      line<number>()
        .defined((i) => ok(s.months[i]) && ok(s.mean[i]))
        .x((i) => x(s.months[i]))
        .y((i) => y(s.mean[i]))(idx) ?? '';
    const bandPath =
      area<number>()
        .defined((i) => !spec.noBand && ok(s.months[i]) && ok(s.low[i]) && ok(s.high[i]))
        .x((i) => x(s.months[i]))
        .y0((i) => y(s.low[i]))
        .y1((i) => y(s.high[i]))(idx) ?? '';
    let last = -1;
    for (let i = idx.length - 1; i >= 0; i--) {
      if (ok(s.months[i]) && ok(s.mean[i])) {
        last = i;
        break;
      }
    }
    const end = last < 0 ? null : { x: x(s.months[last]), y: y(s.mean[last]) };
    return {
      id: s.id,
      label: s.label,
      text: labelLines.get(s.id)!.join(' '),
      lines: labelLines.get(s.id)!,
      colour: s.colour ?? colours.get(s.id) ?? '#000000',
      baseline: isBaseline(s),
      line: meanPath,
      band: bandPath,
      end,
      labelY: end?.y ?? innerBottom,
    };
  });
  // Two-line labels need twice the room.
  const lineCount = Math.max(1, ...series.map((s) => s.lines.length));
  const labelYs = dodge(
    series.map((s) => s.labelY),
    LABEL_GAP * lineCount,
    margin.top,
    innerBottom,
  );
  series.forEach((s, i) => (s.labelY = labelYs[i]));

  return { width, height, margin, yTitle, xTitle, xTicks, yTicks, zeroY: y(0), series, x, y };
}
