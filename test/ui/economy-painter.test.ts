// The live economy's canvas painter in Node (no browser, no DOM): it paints into a recording fake 2D context,
// and the recording is checked — one mark per business, in its state's colour and shape, closed businesses
// hollow in the closed colour, mentored rings, ties, dimming only under a highlight, halos for the lit
// businesses, coordinates that follow the canvas's size — and the picture between months (glide, split,
// bounds) that feeds it.
import { describe, expect, it } from 'vitest';
import { LiveState } from '../../sim/classroom/live.js';
import { fitView, paintMoving, paintStill, type Canvas2D, type EconomyScene, type Glide } from '../../ui/classroom/economy-painter.js';
import { EconomyPicture } from '../../ui/classroom/economy-picture.js';
import type { LiveFrame } from '../../ui/classroom/live-protocol.js';
import { COLOURS, HIGHLIGHT_COLOUR, RING_COLOUR } from '../../ui/classroom/live-style.js';
import { OKABE_ITO } from '../../ui/charts/palette.js';

type Shape = { kind: 'arc'; x: number; y: number; r: number } | { kind: 'rect'; x: number; y: number; w: number; h: number } | { kind: 'line'; x0: number; y0: number; x1: number; y1: number };
type Arc = Extract<Shape, { kind: 'arc' }>;
interface Paint {
  op: 'fill' | 'stroke';
  style: string;
  alpha: number;
  lineWidth: number;
  shapes: Shape[];
}

/** A 2D context that records each fill and stroke with the shapes of its path and the style in force. */
class RecordingContext implements Canvas2D {
  fillStyle: string | CanvasGradient | CanvasPattern = '#000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  lineJoin: CanvasLineJoin = 'miter';
  paints: Paint[] = [];
  texts: { op: 'fill' | 'stroke'; text: string; x: number; y: number; font: string }[] = [];
  private path: Shape[] = [];
  private pen: [number, number] | null = null;
  beginPath() {
    this.path = [];
    this.pen = null;
  }
  moveTo(x: number, y: number) {
    this.pen = [x, y];
  }
  lineTo(x: number, y: number) {
    if (this.pen) this.path.push({ kind: 'line', x0: this.pen[0], y0: this.pen[1], x1: x, y1: y });
    this.pen = [x, y];
  }
  closePath() {}
  arc(x: number, y: number, r: number) {
    this.path.push({ kind: 'arc', x, y, r });
  }
  rect(x: number, y: number, w: number, h: number) {
    this.path.push({ kind: 'rect', x, y, w, h });
  }
  fill() {
    this.paints.push({ op: 'fill', style: String(this.fillStyle), alpha: this.globalAlpha, lineWidth: this.lineWidth, shapes: [...this.path] });
  }
  stroke() {
    this.paints.push({ op: 'stroke', style: String(this.strokeStyle), alpha: this.globalAlpha, lineWidth: this.lineWidth, shapes: [...this.path] });
  }
  fillText(text: string, x: number, y: number) {
    this.texts.push({ op: 'fill', text, x, y, font: this.font });
  }
  strokeText(text: string, x: number, y: number) {
    this.texts.push({ op: 'stroke', text, x, y, font: this.font });
  }
  /** Marks filled or stroked in one colour (rings and halos excluded by the caller's choice of colour). */
  shapesIn(op: Paint['op'], style: string): Shape[] {
    return this.paints.filter((p) => p.op === op && p.style === style).flatMap((p) => p.shapes);
  }
}

const S = LiveState;
// Seven businesses: every performance, digital squares, mentored rings, one closed.
const STATES = Uint8Array.from([
  S.GROWING,
  S.GROWING | S.DIGITAL,
  S.STEADY | S.MENTORED,
  S.STRUGGLING,
  S.STRUGGLING | S.DIGITAL | S.MENTORED,
  S.CLOSED,
  S.STEADY,
]);
const N = STATES.length;
// On a line along x, 2 layout units apart; y = 0.
const POSITIONS = Float32Array.from(Array.from({ length: N }, (_, i) => [i * 2, 0]).flat());
// Ties 0–1, 1–2 and 2–5 (5 is closed).
const EDGES = Int32Array.from([0, 1, 1, 2, 2, 5]);
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const BOUNDS = { minX: 0, maxX: 12, minY: -4, maxY: 4 };

function scene(over: Partial<EconomyScene> = {}): EconomyScene {
  return { states: STATES, positions: POSITIONS, edges: EDGES, labels: [], trainer: false, highlight: null, ...over };
}
const noGlide = (n: number): Glide => ({ ids: new Int32Array(0), edges: new Int32Array(0), mask: new Uint8Array(n), positions: new Float32Array(n * 2) });

describe('fitView: layout units to canvas pixels', () => {
  it('fits the bounds inside the padding, below the room for sector names, centred; the dot radius follows the scale within limits', () => {
    // 224 × 250 px: 200 px across 20 units and 200 px (250 − 24 padding − 26 label room) down 20 units.
    const v = fitView({ minX: -10, maxX: 10, minY: -10, maxY: 10 }, 224, 250, false);
    expect(v.scale).toBe(10);
    expect(v.ox).toBe(112);
    expect(v.oy).toBe(138);
    expect(v.r).toBe(7); // 10 × 2.2 × 0.4 = 8.8, capped at 7
    // Twice the size: twice the scale along the tighter side, the same centre in proportion.
    const big = fitView({ minX: -10, maxX: 10, minY: -10, maxY: 10 }, 448, 500, false);
    expect(big.scale).toBeCloseTo(21.2, 10); // (448 − 24) / 20
    expect(big.ox).toBeCloseTo(224, 10);
    // Trainer mode: more room for the names, larger dots allowed.
    const trainer = fitView({ minX: -10, maxX: 10, minY: -10, maxY: 10 }, 224, 250, true);
    expect(trainer.scale).toBeCloseTo(9.4, 10); // (250 − 24 − 38) / 20
    expect(trainer.r).toBeCloseTo(8.272, 10);
    // A tiny canvas keeps dots visible.
    expect(fitView(BOUNDS, 30, 60, false).r).toBe(1.6);
  });
});

describe('paintStill', () => {
  it('draws one mark per business: open ones filled in their performance colour, circles or (digital) squares; closed ones hollow in the closed colour', () => {
    const ctx = new RecordingContext();
    const view = fitView(BOUNDS, 400, 300, false);
    paintStill(ctx, view, scene(), all(N), all(EDGES.length / 2));
    const { r } = view;
    const fills = ctx.paints.filter((p) => p.op === 'fill');
    const marks = fills.flatMap((p) => p.shapes);
    const closed = ctx.shapesIn('stroke', COLOURS.closed).filter((s): s is Arc => s.kind === 'arc' && Math.abs(s.r - r * 0.6) < 1e-9);
    // Every business exactly once: six open marks filled, one closed ring.
    expect(marks).toHaveLength(6);
    expect(closed).toHaveLength(1);
    expect(marks.length + closed.length).toBe(N);
    // The closed business (id 5) is the hollow one, at its place, and is not filled.
    expect(closed[0]).toMatchObject({ x: view.ox + 10 * view.scale, y: view.oy });
    expect(marks.some((s) => s.kind === 'arc' && s.x === closed[0].x)).toBe(false);
    // Colours: 2 growing (one square), 2 steady, 2 struggling (one square).
    expect(ctx.shapesIn('fill', OKABE_ITO.bluishGreen)).toHaveLength(2);
    expect(ctx.shapesIn('fill', OKABE_ITO.vermillion)).toHaveLength(2);
    expect(ctx.shapesIn('fill', COLOURS.steady)).toHaveLength(2);
    expect(marks.filter((s) => s.kind === 'rect')).toHaveLength(2);
    const square = marks.find((s) => s.kind === 'rect')!;
    expect(square).toMatchObject({ w: 2 * r * 0.9, h: 2 * r * 0.9 });
    // Mentored: black rings around businesses 2 and 4 only, just outside the dot.
    const rings = ctx.shapesIn('stroke', RING_COLOUR);
    expect(rings.map((s) => s.kind === 'arc' && (s.x - view.ox) / view.scale)).toEqual([4, 8]);
    expect(rings.every((s) => s.kind === 'arc' && s.r > r)).toBe(true);
  });

  it('places each business at ox + x·scale, oy + y·scale: a bigger canvas spreads them further apart', () => {
    const centres = (width: number, height: number) => {
      const ctx = new RecordingContext();
      const view = fitView(BOUNDS, width, height, false);
      paintStill(ctx, view, scene(), all(N), new Int32Array(0));
      const xs = ctx.paints.filter((p) => p.op === 'fill').flatMap((p) => p.shapes).map((s) => (s.kind === 'rect' ? s.x + s.w / 2 : s.kind === 'arc' ? s.x : NaN));
      return { xs: xs.sort((a, b) => a - b), view };
    };
    const small = centres(300, 400);
    const large = centres(600, 800);
    // 12 layout units across 276 px, then across 576 px.
    expect(small.view.scale).toBeCloseTo(23, 10);
    expect(large.view.scale).toBeCloseTo(48, 10);
    const gap = (xs: number[]) => xs[1] - xs[0];
    expect(gap(small.xs)).toBeCloseTo(2 * 23, 6);
    expect(gap(large.xs)).toBeCloseTo(2 * 48, 6);
    expect(small.xs[0]).toBeCloseTo(small.view.ox, 6);
    expect(large.xs.at(-1)! - large.xs[0]).toBeCloseTo(12 * 48, 6);
  });

  it('draws the ties given, leaving none out; sector names only when there are several sectors', () => {
    const ctx = new RecordingContext();
    const view = fitView(BOUNDS, 400, 300, false);
    paintStill(ctx, view, scene(), all(N), Int32Array.from([0, 1]));
    const ties = ctx.paints.find((p) => p.op === 'stroke' && p.style.startsWith('rgba(60, 70, 80'))!;
    expect(ties.shapes).toEqual([
      { kind: 'line', x0: view.ox, y0: view.oy, x1: view.ox + 2 * view.scale, y1: view.oy },
      { kind: 'line', x0: view.ox + 2 * view.scale, y0: view.oy, x1: view.ox + 4 * view.scale, y1: view.oy },
    ]);
    expect(ctx.texts).toHaveLength(0);
    const named = new RecordingContext();
    paintStill(named, view, scene({ labels: [{ x: 0, y: -3, text: 'Pengolahan pangan' }, { x: 10, y: -3, text: 'Jasa' }], trainer: true }), all(N), new Int32Array(0));
    const filled = named.texts.filter((x) => x.op === 'fill');
    expect(filled.map((x) => x.text)).toEqual(['Pengolahan pangan', 'Jasa']);
    expect(filled[1]).toMatchObject({ x: view.ox + 10 * view.scale, y: view.oy - 3 * view.scale - 6, font: '600 22px system-ui, sans-serif' });
  });

  it('dims the businesses and ties only when a highlight is shown', () => {
    const view = fitView(BOUNDS, 400, 300, false);
    const plain = new RecordingContext();
    const plainStyle = paintStill(plain, view, scene(), all(N), all(3));
    const lit = new RecordingContext();
    const litStyle = paintStill(lit, view, scene({ highlight: { businesses: [0], households: [], suppliers: [], anchors: null } }), all(N), all(3));
    // The style it reports is the one it painted with.
    expect(plainStyle).toEqual({ dimmed: false, businessAlpha: 1, tieStroke: 'rgba(60, 70, 80, 0.15)' });
    expect(litStyle).toEqual({ dimmed: true, businessAlpha: 0.3, tieStroke: 'rgba(60, 70, 80, 0.07)' });
    const alphas = (ctx: RecordingContext) => [...new Set(ctx.paints.filter((p) => p.op === 'fill').map((p) => p.alpha))];
    expect(alphas(plain)).toEqual([1]);
    expect(alphas(lit)).toEqual([0.3]);
    expect(plain.paints[0].style).toBe('rgba(60, 70, 80, 0.15)');
    expect(lit.paints[0].style).toBe('rgba(60, 70, 80, 0.07)');
    // Dimming ends with the still layer: whatever is drawn next is at full strength.
    expect(lit.globalAlpha).toBe(1);
  });
});

describe('paintMoving', () => {
  it('draws only the gliding businesses, at their glide positions, and nothing else without a highlight', () => {
    const ctx = new RecordingContext();
    const view = fitView(BOUNDS, 400, 300, false);
    const glide = noGlide(N);
    glide.ids = Int32Array.from([3]);
    glide.mask[3] = 1;
    glide.positions[6] = 5; // halfway from 6 to 4, say
    glide.positions[7] = 1;
    paintMoving(ctx, view, scene(), glide);
    const marks = ctx.paints.filter((p) => p.op === 'fill').flatMap((p) => p.shapes);
    expect(marks).toEqual([{ kind: 'arc', x: view.ox + 5 * view.scale, y: view.oy + view.scale, r: view.r }]);
    const empty = new RecordingContext();
    paintMoving(empty, view, scene(), noGlide(N));
    expect(empty.paints).toHaveLength(0);
  });

  it('lights up the highlight\'s businesses (one halo each, ids out of range ignored) and draws its households and suppliers beside their anchors', () => {
    const ctx = new RecordingContext();
    const view = fitView(BOUNDS, 400, 300, false);
    const anchors = { households: Int32Array.from([0, 6, 99]), suppliers: Int32Array.from([2]) };
    paintMoving(ctx, view, scene({ highlight: { businesses: [1, 4, 42], households: [10, 11, 12], suppliers: [3], anchors } }), noGlide(N));
    const halos = ctx.shapesIn('fill', HIGHLIGHT_COLOUR);
    expect(halos).toHaveLength(2);
    expect(halos.map((s) => s.kind === 'arc' && s.r)).toEqual([view.r * 2.4, view.r * 2.4]);
    expect(ctx.paints.find((p) => p.style === HIGHLIGHT_COLOUR)!.alpha).toBe(0.85);
    // Households: sky-blue dots for the two with an anchor on the canvas (anchor 99 does not exist), each
    // r·2.9 from its business.
    const households = ctx.shapesIn('fill', OKABE_ITO.skyBlue);
    expect(households).toHaveLength(2);
    const h0 = households[0] as Arc;
    expect(Math.hypot(h0.x - view.ox, h0.y - view.oy)).toBeCloseTo(view.r * 2.9, 6);
    // The supplier: an orange diamond (four sides) beside business 2.
    expect(ctx.shapesIn('fill', OKABE_ITO.orange)).toHaveLength(3);
    // Without anchors yet, only the businesses are lit.
    const early = new RecordingContext();
    paintMoving(early, view, scene({ highlight: { businesses: [1], households: [10], suppliers: [], anchors: null } }), noGlide(N));
    expect(early.shapesIn('fill', OKABE_ITO.skyBlue)).toHaveLength(0);
    expect(early.shapesIn('fill', HIGHLIGHT_COLOUR)).toHaveLength(1);
  });
});

describe('the picture between months', () => {
  const frame = (month: number, positions: number[], states: number[], edges?: number[]): LiveFrame => ({
    arm: 'program',
    month,
    horizon: 12,
    count: states.length,
    states: Uint8Array.from(states),
    positions: Float32Array.from(positions),
    sectors: new Uint8Array(states.length),
    edges: edges ? Int32Array.from(edges) : undefined,
    discs: [{ x: 0, y: 0, r: 1, name: 'services' }],
    radius: 5,
    numbers: null,
    stepMs: 0,
    layoutMs: 0,
    firstLayoutMs: 0,
  });

  it('glides the businesses that moved (cubic in-out), keeps the rest still, and leaves out ties of closed businesses', () => {
    const picture = new EconomyPicture();
    const first = frame(0, [0, 0, 10, 0, 20, 0], [S.STEADY, S.STEADY, S.STEADY], [0, 1, 1, 2]);
    picture.begin(first);
    picture.apply(first, 0, 0);
    expect(picture.glide.ids).toHaveLength(0);
    expect(picture.still.ids).toEqual(Int32Array.from([0, 1, 2]));
    // Business 1 moves from (10, 0) to (10, 8) over 100 ms; business 2 closes.
    picture.apply(frame(1, [0, 0, 10, 8, 20, 0], [S.STEADY, S.GROWING, S.CLOSED]), 100, 1000);
    expect(picture.glide.ids).toEqual(Int32Array.from([1]));
    expect(picture.still.ids).toEqual(Int32Array.from([0, 2]));
    expect(picture.glide.edges).toEqual(Int32Array.from([0])); // 0–1 moves with 1; 1–2 is gone (2 closed)
    expect(picture.still.edges).toHaveLength(0);
    expect(picture.glideAt(1025).positions[3]).toBeCloseTo(8 * 4 * 0.25 ** 3, 6); // a quarter of the way in time
    expect(picture.glideAt(1050).positions[3]).toBeCloseTo(4, 6);
    expect(picture.glideAt(1100).positions[3]).toBe(8);
    expect(picture.gliding(1110)).toBe(true);
    expect(picture.gliding(1121)).toBe(false);
    expect(picture.counts).toMatchObject({ growing: 1, steady: 1, closed: 1 });
  });

  it('bounds grow to hold every business and sector disc, and never shrink within a run', () => {
    const picture = new EconomyPicture();
    const first = frame(0, [0, 0, 10, -2], [S.STEADY, S.STEADY]);
    picture.begin(first);
    picture.apply(first, 0, 0);
    expect(picture.bounds).toEqual({ minX: -1, maxX: 10, minY: -2, maxY: 1 });
    picture.apply(frame(1, [0, 0, 4, 0], [S.STEADY, S.STEADY]), 0, 10);
    expect(picture.bounds).toEqual({ minX: -1, maxX: 10, minY: -2, maxY: 1 });
    picture.begin(first);
    picture.apply(frame(0, [0, 0, 4, 0], [S.STEADY, S.STEADY]), 0, 20);
    expect(picture.bounds.maxX).toBe(4);
  });
});
