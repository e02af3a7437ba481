// The live economy view's canvas, as a Lit ReactiveController: it finds the element's <canvas>, keeps it
// sharp at the screen's pixel ratio and the size of its container, runs the animation loop, and paints
// with economy-painter.ts. Everything that does not move this month (nearly all of it: only entrants and
// newly tied businesses move) is painted once per month into a cached layer; each animation frame copies
// that layer and paints only the moving businesses and their ties on top. It also keeps the drawing
// statistics the bench reads.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fitView, paintMoving, paintStill, type EconomyScene, type PictureStyle, type ViewFit } from './economy-painter.js';
import type { EconomyPicture } from './economy-picture.js';
import type { FrameStats } from './frame-stats.js';

export type { FrameStats } from './frame-stats.js';

const STATS_LIMIT = 5000;

export interface CanvasHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isConnected: boolean;
}

export interface CanvasOptions {
  picture: EconomyPicture;
  /** The month's scene to paint (its highlight null when none is drawn). */
  scene(): EconomyScene;
  /** Called first on every animation frame (playback advances the months there). */
  beforeDraw(now: number): void;
  /** Whether to keep the loop running when nothing glides (while playing). */
  running(): boolean;
}

export class EconomyCanvas implements ReactiveController {
  stats: FrameStats = { frames: 0, intervals: [], drawMs: [], monthsAt: [], firstLayoutMs: 0, lastStepMs: 0 };
  /** How the last still layer was styled (null before the first paint with businesses). */
  lastStyle: PictureStyle | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private layer: HTMLCanvasElement | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private cssSize = { width: 0, height: 0 };
  private view: ViewFit & { dpr: number } = { dpr: 1, ox: 0, oy: 0, scale: 1, r: 2 };
  private raf = 0;
  private lastRafDrew = false;
  private lastRafTime = 0;
  /** Something changed (a month, a highlight, the size, the language): repaint the still layer too. */
  private dirty = true;
  private layerDirty = true;

  constructor(
    private readonly host: CanvasHost,
    private readonly options: CanvasOptions,
  ) {
    host.addController(this);
  }

  /** Repaint everything at the next animation frame. */
  invalidate(): void {
    this.dirty = true;
    this.requestFrame();
  }

  requestFrame(): void {
    if (this.raf || !this.host.isConnected) return;
    this.raf = requestAnimationFrame((time) => this.tick(time));
  }

  /** A month was shown: the worker's time for it, and when it came while playing (null otherwise). */
  recordMonth(stepMs: number, playingAt: number | null): void {
    this.stats.lastStepMs = stepMs;
    if (playingAt === null) return;
    this.stats.monthsAt.push(playingAt);
    if (this.stats.monthsAt.length > STATS_LIMIT) this.stats.monthsAt.shift();
  }

  resetStats(): void {
    this.stats = { ...this.stats, frames: 0, intervals: [], drawMs: [], monthsAt: [] };
  }

  hostUpdated(): void {
    if (!this.canvas) {
      this.canvas = this.host.renderRoot.querySelector('canvas');
      const stage = this.host.renderRoot.querySelector('.stage');
      if (stage && typeof ResizeObserver === 'function') {
        this.resizeObserver = new ResizeObserver(() => this.resize());
        this.resizeObserver.observe(stage);
      }
      this.resize();
    }
    this.requestFrame();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  private tick(time: number): void {
    this.raf = 0;
    const now = performance.now();
    this.options.beforeDraw(now);
    const moving = this.options.picture.gliding(now);
    let drew = false;
    if (this.dirty || moving) {
      if (this.dirty) this.layerDirty = true;
      const t0 = performance.now();
      this.draw(now);
      const ms = performance.now() - t0;
      drew = true;
      this.dirty = false;
      const s = this.stats;
      s.frames++;
      if (this.lastRafDrew && moving) s.intervals.push(time - this.lastRafTime);
      s.drawMs.push(ms);
      if (s.intervals.length > STATS_LIMIT) s.intervals.splice(0, s.intervals.length - STATS_LIMIT);
      if (s.drawMs.length > STATS_LIMIT) s.drawMs.splice(0, s.drawMs.length - STATS_LIMIT);
    }
    this.lastRafDrew = drew && moving;
    this.lastRafTime = time;
    if (this.options.running() || moving) this.requestFrame();
  }

  private resize(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const rect = canvas.getBoundingClientRect();
    const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    const width = Math.max(1, Math.round(rect.width));
    const height = Math.max(1, Math.round(rect.height));
    if (width === this.cssSize.width && height === this.cssSize.height && canvas.width === Math.round(width * dpr)) return;
    this.cssSize = { width, height };
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    this.invalidate();
  }

  private draw(now: number): void {
    const canvas = this.canvas;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const picture = this.options.picture;
    const n = picture.count;
    const scene = this.options.scene();
    if (this.layerDirty || !this.layer || this.layer.width !== canvas.width || this.layer.height !== canvas.height) this.paintLayer(canvas, scene);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (this.layer) ctx.drawImage(this.layer, 0, 0);
    if (n === 0 || picture.to.length < n * 2) return;
    const v = this.view;
    ctx.setTransform(v.dpr, 0, 0, v.dpr, 0, 0);
    paintMoving(ctx, v, scene, picture.glideAt(now));
  }

  /** Repaint the cached layer: ties, businesses and rings that do not move this month, sector names. */
  private paintLayer(canvas: HTMLCanvasElement, scene: EconomyScene): void {
    this.layerDirty = false;
    if (!this.layer) this.layer = document.createElement('canvas');
    const layer = this.layer;
    if (layer.width !== canvas.width || layer.height !== canvas.height) {
      layer.width = canvas.width;
      layer.height = canvas.height;
    }
    const ctx = layer.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, layer.width, layer.height);
    const picture = this.options.picture;
    const n = picture.count;
    if (n === 0 || picture.to.length < n * 2) return;
    const dpr = canvas.width / Math.max(1, this.cssSize.width);
    this.view = { dpr, ...fitView(picture.bounds, this.cssSize.width, this.cssSize.height, scene.trainer) };
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.lastStyle = paintStill(ctx, this.view, scene, picture.still.ids, picture.still.edges);
  }
}
