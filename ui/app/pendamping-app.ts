// The app shell: header (language, undo / redo / replay, pause animation, copy link), the pinned
// designs, the design panel and the comparison. It owns the state store and the worker pool; the
// comparison's runs (comparison-runner.ts) and the keyboard shortcuts (shortcuts.ts) are its controllers,
// its styles in pendamping-app-styles.ts.
import { LitElement, html, nothing } from 'lit';
import { assignColours, type Locale } from '../charts/index.js';
import { LOCALES, setLocale, t } from '../i18n/i18n.js';
import type { ComparisonResult } from '../runner/compare.js';
import { WorkerPool } from '../runner/pool.js';
import * as actions from '../state/actions.js';
import { leverValue, type StageId } from '../state/levers.js';
import type { AppState } from '../state/state.js';
import { scenarioTitle } from '../state/scenarios.js';
import { Store } from '../state/store.js';
import { ComparisonRunner, DEBOUNCE_MS, comparisonDesigns } from './comparison-runner.js';
import { TornadoRunner, tornadoKey } from './tornado-runner.js';
import type { TornadoOutput } from '../runner/tornado.js';
import './comparison-view.js';
import type { RunStatus } from './comparison-view.js';
import './design-library.js';
import './design-panel.js';
import './pinned-list.js';
import type { ClassroomPage } from '../classroom/classroom-page.js';
import { appStyles } from './pendamping-app-styles.js';
import { ShortcutsController, shortcutsDialog } from './shortcuts.js';

export class PendampingApp extends LitElement {
  static override properties = {
    copied: { state: true },
  };

  declare copied: boolean;

  readonly store: Store;
  readonly pool: WorkerPool;
  private readonly comparison: ComparisonRunner;
  private readonly tornado: TornadoRunner;

  constructor() {
    super();
    this.copied = false;
    this.store = Store.fromLocation();
    this.pool = new WorkerPool();
    this.comparison = new ComparisonRunner(this, this.pool, () => this.state);
    this.tornado = new TornadoRunner(this, this.pool);
    new ShortcutsController(this, {
      undo: () => this.store.undo(),
      redo: () => this.store.redo(),
      replay: () => this.store.replayLast(),
      help: () => this.showShortcuts(),
      // The classroom page's keys act once its code has loaded (it loads when the page is first opened).
      classroom: () => (this.state.view === 'classroom' && customElements.get('pendamping-classroom') ? (this.renderRoot.querySelector('pendamping-classroom') as ClassroomPage | null) : null),
    });
    setLocale(this.store.state.locale);
    this.store.addEventListener('change', () => {
      setLocale(this.store.state.locale);
      this.toggleAttribute('trainer', this.store.state.trainer);
      this.requestUpdate();
      this.comparison.schedule(this.state, this.nextDelay);
    });
    this.comparison.schedule(this.state, 0);
  }

  static override styles = appStyles;

  /** The latest comparison (null before the first). */
  get result(): ComparisonResult | null {
    return this.comparison.result;
  }

  /** Where the comparison stands: idle, running (with progress), done or error. */
  get status(): RunStatus {
    return this.comparison.status;
  }

  /** Resolves after the first comparison has finished or failed. */
  get ready(): Promise<void> {
    return this.comparison.ready;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.toggleAttribute('trainer', this.store.state.trainer);
  }

  /**
   * The classroom page's code (its components, d3-force and d3-sankey: about 96 KB of the page's script)
   * loads the first time the page is opened, not with the first screen; its element upgrades in place, with
   * the properties already set on it.
   */
  private classroomCode: Promise<unknown> | null = null;

  protected override willUpdate(): void {
    if (this.state.view === 'classroom') this.classroomCode ??= import('../classroom/classroom-page.js');
  }

  private showShortcuts(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.shortcuts')?.showModal();
  }

  get state(): AppState {
    return this.store.state;
  }

  /**
   * Apply a change. A committed change (a click, a keyboard step, a typed value) re-runs at once; a slider
   * being dragged (`record` false) waits for the debounce so a drag does not queue a run per pixel.
   */
  private update_(change: (s: AppState) => AppState, record = true) {
    this.nextDelay = record ? 0 : DEBOUNCE_MS;
    this.store.update(change, record);
    this.nextDelay = DEBOUNCE_MS;
  }
  private nextDelay = DEBOUNCE_MS;

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.copied = true;
      setTimeout(() => (this.copied = false), 2000);
    } catch {
      /* clipboard refused (insecure context): the URL bar holds the same link */
    }
  }

  override render() {
    const s = this.state;
    const active = s.designs[s.active];
    const colours = assignColours(s.designs.map((d) => ({ id: d.id })));
    const items = s.designs.map((d) => ({
      id: d.id,
      name: d.name,
      colour: colours.get(d.id) ?? '#000',
      description: t('pinned.changes', { count: Object.keys(d.levers).length, base: scenarioTitle(d.base, s.locale), region: t(`region.${s.region}`) }),
    }));
    const h = this.store.history;
    return html`<a class="skip" href="#results" @click=${(e: Event) => {
        e.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
      }}>${t('app.skip')}</a>
      <header>
        <div>
          <h1>${t('app.title')}</h1>
          <p>${t('app.subtitle')}</p>
        </div>
        <nav class="views" aria-label=${t('view.label')}>
          ${(['compare', 'classroom'] as const).map(
            (v) => html`<button data-testid=${`view-${v}`} aria-current=${s.view === v ? 'page' : 'false'} @click=${() => this.update_((x) => actions.setSettings(x, { view: v }))}>
              ${t(`view.${v}`)}
            </button>`,
          )}
        </nav>
        <div class="tools" role="toolbar" aria-label=${t('toolbar.label')}>
          <button data-testid="trainer-mode" aria-pressed=${s.trainer ? 'true' : 'false'} @click=${() => this.update_((x) => actions.setSettings(x, { trainer: !x.trainer }))}>
            ${t('trainer')}
          </button>
          <button data-testid="undo" ?disabled=${!h.canUndo} @click=${() => this.store.undo()}>↶ ${t('undo')}</button>
          <button data-testid="redo" ?disabled=${!h.canRedo} @click=${() => this.store.redo()}>↷ ${t('redo')}</button>
          <button data-testid="replay" ?disabled=${!h.lastChange} @click=${() => this.store.replayLast()}>⟲ ${t('replay')}</button>
          <button data-testid="pause-animation" aria-pressed=${s.paused ? 'true' : 'false'} @click=${() => this.update_((x) => actions.setSettings(x, { paused: !x.paused }))}>
            ${t('pause')}
          </button>
          <button data-testid="shortcuts" aria-haspopup="dialog" @click=${() => this.showShortcuts()}>${t('shortcuts.open')}</button>
          <button data-testid="copy-link" @click=${() => void this.copyLink()}>${this.copied ? t('copied') : t('copyLink')}</button>
          <label
            >${t('lang.label')}
            <select data-testid="language" @change=${(e: Event) => this.update_((x) => actions.switchLanguage(x, (e.target as HTMLSelectElement).value as Locale))}>
              ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === s.locale}>${t(`lang.${l}`)}</option>`)}
            </select></label
          >
        </div>
      </header>
      ${s.view === 'classroom'
        ? html`<main id="results" tabindex="-1">
            <pendamping-classroom
              .scenario=${comparisonDesigns(s)[s.active].scenario}
              .designName=${active.name}
              .seed=${s.seed}
              .locale=${s.locale}
              ?paused=${s.paused}
              ?trainer=${s.trainer}
              .pool=${this.pool}
            ></pendamping-classroom>
          </main>`
        : this.renderCompare(s, items, active)}
      ${shortcutsDialog()}`;
  }

  private renderCompare(s: AppState, items: { id: string; name: string; colour: string; description: string }[], active: AppState['designs'][number]) {
    return html`<div class="layout">
        <aside>
          <pendamping-pinned-list
            .items=${items}
            .active=${s.active}
            .locale=${s.locale}
            @design-select=${(e: CustomEvent<{ index: number }>) => this.update_((x) => actions.selectDesign(x, e.detail.index))}
            @design-rename=${(e: CustomEvent<{ index: number; name: string }>) => this.update_((x) => actions.renameDesign(x, e.detail.index, e.detail.name))}
            @design-remove=${(e: CustomEvent<{ index: number }>) => this.update_((x) => actions.removeDesign(x, e.detail.index))}
            @design-pin=${() => this.update_(actions.pinDesign)}
          ></pendamping-pinned-list>
          <pendamping-design-library
            .design=${active}
            .designIds=${s.designs.map((d) => d.id)}
            .locale=${s.locale}
            .region=${s.region}
            @design-load=${(e: CustomEvent<{ design: actions.DesignContent }>) => this.update_((x) => actions.loadDesign(x, e.detail.design))}
            @design-import=${(e: CustomEvent<{ design: actions.DesignContent }>) => this.update_((x) => actions.addDesign(x, e.detail.design))}
          ></pendamping-design-library>
          <pendamping-design-panel
            .design=${active}
            .stage=${s.stage}
            .locale=${s.locale}
            ?paused=${s.paused || this.status.state === 'running'}
            @lever-change=${(e: CustomEvent<{ id: string; value: unknown; commit: boolean }>) =>
              this.update_((x) => actions.setLever(x, x.active, e.detail.id, e.detail.value), e.detail.commit)}
            @stage-select=${(e: CustomEvent<{ stage: StageId }>) => this.update_((x) => actions.openStage(x, e.detail.stage), false)}
            @base-change=${(e: CustomEvent<{ base: string }>) => this.update_((x) => actions.setBase(x, e.detail.base))}
          ></pendamping-design-panel>
        </aside>
        <main id="results" tabindex="-1">
          <pendamping-comparison-view
            .result=${this.result}
            .status=${this.status}
            ?stale=${this.comparison.stale}
            .progress=${this.comparison.progress}
            .locale=${s.locale}
            .region=${s.region}
            .replicates=${s.replicates}
            .seed=${s.seed}
            .months=${s.months}
            .designs=${s.designs}
            ?diffVsA=${s.diffVsA}
            .colours=${assignColours(s.designs.map((d) => ({ id: d.id })))}
            .mainChart=${s.mainChart}
            .tornadoDesign=${s.tornadoDesign}
            .tornadoOutput=${s.tornadoOutput}
            ?equalCost=${s.equalCost}
            ?uncertainty=${s.uncertainty}
            .budgetA=${Number(leverValue(s.designs[0].base, s.designs[0].levers, 'budget'))}
            @settings-change=${(e: CustomEvent<Partial<AppState>>) => this.update_((x) => actions.setSettings(x, e.detail))}
            .tornado=${{
              status: this.tornado.status,
              result: this.tornado.result,
              stale: this.tornado.result !== null && this.tornado.resultKey !== tornadoKey(s, this.tornado.result.design.id, this.tornado.result.output),
            }}
            @tornado-run=${(e: CustomEvent<{ design: string; output: TornadoOutput }>) => void this.tornado.run(this.state, e.detail.design, e.detail.output)}
          ></pendamping-comparison-view>
        </main>
      </div>
      ${this.phoneStatus()}`;
  }

  /**
   * On a narrow screen the levers sit below the results, so while new numbers are computed a bar fixed at
   * the bottom of the screen says so (the status line's words and its progress), with a way up to the
   * results. Hidden on wide screens, where the results stay beside the levers.
   */
  private phoneStatus() {
    const status = this.status;
    if (status.state !== 'running') return nothing;
    const text = status.preview && this.result
      ? t('compare.preview', { replicates: this.result.replicates, done: status.done ?? 0, total: status.total ?? 0 })
      : t('compare.running', { done: status.done ?? 0, total: status.total ?? 0 });
    return html`<div class="phone-status" data-testid="phone-status">
      <span>${text}</span>
      <button
        data-testid="phone-status-results"
        @click=${() => {
          const results = this.renderRoot.querySelector<HTMLElement>('#results');
          results?.scrollIntoView({ block: 'start' });
          results?.focus({ preventScroll: true });
        }}
      >
        ${t('compare.seeResults')}
      </button>
      <progress max="1" .value=${this.comparison.progress} aria-label=${t('compare.progress')}></progress>
    </div>`;
  }
}

customElements.define('pendamping-app', PendampingApp);
