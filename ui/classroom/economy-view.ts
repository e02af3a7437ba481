// The live economy view (issue 6): the businesses of the design being taught and their ties, drawn on a
// canvas and advanced month by month — play / pause / step / speed / reset — beside the live numbers (jobs,
// extra jobs, local GDP, local GDP gained per rupiah). The simulation and the force layout run in a worker (live-worker),
// so drawing stays smooth with thousands of businesses; between months the businesses that move glide to
// their new place, unless animation is paused or reduced motion is asked for. Nothing moves unless the
// user plays or steps (WCAG 2.2.2), and the page's pause-animation toggle stops playing.
// This element holds the template, the properties and the wiring; its parts: the worker session
// (live-session.ts), playback (playback-controller.ts), the picture between months (economy-picture.ts),
// the canvas and its animation loop (economy-canvas.ts) with its painter (economy-painter.ts), the numbers
// (economy-numbers.ts), the legend (economy-legend.ts) and the styles (economy-view-styles.ts).
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { LiveArm, ScenarioInput } from '../../sim/index.js';
import type { Locale } from '../charts/types.js';
import { StaleError } from '../controllers/task.js';
import { formatCount } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import { EconomyCanvas, type FrameStats } from './economy-canvas.js';
import { liveControls } from './economy-controls.js';
import { canvasDescription, highlightNote, legendList, sectorLabel } from './economy-legend.js';
import { liveNumbers, summaryText } from './economy-numbers.js';
import type { EconomyScene, PictureStyle } from './economy-painter.js';
import { EconomyPicture } from './economy-picture.js';
import { economyViewStyles } from './economy-view-styles.js';
import { LiveClient } from './live-client.js';
import { LiveHighlight } from './live-highlight.js';
import type { LiveFrame } from './live-protocol.js';
import { LiveSession, type LiveSource } from './live-session.js';
import { PlaybackController } from './playback-controller.js';
import { CLASSROOM_INPUT_PROPERTIES, type Highlight, type LiveNumbers } from './types.js';

export type { FrameStats } from './economy-canvas.js';
export type { LiveSource } from './live-session.js';
export { sectorLabelPositions } from './economy-picture.js';

/** Longest glide between two months (ms); at fast speeds the glide takes the whole month. */
const MAX_TWEEN_MS = 600;

type Status = 'idle' | 'loading' | 'ready' | 'error';

export class EconomyView extends LitElement {
  static override properties = {
    ...CLASSROOM_INPUT_PROPERTIES,
    highlight: { attribute: false },
    spotlight: { type: Boolean },
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
  /**
   * Whether the follow-the-rupiah highlight is drawn (and the rest dimmed): off until the trainer asks for
   * it, so a fresh page shows both economies in full colour; when on, both arms are dimmed alike.
   */
  declare spotlight: boolean;
  declare status: Status;
  declare frame: LiveFrame | null;
  declare announcement: string;
  declare error: string;
  declare stepping: boolean;
  /** The economy drawn: with the program, or the same one without it (the numbers cover both). */
  declare arm: LiveArm;

  /** How the view gets its simulation (replaced in the component tests). */
  static createSource: () => LiveSource = () => new LiveClient();

  static override styles = economyViewStyles;

  private readonly session = new LiveSession(this, () => EconomyView.createSource());
  private readonly playback = new PlaybackController<LiveFrame>(this, {
    hasNext: () => this.session.started && !!this.frame && this.frame.month < this.frame.horizon,
    fetch: () => this.session.step(),
    // Asked for before a switch of arm: the switch's answer carries this month.
    wanted: (frame) => frame.arm === this.arm,
    show: (frame, glide) => this.apply(frame, glide),
    announce: () => this.announce(),
    fail: (e) => this.fail(e),
    wake: () => this.canvas.requestFrame(),
  });
  private readonly picture = new EconomyPicture();
  private readonly canvas = new EconomyCanvas(this, {
    picture: this.picture,
    scene: () => this.scene(),
    beforeDraw: (now) => this.playback.tick(now),
    running: () => this.playback.playing,
  });
  private runKey = '';
  /** The numbers of every month shown so far in this run (for the sparklines). */
  private history: LiveNumbers[] = [];
  private readonly highlighted = new LiveHighlight(this.session, () => this.canvas.invalidate(), (e) => this.fail(e));
  private reducedMotionQuery: MediaQueryList | null = null;

  constructor() {
    super();
    this.seed = 1;
    this.locale = 'id';
    this.paused = false;
    this.trainer = false;
    this.highlight = null;
    this.spotlight = false;
    this.status = 'idle';
    this.frame = null;
    this.announcement = '';
    this.error = '';
    this.stepping = false;
    this.arm = 'program';
  }

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

  get playing(): boolean {
    return this.playback.playing;
  }

  /** Months per second. */
  get speed(): number {
    return this.playback.speed;
  }

  set speed(speed: number) {
    this.playback.speed = speed;
  }

  /** A copy of the drawing statistics since the last resetFrameStats(). */
  get frameStats(): FrameStats {
    const s = this.canvas.stats;
    return { ...s, intervals: [...s.intervals], drawMs: [...s.drawMs], monthsAt: [...s.monthsAt] };
  }

  /** How the picture on the canvas was last styled, with the arm it shows (null before the first paint). */
  get drawing(): (PictureStyle & { arm: LiveArm | null }) | null {
    const style = this.canvas.lastStyle;
    return style ? { ...style, arm: this.shownArm } : null;
  }

  /** Turn the follow-the-rupiah highlight on the picture on or off. */
  toggleSpotlight(): void {
    this.spotlight = !this.spotlight;
    this.dispatchEvent(new CustomEvent('live-spotlight', { detail: { on: this.spotlight }, bubbles: true, composed: true }));
  }

  resetFrameStats(): void {
    this.canvas.resetStats();
  }

  /** The arm of the frame on screen (may lag `arm` while a switch is on its way). */
  get shownArm(): LiveArm | null {
    return this.frame?.arm ?? null;
  }

  /**
   * Draw the other economy: with the program, or the same one without it. The run goes on in both, so
   * this changes only the picture (and the jobs, local GDP and open businesses beside it), not the month.
   */
  async showArm(arm: LiveArm): Promise<void> {
    if (arm === this.arm) return;
    this.arm = arm;
    // Before the run is there, init asks for this arm.
    if (!this.session.started || this.status !== 'ready') return;
    try {
      const frame = await this.session.arm(arm);
      if (frame.arm !== this.arm) return; // switched again meanwhile: the later answer is the one to show
      // A month of the other arm waiting to be shown is this month or older: the switch replaces it.
      this.playback.dropQueued();
      // Usually the month on screen, which the page's graphs already have (sent again, it would read as a
      // restarted run); a month later when a step asked for before the switch was answered first.
      this.apply(frame, false, frame.month !== this.frame?.month);
      this.announcement = (arm === 'counterfactual' ? t('live.showingCounterfactual', {}, this.locale) + ' ' : '') + summaryText(this.frame?.numbers, this.locale);
    } catch (e) {
      this.fail(e);
    }
  }

  get canPlay(): boolean {
    return this.status === 'ready' && !!this.frame && this.frame.month < this.frame.horizon;
  }

  get canStep(): boolean {
    return this.canPlay && !this.playing && !this.stepping;
  }

  play(): void {
    if (this.playing || !this.canPlay) return;
    this.announcement = '';
    this.playback.play();
  }

  pause(): void {
    if (!this.playing) return;
    this.playback.pause();
    if (!this.playback.fetching) this.announce();
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  async step(): Promise<void> {
    if (!this.canStep || !this.session.started) return;
    this.stepping = true;
    try {
      const frame = await this.session.step();
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
    if (!this.session.started || this.status === 'loading') return;
    this.playback.clear();
    this.stepping = true;
    try {
      const frame = await this.session.reset();
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
    this.reducedMotionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    if (this.runKey) {
      // Re-attached: start the run again (the worker was let go on disconnect).
      this.runKey = '';
      this.requestUpdate();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('paused') && this.paused) this.pause();
    if (changed.has('spotlight')) this.canvas.invalidate();
    if (changed.has('highlight')) {
      this.highlighted.set(this.highlight);
      this.canvas.invalidate();
      void this.fetchAnchors();
    }
    if (changed.has('locale') || changed.has('trainer')) this.canvas.invalidate();
    // A new scenario or seed (by content, not identity) starts a new run.
    if (!changed.has('scenario') && !changed.has('seed') && this.runKey) return;
    const key = this.scenario && this.isConnected ? JSON.stringify([this.scenario, this.seed]) : '';
    if (key && key !== this.runKey) {
      this.runKey = key;
      void this.start();
    }
  }

  private async start(): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) return;
    this.playback.clear();
    this.status = 'loading';
    this.error = '';
    try {
      const frame = await this.session.start(scenario, this.seed, this.arm);
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

  private fail(e: unknown): void {
    if (e instanceof StaleError) return;
    this.playback.stop();
    this.status = 'error';
    this.error = e instanceof Error ? e.message : String(e);
  }

  // ---- months ----

  private get motionAllowed(): boolean {
    return !this.paused && !this.reducedMotionQuery?.matches;
  }

  /** A new run or a reset: month 0, no glide, bounds from scratch. */
  private begin(frame: LiveFrame): void {
    this.picture.begin(frame);
    this.canvas.stats.firstLayoutMs = frame.firstLayoutMs;
    this.apply(frame, false);
  }

  /**
   * Show a month: new states at once, positions gliding from where they are (or jumping). `newMonth` false
   * (a switch of arm) keeps the month's numbers from being sent to the page again.
   */
  private apply(frame: LiveFrame, glide: boolean, newMonth = true): void {
    const now = performance.now();
    const playing = this.playback.playing;
    this.picture.apply(frame, glide && this.motionAllowed ? Math.min(MAX_TWEEN_MS, playing ? this.playback.interval : MAX_TWEEN_MS / 2) : 0, now);
    const numbers = frame.numbers;
    this.history = numbers ? [...this.history.filter((h) => h.month < numbers.month), numbers] : [];
    // The page's live graphs, pop-out window and lesson follow the months (null: back at month 0).
    if (newMonth) this.dispatchEvent(new CustomEvent<LiveNumbers | null>('live-month', { detail: numbers ?? null, bubbles: true, composed: true }));
    this.canvas.recordMonth(frame.stepMs, playing ? now : null);
    this.frame = frame;
    if (frame.month >= frame.horizon && playing) {
      this.playback.stop();
      this.announcement = t('live.announceEnd', { month: frame.month }, this.locale) + ' ' + summaryText(this.frame?.numbers, this.locale);
    }
    this.canvas.invalidate();
  }

  private announce(): void {
    this.announcement = summaryText(this.frame?.numbers, this.locale);
  }

  /** What the canvas paints. */
  private scene(): EconomyScene {
    const p = this.picture;
    const labels = p.labels.map((l) => ({ x: l.x, y: l.y, text: sectorLabel(l.name, this.locale) }));
    return { states: p.states, positions: p.to, edges: p.edges, labels, trainer: this.trainer, highlight: this.spotlight ? this.highlighted.scene() : null };
  }

  /** Ask the run where the highlight's households and suppliers go (they have no place of their own). */
  private fetchAnchors(): Promise<void> {
    return this.highlighted.fetchAnchors(this.session.started && this.status === 'ready');
  }

  // ---- markup ----

  override render() {
    const L = this.locale;
    const f = this.frame;
    const c = this.picture.counts;
    const without = f?.arm === 'counterfactual';
    const businesses = this.scenario ? (this.scenario as { economy?: { businesses?: number } }).economy?.businesses ?? 500 : 0;
    return html`
      <div class="layout">
        <div>
          ${liveControls({
            playing: this.playing,
            canPlay: this.canPlay,
            canStep: this.canStep,
            canReset: this.status === 'error' || (this.status === 'ready' && (this.month > 0 || this.playing)),
            speed: this.speed,
            arm: this.arm,
            armsDisabled: this.status === 'error',
            month: f ? { month: f.month, horizon: f.horizon } : null,
            locale: L,
            onPlay: () => this.togglePlay(),
            onStep: () => void this.step(),
            onReset: () => void this.reset(),
            onSpeed: (speed) => this.playback.setSpeed(speed),
            onArm: (arm) => void this.showArm(arm),
          })}
          ${without ? html`<p class="without" data-testid="live-without">${t('live.showingCounterfactual', {}, L)}</p>` : nothing}
          <div class="stage">
            <canvas data-testid="live-canvas" role="img" aria-label=${canvasDescription(f && c ? { count: f.count, month: f.month, counts: c } : null, without, L)}></canvas>
            ${this.status === 'loading'
              ? html`<div class="overlay">${t('live.loading', { businesses: formatCount(businesses, L) }, L)}</div>`
              : this.status === 'error'
                ? html`<div class="overlay" role="alert">${t('live.error', { message: this.error }, L)}</div>`
                : nothing}
          </div>
          ${this.highlight
            ? html`<div class="spotlight">
                <button data-testid="live-spotlight" aria-pressed=${this.spotlight ? 'true' : 'false'} @click=${() => this.toggleSpotlight()}>
                  ${t(this.spotlight ? 'live.spotlightOff' : 'live.spotlightOn', { round: this.highlight.round }, L)}
                </button>
              </div>`
            : nothing}
          ${this.highlight && this.spotlight ? highlightNote(this.highlight, without, L) : nothing}
        </div>
        <div>
          ${liveNumbers({ numbers: f?.numbers ?? null, history: this.history, horizon: this.horizon, without, openBefore: f && c ? f.count - c.closed : null, locale: L })}
          ${legendList(c, L)}
        </div>
      </div>
      <div class="sr-only" role="status" aria-live="polite" data-testid="live-announcement">${this.announcement}</div>
    `;
  }
}

customElements.define('pendamping-economy-view', EconomyView);

declare global {
  interface HTMLElementTagNameMap {
    'pendamping-economy-view': EconomyView;
  }
}
