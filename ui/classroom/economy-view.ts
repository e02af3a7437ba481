// The live economy view (issue 6): the businesses of the design being taught and their ties, drawn on a
// canvas and advanced month by month — play / pause / step / speed / reset — beside the live numbers (jobs,
// extra jobs, local income, multiplier). The simulation and the force layout run in a worker (live-worker),
// so drawing stays smooth with thousands of businesses; between months the businesses that move glide to
// their new place, unless animation is paused or reduced motion is asked for. Nothing moves unless the
// user plays or steps (WCAG 2.2.2), and the page's pause-animation toggle stops playing.
import { LitElement, css, html, nothing, svg, unsafeCSS, type PropertyValues } from 'lit';
import type { LiveAnchors, LiveArm, ScenarioInput } from '../../sim/index.js';
import type { Locale } from '../charts/types.js';
import { focusStyles } from '../app/styles.js';
import { formatCount, formatRatio, formatRupiah } from '../format/format.js';
import { MESSAGES, t } from '../i18n/i18n.js';
import { LiveClient, StaleError } from './live-client.js';
import { hash01 } from './live-layout.js';
import type { LiveFrame } from './live-protocol.js';
import { CODE, COLOURS, DEFAULT_SPEED, HIGHLIGHT_COLOUR, LEGEND, RING_COLOUR, SPEEDS, countStates, sparklinePath, sparklineZero, styleGroup, type LegendKey, type StateCounts } from './live-style.js';
import { OKABE_ITO } from '../charts/palette.js';
import { CLASSROOM_INPUT_PROPERTIES, type Highlight, type LiveNumbers } from './types.js';

/** What the view needs from its simulation (the worker client; a fake in the component tests). */
export interface LiveSource {
  init(scenario: ScenarioInput, seed: number, arm?: LiveArm): Promise<LiveFrame>;
  step(months?: number): Promise<LiveFrame>;
  reset(): Promise<LiveFrame>;
  /** The same month of the other economy (the run goes on in both). */
  arm(arm: LiveArm): Promise<LiveFrame>;
  /** The businesses beside which households and suppliers are drawn (program arm). */
  anchors(households: readonly number[], suppliers: readonly number[]): Promise<LiveAnchors>;
  dispose(): void;
}

/** Drawing statistics for the bench: frames drawn, intervals between consecutive animation frames, draw times. */
export interface FrameStats {
  frames: number;
  /** Milliseconds between consecutive drawn animation frames (the frame rate while moving). */
  intervals: number[];
  /** Milliseconds each draw took. */
  drawMs: number[];
  /** Months applied and when (performance.now()), while playing. */
  monthsAt: number[];
  /** The worker's time for the first layout and for the last month (simulation and layout), ms. */
  firstLayoutMs: number;
  lastStepMs: number;
}

const STATS_LIMIT = 5000;
/** Longest glide between two months (ms); at fast speeds the glide takes the whole month. */
const MAX_TWEEN_MS = 600;

type Status = 'idle' | 'loading' | 'ready' | 'error';

export class EconomyView extends LitElement {
  static override properties = {
    ...CLASSROOM_INPUT_PROPERTIES,
    highlight: { attribute: false },
    playing: { state: true },
    speed: { state: true },
    status: { state: true },
    frame: { state: true },
    announcement: { state: true },
    error: { state: true },
    stepping: { state: true },
    arm: { state: true },
  };

  declare scenario: ScenarioInput | undefined;
  declare seed: number;
  declare locale: Locale;
  declare paused: boolean;
  declare trainer: boolean;
  declare highlight: Highlight | null;
  declare playing: boolean;
  declare speed: number;
  declare status: Status;
  declare frame: LiveFrame | null;
  declare announcement: string;
  declare error: string;
  declare stepping: boolean;
  /** The economy drawn: with the program, or the same one without it (the numbers cover both). */
  declare arm: LiveArm;

  /** How the view gets its simulation (replaced in the component tests). */
  static createSource: () => LiveSource = () => new LiveClient();

  private source: LiveSource | null = null;
  private runKey = '';
  // What is drawn: the latest month's states and positions, the positions it glides from, ties, sectors.
  private states: Uint8Array = new Uint8Array(0);
  private from: Float32Array = new Float32Array(0);
  private to: Float32Array = new Float32Array(0);
  private shown: Float32Array = new Float32Array(0);
  private sectors: Uint8Array = new Uint8Array(0);
  private edges: Int32Array = new Int32Array(0);
  private discs: NonNullable<LiveFrame['discs']> = [];
  private counts: StateCounts | null = null;
  /** The numbers of every month shown so far in this run (for the sparklines). */
  private history: LiveNumbers[] = [];
  /** Where each sector's name goes (layout units): above the top of its businesses. */
  private labels: { x: number; y: number; name: string }[] = [];
  private tweenStart = 0;
  private tweenMs = 0;
  /** Layout bounds shown (grows, never shrinks, within one run: the picture does not zoom back and forth). */
  private bounds = { minX: -1, maxX: 1, minY: -1, maxY: 1 };
  private lit = new Set<number>();
  /** Where the highlight's households and suppliers are drawn: beside these businesses (null until known). */
  private anchors: LiveAnchors | null = null;
  // The month's split: businesses (and ties) that glide this month, and the rest, painted once into a layer.
  private moving: Int32Array = new Int32Array(0);
  private movingMask: Uint8Array = new Uint8Array(0);
  private staticNodes: Int32Array = new Int32Array(0);
  private movingEdges: Int32Array = new Int32Array(0);
  private staticEdges: Int32Array = new Int32Array(0);
  private layer: HTMLCanvasElement | null = null;
  private layerDirty = true;
  private transform = { dpr: 1, ox: 0, oy: 0, scale: 1, r: 2 };
  // Playing: the next month asked for and the one waiting for its turn.
  private inFlight = false;
  private queued: LiveFrame | null = null;
  private lastAdvance = 0;
  private raf = 0;
  private lastRafDrew = false;
  private lastRafTime = 0;
  private dirty = true;
  private canvas: HTMLCanvasElement | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private cssSize = { width: 0, height: 0 };
  private reducedMotionQuery: MediaQueryList | null = null;
  private stats: FrameStats = { frames: 0, intervals: [], drawMs: [], monthsAt: [], firstLayoutMs: 0, lastStepMs: 0 };

  constructor() {
    super();
    this.seed = 1;
    this.locale = 'id';
    this.paused = false;
    this.trainer = false;
    this.highlight = null;
    this.playing = false;
    this.speed = DEFAULT_SPEED;
    this.status = 'idle';
    this.frame = null;
    this.announcement = '';
    this.error = '';
    this.stepping = false;
    this.arm = 'program';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        --live-gap: 1rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(14rem, 19rem);
        gap: var(--live-gap);
        align-items: start;
      }
      :host([trainer]) .layout {
        grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem);
      }
      @media (max-width: 760px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.5rem;
      }
      .controls button {
        min-width: 2.75rem;
        min-height: 2.75rem;
      }
      .controls button[aria-pressed='true'] {
        background: #0072b2;
        color: #fff;
        border-color: #0072b2;
      }
      .arms {
        display: inline-flex;
        gap: 0;
      }
      .arms button {
        border-radius: 0;
      }
      .arms button:first-child {
        border-radius: 6px 0 0 6px;
      }
      .arms button:last-child {
        border-radius: 0 6px 6px 0;
        margin-left: -1px;
      }
      .controls .arms button[aria-pressed='true'] {
        background: #1f2933;
        border-color: #1f2933;
      }
      .without {
        margin: 0 0 0.5rem;
        padding: 0.4rem 0.6rem;
        border-left: 4px solid #1f2933;
        background: #f2f4f6;
      }
      .month {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        margin-left: auto;
        font-size: 1.1em;
      }
      .stage {
        position: relative;
        border: 1px solid #d5dbe1;
        border-radius: 6px;
        background: #fff;
        height: clamp(320px, 62vh, 760px);
        overflow: hidden;
      }
      canvas {
        display: block;
        width: 100%;
        height: 100%;
      }
      .overlay {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        color: #4a5560;
        background: rgba(255, 255, 255, 0.7);
        text-align: center;
        padding: 1rem;
      }
      .highlight {
        margin: 0.4rem 0 0;
        padding: 0.3rem 0.5rem;
        border-left: 4px solid ${unsafeCSS(HIGHLIGHT_COLOUR)};
        background: #fffbe0;
      }
      .program-only,
      .places {
        display: block;
        font-style: italic;
      }
      .places {
        font-size: 0.9em;
        color: #4a5560;
      }
      .recipients {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin-top: 0.3rem;
      }
      .marks svg {
        vertical-align: middle;
        margin-right: 0.3rem;
      }
      .numbers {
        margin: 0;
        display: grid;
        gap: 0.6rem;
      }
      .numbers div {
        border-left: 4px solid #0072b2;
        padding-left: 0.6rem;
      }
      .numbers dt {
        font-size: 0.9em;
        color: #2c3640;
      }
      .numbers dd {
        margin: 0;
        font-size: 1.6em;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .numbers svg.spark {
        display: block;
        width: 100%;
        height: 1.6em;
        margin-top: 0.15rem;
      }
      .numbers .hint {
        display: block;
        font-size: 0.8em;
        color: #4a5560;
      }
      p.open {
        margin: 0.6rem 0 0;
      }
      h3 {
        font-size: 1em;
        margin: 1rem 0 0.4rem;
      }
      ul.legend {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.3rem;
        font-size: 0.92em;
      }
      ul.legend li {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      ul.legend svg {
        flex: none;
      }
      ul.legend .count {
        margin-left: auto;
        font-variant-numeric: tabular-nums;
        color: #2c3640;
      }
      .sr-only {
        position: absolute;
        width: 1px;
        height: 1px;
        padding: 0;
        margin: -1px;
        overflow: hidden;
        clip: rect(0, 0, 0, 0);
        white-space: nowrap;
        border: 0;
      }
    `,
  ];

  // ---- public surface (the page's keyboard shortcuts, tests and the bench) ----

  /** Months stepped in the run shown (0 before the first). */
  get month(): number {
    return this.frame?.month ?? 0;
  }

  get horizon(): number {
    return this.frame?.horizon ?? 0;
  }

  /** The numbers shown (null at month 0). */
  get numbers(): LiveNumbers | null {
    return this.frame?.numbers ?? null;
  }

  /** A copy of the drawing statistics since the last resetFrameStats(). */
  get frameStats(): FrameStats {
    const s = this.stats;
    return { ...s, intervals: [...s.intervals], drawMs: [...s.drawMs], monthsAt: [...s.monthsAt] };
  }

  /** The arm of the frame on screen (may lag `arm` while a switch is on its way). */
  get shownArm(): LiveArm | null {
    return this.frame?.arm ?? null;
  }

  /**
   * Draw the other economy: with the program, or the same one without it. The run goes on in both, so
   * this changes only the picture (and the jobs, income and open businesses beside it), not the month.
   */
  async showArm(arm: LiveArm): Promise<void> {
    if (arm === this.arm) return;
    this.arm = arm;
    // Before the run is there, init asks for this arm.
    if (!this.source || this.status !== 'ready') return;
    try {
      const frame = await this.source.arm(arm);
      if (frame.arm !== this.arm) return; // switched again meanwhile: the later answer is the one to show
      // A month of the other arm waiting to be shown is this month or older: the switch replaces it.
      this.queued = null;
      // Usually the month on screen, which the page's graphs already have (sent again, it would read as a
      // restarted run); a month later when a step asked for before the switch was answered first.
      this.apply(frame, false, frame.month !== this.frame?.month);
      this.announcement = (arm === 'counterfactual' ? t('live.showingCounterfactual', {}, this.locale) + ' ' : '') + this.summaryText();
    } catch (e) {
      this.fail(e);
    }
  }

  resetFrameStats(): void {
    this.stats = { ...this.stats, frames: 0, intervals: [], drawMs: [], monthsAt: [] };
  }

  get canPlay(): boolean {
    return this.status === 'ready' && !!this.frame && this.frame.month < this.frame.horizon;
  }

  get canStep(): boolean {
    return this.canPlay && !this.playing && !this.stepping;
  }

  play(): void {
    if (this.playing || !this.canPlay) return;
    this.playing = true;
    this.announcement = '';
    // The first month comes at once.
    this.lastAdvance = performance.now() - this.interval();
    this.requestFrame();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    // A month asked for while playing still arrives; it is shown at once (the worker is already there).
    if (this.queued) this.apply(this.queued, false);
    this.queued = null;
    if (!this.inFlight) this.announce();
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  async step(): Promise<void> {
    if (!this.canStep || !this.source) return;
    this.stepping = true;
    try {
      const frame = await this.source.step(1);
      // Asked for before a switch of arm: the switch's answer shows this month in the other arm.
      if (frame.arm === this.arm) {
        this.apply(frame, true);
        this.announce();
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.stepping = false;
    }
  }

  async reset(): Promise<void> {
    if (!this.source || this.status === 'loading') return;
    this.playing = false;
    this.queued = null;
    this.inFlight = false;
    this.stepping = true;
    try {
      const frame = await this.source.reset();
      this.begin(frame);
      this.status = 'ready';
      void this.fetchAnchors();
      this.error = '';
      this.announcement = t('live.announceStart', {}, this.locale);
    } catch (e) {
      this.fail(e);
    } finally {
      this.stepping = false;
    }
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof matchMedia === 'function') {
      this.reducedMotionQuery = matchMedia('(prefers-reduced-motion: reduce)');
    }
    if (this.runKey) {
      // Re-attached: start the run again (the worker was let go on disconnect).
      this.runKey = '';
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.source?.dispose();
    this.source = null;
    this.playing = false;
    this.inFlight = false;
    this.queued = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('paused') && this.paused) this.pause();
    if (changed.has('highlight')) {
      this.lit = new Set(this.highlight?.businesses ?? []);
      this.dirty = true;
      void this.fetchAnchors();
    }
    if (changed.has('locale') || changed.has('trainer')) this.dirty = true;
    // A new scenario or seed (by content, not identity) starts a new run.
    if (!changed.has('scenario') && !changed.has('seed') && this.runKey) return;
    const key = this.scenario && this.isConnected ? JSON.stringify([this.scenario, this.seed]) : '';
    if (key && key !== this.runKey) {
      this.runKey = key;
      void this.start();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.canvas) {
      this.canvas = this.renderRoot.querySelector('canvas');
      const stage = this.renderRoot.querySelector('.stage');
      if (stage && typeof ResizeObserver === 'function') {
        this.resizeObserver = new ResizeObserver(() => this.resize());
        this.resizeObserver.observe(stage);
      }
      this.resize();
    }
    this.requestFrame();
  }

  private async start(): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) return;
    this.playing = false;
    this.queued = null;
    this.inFlight = false;
    this.status = 'loading';
    this.error = '';
    this.source ??= EconomyView.createSource();
    try {
      const frame = await this.source.init(structuredClone(scenario), this.seed, this.arm);
      this.begin(frame);
      this.status = 'ready';
      void this.fetchAnchors();
      // The arm was switched while the run was being prepared: show the one asked for now.
      if (frame.arm !== this.arm) {
        const wanted = this.arm;
        this.arm = frame.arm;
        await this.showArm(wanted);
      }
    } catch (e) {
      this.fail(e);
    }
  }

  /** Ask the run where the highlight's households and suppliers go (they have no place of their own). */
  private async fetchAnchors(): Promise<void> {
    const h = this.highlight;
    this.anchors = null;
    if (!h || (h.households.length === 0 && h.suppliers.length === 0) || !this.source || this.status !== 'ready') return;
    try {
      const anchors = await this.source.anchors(h.households, h.suppliers);
      if (this.highlight !== h) return; // another highlight meanwhile: its own answer follows
      this.anchors = anchors;
      this.dirty = true;
      this.requestFrame();
    } catch (e) {
      if (!(e instanceof StaleError)) this.fail(e);
    }
  }

  private fail(e: unknown): void {
    if (e instanceof StaleError) return;
    this.playing = false;
    this.status = 'error';
    this.error = e instanceof Error ? e.message : String(e);
  }

  // ---- months ----

  private interval(): number {
    return 1000 / this.speed;
  }

  private get motionAllowed(): boolean {
    return !this.paused && !this.reducedMotionQuery?.matches;
  }

  /** A new run or a reset: month 0, no glide, bounds from scratch. */
  private begin(frame: LiveFrame): void {
    this.edges = new Int32Array(0);
    this.sectors = new Uint8Array(0);
    this.discs = frame.discs ?? this.discs;
    this.from = new Float32Array(0);
    this.to = new Float32Array(0);
    this.bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
    this.stats.firstLayoutMs = frame.firstLayoutMs;
    this.apply(frame, false);
  }

  /**
   * Show a month: new states at once, positions gliding from where they are (or jumping). `newMonth` false
   * (a switch of arm) keeps the month's numbers from being sent to the page again.
   */
  private apply(frame: LiveFrame, glide: boolean, newMonth = true): void {
    const now = performance.now();
    if (frame.edges) this.edges = frame.edges;
    if (frame.sectors) this.sectors = frame.sectors;
    if (frame.discs) this.discs = frame.discs;
    const n = frame.count;
    // Glide from the positions on screen now; entrants start where they land.
    const from = new Float32Array(n * 2);
    from.set(frame.positions);
    const current = this.currentPositions(now);
    from.set(current.subarray(0, Math.min(current.length, n * 2)));
    this.from = from;
    this.to = frame.positions;
    this.shown = new Float32Array(n * 2);
    this.tweenStart = now;
    this.tweenMs = glide && this.motionAllowed ? Math.min(MAX_TWEEN_MS, this.playing ? this.interval() : MAX_TWEEN_MS / 2) : 0;
    this.states = frame.states;
    this.counts = countStates(frame.states);
    this.splitMoving();
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
    const numbers = frame.numbers;
    this.history = numbers ? [...this.history.filter((h) => h.month < numbers.month), numbers] : [];
    // The page's live graphs, pop-out window and lesson follow the months (null: back at month 0).
    if (newMonth) this.dispatchEvent(new CustomEvent<LiveNumbers | null>('live-month', { detail: numbers ?? null, bubbles: true, composed: true }));
    this.stats.lastStepMs = frame.stepMs;
    if (this.playing) {
      this.stats.monthsAt.push(now);
      if (this.stats.monthsAt.length > STATS_LIMIT) this.stats.monthsAt.shift();
    }
    this.frame = frame;
    this.dirty = true;
    if (frame.month >= frame.horizon && this.playing) {
      this.playing = false;
      this.announcement = t('live.announceEnd', { month: frame.month }, this.locale) + ' ' + this.summaryText();
    }
    this.requestFrame();
  }

  /** Which businesses glide this month (moved, with a glide), which ties touch them; ties of closed businesses are left out. */
  private splitMoving(): void {
    const n = this.states.length;
    const mask = new Uint8Array(n);
    let count = 0;
    if (this.tweenMs > 0) {
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
    const staticEdges: number[] = [];
    for (let i = 0; i < e.length / 2; i++) {
      const a = e[2 * i], c = e[2 * i + 1];
      if (!open(a) || !open(c)) continue;
      (mask[a] || mask[c] ? movingEdges : staticEdges).push(i);
    }
    this.movingMask = mask;
    this.moving = moving;
    this.staticNodes = still;
    this.movingEdges = Int32Array.from(movingEdges);
    this.staticEdges = Int32Array.from(staticEdges);
  }

  private currentPositions(now: number): Float32Array {
    if (this.to.length === 0) return this.to;
    const k = this.progress(now);
    if (k >= 1) return this.to;
    const out = new Float32Array(this.to.length);
    for (let i = 0; i < out.length; i++) out[i] = this.from[i] + (this.to[i] - this.from[i]) * k;
    return out;
  }

  private progress(now: number): number {
    if (this.tweenMs <= 0) return 1;
    const u = Math.min(1, Math.max(0, (now - this.tweenStart) / this.tweenMs));
    // Cubic in-out: a month's movement starts and ends gently.
    return u < 0.5 ? 4 * u * u * u : 1 - Math.pow(-2 * u + 2, 3) / 2;
  }

  private announce(): void {
    this.announcement = this.summaryText();
  }

  private summaryText(): string {
    const n = this.frame?.numbers;
    if (!n) return t('live.announceStart', {}, this.locale);
    const L = this.locale;
    return t('live.announce', {
      month: n.month,
      jobs: formatCount(n.jobs, L),
      jobsEffect: formatCount(n.jobsEffect, L, { sign: true }),
      localIncome: formatRupiah(n.localIncome, L),
      multiplier: formatRatio(n.multiplier, L),
    }, L);
  }

  // ---- the animation loop ----

  private requestFrame(): void {
    if (this.raf || !this.isConnected) return;
    this.raf = requestAnimationFrame((time) => this.tick(time));
  }

  private tick(time: number): void {
    this.raf = 0;
    const now = performance.now();
    if (this.playing && this.source) {
      if (this.queued && now - this.lastAdvance >= this.interval() - 4) {
        const next = this.queued;
        this.queued = null;
        // On the beat rather than from now, so frame timing does not slow the months down (no catch-up bursts).
        this.lastAdvance = Math.max(this.lastAdvance + this.interval(), now - this.interval());
        this.apply(next, true);
      }
      if (this.playing && !this.inFlight && !this.queued && this.frame && this.frame.month < this.frame.horizon) {
        this.inFlight = true;
        this.source.step(1).then(
          (f) => {
            this.inFlight = false;
            if (f.arm !== this.arm) {
              // Asked for before a switch of arm: the switch's answer carries this month.
            } else if (this.playing) this.queued = f;
            else {
              this.apply(f, false);
              this.announce();
            }
            this.requestFrame();
          },
          (e) => {
            this.inFlight = false;
            this.fail(e);
          },
        );
      }
    }
    const moving = this.tweenMs > 0 && now - this.tweenStart < this.tweenMs + 20;
    let drew = false;
    if (this.dirty || moving) {
      // Something changed (a month, a highlight, the size, the language): repaint the still layer too.
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
    if (this.playing || moving) this.requestFrame();
  }

  // ---- drawing ----

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
    this.dirty = true;
    this.requestFrame();
  }

  /**
   * Draw the view. Everything that does not move this month (nearly all of it: only entrants and newly
   * tied businesses move) is painted once per month into a cached layer; each animation frame copies that
   * layer and paints only the moving businesses and their ties on top.
   */
  private draw(now: number): void {
    const canvas = this.canvas;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const n = this.states.length;
    if (this.layerDirty || !this.layer || this.layer.width !== canvas.width || this.layer.height !== canvas.height) this.paintLayer(canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (this.layer) ctx.drawImage(this.layer, 0, 0);
    if (n === 0 || this.to.length < n * 2) return;
    const v = this.transform;
    ctx.setTransform(v.dpr, 0, 0, v.dpr, 0, 0);
    // Positions now of the businesses that move (gliding between months).
    const k = this.progress(now);
    const p = this.shown;
    for (const id of this.moving) {
      p[2 * id] = this.from[2 * id] + (this.to[2 * id] - this.from[2 * id]) * k;
      p[2 * id + 1] = this.from[2 * id + 1] + (this.to[2 * id + 1] - this.from[2 * id + 1]) * k;
    }
    const highlighting = this.highlighting;
    if (this.moving.length > 0) {
      this.paintEdges(ctx, p, this.movingEdges);
      ctx.globalAlpha = highlighting ? 0.3 : 1;
      this.paintNodes(ctx, p, this.moving);
      ctx.globalAlpha = 1;
    }
    if (highlighting) this.drawHighlight(ctx, p, v.ox, v.oy, v.scale, v.r);
  }

  /**
   * A highlight (follow the rupiah) traces money through the program arm's ledger: it is drawn over that
   * arm only. Switching arms is left to the trainer (the rupiah view re-sends its highlight whenever its
   * run arrives, which must not pull the picture back).
   */
  private get highlighting(): boolean {
    const h = this.highlight;
    return !!h && (this.lit.size > 0 || h.households.length > 0 || h.suppliers.length > 0) && this.frame?.arm !== 'counterfactual';
  }

  /** Repaint the cached layer: ties, businesses and rings that do not move this month, sector names. */
  private paintLayer(canvas: HTMLCanvasElement): void {
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
    const n = this.states.length;
    if (n === 0 || this.to.length < n * 2) return;
    const dpr = canvas.width / Math.max(1, this.cssSize.width);
    const { width, height } = this.cssSize;
    // Fit the layout's bounds into the canvas, leaving room for the sector labels.
    const b = this.bounds;
    const labelRoom = this.trainer ? 34 : 26;
    const pad = 12;
    const spanX = Math.max(1e-6, b.maxX - b.minX), spanY = Math.max(1e-6, b.maxY - b.minY);
    const scale = Math.max(1e-6, Math.min((width - 2 * pad) / spanX, (height - 2 * pad - labelRoom) / spanY));
    const ox = pad + (width - 2 * pad - spanX * scale) / 2 - b.minX * scale;
    const oy = pad + labelRoom + (height - 2 * pad - labelRoom - spanY * scale) / 2 - b.minY * scale;
    // Dots about 2.2 layout units apart: a radius of ~40% of that, kept legible on a projector.
    const r = Math.max(1.6, Math.min(this.trainer ? 9 : 7, scale * 2.2 * 0.4));
    this.transform = { dpr, ox, oy, scale, r };
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Static businesses sit at their month's position; the moving ones are painted per frame.
    const p = this.to;
    this.paintEdges(ctx, p, this.staticEdges);
    ctx.globalAlpha = this.highlighting ? 0.3 : 1;
    this.paintNodes(ctx, p, this.staticNodes);
    ctx.globalAlpha = 1;
    this.drawSectorLabels(ctx, ox, oy, scale);
  }

  /** Ties (edge indices into this.edges) as one thin path. */
  private paintEdges(ctx: CanvasRenderingContext2D, p: Float32Array, which: Int32Array): void {
    const { ox, oy, scale, r } = this.transform;
    const e = this.edges;
    ctx.beginPath();
    for (let j = 0; j < which.length; j++) {
      const i = which[j];
      const a = e[2 * i], c = e[2 * i + 1];
      ctx.moveTo(ox + p[2 * a] * scale, oy + p[2 * a + 1] * scale);
      ctx.lineTo(ox + p[2 * c] * scale, oy + p[2 * c + 1] * scale);
    }
    ctx.strokeStyle = this.highlighting ? 'rgba(60, 70, 80, 0.07)' : 'rgba(60, 70, 80, 0.15)';
    ctx.lineWidth = Math.max(0.5, r * 0.18);
    ctx.stroke();
  }

  /** Businesses (ids), one path per style (performance × shape), then the mentored rings. */
  private paintNodes(ctx: CanvasRenderingContext2D, p: Float32Array, ids: Int32Array): void {
    const { ox, oy, scale, r } = this.transform;
    const states = this.states;
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
        ctx.fillStyle = perf === CODE.GROWING ? COLOURS.growing : perf === CODE.STRUGGLING ? COLOURS.struggling : COLOURS.steady;
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

  /** Businesses lit up by follow the rupiah: a yellow halo, a black outline, drawn over the dimmed rest. */
  private drawHighlight(ctx: CanvasRenderingContext2D, p: Float32Array, ox: number, oy: number, scale: number, r: number): void {
    const n = this.states.length;
    const ids = [...this.lit].filter((id) => id >= 0 && id < n);
    // Moving businesses are at their glide position in p; the others at their month's position.
    const at = (id: number) => (this.movingMask[id] ? p : this.to);
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
      const code = this.states[id];
      const perf = code & CODE.PERFORMANCE;
      const q = at(id);
      const x = ox + q[2 * id] * scale, y = oy + q[2 * id + 1] * scale;
      ctx.beginPath();
      if (code & CODE.DIGITAL && perf) ctx.rect(x - r * 1.2, y - r * 1.2, r * 2.4, r * 2.4);
      else ctx.arc(x, y, r * 1.3, 0, 2 * Math.PI);
      ctx.fillStyle = perf === CODE.GROWING ? COLOURS.growing : perf === CODE.STRUGGLING ? COLOURS.struggling : COLOURS.steady;
      ctx.fill();
      ctx.stroke();
    }
    this.drawRecipients(ctx, p, ox, oy, scale, r);
  }

  /**
   * The highlight's households (sky-blue dots) and suppliers (orange diamonds), each beside the business
   * it is anchored to (see LiveRun.anchors), at a fixed angle of its own so several around one business
   * do not cover each other.
   */
  private drawRecipients(ctx: CanvasRenderingContext2D, p: Float32Array, ox: number, oy: number, scale: number, r: number): void {
    const a = this.anchors;
    const h = this.highlight;
    if (!a || !h) return;
    const n = this.states.length;
    const at = (id: number) => (this.movingMask[id] ? p : this.to);
    const place = (anchor: number, seed: number, distance: number): [number, number] | null => {
      if (anchor < 0 || anchor >= n) return null;
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

  private drawSectorLabels(ctx: CanvasRenderingContext2D, ox: number, oy: number, scale: number): void {
    if (this.labels.length < 2) return;
    const size = this.trainer ? 18 : 13;
    ctx.font = `600 ${size}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.lineJoin = 'round';
    for (const l of this.labels) {
      const label = sectorLabel(l.name, this.locale);
      const x = ox + l.x * scale;
      const y = oy + l.y * scale - 6;
      ctx.lineWidth = 4;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.strokeText(label, x, y);
      ctx.fillStyle = '#1f2933';
      ctx.fillText(label, x, y);
    }
  }

  // ---- markup ----

  override render() {
    const L = this.locale;
    const f = this.frame;
    const n = f?.numbers ?? null;
    const c = this.counts;
    const without = f?.arm === 'counterfactual';
    const described = f && c
      ? t('live.canvas', { businesses: formatCount(f.count, L), month: f.month, growing: c.growing, steady: c.steady, struggling: c.struggling, closed: c.closed, mentored: c.mentored, digital: c.digital }, L)
      : t('live.label', {}, L);
    const canvasLabel = without ? t('live.canvasWithout', { text: described }, L) : described;
    const businesses = this.scenario ? (this.scenario as { economy?: { businesses?: number } }).economy?.businesses ?? 500 : 0;
    return html`
      <div class="layout">
        <div>
          <div class="controls" role="group" aria-label=${t('live.controls', {}, L)}>
            <button data-testid="live-play" aria-pressed=${this.playing ? 'true' : 'false'} ?disabled=${!this.canPlay && !this.playing} @click=${() => this.togglePlay()}>
              ${this.playing ? `❚❚ ${t('live.pause', {}, L)}` : `▶ ${t('live.play', {}, L)}`}
            </button>
            <button data-testid="live-step" ?disabled=${!this.canStep} @click=${() => void this.step()}>→ ${t('live.step', {}, L)}</button>
            <button data-testid="live-reset" ?disabled=${this.status === 'error' ? false : this.status !== 'ready' || (this.month === 0 && !this.playing)} @click=${() => void this.reset()}>⟲ ${t('live.reset', {}, L)}</button>
            <label
              >${t('live.speed', {}, L)}
              <select data-testid="live-speed" @change=${(e: Event) => this.setSpeed(Number((e.target as HTMLSelectElement).value))}>
                ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${t('live.speedOption', { speed: formatSpeed(s, L) }, L)}</option>`)}
              </select></label
            >
            <span class="arms" role="group" aria-label=${t('live.show', {}, L)}>
              ${(['program', 'counterfactual'] as const).map(
                (arm) => html`<button
                  data-testid=${`live-arm-${arm}`}
                  aria-pressed=${this.arm === arm ? 'true' : 'false'}
                  ?disabled=${this.status === 'error'}
                  @click=${() => void this.showArm(arm)}
                >
                  ${t(arm === 'program' ? 'live.showProgram' : 'live.showCounterfactual', {}, L)}
                </button>`,
              )}
            </span>
            <span class="month" data-testid="live-month" data-value=${this.month}>${f ? t('live.month', { month: f.month, horizon: f.horizon }, L) : ''}</span>
          </div>
          ${without ? html`<p class="without" data-testid="live-without">${t('live.showingCounterfactual', {}, L)}</p>` : nothing}
          <div class="stage">
            <canvas data-testid="live-canvas" role="img" aria-label=${canvasLabel}></canvas>
            ${this.status === 'loading'
              ? html`<div class="overlay">${t('live.loading', { businesses: formatCount(businesses, L) }, L)}</div>`
              : this.status === 'error'
                ? html`<div class="overlay" role="alert">${t('live.error', { message: this.error }, L)}</div>`
                : nothing}
          </div>
          ${this.highlight
            ? html`<p class="highlight" data-testid="live-highlight">
                ${t('live.highlight', { round: this.highlight.round, businesses: this.highlight.businesses.length, households: this.highlight.households.length, suppliers: this.highlight.suppliers.length }, L)}
                <span class="places">${t('live.highlightPlaces', {}, L)}</span>
                ${without ? html`<span class="program-only" data-testid="live-highlight-program-only">${t('live.highlightProgramOnly', {}, L)}</span>` : nothing}
                ${recipientDots(this.highlight.households.length, this.highlight.suppliers.length, L)}
              </p>`
            : nothing}
        </div>
        <div>
          <h3>${t('live.numbers', {}, L)}</h3>
          <dl class="numbers">
            ${without
              ? this.numberRow('live-jobs', 'live.jobsWithout', 'live.jobsHint', n?.counterfactualJobs ?? null, n ? formatCount(n.counterfactualJobs, L) : '—', (h) => h.counterfactualJobs, false)
              : this.numberRow('live-jobs', 'live.jobs', 'live.jobsHint', n?.jobs ?? null, n ? formatCount(n.jobs, L) : '—', (h) => h.jobs, false)}
            ${this.numberRow('live-jobs-effect', 'live.jobsEffect', 'live.jobsEffectHint', n?.jobsEffect ?? null, n ? formatCount(n.jobsEffect, L, { sign: true }) : '—', (h) => h.jobsEffect, true)}
            ${without
              ? this.numberRow('live-local-income', 'live.localIncomeWithout', 'live.localIncomeHint', n?.counterfactualLocalIncome ?? null, n ? formatRupiah(n.counterfactualLocalIncome, L) : '—', (h) => h.counterfactualLocalIncome, false)
              : this.numberRow('live-local-income', 'live.localIncome', 'live.localIncomeHint', n?.localIncome ?? null, n ? formatRupiah(n.localIncome, L) : '—', (h) => h.localIncome, false)}
            ${this.numberRow('live-multiplier', 'live.multiplier', 'live.multiplierHint', n?.multiplier ?? null, formatRatio(n?.multiplier ?? null, L), (h) => h.multiplier, true)}
          </dl>
          <p class="open">${t(without ? 'live.openWithout' : 'live.open', {}, L)}: <strong data-testid="live-open" data-value=${n ? String(without ? n.counterfactualOpen : n.open) : ''}>${n ? formatCount(without ? n.counterfactualOpen : n.open, L) : c ? formatCount(f!.count - c.closed, L) : '—'}</strong></p>
          <h3 id="legend-h">${t('live.legend', {}, L)}</h3>
          <ul class="legend" data-testid="live-legend" aria-labelledby="legend-h">
            ${LEGEND.map((key) => html`<li data-key=${key}>${swatch(key)}<span>${t(`live.legend.${key}`, {}, L)}</span><span class="count">${c ? formatCount(c[key], L) : ''}</span></li>`)}
            <li data-key="ties">${swatch('ties')}<span>${t('live.legend.ties', {}, L)}</span></li>
          </ul>
        </div>
      </div>
      <div class="sr-only" role="status" aria-live="polite" data-testid="live-announcement">${this.announcement}</div>
    `;
  }

  private numberRow(testid: string, label: string, hint: string, value: number | null, text: string, pick: (n: LiveNumbers) => number | null, withZero: boolean) {
    const L = this.locale;
    const W = 120, H = 26;
    // The months so far as a small line across the run's horizon (decoration: the value is the text).
    const values = this.history.map(pick);
    const path = sparklinePath(values, this.horizon, W, H, withZero);
    const zero = withZero ? sparklineZero(values, H) : null;
    return html`<div>
      <dt>${t(label, {}, L)}<span class="hint">${t(hint, {}, L)}</span></dt>
      <dd data-testid=${testid} data-value=${value === null ? '' : String(value)}>${text}</dd>
      <svg class="spark" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" aria-hidden="true" data-testid=${`${testid}-spark`}>
        ${zero !== null ? svg`<line x1="0" x2=${W} y1=${zero} y2=${zero} stroke="#8a96a3" stroke-dasharray="3 3" vector-effect="non-scaling-stroke"></line>` : nothing}
        ${path ? svg`<path d=${path} fill="none" stroke=${OKABE_ITO.blue} stroke-width="2" vector-effect="non-scaling-stroke"></path>` : nothing}
      </svg>
    </div>`;
  }

  private setSpeed(speed: number): void {
    if (!SPEEDS.includes(speed)) return;
    this.speed = speed;
  }
}

function formatSpeed(speed: number, locale: Locale): string {
  return Number.isInteger(speed) ? String(speed) : String(speed).replace('.', locale === 'id' ? ',' : '.');
}

/**
 * Where to write each sector's name (layout units): centred over its businesses, just above the top of
 * most of them (the 3rd percentile of their y, so a stray entrant does not lift the label).
 */
export function sectorLabelPositions(positions: Float32Array, sectors: Uint8Array, discs: readonly { x: number; y: number; r: number; name: string }[]): { x: number; y: number; name: string }[] {
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

/** A sector's name in the page's language (the default sectors are translated; others shown as written). */
export function sectorLabel(name: string, locale: Locale): string {
  const key = `live.sector.${name}`;
  return MESSAGES[locale][key] ?? MESSAGES.id[key] ?? name;
}

/**
 * The households and suppliers of a highlight as rows of small marks (households: sky-blue dots,
 * suppliers: orange diamonds), at most MAX_MARKS each with "+N" for the rest.
 */
function recipientDots(households: number, suppliers: number, locale: Locale) {
  const MAX_MARKS = 40;
  const row = (count: number, mark: (i: number) => unknown, label: string) => {
    if (count === 0) return nothing;
    const shown = Math.min(count, MAX_MARKS);
    const width = shown * 9 + 2;
    return html`<span class="marks"
      ><svg width=${width} height="12" viewBox="0 0 ${width} 12" aria-hidden="true">${Array.from({ length: shown }, (_, i) => mark(i))}</svg
      >${count > shown ? ` +${formatCount(count - shown, locale)}` : ''} ${label}</span
    >`;
  };
  return html`<span class="recipients" data-testid="live-highlight-recipients"
    >${row(households, (i) => svg`<circle cx=${5 + i * 9} cy="6" r="3.5" fill=${OKABE_ITO.skyBlue} stroke="#1f2933" stroke-width="0.6"></circle>`, t('live.households', {}, locale))}
    ${row(suppliers, (i) => svg`<rect x=${2 + i * 9} y="2.5" width="6" height="6" transform="rotate(45 ${5 + i * 9} 5.5)" fill=${OKABE_ITO.orange} stroke="#1f2933" stroke-width="0.6"></rect>`, t('live.suppliers', {}, locale))}</span
  >`;
}

/** The legend's small picture of each state, as drawn on the canvas. */
function swatch(key: LegendKey | 'ties') {
  const size = 18;
  const c = size / 2;
  const shape = (() => {
    switch (key) {
      case 'growing':
      case 'steady':
      case 'struggling':
        return svg`<circle cx=${c} cy=${c} r="6" fill=${COLOURS[key]}></circle>`;
      case 'closed':
        return svg`<circle cx=${c} cy=${c} r="4.5" fill="none" stroke=${COLOURS.closed} stroke-width="1.5"></circle>`;
      case 'digital':
        return svg`<rect x="3.5" y="3.5" width="11" height="11" fill=${COLOURS.steady}></rect>`;
      case 'mentored':
        return svg`<circle cx=${c} cy=${c} r="5" fill=${COLOURS.steady}></circle><circle cx=${c} cy=${c} r="7.2" fill="none" stroke=${RING_COLOUR} stroke-width="2"></circle>`;
      case 'ties':
        return svg`<line x1="2" y1="14" x2="16" y2="4" stroke="rgba(60,70,80,0.6)" stroke-width="1.5"></line>`;
    }
  })();
  return svgWrap(size, shape);
}

function svgWrap(size: number, inner: unknown) {
  return html`<svg width=${size} height=${size} viewBox="0 0 ${size} ${size}" aria-hidden="true">${inner}</svg>`;
}

customElements.define('pendamping-economy-view', EconomyView);

declare global {
  interface HTMLElementTagNameMap {
    'pendamping-economy-view': EconomyView;
  }
}
