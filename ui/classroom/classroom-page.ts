// The classroom page: the guided lesson, the live economy beside its live numbers and graphs (which can be
// opened in their own window), follow the rupiah, and predict-then-reveal — all on the active design. It
// wires the parts together: the rupiah's recipients light up in the economy view, the live run's months
// feed the graphs and the pop-out window, and the lesson's buttons drive the parts.
import { LitElement, css, html, nothing } from 'lit';
import type { ScenarioInput } from '../../sim/index.js';
import '../charts/index.js';
import type { Locale } from '../charts/types.js';
import { chartLabelsFor } from '../app/comparison-view.js';
import { t } from '../i18n/i18n.js';
import { focusStyles } from '../app/styles.js';
import type { WorkerPool } from '../runner/pool.js';
import { LESSON, type LessonAction, type LessonEvent, type LessonPanel } from './lesson.js';
import './lesson.js';
import { liveRows, liveSpecs } from './live-charts.js';
import { CHANNEL, openPopout, type PopoutMessage } from './popout.js';
import './predict-view.js';
import './rupiah-view.js';
import './economy-view.js';
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

export class ClassroomPage extends LitElement {
  static override properties = {
    ...CLASSROOM_INPUT_PROPERTIES,
    designName: { attribute: false },
    pool: { attribute: false },
    highlight: { state: true },
    history: { state: true },
    lessonStep: { state: true },
    completed: { state: true },
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
  declare completed: ReadonlySet<LessonEvent>;
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
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      pendamping-lesson {
        margin-bottom: 1.5rem;
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
    const target = LESSON[this.lessonStep]?.target;
    void this.updateComplete.then(() => {
      if (target) this.renderRoot.querySelector(`#${target}`)?.scrollIntoView({ block: 'start', behavior: this.paused ? 'auto' : 'smooth' });
      (this.renderRoot.querySelector('pendamping-lesson') as LessonPanel | null)?.focusHeading();
    });
  }

  override render() {
    if (!this.scenario) return nothing;
    const labels = chartLabelsFor();
    const rows = liveRows(this.history, this.designName, this.seed);
    return html`
      <p class="design" data-testid="classroom-design">${t('classroom.design', { name: this.designName })}</p>
      <pendamping-lesson
        data-testid="lesson"
        .locale=${this.locale}
        .step=${this.lessonStep}
        .completed=${this.completed}
        @lesson-step=${(e: CustomEvent<{ step: number }>) => this.goToStep(e.detail.step)}
        @lesson-action=${(e: CustomEvent<{ action: LessonAction }>) => this.onLessonAction(e.detail.action)}
      ></pendamping-lesson>
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
          @predict-reveal=${() => this.complete('predict-revealed')}
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
          <button data-testid="live-popout" @click=${() => openPopout('live')}>⧉ ${t('classroom.liveChart.open')}</button>
          ${this.history.length ? nothing : html`<span>${t('classroom.liveChart.empty')}</span>`}
        </div>
        <div class="charts">
          ${liveSpecs(this.history).map(
            (spec) => html`<pendamping-chart-card data-testid=${`chart-${spec.id}`} .title=${spec.title} .locale=${this.locale} .labels=${labels} .csvRows=${rows[spec.id] ?? []} .filename=${`pendamping-${spec.id}`}
              ><pendamping-line-chart .spec=${spec} .locale=${this.locale} .labels=${labels} ?animate=${false}></pendamping-line-chart
            ></pendamping-chart-card>`,
          )}
        </div>
      </section>
    `;
  }
}

customElements.define('pendamping-classroom', ClassroomPage);
