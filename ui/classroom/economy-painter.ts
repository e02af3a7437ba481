// The live economy's canvas painter: pure functions that draw the businesses, their ties, the sector names
// and a follow-the-rupiah highlight onto any CanvasRenderingContext2D-like object, from plain data (state
// codes, positions in layout units, tie pairs). No DOM: the view hands it a canvas's context, the tests a
// recording fake. Styles (colour = performance, square = digital, black ring = mentored) are live-style.ts's.
import type { LiveAnchors } from '../../sim/index.js';
import { OKABE_ITO } from '../charts/palette.js';
import { hash01 } from './live-layout.js';
import { CODE, COLOURS, HIGHLIGHT_COLOUR, RING_COLOUR, styleGroup } from './live-style.js';

/** What the painter uses of a 2D canvas context. */
export type Canvas2D = Pick<
  CanvasRenderingContext2D,
  | 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'rect' | 'closePath' | 'fill' | 'stroke' | 'fillText' | 'strokeText'
  | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'font' | 'textAlign' | 'textBaseline' | 'lineJoin'
>;

/** Layout bounds to fit (layout units). */
export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** From layout units to CSS pixels: x ↦ ox + x·scale, y ↦ oy + y·scale; r is a business's dot radius (px). */
export interface ViewFit {
  ox: number;
  oy: number;
  scale: number;
  r: number;
}

/** Follow the rupiah's recipients: businesses lit up, and households and suppliers drawn beside `anchors`. */
export interface SceneHighlight {
  businesses: readonly number[];
  households: readonly number[];
  suppliers: readonly number[];
  /** The business each household and supplier is drawn beside (null until known: then they are not drawn). */
  anchors: LiveAnchors | null;
}

/** One month's picture as plain data. */
export interface EconomyScene {
  /** State code per business (live-style.ts CODE). */
  states: Uint8Array;
  /** The month's position per business [x0, y0, …] (layout units). */
  positions: Float32Array;
  /** Tie pairs [a0, b0, …]. */
  edges: Int32Array;
  /** Sector names where they are written (layout units), in the page's language. */
  labels: readonly { x: number; y: number; text: string }[];
  /** Projector mode: larger dots and names. */
  trainer: boolean;
  /** When set, the rest is dimmed and these are drawn over it. */
  highlight: SceneHighlight | null;
}

/** The businesses gliding in this animation frame: their ids, the ties touching them, and where they are now. */
export interface Glide {
  ids: Int32Array;
  /** Indices of tie pairs in the scene's edges. */
  edges: Int32Array;
  /** 1 for a gliding business. */
  mask: Uint8Array;
  /** Positions now of the gliding businesses (other entries are not read). */
  positions: Float32Array;
}

const PAD = 12;
const DIMMED = 0.3;

/** Fit the layout's bounds into a `width` × `height` canvas (CSS px), leaving room above for the sector names. */
export function fitView(b: Bounds, width: number, height: number, trainer: boolean): ViewFit {
  const labelRoom = trainer ? 38 : 26;
  const spanX = Math.max(1e-6, b.maxX - b.minX), spanY = Math.max(1e-6, b.maxY - b.minY);
  const scale = Math.max(1e-6, Math.min((width - 2 * PAD) / spanX, (height - 2 * PAD - labelRoom) / spanY));
  const ox = PAD + (width - 2 * PAD - spanX * scale) / 2 - b.minX * scale;
  const oy = PAD + labelRoom + (height - 2 * PAD - labelRoom - spanY * scale) / 2 - b.minY * scale;
  // Dots about 2.2 layout units apart: a radius of ~40% of that, kept legible on a projector.
  const r = Math.max(1.6, Math.min(trainer ? 9 : 7, scale * 2.2 * 0.4));
  return { ox, oy, scale, r };
}

/**
 * How the picture is styled: dimmed only under a highlight, whichever economy (with or without the program)
 * is drawn — the two pictures are styled alike so neither looks better for its drawing.
 */
export interface PictureStyle {
  dimmed: boolean;
  /** Opacity of the businesses. */
  businessAlpha: number;
  /** Stroke of the ties. */
  tieStroke: string;
}

export function pictureStyle(scene: Pick<EconomyScene, 'highlight'>): PictureStyle {
  const dimmed = scene.highlight !== null;
  return { dimmed, businessAlpha: dimmed ? DIMMED : 1, tieStroke: dimmed ? TIES_DIMMED : TIES };
}

const TIES = 'rgba(60, 70, 80, 0.15)';
const TIES_DIMMED = 'rgba(60, 70, 80, 0.07)';

/** What stays still this month: ties, businesses (dimmed under a highlight) and sector names. */
export function paintStill(ctx: Canvas2D, view: ViewFit, scene: EconomyScene, ids: Int32Array, edgeIds: Int32Array): PictureStyle {
  const style = pictureStyle(scene);
  const dim = style.dimmed;
  paintTies(ctx, view, scene.positions, scene.edges, edgeIds, dim);
  ctx.globalAlpha = style.businessAlpha;
  paintBusinesses(ctx, view, scene.positions, scene.states, ids);
  ctx.globalAlpha = 1;
  paintSectorLabels(ctx, view, scene.labels, scene.trainer);
  return style;
}

/** What moves in this animation frame, then the highlight over everything. */
export function paintMoving(ctx: Canvas2D, view: ViewFit, scene: EconomyScene, glide: Glide): void {
  const dim = scene.highlight !== null;
  if (glide.ids.length > 0) {
    paintTies(ctx, view, glide.positions, scene.edges, glide.edges, dim);
    ctx.globalAlpha = dim ? DIMMED : 1;
    paintBusinesses(ctx, view, glide.positions, scene.states, glide.ids);
    ctx.globalAlpha = 1;
  }
  if (scene.highlight) {
    // Gliding businesses are at their glide position; the others at their month's position.
    const at = (id: number) => (glide.mask[id] ? glide.positions : scene.positions);
    paintLit(ctx, view, at, scene.states, scene.highlight.businesses);
    paintRecipients(ctx, view, at, scene.states.length, scene.highlight);
  }
}

/** Ties (indices `which` into the tie pairs `edges`) as one thin path, fainter under a highlight. */
export function paintTies(ctx: Canvas2D, view: ViewFit, p: Float32Array, edges: Int32Array, which: Int32Array, dim: boolean): void {
  const { ox, oy, scale, r } = view;
  ctx.beginPath();
  for (let j = 0; j < which.length; j++) {
    const i = which[j];
    const a = edges[2 * i], c = edges[2 * i + 1];
    ctx.moveTo(ox + p[2 * a] * scale, oy + p[2 * a + 1] * scale);
    ctx.lineTo(ox + p[2 * c] * scale, oy + p[2 * c + 1] * scale);
  }
  ctx.strokeStyle = dim ? TIES_DIMMED : TIES;
  ctx.lineWidth = Math.max(0.5, r * 0.18);
  ctx.stroke();
}

const performanceColour = (perf: number) => (perf === CODE.GROWING ? COLOURS.growing : perf === CODE.STRUGGLING ? COLOURS.struggling : COLOURS.steady);

/** Businesses (ids), one path per style (performance × shape), then the mentored rings. */
export function paintBusinesses(ctx: Canvas2D, view: ViewFit, p: Float32Array, states: Uint8Array, ids: Int32Array): void {
  const { ox, oy, scale, r } = view;
  const square = r * 0.9;
  for (let group = 0; group < 8; group++) {
    const perf = group >> 1;
    const isSquare = (group & 1) === 1;
    ctx.beginPath();
    let any = false;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (styleGroup(states[id]) !== group) continue;
      any = true;
      const x = ox + p[2 * id] * scale, y = oy + p[2 * id + 1] * scale;
      if (perf === CODE.CLOSED) {
        ctx.moveTo(x + r * 0.6, y);
        ctx.arc(x, y, r * 0.6, 0, 2 * Math.PI);
      } else if (isSquare) ctx.rect(x - square, y - square, 2 * square, 2 * square);
      else {
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
    }
    if (!any) continue;
    if (perf === CODE.CLOSED) {
      ctx.strokeStyle = COLOURS.closed;
      ctx.lineWidth = Math.max(0.75, r * 0.22);
      ctx.stroke();
    } else {
      ctx.fillStyle = performanceColour(perf);
      ctx.fill();
    }
  }
  // Mentored: a black ring close to the dot and thin, so the rings of a forum's tightly tied members stay apart.
  ctx.beginPath();
  const ringR = r + Math.max(1, r * 0.24);
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j];
    if (!(states[id] & CODE.MENTORED)) continue;
    const x = ox + p[2 * id] * scale, y = oy + p[2 * id + 1] * scale;
    ctx.moveTo(x + ringR, y);
    ctx.arc(x, y, ringR, 0, 2 * Math.PI);
  }
  ctx.strokeStyle = RING_COLOUR;
  ctx.lineWidth = Math.max(1, r * 0.24);
  ctx.stroke();
}

/** Businesses lit up by follow the rupiah: a yellow halo and a black outline over the dimmed rest. */
export function paintLit(ctx: Canvas2D, view: ViewFit, at: (id: number) => Float32Array, states: Uint8Array, businesses: readonly number[]): void {
  const { ox, oy, scale, r } = view;
  const n = states.length;
  const ids = businesses.filter((id) => id >= 0 && id < n);
  const halo = r * 2.4;
  ctx.beginPath();
  for (const id of ids) {
    const q = at(id);
    const x = ox + q[2 * id] * scale, y = oy + q[2 * id + 1] * scale;
    ctx.moveTo(x + halo, y);
    ctx.arc(x, y, halo, 0, 2 * Math.PI);
  }
  ctx.fillStyle = HIGHLIGHT_COLOUR;
  ctx.globalAlpha = 0.85;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.lineWidth = Math.max(1.5, r * 0.35);
  ctx.strokeStyle = RING_COLOUR;
  ctx.stroke();
  for (const id of ids) {
    const code = states[id];
    const perf = code & CODE.PERFORMANCE;
    const q = at(id);
    const x = ox + q[2 * id] * scale, y = oy + q[2 * id + 1] * scale;
    ctx.beginPath();
    if (code & CODE.DIGITAL && perf) ctx.rect(x - r * 1.2, y - r * 1.2, r * 2.4, r * 2.4);
    else ctx.arc(x, y, r * 1.3, 0, 2 * Math.PI);
    ctx.fillStyle = performanceColour(perf);
    ctx.fill();
    ctx.stroke();
  }
}

/**
 * The highlight's households (sky-blue dots) and suppliers (orange diamonds), each beside the business it
 * is anchored to (see LiveRun.anchors), at a fixed angle of its own so several around one business do not
 * cover each other.
 */
export function paintRecipients(ctx: Canvas2D, view: ViewFit, at: (id: number) => Float32Array, count: number, h: SceneHighlight): void {
  const a = h.anchors;
  if (!a) return;
  const { ox, oy, scale, r } = view;
  const place = (anchor: number, seed: number, distance: number): [number, number] | null => {
    if (anchor < 0 || anchor >= count) return null;
    const q = at(anchor);
    const angle = 2 * Math.PI * hash01(seed);
    return [ox + q[2 * anchor] * scale + distance * Math.cos(angle), oy + q[2 * anchor + 1] * scale + distance * Math.sin(angle)];
  };
  ctx.lineWidth = Math.max(1, r * 0.3);
  ctx.strokeStyle = RING_COLOUR;
  const dot = Math.max(2.5, r * 0.85);
  ctx.beginPath();
  h.households.forEach((household, i) => {
    const xy = place(a.households[i] ?? -1, household * 2 + 1, r * 2.9);
    if (!xy) return;
    ctx.moveTo(xy[0] + dot, xy[1]);
    ctx.arc(xy[0], xy[1], dot, 0, 2 * Math.PI);
  });
  ctx.fillStyle = OKABE_ITO.skyBlue;
  ctx.fill();
  ctx.stroke();
  const half = Math.max(3, r * 1.1);
  ctx.beginPath();
  h.suppliers.forEach((supplier, i) => {
    const xy = place(a.suppliers[i] ?? -1, supplier * 2 + 2, r * 3.6);
    if (!xy) return;
    ctx.moveTo(xy[0], xy[1] - half);
    ctx.lineTo(xy[0] + half, xy[1]);
    ctx.lineTo(xy[0], xy[1] + half);
    ctx.lineTo(xy[0] - half, xy[1]);
    ctx.closePath();
  });
  ctx.fillStyle = OKABE_ITO.orange;
  ctx.fill();
  ctx.stroke();
}

/** Each sector's name over its businesses (only when there are several sectors), haloed in white. */
export function paintSectorLabels(ctx: Canvas2D, view: ViewFit, labels: EconomyScene['labels'], trainer: boolean): void {
  if (labels.length < 2) return;
  const { ox, oy, scale } = view;
  const size = trainer ? 22 : 13;
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineJoin = 'round';
  for (const l of labels) {
    const x = ox + l.x * scale;
    const y = oy + l.y * scale - 6;
    ctx.lineWidth = 4;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.strokeText(l.text, x, y);
    ctx.fillStyle = '#1f2933';
    ctx.fillText(l.text, x, y);
  }
}
