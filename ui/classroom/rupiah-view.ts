// <pendamping-rupiah-view .scenario .seed .locale ?paused ?trainer>: follow the rupiah. The trainer puts an
// amount into a mentored business that buys its raw materials locally (or one that buys from outside, or
// both side by side) and steps round by round; a Sankey with one column per round shows what is re-spent
// locally and what leaks out, with the running LM big. The figures come from the model's ledger: a worker
// runs the design for a year with the business accounts tapped (rupiah-worker.ts), and the page traces any
// amount with sim/classroom/rupiah.ts. Each step fires `rupiah-highlight` with that round's recipients.
// This element holds the controls, the properties and the wiring; its parts: the worker session
// (rupiah-session.ts), the round stepper (round-stepper.ts), the cards (rupiah-card.ts) and the styles
// (rupiah-view-styles.ts).
import { NarrowController } from '../controllers/narrow.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ScenarioInput } from '../../sim/index.js';
import { RUPIAH_ROUNDS, traceRupiah, type RupiahTrace } from '../../sim/classroom/rupiah.js';
import type { Locale } from '../charts/types.js';
import { downloadBlob, serializeSvg, svgSize, svgToPng, withExtension } from '../charts/export.js';
import { formatRupiah, formatShare } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import { CLASSROOM_INPUT_PROPERTIES, type ClassroomInputs, type Highlight } from './types.js';
import type { LessonBusiness, RupiahData } from './rupiah-data.js';
import { rupiahCard, rupiahCompare } from './rupiah-card.js';
import { CLASS_COLOURS, SMALL_FLOW_SHARE } from './rupiah-sankey.js';
import { RupiahSession, type RupiahRunner, type RupiahStatus } from './rupiah-session.js';
import { rupiahViewStyles } from './rupiah-view-styles.js';
import { RoundStepper } from './round-stepper.js';

export type RupiahMode = LessonBusiness | 'both';
export type { RupiahRunner } from './rupiah-session.js';

export const DEFAULT_AMOUNT = 1_000_000;
const MIN_AMOUNT = 1_000;

/** The recipients of `round` for the businesses shown, merged (null before any data). */
export function highlightFor(data: RupiahData, mode: RupiahMode, round: number): Highlight {
  const which: LessonBusiness[] = mode === 'both' ? ['local', 'outside'] : [mode];
  const businesses = new Set<number>(), households = new Set<number>(), suppliers = new Set<number>();
  for (const w of which) {
    const r = data.businesses[w].recipients[round - 1];
    if (!r) continue;
    r.businesses.forEach((x) => businesses.add(x));
    r.households.forEach((x) => households.add(x));
    r.suppliers.forEach((x) => suppliers.add(x));
  }
  return { round, businesses: [...businesses], households: [...households], suppliers: [...suppliers] };
}


export class RupiahView extends LitElement implements ClassroomInputs {
  static override properties = {
    ...CLASSROOM_INPUT_PROPERTIES,
    amount: { state: true },
    mode: { state: true },
    view: { state: true },
    data: { state: true },
    cardsWidth: { state: true },
  };

  declare scenario: ScenarioInput;
  declare seed: number;
  declare locale: Locale;
  declare paused: boolean;
  declare trainer: boolean;
  declare amount: number;
  declare mode: RupiahMode;
  declare view: 'chart' | 'table';
  declare data: RupiahData | null;
  /** The cards' width in CSS pixels (0 until measured): trainer mode sizes the diagram's box from it. */
  declare cardsWidth: number;
  private readonly resize = new ResizeObserver((entries) => {
    const width = Math.round(entries[0]?.contentRect.width ?? 0);
    if (width > 0 && width !== this.cardsWidth) this.cardsWidth = width;
  });
  /** A narrow screen (a phone): the flows are shown as the table, since the diagram's text would be a few pixels high. */
  private readonly narrowWindow = new NarrowController(this);

  static override styles = rupiahViewStyles;

  private readonly session = new RupiahSession(this, (data) => this.arrived(data));
  private readonly stepper = new RoundStepper(
    this,
    () => this.rounds,
    (round) => {
      if (this.data) this.emit(highlightFor(this.data, this.mode, round));
    },
  );
  private traceCache = new Map<string, RupiahTrace>();

  constructor() {
    super();
    this.seed = 1;
    this.locale = 'id';
    this.paused = false;
    this.trainer = false;
    this.amount = DEFAULT_AMOUNT;
    this.mode = 'local';
    this.view = 'chart';
    this.data = null;
    this.cardsWidth = 0;
  }

  override updated(): void {
    const cards = this.renderRoot.querySelector('.cards');
    if (cards && cards !== this.observed) {
      if (this.observed) this.resize.unobserve(this.observed);
      this.resize.observe(cards);
      this.observed = cards;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.observed = null;
  }

  private observed: Element | null = null;

  /** What the cards show: the diagram, or the table (asked for, or on a narrow screen). */
  get shownView(): 'chart' | 'table' {
    return this.narrowWindow.matches ? 'table' : this.view;
  }

  /** Runs the model for the view (a worker by default; tests may pass the sim directly). */
  get runner(): RupiahRunner | null {
    return this.session.runner;
  }

  set runner(runner: RupiahRunner | null) {
    this.session.runner = runner;
  }

  get status(): RupiahStatus {
    return this.session.status;
  }

  get error(): string {
    return this.session.error;
  }

  /** The round shown (1 = where the money went in). */
  get round(): number {
    return this.stepper.round;
  }

  private get rounds(): number {
    return this.data?.rounds ?? RUPIAH_ROUNDS;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('scenario') || changed.has('seed')) && this.scenario) this.session.request(this.scenario, this.seed);
  }

  private arrived(data: RupiahData): void {
    this.traceCache.clear();
    this.data = data;
    this.stepper.clamp();
    this.emit(highlightFor(data, this.mode, this.round));
    this.dispatchEvent(new CustomEvent('rupiah-ready', { bubbles: true, composed: true }));
  }

  /** The trace of the current amount through a lesson business (cached per amount). */
  trace(which: LessonBusiness): RupiahTrace | null {
    const data = this.data;
    if (!data) return null;
    const key = `${which}:${this.amount}`;
    let trace = this.traceCache.get(key);
    if (!trace) {
      trace = traceRupiah(data.cells, data.businesses[which].account, this.amount, data.rounds);
      this.traceCache.set(key, trace);
    }
    return trace;
  }

  private emit(detail: Highlight | null): void {
    this.dispatchEvent(new CustomEvent<Highlight | null>('rupiah-highlight', { detail, bubbles: true, composed: true }));
  }

  /** Back to round 1 with nothing lit up. */
  reset(): void {
    this.stepper.restart();
    this.emit(null);
  }

  private setAmount(e: Event): void {
    const input = e.target as HTMLInputElement;
    const v = Math.round(Number(input.value));
    if (Number.isFinite(v) && v >= MIN_AMOUNT) this.amount = v;
    else input.value = String(this.amount);
  }

  private setMode(e: Event): void {
    this.mode = (e.target as HTMLSelectElement).value as RupiahMode;
    if (this.data) this.emit(highlightFor(this.data, this.mode, this.round));
  }

  private async download(which: LessonBusiness, format: 'png' | 'svg'): Promise<void> {
    const el = this.renderRoot.querySelector<SVGSVGElement>(`svg[data-business="${which}"]`);
    if (!el) return;
    const text = serializeSvg(el);
    const filename = withExtension(`rupiah-${which}-round-${this.round}`, format);
    const blob = format === 'svg' ? new Blob([text], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(text, svgSize(el).width, svgSize(el).height, 2);
    downloadBlob(blob, filename);
  }

  private renderCard(which: LessonBusiness) {
    return rupiahCard({
      which,
      lesson: this.data!.businesses[which],
      trace: this.trace(which)!,
      round: this.round,
      amount: this.amount,
      view: this.shownView,
      trainer: this.trainer,
      // Less the card's padding and border (about 2 × 10 px).
      width: Math.max(0, this.cardsWidth - 22),
      locale: this.locale,
      onDownload: (w, format) => void this.download(w, format),
    });
  }

  private renderCompare() {
    return rupiahCompare(this.trace('local')!, this.trace('outside')!, this.round, this.amount, this.locale);
  }

  override render() {
    const l = this.locale;
    const rounds = this.rounds;
    const ready = this.status === 'ready' && this.data;
    const shown: LessonBusiness[] = this.mode === 'both' ? ['local', 'outside'] : [this.mode];
    return html`<div>
      <p class="intro">${t('rupiah.intro', { seed: this.seed }, l)}</p>
      <div class="controls">
        <label
          >${t('rupiah.amount', {}, l)}
          <input
            type="number"
            data-testid="rupiah-amount"
            min=${MIN_AMOUNT}
            step="100000"
            inputmode="numeric"
            .value=${String(this.amount)}
            @change=${this.setAmount}
          />
          <span class="hint" data-testid="rupiah-amount-hint">${t('rupiah.amountHint', { value: formatRupiah(this.amount, l, { compact: false }) }, l)} (${formatRupiah(this.amount, l)})</span>
        </label>
        <label
          >${t('rupiah.business', {}, l)}
          <select data-testid="rupiah-business" @change=${this.setMode}>
            ${(['local', 'outside', 'both'] as const).map((m) => html`<option value=${m} ?selected=${m === this.mode}>${t(`rupiah.business.${m}`, {}, l)}</option>`)}
          </select>
        </label>
        <div class="steps" role="group" aria-label=${t('rupiah.round', { round: this.round, rounds }, l)}>
          <button type="button" data-testid="rupiah-prev" ?disabled=${!ready || this.round <= 1} @click=${() => this.stepper.go(this.round - 1)}>${t('rupiah.prev', {}, l)}</button>
          <span class="round" data-testid="rupiah-round" data-round=${this.round} aria-live="polite">${t('rupiah.round', { round: this.round, rounds }, l)}</span>
          <button type="button" class="primary" data-testid="rupiah-next" ?disabled=${!ready || this.round >= rounds} @click=${() => this.stepper.go(this.round + 1)}>${t('rupiah.next', {}, l)}</button>
          <button type="button" data-testid="rupiah-reset" ?disabled=${!ready} @click=${() => this.reset()}>${t('rupiah.reset', {}, l)}</button>
        </div>
        <button
          type="button"
          data-testid="rupiah-table-toggle"
          aria-pressed=${this.shownView === 'table' ? 'true' : 'false'}
          ?disabled=${this.narrowWindow.matches}
          @click=${() => (this.view = this.view === 'table' ? 'chart' : 'table')}
        >
          ${t('rupiah.table', {}, l)}
        </button>
        ${this.narrowWindow.matches ? html`<span class="hint" data-testid="rupiah-narrow">${t('rupiah.narrowTable', {}, l)}</span>` : nothing}
      </div>
      ${ready
        ? html`${this.renderCompare()}
            <div class="cards" data-mode=${this.mode}>${shown.map((w) => this.renderCard(w))}</div>
            <p class="legend">
              <span class="swatch" style="background:${CLASS_COLOURS.local}"></span>${t('rupiah.class.local', {}, l)}
              <span class="swatch" style="background:${CLASS_COLOURS.leakage}"></span>${t('rupiah.class.leakage', {}, l)}
              <span class="swatch" style="background:${CLASS_COLOURS.owner}"></span>${t('rupiah.class.owner', {}, l)}
              <span class="swatch" style="background:${CLASS_COLOURS.kept}"></span>${t('rupiah.class.kept', {}, l)}
            </p>
            <p class="note">
              ${t('rupiah.smallNote', { threshold: formatShare(SMALL_FLOW_SHARE, l) }, l)} ${t('rupiah.highlightNote', {}, l)}
            </p>
            <p class="note">${t('rupiah.method', {}, l)}</p>`
        : html`<p class="status" data-testid="rupiah-status" data-state=${this.status}>
            ${this.status === 'error' ? t('rupiah.error', { message: this.error }, l) : t('rupiah.loading', {}, l)}
          </p>`}
    </div>`;
  }
}

if (!customElements.get('pendamping-rupiah-view')) customElements.define('pendamping-rupiah-view', RupiahView);
