// The app shell: header (language, undo / redo / replay, pause animation, copy link), the pinned
// designs, the design panel and the comparison. It owns the state store and the worker pool; every
// change that affects the comparison re-runs it after a short pause, cancelling a stale run.
import { LitElement, css, html } from 'lit';
import { assignColours, type Locale } from '../charts/index.js';
import { LOCALES, setLocale as setI18nLocale, t } from '../i18n/i18n.js';
import { compareInWorkers, type ComparisonResult, type DesignInput } from '../runner/compare.js';
import { AbortError, WorkerPool } from '../runner/pool.js';
import * as actions from '../state/actions.js';
import { designScenario, leverValue, type StageId } from '../state/levers.js';
import { BASELINE_SCENARIO, SCENARIOS } from '../state/scenarios.js';
import type { AppState } from '../state/state.js';
import { Store } from '../state/store.js';
import './comparison-view.js';
import type { RunStatus } from './comparison-view.js';
import './design-panel.js';
import './pinned-list.js';
import '../classroom/classroom-page.js';
import type { ClassroomPage } from '../classroom/classroom-page.js';
import { focusStyles } from './styles.js';

export const DEBOUNCE_MS = 150;

/** The designs a comparison runs: the pinned ones in order, then the no-program baseline. */
export function comparisonDesigns(s: AppState): DesignInput[] {
  const pinned = s.designs.map((d) => ({ id: d.id, name: d.name, scenario: designScenario(d.base, d.levers, d.base) }));
  const a = s.designs[0];
  const businesses = leverValue(a.base, a.levers, 'businesses');
  const baseline = { id: 'baseline', name: t('baseline'), scenario: designScenario(BASELINE_SCENARIO, { businesses }, BASELINE_SCENARIO) };
  return SCENARIOS[BASELINE_SCENARIO] ? [...pinned, baseline] : pinned;
}

export class PendampingApp extends LitElement {
  static override properties = {
    result: { state: true },
    status: { state: true },
    copied: { state: true },
  };

  declare result: ComparisonResult | null;
  declare status: RunStatus;
  declare copied: boolean;

  readonly store: Store;
  readonly pool: WorkerPool;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | null = null;
  private lastKey = '';
  private resolveReady!: () => void;
  readonly ready: Promise<void>;

  constructor() {
    super();
    this.result = null;
    this.status = { state: 'idle' };
    this.copied = false;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.store = Store.fromLocation();
    this.pool = new WorkerPool();
    setI18nLocale(this.store.state.locale);
    this.store.addEventListener('change', () => {
      setI18nLocale(this.store.state.locale);
      this.toggleAttribute('trainer', this.store.state.trainer);
      this.requestUpdate();
      this.schedule(this.nextDelay);
    });
    this.schedule(0);
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
        color: #1b1f23;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.75rem 1rem;
        border-bottom: 1px solid #c9d0d6;
        background: #f7f9fa;
      }
      h1 {
        margin: 0;
        font-size: 1.4rem;
      }
      header p {
        margin: 0.15rem 0 0;
        color: #4a5560;
        font-size: 0.9rem;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      dialog.shortcuts {
        max-width: 36rem;
        border: 2px solid #0072b2;
        border-radius: 6px;
      }
      dialog.shortcuts th {
        text-align: left;
        padding-right: 1rem;
        white-space: nowrap;
      }
      kbd {
        border: 1px solid #5a6470;
        border-radius: 3px;
        padding: 0 0.3rem;
        background: #f7f9fa;
      }
      .views {
        display: flex;
        gap: 0.3rem;
      }
      .views button[aria-current='page'] {
        background: #1b1f23;
        color: #fff;
      }
      :host([trainer]) header {
        font-size: 1.3rem;
      }
      .tools button[aria-pressed='true'] {
        background: #0072b2;
        color: #fff;
      }
      .tools label {
        font-size: 0.9rem;
        display: flex;
        gap: 0.3rem;
        align-items: center;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(320px, 560px) 1fr;
        gap: 1.25rem;
        padding: 1rem;
        align-items: start;
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      aside {
        display: grid;
        gap: 1rem;
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 1rem;
        top: 0.5rem;
        background: #fff;
        padding: 0.3rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.toggleAttribute('trainer', this.store.state.trainer);
    addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  /**
   * Keyboard shortcuts (listed in the help dialog, `?`): Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, R
   * replay the last change; in the classroom Space plays or pauses the live economy, → or N steps one
   * month and W switches its picture between the economy with the program and without it. Letters and Space are left alone while typing, and Space and arrows while a button, link or
   * slider has focus (they operate it).
   */
  private onKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.tagName ?? '';
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return;
    if (e.ctrlKey || e.metaKey) {
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) this.store.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') this.store.redo();
      else return;
      e.preventDefault();
      return;
    }
    if (e.altKey) return;
    const operable = tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || target?.getAttribute('role') === 'slider' || target?.getAttribute('role') === 'button';
    const classroom = this.state.view === 'classroom' ? (this.renderRoot.querySelector('pendamping-classroom') as ClassroomPage | null) : null;
    if (e.key === '?') this.showShortcuts();
    else if (e.key === 'r' || e.key === 'R') this.store.replayLast();
    else if (classroom && e.key === ' ' && !operable) classroom.togglePlay();
    else if (classroom && ((e.key === 'ArrowRight' && !operable) || e.key === 'n' || e.key === 'N')) classroom.stepMonth();
    else if (classroom && (e.key === 'w' || e.key === 'W')) classroom.toggleArm();
    else return;
    e.preventDefault();
  };

  private showShortcuts(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.shortcuts')?.showModal();
  }

  private renderShortcuts() {
    const rows: [string, string][] = [
      ['?', t('shortcuts.help')],
      ['Space', t('shortcuts.play')],
      ['→ / N', t('shortcuts.step')],
      ['W', t('shortcuts.arm')],
      ['R', t('shortcuts.replay')],
      ['Ctrl/⌘ + Z', t('shortcuts.undo')],
      ['Ctrl/⌘ + Shift + Z, Ctrl + Y', t('shortcuts.redo')],
    ];
    return html`<dialog class="shortcuts" data-testid="shortcuts-dialog" aria-labelledby="shortcuts-h">
      <h2 id="shortcuts-h">${t('shortcuts.title')}</h2>
      <table>
        ${rows.map(([k, what]) => html`<tr><th scope="row"><kbd>${k}</kbd></th><td>${what}</td></tr>`)}
      </table>
      <p>${t('shortcuts.note')}</p>
      <form method="dialog"><button data-testid="shortcuts-close">${t('shortcuts.close')}</button></form>
    </dialog>`;
  }

  get state(): AppState {
    return this.store.state;
  }

  /** Re-run the comparison after `delay` ms unless its inputs are unchanged; a newer call cancels this one. */
  private schedule(delay = DEBOUNCE_MS): void {
    const s = this.state;
    // The classroom runs its own simulations; the comparison waits until the page is shown again.
    if (s.view === 'classroom') {
      clearTimeout(this.timer);
      this.controller?.abort();
      this.controller = null;
      this.lastKey = '';
      this.resolveReady();
      return;
    }
    const designs = comparisonDesigns(s);
    const key = JSON.stringify([designs, s.replicates, s.seed, s.months, s.diffVsA, s.locale]);
    if (key === this.lastKey) {
      // The same inputs, now committed (a slider's change after its input): start the waiting run at once.
      if (delay === 0 && this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
        void this.run(designs, s);
      }
      return;
    }
    this.lastKey = key;
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = null;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run(designs, s);
    }, delay);
  }

  private async run(designs: DesignInput[], s: AppState): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.status = { state: 'running', done: 0, total: designs.length * s.replicates };
    let progress = { done: 0, total: designs.length * s.replicates };
    let frame = 0;
    try {
      const result = await compareInWorkers(this.pool, designs, {
        replicates: s.replicates,
        seed: s.seed,
        months: s.months,
        diffVsA: s.diffVsA,
        signal: controller.signal,
        label: (key) => t(key),
        // At most one progress render per frame: rendering on every finished run would keep the page
        // busy while the workers wait for it.
        onProgress: (done, total) => {
          progress = { done, total };
          frame ||= requestAnimationFrame(() => {
            frame = 0;
            if (!controller.signal.aborted && this.status.state === 'running') this.status = { state: 'running', ...progress };
          });
        },
      });
      cancelAnimationFrame(frame);
      if (controller.signal.aborted) return;
      this.result = result;
      this.status = { state: 'done' };
      this.dispatchEvent(new CustomEvent('comparison', { detail: result }));
      this.resolveReady();
    } catch (e) {
      if (e instanceof AbortError || controller.signal.aborted) return;
      this.status = { state: 'error', message: e instanceof Error ? e.message : String(e) };
      this.resolveReady();
    }
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
      description: t('pinned.changes', { count: Object.keys(d.levers).length, base: d.base }),
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
            <select data-testid="language" @change=${(e: Event) => this.update_((x) => actions.setLocale(x, (e.target as HTMLSelectElement).value as Locale))}>
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
      ${this.renderShortcuts()}`;
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
          <pendamping-design-panel
            .design=${active}
            .stage=${s.stage}
            .locale=${s.locale}
            ?paused=${s.paused}
            @lever-change=${(e: CustomEvent<{ id: string; value: unknown; commit: boolean }>) =>
              this.update_((x) => actions.setLever(x, x.active, e.detail.id, e.detail.value), e.detail.commit)}
            @stage-toggle=${(e: CustomEvent<{ stage: StageId }>) => this.update_((x) => actions.toggleStage(x, e.detail.stage))}
            @base-change=${(e: CustomEvent<{ base: string }>) => this.update_((x) => actions.setBase(x, e.detail.base))}
          ></pendamping-design-panel>
        </aside>
        <main id="results" tabindex="-1">
          <pendamping-comparison-view
            .result=${this.result}
            .status=${this.status}
            .locale=${s.locale}
            .replicates=${s.replicates}
            .seed=${s.seed}
            .months=${s.months}
            ?diffVsA=${s.diffVsA}
            ?paused=${s.paused}
            @settings-change=${(e: CustomEvent<Partial<AppState>>) => this.update_((x) => actions.setSettings(x, e.detail))}
          ></pendamping-comparison-view>
        </main>
      </div>`;
  }
}

customElements.define('pendamping-app', PendampingApp);
