// Where everything of the cost-effectiveness plane goes: program cost across, the effect up, every
// replicate a small dot, each design's mean a larger marker with its label, "no program" at the origin and
// the efficiency frontier from the origin through the frontier designs, a legend under the axes. Labels are
// placed where they cover no marker, no other label and as few dots as possible. No DOM.
import { scaleLinear } from 'd3';
import { tickFormatter } from '../format/format.js';
import { FONT_SIZE, LINE_HEIGHT, MAX_LABEL_LINES, type Tick } from './lineLayout.js';
import { extentWith, niceAxis, ok } from './scales.js';
import { textWidth, wrapText } from './textWidth.js';
import type { Locale, PlaneChartSpec } from './types.js';

export const DOT_RADIUS = 3;
export const MEAN_RADIUS = 6.5;
const LEGEND_ROW = 18;

export interface PlaneDot {
  id: string;
  seed: number;
  x: number;
  y: number;
  colour: string;
}

export interface PlaneLabel {
  /** Top-left corner of the label's box, its size, its lines (the name wrapped, then the status mark). */
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** A leader from the marker to the box when the box is not right beside it. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface PlaneMean {
  id: string;
  label: string;
  colour: string;
  status: string;
  x: number;
  y: number;
  text: PlaneLabel;
}

export interface LegendItem {
  kind: 'dot' | 'mean' | 'frontier';
  /** Its text's lines (wrapped to the width). */
  lines: string[];
  /** Where its symbol is centred; the text starts 26 px right of x. */
  x: number;
  y: number;
}

export interface PlaneLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  yTitle: string[];
  xTitle: string[];
  xTicks: Tick[];
  yTicks: Tick[];
  origin: { x: number; y: number; text: PlaneLabel };
  dots: PlaneDot[];
  means: PlaneMean[];
  /** The frontier as an SVG path from the origin through the frontier designs' means. */
  frontier: string;
  legend: LegendItem[];
  x: (cost: number) => number;
  y: (effect: number) => number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** A circle as the box around it. */
const circleBox = (cx: number, cy: number, r: number): Box => ({ x: cx - r, y: cy - r, width: 2 * r, height: 2 * r });

/** Ticks labelled every k-th so no two texts come closer than `gap` px along the axis. */
function thinned(values: readonly number[], texts: readonly string[], at: (v: number) => number, size: (t: string) => number, gap: number): Tick[] {
  const step = values.length > 1 ? Math.abs(at(values[1]) - at(values[0])) : Infinity;
  const widest = Math.max(0, ...texts.map(size));
  const every = Math.max(1, Math.ceil((widest + gap) / step));
  const from = Math.max(0, values.indexOf(0)) % every;
  return values.map((value, i) => ({ value, at: at(value), text: (i - from) % every === 0 ? texts[i] : '' }));
}

export function layoutPlaneChart(spec: PlaneChartSpec, width: number, locale: Locale): PlaneLayout {
  const plotHeight = Math.round(Math.min(440, Math.max(260, width * 0.55)));
  const costs = spec.designs.flatMap((d) => [d.cost, ...d.replicates.map((r) => r.cost)]);
  const effects = spec.designs.flatMap((d) => [d.effect, ...d.replicates.map((r) => r.effect)]);
  const yAxis = niceAxis(extentWith(effects, [0]), Math.max(3, Math.round(plotHeight / 60)));
  const formatY = tickFormatter(spec.effectKind, locale, yAxis.ticks);
  const yTexts = yAxis.ticks.map(formatY);
  const yTitle = wrapText(spec.yLabel, width - 4, FONT_SIZE, true);
  const xTitle = wrapText(spec.xLabel, width - 8, FONT_SIZE);
  const widestY = Math.max(0, ...yTexts.map((t) => textWidth(t, FONT_SIZE)));
  const left = Math.ceil(widestY) + 12;
  // The last cost tick is centred on the plot's right end: the margin holds half of it.
  const xAxis = niceAxis(extentWith(costs, [0]), Math.max(2, Math.round((width - left - 12) / 100)));
  const formatX = tickFormatter('rupiah', locale, xAxis.ticks);
  const right = width - Math.max(12, Math.ceil(textWidth(formatX(xAxis.ticks[xAxis.ticks.length - 1] ?? 0), FONT_SIZE) / 2) + 4);
  // The legend flows in rows under the x title; an item wider than the chart wraps onto more lines.
  const legendItems: { kind: LegendItem['kind']; lines: string[]; width: number }[] = [
    { kind: 'dot' as const, text: spec.words.replicate },
    { kind: 'mean' as const, text: spec.words.mean },
    { kind: 'frontier' as const, text: spec.words.frontier },
  ].map((item) => {
    const lines = wrapText(item.text, width - 8 - 26, FONT_SIZE);
    return { kind: item.kind, lines, width: 26 + Math.max(...lines.map((l) => textWidth(l, FONT_SIZE))) + 16 };
  });
  const legendPlaced: { kind: LegendItem['kind']; lines: string[]; dx: number; row: number }[] = [];
  let legendY = 0;
  let rowWidth = 0;
  let rowHeight = 0;
  for (const item of legendItems) {
    if (rowWidth > 0 && rowWidth + item.width > width - 8) {
      legendY += rowHeight;
      rowWidth = 0;
      rowHeight = 0;
    }
    legendPlaced.push({ kind: item.kind, lines: item.lines, dx: rowWidth, row: legendY });
    rowWidth += item.width;
    rowHeight = Math.max(rowHeight, LEGEND_ROW + (item.lines.length - 1) * LINE_HEIGHT);
  }
  const legendHeight = legendY + rowHeight;
  const margin = {
    top: 28 + (yTitle.length - 1) * LINE_HEIGHT,
    right: width - right,
    bottom: 24 + xTitle.length * LINE_HEIGHT + 8 + legendHeight,
    left,
  };
  const height = margin.top + plotHeight + margin.bottom;
  const bottom = margin.top + plotHeight;
  const xScale = scaleLinear().domain(xAxis.domain).range([left, right]);
  const yScale = scaleLinear().domain(yAxis.domain).range([bottom, margin.top]);
  const x = (v: number) => xScale(v);
  const y = (v: number) => yScale(v);
  const xTicks = thinned(xAxis.ticks, xAxis.ticks.map(formatX), x, (t) => textWidth(t, FONT_SIZE), 12);
  const yTicks = thinned(yAxis.ticks, yTexts, y, () => FONT_SIZE, 4);

  const dots: PlaneDot[] = [];
  for (const d of spec.designs) {
    for (const r of d.replicates) if (ok(r.cost) && ok(r.effect)) dots.push({ id: d.id, seed: r.seed, x: x(r.cost), y: y(r.effect), colour: d.colour });
  }
  const shown = spec.designs.filter((d) => ok(d.cost) && ok(d.effect));
  const origin = { x: x(0), y: y(0) };
  const markers: Box[] = [circleBox(origin.x, origin.y, MEAN_RADIUS + 1), ...shown.map((d) => circleBox(x(d.cost!), y(d.effect!), MEAN_RADIUS + 1))];
  const plot: Box = { x: left, y: margin.top, width: right - left, height: plotHeight };
  const placed: Box[] = [];
  const dotBoxes = dots.map((p) => circleBox(p.x, p.y, DOT_RADIUS));
  const frontierPoints = [origin, ...spec.frontier.map((id) => spec.designs.find((d) => d.id === id)).filter((d) => d && ok(d.cost) && ok(d.effect)).map((d) => ({ x: x(d!.cost!), y: y(d!.effect!) }))];
  // Points every 3 px along the frontier, for keeping labels off it.
  const linePoints = frontierPoints.slice(1).flatMap((q, i) => {
    const p = frontierPoints[i];
    const n = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / 3));
    return Array.from({ length: n + 1 }, (_, k) => ({ x: p.x + ((q.x - p.x) * k) / n, y: p.y + ((q.y - p.y) * k) / n }));
  });
  const labelRoom = Math.max(60, Math.min(200, (right - left) * 0.45));

  /** The label's box near (px, py): beside, above or below it, further out if need be, where it covers nothing. */
  const place = (px: number, py: number, lines: string[]): PlaneLabel => {
    const w = Math.ceil(Math.max(...lines.map((l) => textWidth(l, FONT_SIZE, true)))) + 4;
    const h = lines.length * LINE_HEIGHT + 2;
    let best: { box: Box; cost: number; r: number } | null = null;
    for (const r of [MEAN_RADIUS + 3, 16, 26, 40, 58, 80, 110]) {
      const candidates: Box[] = [
        { x: px + r, y: py - h / 2, width: w, height: h },
        { x: px - r - w, y: py - h / 2, width: w, height: h },
        { x: px - w / 2, y: py - r - h, width: w, height: h },
        { x: px - w / 2, y: py + r, width: w, height: h },
        { x: px + r * 0.7, y: py - r * 0.7 - h, width: w, height: h },
        { x: px - r * 0.7 - w, y: py - r * 0.7 - h, width: w, height: h },
        { x: px + r * 0.7, y: py + r * 0.7, width: w, height: h },
        { x: px - r * 0.7 - w, y: py + r * 0.7, width: w, height: h },
        // Above or below, starting or ending at the marker (room beside the axes' corner).
        { x: px + 2, y: py - r - h, width: w, height: h },
        { x: px - w - 2, y: py - r - h, width: w, height: h },
        { x: px + 2, y: py + r, width: w, height: h },
        { x: px - w - 2, y: py + r, width: w, height: h },
      ];
      for (const box of candidates) {
        const inside = box.x >= plot.x && box.y >= plot.y && box.x + box.width <= plot.x + plot.width && box.y + box.height <= plot.y + plot.height;
        if (!inside || placed.some((b) => overlaps(b, box)) || markers.some((m) => overlaps(m, box))) continue;
        const covered = dotBoxes.filter((d) => overlaps(d, box)).length;
        // Covering a dot is worst, lying over the frontier line next (the label's halo would cut it).
        const onLine = linePoints.some((q) => q.x > box.x && q.x < box.x + box.width && q.y > box.y && q.y < box.y + box.height);
        const cost = covered * 1000 + (onLine ? 300 : 0) + r;
        if (!best || cost < best.cost) best = { box, cost, r };
      }
      if (best && best.cost < 300) break;
    }
    // Nowhere free inside the plot (a crowded small chart): beside the marker, kept inside the SVG.
    const box = best?.box ?? { x: Math.min(px + MEAN_RADIUS + 3, width - w - 2), y: Math.max(2, py - h / 2), width: w, height: h };
    placed.push(box);
    const nearX = Math.max(box.x, Math.min(px, box.x + box.width));
    const nearY = Math.max(box.y, Math.min(py, box.y + box.height));
    const far = Math.hypot(nearX - px, nearY - py) > MEAN_RADIUS + 8;
    return { ...box, lines, leader: far ? { x1: px, y1: py, x2: nearX, y2: nearY } : null };
  };

  const originText = place(origin.x, origin.y, wrapText(spec.words.nothing, labelRoom, FONT_SIZE, true, MAX_LABEL_LINES));
  const means: PlaneMean[] = shown.map((d) => {
    const px = x(d.cost!);
    const py = y(d.effect!);
    const lines = [...wrapText(d.label, labelRoom, FONT_SIZE, true, MAX_LABEL_LINES), ...(d.mark ? wrapText(d.mark, labelRoom, FONT_SIZE, true, 2) : [])];
    return { id: d.id, label: d.label, colour: d.colour, status: d.status, x: px, y: py, text: place(px, py, lines) };
  });
  const frontier = frontierPoints.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(2)},${p.y.toFixed(2)}`).join('');
  const legendTop = bottom + 24 + xTitle.length * LINE_HEIGHT + 8;
  const legend = legendPlaced.map((item) => ({ kind: item.kind, lines: item.lines, x: 4 + item.dx, y: legendTop + item.row + 6 }));
  return { width, height, margin, yTitle, xTitle, xTicks, yTicks, origin: { ...origin, text: originText }, dots, means, frontier, legend, x, y };
}
