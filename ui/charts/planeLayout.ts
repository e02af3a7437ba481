// Where everything of the cost-effectiveness plane goes: program cost across, the effect up, every
// replicate a small dot, each design's mean a larger marker with its label, "no program" at the origin and
// the efficiency frontier from the origin through the frontier designs, a legend under the axes. Labels are
// placed where they cover no marker, no other label and as few dots as possible. No DOM.
import { scaleLinear } from 'd3';
import { tickFormatter } from '../format/format.js';
import { FONT_SIZE, LINE_HEIGHT, MAX_LABEL_LINES, type Tick } from './lineLayout.js';
import { extentWith, niceAxis } from './scales.js';
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
  kind: 'dot' | 'frontier';
  text: string;
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

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

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
  const right = width - 12;
  // The legend flows in rows under the x title.
  const legendTexts: { kind: LegendItem['kind']; text: string }[] = [
    { kind: 'dot', text: spec.words.replicate },
    { kind: 'frontier', text: spec.words.frontier },
  ];
  const legendRows: { kind: LegendItem['kind']; text: string; dx: number }[][] = [[]];
  let rowWidth = 0;
  for (const item of legendTexts) {
    const w = 26 + textWidth(item.text, FONT_SIZE) + 16;
    if (rowWidth > 0 && rowWidth + w > width - 8) {
      legendRows.push([]);
      rowWidth = 0;
    }
    legendRows[legendRows.length - 1].push({ ...item, dx: rowWidth });
    rowWidth += w;
  }
  const margin = {
    top: 28 + (yTitle.length - 1) * LINE_HEIGHT,
    right: width - right,
    bottom: 24 + xTitle.length * LINE_HEIGHT + 8 + legendRows.length * LEGEND_ROW,
    left,
  };
  const height = margin.top + plotHeight + margin.bottom;
  const bottom = margin.top + plotHeight;
  const xAxis = niceAxis(extentWith(costs, [0]), Math.max(2, Math.round((right - left) / 100)));
  const xScale = scaleLinear().domain(xAxis.domain).range([left, right]);
  const yScale = scaleLinear().domain(yAxis.domain).range([bottom, margin.top]);
  const x = (v: number) => xScale(v);
  const y = (v: number) => yScale(v);
  const formatX = tickFormatter('rupiah', locale, xAxis.ticks);
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
      ];
      for (const box of candidates) {
        const inside = box.x >= plot.x && box.y >= plot.y && box.x + box.width <= plot.x + plot.width && box.y + box.height <= plot.y + plot.height;
        if (!inside || placed.some((b) => overlaps(b, box)) || markers.some((m) => overlaps(m, box))) continue;
        const covered = dotBoxes.filter((d) => overlaps(d, box)).length;
        const cost = covered * 1000 + r;
        if (!best || cost < best.cost) best = { box, cost, r };
      }
      if (best && best.cost < 1000) break;
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
    const lines = [...wrapText(d.label, labelRoom, FONT_SIZE, true, MAX_LABEL_LINES), ...(d.mark ? wrapText(d.mark, labelRoom, FONT_SIZE, true, 1) : [])];
    return { id: d.id, label: d.label, colour: d.colour, status: d.status, x: px, y: py, text: place(px, py, lines) };
  });
  const frontierPoints = [origin, ...spec.frontier.map((id) => spec.designs.find((d) => d.id === id)).filter((d) => d && ok(d.cost) && ok(d.effect)).map((d) => ({ x: x(d!.cost!), y: y(d!.effect!) }))];
  const frontier = frontierPoints.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(2)},${p.y.toFixed(2)}`).join('');
  const legendTop = bottom + 24 + xTitle.length * LINE_HEIGHT + 8;
  const legend = legendRows.flatMap((row, k) => row.map((item) => ({ kind: item.kind, text: item.text, x: 4 + item.dx, y: legendTop + k * LEGEND_ROW + 6 })));
  return { width, height, margin, yTitle, xTitle, xTicks, yTicks, origin: { ...origin, text: originText }, dots, means, frontier, legend, x, y };
}
