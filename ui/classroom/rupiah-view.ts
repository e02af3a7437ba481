// <pendamping-rupiah-view .scenario .seed .locale ?paused ?trainer>: follow the rupiah. The trainer puts an
// amount into a mentored business that buys its raw materials locally (or one that buys from outside, or
// both side by side) and steps round by round; a Sankey with one column per round shows what is re-spent
// locally and what leaks out, with the running LM big. The figures come from the model's ledger: a worker
// runs the design for a year with the business accounts tapped (rupiah-worker.ts), and the page traces any
// amount with sim/classroom/rupiah.ts. Each step fires `rupiah-highlight` with that round's recipients.
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import type { ScenarioInput } from '../../sim/index.js';
import { RUPIAH_ROUNDS, traceRupiah, type RoundSummary, type RupiahTrace, type TraceNode } from '../../sim/classroom/rupiah.js';
import type { Locale } from '../charts/types.js';
import { downloadBlob, serializeSvg, svgSize, svgToPng, withExtension } from '../charts/export.js';
import { formatRatio, formatRupiah, formatShare } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import { focusStyles } from '../app/styles.js';
import { CLASSROOM_INPUT_PROPERTIES, type ClassroomInputs, type Highlight } from './types.js';
import type { LessonBusiness, RupiahData, RupiahRequest, RupiahResponse } from './rupiah-data.js';
import { CLASS_COLOURS, LABEL_LINE, SMALL_FLOW_SHARE, layoutSankey, type SankeyLabels, type SankeyLayout } from './rupiah-sankey.js';

export type RupiahMode = LessonBusiness | 'both';
export type RupiahRunner = ((request: Omit<RupiahRequest, 'id'>) => Promise<RupiahData>) & { terminate?: () => void };

export const DEFAULT_AMOUNT = 1_000_000;
const MIN_AMOUNT = 1_000;

/** The default runner: one module worker per view, answering the latest request. */
function workerRunner(): RupiahRunner {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (d: RupiahData) => void; reject: (e: Error) => void }>();
  const run: RupiahRunner = (request) => {
    if (!worker) {
      worker = new Worker(new URL('./rupiah-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<RupiahResponse>) => {
        const r = event.data;
        const p = pending.get(r.id);
        pending.delete(r.id);
        if (!p) return;
        if (r.ok) p.resolve(r.data);
        else p.reject(new Error(r.error));
      };
      worker.onerror = (event) => {
        for (const p of pending.values()) p.reject(new Error(event.message || 'worker error'));
        pending.clear();
      };
    }
    const id = ++next;
    return new Promise<RupiahData>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ id, ...request } satisfies RupiahRequest);
    });
  };
  run.terminate = () => {
    worker?.terminate();
    worker = null;
    pending.clear();
  };
  return run;
}

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

/** Local spending so far, in rupiah: R1 + … + Rn. */
const cumulativeLocal = (trace: RupiahTrace, round: number) => trace.rounds.slice(0, round).reduce((a, r) => a + r.local, 0);

export class RupiahView extends LitElement implements ClassroomInputs {
  static override properties = {
    ...CLASSROOM_INPUT_PROPERTIES,
    amount: { state: true },
    mode: { state: true },
    round: { state: true },
    view: { state: true },
    data: { state: true },
    status: { state: true },
    error: { state: true },
  };

  declare scenario: ScenarioInput;
  declare seed: number;
  declare locale: Locale;
  declare paused: boolean;
  declare trainer: boolean;
  declare amount: number;
  declare mode: RupiahMode;
  declare round: number;
  declare view: 'chart' | 'table';
  declare data: RupiahData | null;
  declare status: 'idle' | 'loading' | 'ready' | 'error';
  declare error: string;

  /** Runs the model for the view (a worker by default; tests may pass the sim directly). */
  runner: RupiahRunner | null = null;
  private requestKey = '';
  private requestSerial = 0;
  private traceCache = new Map<string, RupiahTrace>();

  constructor() {
    super();
    this.seed = 1;
    this.locale = 'id';
    this.paused = false;
    this.trainer = false;
    this.amount = DEFAULT_AMOUNT;
    this.mode = 'local';
    this.round = 1;
    this.view = 'chart';
    this.data = null;
    this.status = 'idle';
    this.error = '';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        color: #1d2730;
      }
      .intro {
        max-width: 60rem;
        margin: 0 0 0.75rem;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.75rem 1.25rem;
        margin-bottom: 1rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-weight: 600;
      }
      input[type='number'] {
        width: 10rem;
        padding: 0.3rem 0.4rem;
        border: 1px solid #5a6470;
        border-radius: 4px;
      }
      select {
        padding: 0.3rem 0.4rem;
      }
      .hint {
        font-weight: 400;
        color: #4a5560;
      }
      .steps {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .steps button {
        padding: 0.45rem 0.9rem;
      }
      button.primary {
        background: #0072b2;
        border-color: #0072b2;
        color: #fff;
        font-weight: 600;
      }
      button[aria-pressed='true'] {
        background: #0072b2;
        border-color: #0072b2;
        color: #fff;
      }
      .round {
        min-width: 9rem;
        text-align: center;
        font-weight: 700;
        font-size: 1.1em;
      }
      .compare {
        border-left: 6px solid #0072b2;
        background: #f3f7fa;
        padding: 0.6rem 0.9rem;
        margin: 0 0 1rem;
        max-width: 70rem;
        font-size: 1.05em;
      }
      .cards {
        display: grid;
        gap: 1.25rem;
      }
      .card {
        border: 1px solid #d6d6d6;
        border-radius: 6px;
        padding: 0.75rem 1rem 1rem;
        background: #fff;
      }
      .card header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
      }
      h3 {
        margin: 0;
        font-size: 1.1em;
        flex: 1 1 20rem;
      }
      .lm {
        display: flex;
        align-items: baseline;
        gap: 0.6rem;
      }
      .lm .name {
        font-size: 1.4em;
        font-weight: 700;
        color: #4a5560;
      }
      .lm .value {
        font-size: 3.2em;
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
      }
      :host([trainer]) .lm .value {
        font-size: 4.2em;
      }
      .lm-explain {
        margin: 0.2rem 0 0.4rem;
        color: #33404c;
      }
      .sentence {
        margin: 0.25rem 0 0.5rem;
        max-width: 70rem;
      }
      .downloads {
        display: inline-flex;
        gap: 0.4rem;
      }
      svg {
        display: block;
        width: 100%;
        height: auto;
        max-height: 70vh;
      }
      svg text {
        font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
        paint-order: stroke;
        stroke: #fff;
        stroke-width: 3px;
        stroke-linejoin: round;
      }
      .future {
        fill: #9aa3ab;
      }
      @media (prefers-reduced-motion: no-preference) {
        :host(:not([paused])) .appear {
          animation: appear 450ms ease-out;
        }
      }
      @keyframes appear {
        from {
          opacity: 0;
        }
        to {
          opacity: 1;
        }
      }
      .legend,
      .note {
        color: #4a5560;
        font-size: 0.9em;
        margin: 0.4rem 0 0;
      }
      .swatch {
        display: inline-block;
        width: 0.9em;
        height: 0.9em;
        border-radius: 2px;
        vertical-align: -0.1em;
        margin: 0 0.25em 0 0.6em;
      }
      table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
        margin-top: 0.5rem;
      }
      caption {
        text-align: left;
        color: #4a5560;
        padding-bottom: 0.3rem;
      }
      th,
      td {
        padding: 0.3rem 0.7rem;
        border-bottom: 1px solid #e4e4e4;
        text-align: right;
        vertical-align: top;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      .kinds {
        display: block;
        color: #4a5560;
        font-size: 0.85em;
      }
      .status[data-state='error'] {
        color: #b00020;
      }
    `,
  ];

  private get rounds(): number {
    return this.data?.rounds ?? RUPIAH_ROUNDS;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after a run was cut short: ask again.
    if (this.status === 'loading' && this.scenario) {
      this.requestKey = '';
      this.request();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The default worker goes with the view (a view shown again starts a new one if it needs to run).
    if (this.runner?.terminate) {
      this.runner.terminate();
      this.runner = null;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('scenario') || changed.has('seed')) && this.scenario) this.request();
  }

  /** Run the model for the current scenario and seed (unless that run is already had or under way). */
  private request(): void {
    const key = JSON.stringify([this.scenario, this.seed]);
    if (key === this.requestKey) return;
    this.requestKey = key;
    const serial = ++this.requestSerial;
    this.status = 'loading';
    this.runner ??= workerRunner();
    this.runner({ scenario: this.scenario, seed: this.seed }).then(
      (data) => {
        if (serial !== this.requestSerial) return;
        this.traceCache.clear();
        this.data = data;
        this.round = Math.min(this.round, data.rounds);
        this.status = 'ready';
        this.emit(highlightFor(data, this.mode, this.round));
        this.dispatchEvent(new CustomEvent('rupiah-ready', { bubbles: true, composed: true }));
      },
      (e: unknown) => {
        if (serial !== this.requestSerial) return;
        this.status = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      },
    );
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

  private go(round: number): void {
    const r = Math.max(1, Math.min(this.rounds, round));
    if (r === this.round) return;
    this.round = r;
    if (this.data) this.emit(highlightFor(this.data, this.mode, r));
  }

  /** Back to round 1 with nothing lit up. */
  reset(): void {
    this.round = 1;
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

  private onKey(e: KeyboardEvent): void {
    // PageDown / PageUp step rounds from anywhere in the view (a presenter's clicker sends these).
    if (e.key === 'PageDown') {
      e.preventDefault();
      this.go(this.round + 1);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      this.go(this.round - 1);
    }
  }

  private sankeyLabels(trace: RupiahTrace): SankeyLabels {
    const l = this.locale;
    return {
      node: (n: TraceNode) => {
        if (n.role === 'start') return t('rupiah.node.business', { id: trace.business }, l);
        if (n.role === 'owner') return t('rupiah.node.owner', {}, l);
        if (n.role === 'kept') return t('rupiah.node.kept', {}, l);
        return t(`rupiah.sector.${n.sector}`, {}, l);
      },
      note: (n: TraceNode, kinds: string[]) => {
        if (n.role === 'owner') return t('rupiah.node.ownerNote', {}, l);
        if (n.role === 'start' || n.role === 'kept') return '';
        return kinds.join(' · ');
      },
      kind: (k) => t(`rupiah.kind.${k}`, {}, l),
      amount: (v) => formatRupiah(v, l),
      round: (r) => t('rupiah.roundShort', { round: r }, l),
    };
  }

  private renderSankey(which: LessonBusiness, trace: RupiahTrace, layout: SankeyLayout) {
    const round = this.round;
    const shown = (r: number) => r <= round;
    const label = t('rupiah.sankeyLabel', { amount: formatRupiah(this.amount, this.locale), id: trace.business, round }, this.locale);
    return html`<svg
      viewBox="0 0 ${layout.width} ${layout.height}"
      role="img"
      aria-label=${label}
      data-testid="rupiah-sankey"
      data-business=${which}
      data-round=${round}
    >
      <title>${label}</title>
      ${layout.columns.map(
        (c) => svg`<text x=${c.x} y="16" text-anchor=${c.anchor} font-size="15" font-weight="700" class=${c.round > round ? 'future' : ''} fill="#33404c">${c.label}</text>`,
      )}
      <g fill="none">
        ${layout.links
          .filter((k) => shown(k.round))
          .map(
            (k) => svg`<path class=${k.round === round ? 'appear' : ''} d=${k.path} stroke=${k.colour} stroke-opacity="0.45" stroke-width=${Math.max(1, k.width)} data-cls=${k.cls}><title>${k.kind}: ${formatRupiah(k.value, this.locale)}</title></path>`,
          )}
      </g>
      <g>
        ${layout.nodes
          .filter((n) => shown(n.round))
          .map(
            (n) => svg`<rect class=${n.round === round && round > 1 ? 'appear' : ''} x=${n.x0} y=${n.y0} width=${n.x1 - n.x0} height=${Math.max(1, n.y1 - n.y0)} fill=${n.colour} data-role=${n.role}><title>${n.title}: ${n.amount}</title></rect>`,
          )}
      </g>
      <g font-size="14">
        ${layout.nodes
          .filter((n) => shown(n.round))
          .map((n) => {
            const right = n.labelSide === 'right';
            const x = right ? n.x1 + 6 : n.x0 - 6;
            return svg`<text class=${n.round === round && round > 1 ? 'appear' : ''} x=${x} y=${n.labelY} text-anchor=${right ? 'start' : 'end'} fill=${n.textColour} data-node=${n.id}>
              <tspan font-weight="700">${n.title}</tspan><tspan fill="#1d2730"> ${n.amount}</tspan>
              ${n.note ? svg`<tspan x=${x} dy=${LABEL_LINE} font-size="12" fill="#4a5560">${n.note}</tspan>` : nothing}
            </text>`;
          })}
      </g>
    </svg>`;
  }

  private renderTable(trace: RupiahTrace) {
    const l = this.locale;
    const rp = (v: number) => formatRupiah(v, l);
    const rows = trace.rounds.slice(0, this.round);
    const leakKinds = (r: RoundSummary) =>
      Object.entries(r.leakageByKind)
        .filter(([, v]) => (v ?? 0) >= 0.5)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .map(([k, v]) => html`<span class="kinds">${t(`rupiah.kind.${k}`, {}, l)}: ${rp(v ?? 0)}</span>`);
    return html`<table data-testid="rupiah-table">
      <caption>${t('rupiah.tableCaption', { amount: rp(trace.amount), id: trace.business }, l)}</caption>
      <thead>
        <tr>
          ${['round', 'entered', 'local', 'leakage', 'owner', 'kept', 'running'].map((c) => html`<th scope="col">${t(`rupiah.col.${c}`, {}, l)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-round=${r.round}>
            <th scope="row">${r.round}</th>
            <td>${rp(r.entered)}</td>
            <td>${rp(r.local)}</td>
            <td>${r.round === 1 ? '—' : html`${rp(r.leakage)}${leakKinds(r)}`}</td>
            <td>${r.round === 1 ? '—' : rp(r.owner + r.ownSector)}</td>
            <td>${r.round === 1 ? '—' : rp(r.kept)}</td>
            <td>LM${r.round} = ${formatRatio(r.running, l)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private async download(which: LessonBusiness, format: 'png' | 'svg'): Promise<void> {
    const el = this.renderRoot.querySelector<SVGSVGElement>(`svg[data-business="${which}"]`);
    if (!el) return;
    const text = serializeSvg(el);
    const filename = withExtension(`rupiah-${which}-round-${this.round}`, format);
    const blob = format === 'svg' ? new Blob([text], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(text, svgSize(el).width, svgSize(el).height, 2);
    downloadBlob(blob, filename);
  }

  private renderLm(which: LessonBusiness, trace: RupiahTrace) {
    const l = this.locale;
    const r = trace.rounds[this.round - 1];
    return html`<div>
      <div class="lm" data-testid="rupiah-lm3" data-business=${which} data-round=${this.round} data-value=${String(r.running)} aria-live="polite">
        <span class="name">${t('rupiah.lm', { round: this.round }, l)}</span>
        <span class="value">${formatRatio(r.running, l)}</span>
      </div>
      <p class="lm-explain">
        ${this.round === 1
          ? t('rupiah.lmStart', {}, l)
          : t('rupiah.lmExplain', { value: `Rp ${formatRatio(r.running, l)}`, round: this.round }, l)}
        ${this.round > 3 ? html` · ${t('rupiah.lm3Note', { value: formatRatio(trace.lm3, l) }, l)}` : nothing}
      </p>
    </div>`;
  }

  private sentence(trace: RupiahTrace): string {
    const l = this.locale;
    const r = trace.rounds[this.round - 1];
    const rp = (v: number) => formatRupiah(v, l);
    if (r.round === 1) return t('rupiah.sentence.round1', { amount: rp(trace.amount) }, l);
    if (r.round === 2) return t('rupiah.sentence.round2', { local: rp(r.local), leak: rp(r.leakage), owner: rp(r.owner + r.ownSector), kept: rp(r.kept) }, l);
    return t('rupiah.sentence.roundN', { round: r.round, local: rp(r.local), leak: rp(r.leakage) }, l);
  }

  private renderCard(which: LessonBusiness) {
    const data = this.data!;
    const trace = this.trace(which)!;
    const l = this.locale;
    const lesson = data.businesses[which];
    const share = formatShare(trace.localInputShare, l, 0);
    const title =
      which === 'local'
        ? t('rupiah.card.local', { id: trace.business, share }, l)
        : t('rupiah.card.outside', { id: trace.business, share, mentored: lesson.mentored ? t('rupiah.mentored', {}, l) : '' }, l);
    const layout = layoutSankey(trace, this.sankeyLabels(trace));
    return html`<section class="card" data-testid="rupiah-card-${which}" aria-label=${title}>
      <header>
        <h3>${title}</h3>
        ${this.view === 'chart'
          ? html`<div class="downloads" role="group" aria-label=${t('rupiah.download', {}, l)}>
              <button type="button" data-testid="rupiah-export-png-${which}" @click=${() => void this.download(which, 'png')}>${t('rupiah.png', {}, l)}</button>
              <button type="button" data-testid="rupiah-export-svg-${which}" @click=${() => void this.download(which, 'svg')}>${t('rupiah.svg', {}, l)}</button>
            </div>`
          : nothing}
      </header>
      ${this.renderLm(which, trace)}
      <p class="sentence" data-testid="rupiah-sentence-${which}">${this.sentence(trace)}</p>
      ${this.view === 'chart' ? this.renderSankey(which, trace, layout) : this.renderTable(trace)}
    </section>`;
  }

  private renderCompare() {
    const l = this.locale;
    const local = this.trace('local')!;
    const outside = this.trace('outside')!;
    if (this.round < 2) return html`<p class="compare" data-testid="rupiah-compare">${t('rupiah.compareStart', {}, l)}</p>`;
    const a = cumulativeLocal(local, this.round);
    const b = cumulativeLocal(outside, this.round);
    return html`<p class="compare" data-testid="rupiah-compare" aria-live="polite">
      ${t('rupiah.compare', {
        round: this.round,
        amount: formatRupiah(this.amount, l),
        localTotal: formatRupiah(a, l),
        localLm: formatRatio(local.rounds[this.round - 1].running, l),
        outsideTotal: formatRupiah(b, l),
        outsideLm: formatRatio(outside.rounds[this.round - 1].running, l),
        difference: formatRupiah(a - b, l),
      }, l)}
    </p>`;
  }

  override render() {
    const l = this.locale;
    const rounds = this.rounds;
    const ready = this.status === 'ready' && this.data;
    const shown: LessonBusiness[] = this.mode === 'both' ? ['local', 'outside'] : [this.mode];
    return html`<div @keydown=${this.onKey}>
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
          <button type="button" data-testid="rupiah-prev" ?disabled=${!ready || this.round <= 1} @click=${() => this.go(this.round - 1)}>${t('rupiah.prev', {}, l)}</button>
          <span class="round" data-testid="rupiah-round" data-round=${this.round} aria-live="polite">${t('rupiah.round', { round: this.round, rounds }, l)}</span>
          <button type="button" class="primary" data-testid="rupiah-next" ?disabled=${!ready || this.round >= rounds} @click=${() => this.go(this.round + 1)}>${t('rupiah.next', {}, l)}</button>
          <button type="button" data-testid="rupiah-reset" ?disabled=${!ready} @click=${() => this.reset()}>${t('rupiah.reset', {}, l)}</button>
        </div>
        <button
          type="button"
          data-testid="rupiah-table-toggle"
          aria-pressed=${this.view === 'table' ? 'true' : 'false'}
          @click=${() => (this.view = this.view === 'table' ? 'chart' : 'table')}
        >
          ${t('rupiah.table', {}, l)}
        </button>
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
