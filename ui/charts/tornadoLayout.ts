// Where everything of the tornado chart goes: one row per uncertain assumption, largest μ* on top; each
// row its name (and range) on its own line above its bar, so no label can lie over a bar or another label
// at any width; the bar runs from zero the way the output moves when the assumption rises (right: rises,
// left: falls), its 95% CI a whisker, its value beyond the whisker's end; a value axis under the rows. No DOM.
import { scaleLinear } from 'd3';
import { formatValue } from '../format/format.js';
import { FONT_SIZE, LINE_HEIGHT, valueTicks, type Tick } from './lineLayout.js';
import { niceAxis } from './scales.js';
import { textWidth, wrapText } from './textWidth.js';
import type { Locale, TornadoChartSpec } from './types.js';

export const BAR_HEIGHT = 16;
const ROW_GAP = 10;
const VALUE_GAP = 6;
export const RISES_COLOUR = '#0072b2';
export const FALLS_COLOUR = '#d55e00';

export interface TornadoRow {
  parameter: string;
  /** The label's lines and the top of its first line. */
  lines: string[];
  labelY: number;
  /** The bar: from x0 to x1 (x0 < x1), top y. */
  x0: number;
  x1: number;
  y: number;
  /** The CI whisker, or null without one. */
  whisker: { x0: number; x1: number } | null;
  rises: boolean;
  colour: string;
  value: { text: string; x: number; anchor: 'start' | 'end'; width: number };
}

export interface TornadoLayout {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number };
  legend: { colour: string; lines: string[]; y: number }[];
  rows: TornadoRow[];
  zero: number;
  axisY: number;
  ticks: Tick[];
  xTitle: string[];
}

export function layoutTornado(spec: TornadoChartSpec, width: number, locale: Locale): TornadoLayout {
  const margin = { left: 8, right: 8, top: 4 };
  const inner = width - margin.left - margin.right;
  const signed = spec.bars.map((b) => ((b.mu ?? 0) < 0 ? -1 : 1));
  const anyFalls = signed.some((s) => s < 0);
  const anyRises = signed.some((s) => s > 0);
  const top = Math.max(1e-12, ...spec.bars.map((b) => Math.max(b.high ?? 0, b.muStar ?? 0)));
  const valueText = (x: number | null) => formatValue(x, spec.kind, locale);
  const valueWidth = Math.max(0, ...spec.bars.map((b) => textWidth(valueText(b.muStar), FONT_SIZE))) + VALUE_GAP;
  // Room for the values beyond the longest bar on each side that has bars.
  const left = margin.left + (anyFalls ? valueWidth : 0);
  const right = width - margin.right - (anyRises ? valueWidth : 0);
  const axis = niceAxis(anyFalls && anyRises ? [-top, top] : anyFalls ? [-top, 0] : [0, top], Math.max(2, Math.round((right - left) / 90)));
  const x = scaleLinear().domain(axis.domain).range([left, right]);
  const zero = x(0);
  let y = margin.top;
  // The legend: which way a bar points, each a swatch and its words.
  const legend: TornadoLayout['legend'] = [];
  for (const [show, colour, words] of [[anyRises, RISES_COLOUR, spec.words.rises], [anyFalls, FALLS_COLOUR, spec.words.falls]] as const) {
    if (!show) continue;
    const lines = wrapText(words, inner - 20, FONT_SIZE);
    legend.push({ colour, lines, y });
    y += lines.length * LINE_HEIGHT + 4;
  }
  y += 6;
  const rows: TornadoRow[] = spec.bars.map((b, i) => {
    const rises = signed[i] > 0;
    const lines = wrapText(`${b.rank}. ${b.label} (${b.range})`, inner, FONT_SIZE, true, 2);
    const labelY = y;
    y += lines.length * LINE_HEIGHT + 2;
    const s = rises ? 1 : -1;
    const end = x(s * (b.muStar ?? 0));
    const whisker = b.low !== null && b.high !== null ? { x0: Math.min(x(s * b.low), x(s * b.high)), x1: Math.max(x(s * b.low), x(s * b.high)) } : null;
    const far = rises ? Math.max(end, whisker?.x1 ?? end) : Math.min(end, whisker?.x0 ?? end);
    const text = valueText(b.muStar);
    const row: TornadoRow = {
      parameter: b.parameter,
      lines,
      labelY,
      x0: Math.min(zero, end),
      x1: Math.max(zero, end),
      y,
      whisker,
      rises,
      colour: rises ? RISES_COLOUR : FALLS_COLOUR,
      value: { text, x: rises ? far + VALUE_GAP : far - VALUE_GAP, anchor: rises ? 'start' : 'end', width: textWidth(text, FONT_SIZE) },
    };
    y += BAR_HEIGHT + ROW_GAP;
    return row;
  });
  const axisY = y;
  const ticks = valueTicks(axis.domain, spec.kind, locale, right - left).map((t) => ({ ...t, value: t.value, at: x(t.value), text: t.text.replace(/^-/, '') }));
  const xTitle = wrapText(spec.xLabel, inner, FONT_SIZE, true, 3);
  const height = axisY + 20 + xTitle.length * LINE_HEIGHT + 8;
  return { width, height, margin, legend, rows, zero, axisY, ticks, xTitle };
}
