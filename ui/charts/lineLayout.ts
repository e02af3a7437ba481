// Where everything of a line chart goes, as numbers and path strings: d3 scales and shape generators
// over the spec, no DOM. The component draws what this returns.
import { area, line, scaleLinear } from 'd3';
import { tickFormatter } from '../format/format.js';
import { assignColours, baselineFirst, isBaseline } from './palette.js';
import { dodge, monthDomain, monthTicks, niceAxis, yDomain } from './scales.js';
import type { LineChartSpec, Locale } from './types.js';

/** Approximate advance of one character at the chart's 12px font, for margins (no text measuring). */
export const CHAR_WIDTH = 6.6;
/** The same for the bold line-end labels. */
export const BOLD_CHAR_WIDTH = 7.4;
/** Line-end labels are at least this far apart vertically. */
export const LABEL_GAP = 14;
/** Longer series labels are shortened on the chart (the full label stays in the table and summary). */
export const MAX_LABEL_CHARS = 24;

export interface Tick {
  value: number;
  /** Pixel position along the axis. */
  at: number;
  text: string;
}

export interface SeriesLayout {
  id: string;
  label: string;
  /** The label as drawn, shortened when long. */
  text: string;
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
  xTicks: Tick[];
  yTicks: Tick[];
  /** Pixel y of the zero line. */
  zeroY: number;
  series: SeriesLayout[];
  /** Map values to pixels (for tests and for anything drawn on top). */
  x: (month: number) => number;
  y: (value: number) => number;
}

export const shorten = (label: string, max = MAX_LABEL_CHARS) => (label.length > max ? label.slice(0, max - 1).trimEnd() + '…' : label);

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function layoutLineChart(spec: LineChartSpec, width: number, height: number, locale: Locale): LineLayout {
  const ordered = baselineFirst(spec.series);
  const colours = assignColours(spec.series);
  const y0 = niceAxis(yDomain(spec.series), Math.max(2, Math.round(height / 60)));
  const formatTick = tickFormatter(spec.kind, locale, y0.ticks);
  const yTickTexts = y0.ticks.map(formatTick);
  const longestTick = Math.max(0, ...yTickTexts.map((t) => t.length));
  const longestLabel = Math.max(0, ...ordered.map((s) => shorten(s.label).length));
  const margin = {
    top: 28,
    right: Math.min(width * 0.35, Math.ceil(longestLabel * BOLD_CHAR_WIDTH) + 14),
    bottom: 40,
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
  const xTicks = monthTicks(xd, maxXTicks).map((m) => ({ value: m, at: x(m), text: String(m) }));
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
        .defined((i) => ok(s.months[i]) && ok(s.low[i]) && ok(s.high[i]))
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
      text: shorten(s.label),
      colour: colours.get(s.id) ?? '#000000',
      baseline: isBaseline(s),
      line: meanPath,
      band: bandPath,
      end,
      labelY: end?.y ?? innerBottom,
    };
  });
  const labelYs = dodge(
    series.map((s) => s.labelY),
    LABEL_GAP,
    margin.top,
    innerBottom,
  );
  series.forEach((s, i) => (s.labelY = labelYs[i]));

  return { width, height, margin, xTicks, yTicks, zeroY: y(0), series, x, y };
}
