// The classroom page: the guided lesson, the live economy beside its live numbers and graphs (which can be
// opened in their own window), follow the rupiah, and predict-then-reveal — all on the active design. It
// wires the parts together: the rupiah's recipients light up in the economy view, the live run's months
// feed the graphs and the pop-out window, and the lesson's buttons drive the parts.
import { LitElement, css, html, nothing, svg, unsafeCSS } from 'lit';
import type { ScenarioInput } from '../../sim/index.js';
import '../charts/index.js';
import type { Locale } from '../charts/types.js';
import { chartLabelsFor } from '../app/comparison-view.js';
import { t } from '../i18n/i18n.js';
import { focusStyles } from '../app/styles.js';
import type { WorkerPool } from '../runner/pool.js';
import { LESSON, type LessonAction, type LessonEvent, type LessonPanel, type LessonTarget } from './lesson.js';
import './lesson.js';
import { liveRows, liveSpecs } from './live-charts.js';
import { CHANNEL, openPopout, type PopoutMessage } from './popout.js';
import './predict-view.js';
import './rupiah-view.js';
import './economy-view.js';
import './session-summary.js';
import type { Round } from './predict-model.js';
import type { PredictView } from './predict-view.js';
import { CLASSROOM_INPUT_PROPERTIES, type Highlight, type LiveNumbers } from './types.js';

/** What the page needs of the live economy element (ui/classroom/economy-view.ts). */
interface EconomyViewApi extends HTMLElement {
  togglePlay(): void;
  step(): void;
  play(): void;
  pause(): void;
  readonly arm: 'program' | 'counterfactual';
  showArm(arm: 'program' | 'counterfactual'): Promise<void>;
}

/**
 * "Open in a new window", drawn (the character ⧉ is missing from Debian's fonts and shows as an empty box):
 * a window with an arrow leaving it.
 */
const POPOUT_ICON = svg`<svg width="1em" height="1em" viewBox="0 0 16 16" aria-hidden="true" style="vertical-align: -0.125em" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M7 3H3.5A1.5 1.5 0 0 0 2 4.5v8A1.5 1.5 0 0 0 3.5 14h8a1.5 1.5 0 0 0 1.5-1.5V9" /><path d="M10 2h4v4M14 2 7.5 8.5" /></svg>`;

/** From this width (CSS px) the running lesson is a column beside the parts; below it, a bar above them. */
const WIDE = 1100;
/** Trainer mode (a projector): the live charts' 12 px text drawn 1.7 times larger, about 20 px. */
const TRAINER_CHART_SCALE = 1.7;

export class ClassroomPage extends LitElement {
  static override properties = {
    ...CLASSROOM_INPUT_PROPERTIES,
    designName: { attribute: false },
    pool: { attribute: false },
    highlight: { state: true },
    history: { state: true },
    lessonStep: { state: true },
    /** Reflected while the lesson runs: the lesson panel then stays in view beside (or above) the page. */
    lessonOn: { type: Boolean, reflect: true, attribute: 'lesson' },
    completed: { state: true },
    lastRound: { state: true },
  };

  declare scenario: ScenarioInput;
  declare designName: string;
  declare seed: number;
  declare locale: Locale;
  declare paused: boolean;
  declare trainer: boolean;
  declare pool: WorkerPool | undefined;
  declare highlight: Highlight | null;
  /** The live run's months so far (graphs, pop-out). */
  declare history: LiveNumbers[];
  declare lessonStep: number;
  declare lessonOn: boolean;
  declare completed: ReadonlySet<LessonEvent>;
  /** The last revealed predict-then-reveal round (for the session summary). */
  declare lastRound: Round | null;
  private channel: BroadcastChannel | null = null;
  /** Which business the rupiah view follows, as far as the lesson knows (set by its buttons). */
  private rupiahChoice: 'local' | 'outside' | 'other' = 'local';

  constructor() {
    super();
    this.seed = 1;
    this.locale = 'id';
    this.paused = false;
    this.trainer = false;
    this.highlight = null;
    this.designName = '';
    this.history = [];
    this.lessonStep = -1;
    this.lessonOn = false;
    this.lastRound = null;
    this.completed = new Set();
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
      }
      :host([trainer]) {
        font-size: 1.35rem;
        /* The chart cards' titles and buttons (ui/charts/chartCard.ts), at least 20 px. */
        --chart-text-scale: 1.6;
      }
      section {
        margin-bottom: 1.75rem;
        scroll-margin-top: 1rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.25em;
      }
      .design {
        color: #4a5560;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
        margin-top: 0.75rem;
      }
      /* On the projector one chart a row: drawn 1.7 times larger (TRAINER_CHART_SCALE), two would not fit beside the lesson. */
      :host([trainer]) .charts {
        grid-template-columns: minmax(0, 1fr);
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      pendamping-lesson {
        margin-bottom: 1.5rem;
      }
      /*
       * While the lesson runs it stays on screen: on a wide screen as a column beside the part it controls,
       * on a narrow one as a bar above it (its own scroll when long; its Back / Next row always showing).
       */
      @media (min-width: ${unsafeCSS(WIDE)}px) {
        :host([lesson]) .page {
          display: grid;
          grid-template-columns: minmax(15rem, 21rem) minmax(0, 1fr);
          gap: 1.25rem;
          align-items: start;
        }
        :host([lesson][trainer]) .page {
          grid-template-columns: minmax(16rem, 24rem) minmax(0, 1fr);
        }
        :host([lesson]) pendamping-lesson {
          position: sticky;
          top: 0.5rem;
          max-height: calc(100vh - 1rem);
          overflow-y: auto;
          margin: 0;
          padding-bottom: 0;
          box-sizing: border-box;
        }
      }
      @media (max-width: ${unsafeCSS(WIDE - 0.02)}px) {
        :host([lesson]) pendamping-lesson {
          position: sticky;
          top: 0;
          z-index: 5;
          max-height: 42vh;
          overflow-y: auto;
          padding-bottom: 0;
          box-sizing: border-box;
          margin-bottom: 1rem;
        }
      }
      .parts {
        min-width: 0;
      }
      /* Printing at the end of a lesson prints the summary slide alone (its own title, not the section's heading). */
      @media print {
        :host {
          padding: 0;
        }
        .with-summary > pendamping-lesson,
        .with-summary .parts > section:not(#summary),
        .with-summary ~ *,
        .with-summary #summary-h,
        .design.hide-in-print {
          display: none !important;
        }
        .with-summary {
          display: block !important;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (e: MessageEvent<PopoutMessage>) => {
        if (e.data.type === 'hello') this.broadcast();
      };
    }
  }

  override disconnectedCallback(): void {
    this.channel?.close();
    this.channel = null;
    super.disconnectedCallback();
  }

  private broadcast(): void {
    this.channel?.postMessage({ type: 'live', history: this.history, design: this.designName, locale: this.locale } satisfies PopoutMessage);
  }

  private economy(): EconomyViewApi | null {
    return this.renderRoot.querySelector('pendamping-economy-view') as EconomyViewApi | null;
  }

  /** Play or pause the live economy (keyboard shortcut Space). */
  togglePlay(): void {
    this.economy()?.togglePlay();
  }

  /** The live economy's picture with the program ↔ the same economy without it (shortcut W). */
  toggleArm(): void {
    const economy = this.economy();
    void economy?.showArm(economy.arm === 'program' ? 'counterfactual' : 'program');
  }

  /** One month of the live economy (shortcut →; the view ignores it while playing). */
  stepMonth(): void {
    this.economy()?.step();
  }

  private complete(event: LessonEvent): void {
    if (this.completed.has(event)) return;
    this.completed = new Set([...this.completed, event]);
  }

  private onLiveMonth(n: LiveNumbers | null): void {
    // No numbers, or a month not after the last one, means the run was reset or restarted.
    if (!n) this.history = [];
    else this.history = n.month <= (this.history.at(-1)?.month ?? 0) ? [n] : [...this.history, n];
    this.broadcast();
    if (!n) return;
    if (n.month >= 12) this.complete('live-month-12');
  }

  private onRupiah(h: Highlight | null): void {
    this.highlight = h;
    if (h && h.round >= 3) this.complete(this.rupiahChoice === 'outside' ? 'rupiah-outside-round-3' : 'rupiah-round-3');
  }

  /** Press a control inside a part by its test id (the lesson's buttons use the parts' own controls). */
  private press(part: string, testid: string): boolean {
    const el = this.renderRoot.querySelector(part)?.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
    if (!el || (el as HTMLButtonElement).disabled) return false;
    el.click();
    return true;
  }

  /** Choose the rupiah view's business ('local' or 'outside') through its own select. */
  private chooseRupiah(which: 'local' | 'outside'): void {
    this.rupiahChoice = which;
    const select = this.renderRoot.querySelector('pendamping-rupiah-view')?.shadowRoot?.querySelector<HTMLSelectElement>('[data-testid="rupiah-business"]');
    if (!select) return;
    const option = [...select.options].find((o) => o.value.toLowerCase().includes(which));
    if (option && select.value !== option.value) {
      select.value = option.value;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    this.press('pendamping-rupiah-view', 'rupiah-reset');
  }

  private onLessonAction(action: LessonAction): void {
    switch (action) {
      case 'rupiah-local':
        return this.chooseRupiah('local');
      case 'rupiah-outside':
        return this.chooseRupiah('outside');
      case 'rupiah-next':
        this.press('pendamping-rupiah-view', 'rupiah-next');
        return;
      case 'predict-reveal':
        void (this.renderRoot.querySelector('pendamping-predict') as PredictView | null)?.reveal();
        return;
      case 'live-play':
        this.togglePlay();
        return;
      case 'live-arm':
        this.toggleArm();
        return;
      case 'sandbox':
        this.complete('sandbox');
        this.goToStep(LESSON.length);
        return;
    }
  }

  private goToStep(step: number): void {
    this.lessonStep = Math.max(0, Math.min(LESSON.length, step));
    this.lessonOn = true;
    const target = LESSON[this.lessonStep]?.target;
    void this.updateComplete.then(() => {
      (this.renderRoot.querySelector('pendamping-lesson') as LessonPanel | null)?.focusHeading();
      // Two frames later: a part resized by the lesson's column (the rupiah diagram's box follows its
      // width) has been laid out again, so what is measured is what will be seen.
      const scroll = () => {
        if (target) this.bringIntoView(target);
        else if (this.lessonStep >= LESSON.length) this.bringIntoView('summary');
      };
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(scroll));
      else scroll();
    });
  }

  /**
   * Scroll so the part a step uses starts at the top of what the lesson leaves free: below the lesson bar
   * on a narrow screen, at the top of the window beside the lesson column on a wide one. Where the whole
   * part is taller than that room and the lesson sits beside it (a projector, a laptop), the step's picture comes
   * first instead of the part's heading and controls: follow-the-rupiah's running LM3, its sentence and
   * its diagram, which the lesson's own buttons step through.
   */
  private bringIntoView(target: LessonTarget | 'summary'): void {
    const section = this.renderRoot.querySelector<HTMLElement>(`#${target}`);
    const lesson = this.renderRoot.querySelector<HTMLElement>('pendamping-lesson');
    if (!section) return;
    const beside = typeof matchMedia === 'function' && matchMedia(`(min-width: ${WIDE}px)`).matches;
    const above = !beside && lesson ? lesson.getBoundingClientRect().height : 0;
    // The first card whole if it fits, else from its running LM down (its title scrolls away).
    const view = target === 'rupiah' ? section.querySelector('pendamping-rupiah-view')?.shadowRoot : null;
    const card = view?.querySelector<HTMLElement>('.card');
    const picture = card && card.getBoundingClientRect().height <= window.innerHeight - above - 48 ? card : view?.querySelector<HTMLElement>('.card .lm');
    const tall = section.getBoundingClientRect().height > window.innerHeight - above;
    const anchor = beside && tall && picture ? picture : section;
    const top = anchor.getBoundingClientRect().top + window.scrollY - above - 12;
    window.scrollTo({ top: Math.max(0, top), behavior: this.paused || matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  override render() {
    if (!this.scenario) return nothing;
    const labels = chartLabelsFor();
    const rows = liveRows(this.history, this.designName, this.seed);
    return html`
      <p class=${this.lessonStep >= LESSON.length ? 'design hide-in-print' : 'design'} data-testid="classroom-design">${t('classroom.design', { name: this.designName })}</p>
      <div class=${this.lessonStep >= LESSON.length ? 'page with-summary' : 'page'}>
      <pendamping-lesson
        data-testid="lesson"
        .locale=${this.locale}
        .step=${this.lessonStep}
        .completed=${this.completed}
        @lesson-step=${(e: CustomEvent<{ step: number }>) => this.goToStep(e.detail.step)}
        @lesson-action=${(e: CustomEvent<{ action: LessonAction }>) => this.onLessonAction(e.detail.action)}
      ></pendamping-lesson>
      <div class="parts">
      ${this.lessonStep >= LESSON.length
        ? html`<section id="summary" aria-labelledby="summary-h">
            <h2 id="summary-h" tabindex="-1">${t('summary.title')}</h2>
            <pendamping-session-summary data-testid="lesson-summary" .round=${this.lastRound} .design=${this.designName} .locale=${this.locale}></pendamping-session-summary>
          </section>`
        : nothing}
      <section id="rupiah" aria-labelledby="rupiah-h">
        <h2 id="rupiah-h" tabindex="-1">${t('classroom.rupiah.title')}</h2>
        <pendamping-rupiah-view
          data-testid="rupiah-view"
          .scenario=${this.scenario}
          .seed=${this.seed}
          .locale=${this.locale}
          ?paused=${this.paused}
          ?trainer=${this.trainer}
          @rupiah-highlight=${(e: CustomEvent<Highlight | null>) => this.onRupiah(e.detail)}
        ></pendamping-rupiah-view>
      </section>
      <section id="predict" aria-labelledby="predict-h">
        <h2 id="predict-h" tabindex="-1">${t('classroom.predict.heading')}</h2>
        <pendamping-predict
          data-testid="predict"
          .scenario=${this.scenario}
          .designName=${this.designName}
          .seed=${this.seed}
          .locale=${this.locale}
          ?trainer=${this.trainer}
          .pool=${this.pool}
          @predict-reveal=${(e: CustomEvent<{ round: Round }>) => {
            this.lastRound = e.detail.round;
            this.complete('predict-revealed');
          }}
        ></pendamping-predict>
      </section>
      <section id="live" aria-labelledby="live-h">
        <h2 id="live-h" tabindex="-1">${t('classroom.live.title')}</h2>
        <pendamping-economy-view
          data-testid="economy-view"
          .scenario=${this.scenario}
          .seed=${this.seed}
          .locale=${this.locale}
          ?paused=${this.paused}
          ?trainer=${this.trainer}
          .highlight=${this.highlight}
          @live-month=${(e: CustomEvent<LiveNumbers | null>) => this.onLiveMonth(e.detail)}
        ></pendamping-economy-view>
        <div class="row">
          <button data-testid="live-popout" @click=${() => openPopout('live')}>${POPOUT_ICON} ${t('classroom.liveChart.open')}</button>
          ${this.history.length ? nothing : html`<span>${t('classroom.liveChart.empty')}</span>`}
        </div>
        <div class="charts">
          ${liveSpecs(this.history, this.designName).map(
            (spec) => html`<pendamping-chart-card data-testid=${`chart-${spec.id}`} .title=${spec.title} .locale=${this.locale} .labels=${labels} .csvRows=${rows[spec.id] ?? []} .filename=${`pendamping-${spec.id}`}
              ><pendamping-line-chart .spec=${spec} .locale=${this.locale} .labels=${labels} .textScale=${this.trainer ? TRAINER_CHART_SCALE : 1}></pendamping-line-chart
            ></pendamping-chart-card>`,
          )}
        </div>
      </section>
      </div>
      </div>
    `;
  }
}

customElements.define('pendamping-classroom', ClassroomPage);
