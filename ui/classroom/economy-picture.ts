// What the live economy view draws, between months: the latest month's states and positions, the places
// its businesses glide from (the glide, cubic in-out), the ties and sectors, the layout's bounds (which grow,
// never shrink, within a run, so the picture does not zoom back and forth), the sector names' places, and
// the month's split into the few businesses that move and the rest, which the canvas paints once.
// Plain data and arithmetic: no DOM.
import type { Bounds, Glide } from './economy-painter.js';
import type { LiveFrame } from './live-protocol.js';
import { CODE, countStates, type StateCounts } from './live-style.js';

export type SectorDisc = NonNullable<LiveFrame['discs']>[number];

export class EconomyPicture {
  states: Uint8Array = new Uint8Array(0);
  private from: Float32Array = new Float32Array(0);
  /** The month's positions (layout units). */
  to: Float32Array = new Float32Array(0);
  sectors: Uint8Array = new Uint8Array(0);
  edges: Int32Array = new Int32Array(0);
  discs: SectorDisc[] = [];
  counts: StateCounts | null = null;
  /** Where each sector's name goes (layout units): above the top of its businesses. */
  labels: { x: number; y: number; name: string }[] = [];
  bounds: Bounds = { minX: -1, maxX: 1, minY: -1, maxY: 1 };
  /** The businesses that glide this month (positions filled in by glideAt). */
  readonly glide: Glide = { ids: new Int32Array(0), edges: new Int32Array(0), mask: new Uint8Array(0), positions: new Float32Array(0) };
  /** The businesses and ties that stay put this month. */
  still = { ids: new Int32Array(0), edges: new Int32Array(0) };
  private glideStart = 0;
  private glideMs = 0;

  /** Businesses drawn (0 before the first month arrives). */
  get count(): number {
    return this.states.length;
  }

  /** A new run or a reset: no ties, sectors or positions yet, bounds from scratch. */
  begin(frame: LiveFrame): void {
    this.edges = new Int32Array(0);
    this.sectors = new Uint8Array(0);
    this.discs = frame.discs ?? this.discs;
    this.from = new Float32Array(0);
    this.to = new Float32Array(0);
    this.bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  }

  /** Show a month: new states at once, positions gliding over `glideMs` from where they are at `now` (0: jump). */
  apply(frame: LiveFrame, glideMs: number, now: number): void {
    if (frame.edges) this.edges = frame.edges;
    if (frame.sectors) this.sectors = frame.sectors;
    if (frame.discs) this.discs = frame.discs;
    const n = frame.count;
    // Glide from the positions on screen now; entrants start where they land.
    const from = new Float32Array(n * 2);
    from.set(frame.positions);
    const current = this.positionsAt(now);
    from.set(current.subarray(0, Math.min(current.length, n * 2)));
    this.from = from;
    this.to = frame.positions;
    this.glide.positions = new Float32Array(n * 2);
    this.glideStart = now;
    this.glideMs = glideMs;
    this.states = frame.states;
    this.counts = countStates(frame.states);
    this.split();
    const b = this.bounds;
    for (let i = 0; i < frame.positions.length; i += 2) {
      const x = frame.positions[i], y = frame.positions[i + 1];
      if (x < b.minX) b.minX = x;
      if (x > b.maxX) b.maxX = x;
      if (y < b.minY) b.minY = y;
      if (y > b.maxY) b.maxY = y;
    }
    this.labels = sectorLabelPositions(frame.positions, this.sectors, this.discs);
    for (const l of this.labels) b.minY = Math.min(b.minY, l.y);
    for (const d of this.discs) {
      b.minX = Math.min(b.minX, d.x - d.r);
      b.maxX = Math.max(b.maxX, d.x + d.r);
      b.minY = Math.min(b.minY, d.y - d.r);
      b.maxY = Math.max(b.maxY, d.y + d.r);
    }
  }

  /** Whether a glide is still under way at `now` (with a few ms to land). */
  gliding(now: number): boolean {
    return this.glideMs > 0 && now - this.glideStart < this.glideMs + 20;
  }

  /** Put the gliding businesses where they are at `now` (in glide.positions). */
  glideAt(now: number): Glide {
    const k = this.progress(now);
    const p = this.glide.positions;
    for (const id of this.glide.ids) {
      p[2 * id] = this.from[2 * id] + (this.to[2 * id] - this.from[2 * id]) * k;
      p[2 * id + 1] = this.from[2 * id + 1] + (this.to[2 * id + 1] - this.from[2 * id + 1]) * k;
    }
    return this.glide;
  }

  /** Which businesses glide this month (moved, with a glide), which ties touch them; ties of closed businesses are left out. */
  private split(): void {
    const n = this.states.length;
    const mask = new Uint8Array(n);
    let count = 0;
    if (this.glideMs > 0) {
      for (let id = 0; id < n; id++) {
        if (this.from[2 * id] !== this.to[2 * id] || this.from[2 * id + 1] !== this.to[2 * id + 1]) {
          mask[id] = 1;
          count++;
        }
      }
    }
    const moving = new Int32Array(count);
    const still = new Int32Array(n - count);
    for (let id = 0, i = 0, j = 0; id < n; id++) {
      if (mask[id]) moving[i++] = id;
      else still[j++] = id;
    }
    const e = this.edges;
    const open = (id: number) => id < n && (this.states[id] & CODE.PERFORMANCE) !== 0;
    const movingEdges: number[] = [];
    const stillEdges: number[] = [];
    for (let i = 0; i < e.length / 2; i++) {
      const a = e[2 * i], c = e[2 * i + 1];
      if (!open(a) || !open(c)) continue;
      (mask[a] || mask[c] ? movingEdges : stillEdges).push(i);
    }
    this.glide.mask = mask;
    this.glide.ids = moving;
    this.glide.edges = Int32Array.from(movingEdges);
    this.still = { ids: still, edges: Int32Array.from(stillEdges) };
  }

  private positionsAt(now: number): Float32Array {
    if (this.to.length === 0) return this.to;
    const k = this.progress(now);
    if (k >= 1) return this.to;
    const out = new Float32Array(this.to.length);
    for (let i = 0; i < out.length; i++) out[i] = this.from[i] + (this.to[i] - this.from[i]) * k;
    return out;
  }

  private progress(now: number): number {
    if (this.glideMs <= 0) return 1;
    const u = Math.min(1, Math.max(0, (now - this.glideStart) / this.glideMs));
    // Cubic in-out: a month's movement starts and ends gently.
    return u < 0.5 ? 4 * u * u * u : 1 - Math.pow(-2 * u + 2, 3) / 2;
  }
}

/**
 * Where to write each sector's name (layout units): centred over its businesses, just above the top of
 * most of them (the 3rd percentile of their y, so a stray entrant does not lift the label).
 */
export function sectorLabelPositions(positions: Float32Array, sectors: Uint8Array, discs: readonly SectorDisc[]): { x: number; y: number; name: string }[] {
  const xs: number[][] = discs.map(() => []);
  const ys: number[][] = discs.map(() => []);
  const n = Math.min(sectors.length, positions.length / 2);
  for (let id = 0; id < n; id++) {
    xs[sectors[id]]?.push(positions[2 * id]);
    ys[sectors[id]]?.push(positions[2 * id + 1]);
  }
  return discs.map((d, i) => {
    if (xs[i].length === 0) return { x: d.x, y: d.y - d.r, name: d.name };
    const sortedX = xs[i].sort((a, b) => a - b);
    const sortedY = ys[i].sort((a, b) => a - b);
    return { x: sortedX[Math.floor(sortedX.length / 2)], y: sortedY[Math.floor(0.03 * (sortedY.length - 1))], name: d.name };
  });
}
