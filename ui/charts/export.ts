// Chart downloads: an SVG serialised with its computed styles inlined so it stands alone (no page CSS
// or shadow-DOM styles needed), the same drawn to a canvas at 2× for PNG, and a file handed to the
// browser through an object URL and <a download>. An exported image explains itself: the chart sits in a
// frame with its title, subtitle and the designs' settings above it and how it was run and its source
// below, every line wrapped (textWidth.ts's per-character bounds) so none is cut at the image's edge.
import { textColour } from './palette.js';
import { textWidth, wrapText } from './textWidth.js';
import type { ExportDesign } from './types.js';

/** Properties copied from computed style into each element's style attribute. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

export const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

export interface SerializeOptions {
  /** Above the chart: its title (bold) and what it measures, in which unit. */
  title?: string;
  subtitle?: string;
  /** Above the chart, under the subtitle: one entry per design, a swatch of its colour, its name and settings. */
  designs?: readonly ExportDesign[];
  /** Lines under the chart (how it was run, its source). */
  notes?: readonly string[];
  /** A line under the chart before the notes (e.g. the region it is for). */
  caption?: string;
}

/** Left and right padding of the frame's text, and where a design's text starts after its swatch. */
const PAD = 12;
const SWATCH = 22;

/** One line of text in the frame: where it goes, how it looks, and its runs (a run may be bold). */
export interface FrameLine {
  kind: 'title' | 'subtitle' | 'design' | 'caption' | 'note';
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  fill: string;
  runs: { text: string; bold: boolean; fill?: string }[];
  /** A design's first line: the swatch's colour, drawn before it. */
  swatch?: string;
}

export interface FrameLayout {
  width: number;
  height: number;
  /** Where the chart's own SVG sits, and its size. */
  chartY: number;
  chartWidth: number;
  chartHeight: number;
  lines: FrameLine[];
}

type Run = FrameLine['runs'][number];

/** Runs broken at spaces into lines no wider than `maxWidth` (a too-long word is cut with "…"). */
export function wrapRuns(runs: readonly Run[], maxWidth: number, size: number): Run[][] {
  const words = runs.flatMap((r) => r.text.split(/\s+/).filter(Boolean).map((text) => ({ ...r, text })));
  const lines: Run[][] = [];
  let line: Run[] = [];
  let used = 0;
  for (const w of words) {
    const gap = line.length ? textWidth(' ', size, w.bold) : 0;
    const wide = textWidth(w.text, size, w.bold);
    if (line.length && used + gap + wide > maxWidth) {
      lines.push(line);
      line = [];
      used = 0;
    }
    const word = wide > maxWidth ? { ...w, text: wrapText(w.text, maxWidth, size, w.bold, 1)[0] } : w;
    used += (line.length ? gap : 0) + textWidth(word.text, size, word.bold);
    line.push(word);
  }
  if (line.length) lines.push(line);
  // Neighbouring words of one look become one run, spaces between them.
  return lines.map((words) =>
    words.reduce<Run[]>((out, w) => {
      const last = out[out.length - 1];
      if (last && last.bold === w.bold && last.fill === w.fill) last.text += ' ' + w.text;
      else out.push({ ...w, text: (out.length ? ' ' : '') + w.text });
      return out;
    }, []),
  );
}

/** Where the frame's lines and the chart go in an exported image `chartWidth` wide. */
export function frameLayout(chartWidth: number, chartHeight: number, options: SerializeOptions = {}): FrameLayout {
  const width = chartWidth;
  const lines: FrameLine[] = [];
  let y = 0;
  const block = (kind: FrameLine['kind'], runs: Run[], size: number, lineHeight: number, fill: string, x = PAD, swatch?: string) => {
    wrapRuns(runs, width - x - PAD, size).forEach((line, i) => {
      y += lineHeight;
      lines.push({ kind, x, y: y - Math.round(lineHeight * 0.28), size, fill, runs: line, ...(i === 0 && swatch ? { swatch } : {}) });
    });
  };
  const header = Boolean(options.title || options.subtitle || options.designs?.length);
  if (header) y += 6;
  if (options.title) block('title', [{ text: options.title, bold: true }], 16, 21, '#111111');
  if (options.subtitle) block('subtitle', [{ text: options.subtitle, bold: false }], 13, 17, '#444444');
  if (options.designs?.length) {
    y += 4;
    for (const d of options.designs) {
      const name = { text: d.settings.length ? `${d.name}:` : d.name, bold: true, fill: d.colour ? textColour(d.colour) : '#222222' };
      block('design', [name, { text: d.settings.join(', '), bold: false }], 12, 16, '#333333', PAD + SWATCH, d.colour ?? '#222222');
    }
  }
  if (header) y += 8;
  const chartY = y;
  y += chartHeight;
  const notes = [...(options.caption ? [options.caption] : []), ...(options.notes ?? [])];
  if (notes.length) {
    y += 6;
    notes.forEach((note, i) => block(i === 0 && options.caption ? 'caption' : 'note', [{ text: note, bold: false }], 12, 16, '#444444'));
  }
  return { width, height: y, chartY, chartWidth, chartHeight, lines };
}

/** The exported image's pixel size: the SVG's, plus the frame's lines above and below it. */
export function svgSize(svg: SVGSVGElement, options: SerializeOptions = {}): { width: number; height: number } {
  const size = chartSize(svg);
  const frame = frameLayout(size.width, size.height - repeatedTitle(svg, options).crop, options);
  return { width: frame.width, height: frame.height };
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The chart's own axis title (a line chart's `.y-title`, at its top) when the subtitle above says the
 * same: the image shows it once, so it is left out and the chart's top cut by the height it took.
 */
function repeatedTitle(svg: SVGSVGElement, options: SerializeOptions): { index: number; crop: number } {
  const said = squash(options.subtitle);
  const titles = Array.from(svg.querySelectorAll('text.y-title'));
  const index = said ? titles.findIndex((t) => squash(t.textContent) === said) : -1;
  if (index < 0) return { index, crop: 0 };
  const ys = [titles[index], ...Array.from(titles[index].querySelectorAll('tspan'))].map((t) => Number(t.getAttribute('y'))).filter(Number.isFinite);
  return { index, crop: Math.max(0, ...ys) + 2 };
}

/** The SVG's pixel size: its viewBox, else its rendered box, else its width/height attributes. */
function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box[2] > 0 && box[3] > 0) return { width: box[2], height: box[3] };
  const rect = svg.getBoundingClientRect?.();
  if (rect && rect.width > 0 && rect.height > 0) return { width: rect.width, height: rect.height };
  return { width: Number(svg.getAttribute('width')) || 640, height: Number(svg.getAttribute('height')) || 400 };
}

/**
 * A standalone SVG document of `svg`: a clone with the computed styles of the original inlined, set in a
 * white frame at a fixed size with the frame's lines (title, subtitle, designs above; caption and notes
 * below) and the font stack on the root. Each frame line is a <text data-export="<kind>">.
 */
export function serializeSvg(svg: SVGSVGElement, options: SerializeOptions = {}): string {
  const full = chartSize(svg);
  const repeated = repeatedTitle(svg, options);
  const chart = { width: full.width, height: full.height - repeated.crop };
  const frame = frameLayout(chart.width, chart.height, options);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const view = typeof getComputedStyle === 'function' ? getComputedStyle : null;
  if (view) {
    const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
    const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
    const computed = new Map(originals.map((el) => [el, view(el)] as const));
    originals.forEach((el, i) => {
      const style = computed.get(el)!;
      const parent = el === svg || !el.parentElement ? null : (computed.get(el.parentElement) ?? null);
      // Only what the element's own attributes and its parent do not already say: small and faithful.
      const inline = INLINED.filter((p) => !el.hasAttribute(p))
        .map((p) => [p, style.getPropertyValue(p)] as const)
        .filter(([p, v]) => v !== '' && (!parent || parent.getPropertyValue(p) !== v))
        .map(([p, v]) => `${p}:${v}`)
        .join(';');
      const own = copies[i].getAttribute('style');
      if (inline) copies[i].setAttribute('style', own ? `${inline};${own}` : inline);
    });
  }
  // Lit's template markers are comments; a standalone file does not need them.
  const walker = clone.ownerDocument.createTreeWalker(clone, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  if (repeated.index >= 0) clone.querySelectorAll('text.y-title')[repeated.index].remove();
  // The chart keeps its own coordinates as a nested <svg> placed under the header; what it draws past
  // its box is clipped there, as it is on the page's card.
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(frame.chartY));
  clone.setAttribute('width', String(chart.width));
  clone.setAttribute('height', String(chart.height));
  clone.setAttribute('viewBox', `0 ${repeated.crop} ${chart.width} ${chart.height}`);
  clone.removeAttribute('xmlns');

  const doc = clone.ownerDocument;
  const el = (name: string, attributes: Record<string, string | number>) => {
    const node = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
    return node;
  };
  const root = el('svg', { xmlns: SVG_NS, width: frame.width, height: frame.height, viewBox: `0 0 ${frame.width} ${frame.height}`, 'font-family': FONT_STACK });
  if (options.title) root.append(Object.assign(el('title', {}), { textContent: options.title }));
  root.append(el('rect', { width: '100%', height: '100%', fill: '#ffffff' }));
  for (const line of frame.lines) {
    if (line.swatch) {
      const mid = line.y - line.size * 0.35;
      root.append(el('line', { x1: PAD, x2: PAD + 16, y1: mid, y2: mid, stroke: line.swatch, 'stroke-width': 3, 'stroke-linecap': 'round', 'data-export-swatch': '' }));
    }
    const text = el('text', { x: line.x, y: line.y, 'font-size': line.size, fill: line.fill, 'data-export': line.kind, ...(line.kind === 'caption' ? { 'data-caption': '' } : {}) });
    for (const run of line.runs) {
      if (!run.bold && !run.fill) {
        text.append(doc.createTextNode(run.text));
        continue;
      }
      const tspan = el('tspan', { ...(run.bold ? { 'font-weight': 700 } : {}), ...(run.fill ? { fill: run.fill } : {}) });
      tspan.textContent = run.text;
      text.append(tspan);
    }
    root.append(text);
  }
  root.append(clone);
  const text = new XMLSerializer().serializeToString(root);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

/** The SVG text drawn onto a canvas at `scale` × its size, as a PNG blob. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Hands `blob` to the browser as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `name` with `.ext` added unless it already ends so; characters unsafe in file names replaced. */
export function withExtension(name: string, ext: string): string {
  const safe = (name.trim() || 'chart').replace(/[\\/:*?"<>|\s]+/g, '-');
  return safe.toLowerCase().endsWith(`.${ext}`) ? safe : `${safe}.${ext}`;
}
