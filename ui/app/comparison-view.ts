// The comparison: the region, the run status, the headline cards and the main chart first; the simulation
// settings behind a disclosure; then every chart card: participants, the local economy, the estimates and women.
// A preview (the first replicates) updates the cards and the main chart; the detailed charts wait, dimmed, for the final numbers.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import '../charts/index.js';
import { assignColours, formatNumber, formatShare } from '../charts/index.js';
import { icerWords } from '../charts/index.js';
import type { ChartLabels, EstimateChartSpec, ExportContext, LineChartSpec, Locale, PlaneChartSpec, TidyRow } from '../charts/index.js';
import { getLocale, t } from '../i18n/i18n.js';
import type { ComparisonResult } from '../runner/compare.js';
import { CHARTED_SERIES, ESTIMATES } from '../runner/metrics.js';
import { CE_CHARTS } from '../runner/costEffectiveness.js';
import { LEVERS, equalCostLevers, type LeverValue } from '../state/levers.js';
import { REGIONS } from '../state/regions.js';
import { BASELINE_SCENARIO, parsedScenario, scenarioTitle } from '../state/scenarios.js';
import type { DesignState } from '../state/state.js';
import { glossaryDialog, regionsDialog } from './doc-dialogs.js';
import './headline-cards.js';
import { focusStyles } from './styles.js';
import { formatRupiah } from '../format/format.js';
import { TORNADO_OUTPUTS, tornadoChart, tornadoRunCount, type TornadoOutput, type TornadoResult } from '../runner/tornado.js';
import { designFields, type LeverValue as Lever } from '../state/levers.js';
import { TORNADO_CHART } from '../state/state.js';
import type { TornadoStatus } from './tornado-runner.js';

export interface TornadoView {
  status: TornadoStatus;
  result: TornadoResult | null;
  stale: boolean;
}

export interface RunStatus {
  state: 'idle' | 'running' | 'done' | 'error';
  done?: number;
  total?: number;
  message?: string;
  /** The result on screen is a preview (the first replicates) of this run. */
  preview?: boolean;
}

const rowReaders = new WeakMap<ComparisonResult['rows'], Map<string, () => readonly TidyRow[]>>();
/**
 * A chart's raw rows for its card, as a function the card calls only for a raw-CSV download (reading
 * `rows[id]` builds them): the same function for the same comparison and chart, so a re-render does not
 * hand the card a new value. None when the chart has no rows.
 */
function rowsOf(r: ComparisonResult | null, id: string): readonly TidyRow[] | (() => readonly TidyRow[]) {
  if (!r || !(id in r.rows)) return [];
  let readers = rowReaders.get(r.rows);
  if (!readers) rowReaders.set(r.rows, (readers = new Map()));
  let read = readers.get(id);
  if (!read) readers.set(id, (read = () => r.rows[id]));
  return read;
}

const labelsByLocale = new Map<string, Partial<ChartLabels>>();
/**
 * The charts' table labels in the current language: one object per language (and kind of range), so a
 * re-render of the page (a progress line, say) hands the charts the same labels and they do not redraw.
 * With `overAssumptions` the ranges are named the range over the assumptions, in tables and exports.
 */
export function chartLabelsFor(overAssumptions = false): Partial<ChartLabels> {
  const locale = getLocale();
  const key = `${locale}/${overAssumptions}`;
  let labels = labelsByLocale.get(key);
  if (!labels) {
    labels = { month: t('table.month'), design: t('table.design'), mean: t('table.mean'), low: t('table.low'), high: t('table.high') };
    if (overAssumptions) {
      Object.assign(labels, {
        low: t('table.low.overAssumptions'),
        high: t('table.high.overAssumptions'),
        interval: t('table.interval.overAssumptions'),
        exportRun: t('export.run.overAssumptions'),
        exportSource: t('export.source.overAssumptions'),
      });
    }
    labelsByLocale.set(key, labels);
  }
  return labels;
}

export class ComparisonView extends LitElement {
  static override properties = {
    result: { attribute: false },
    status: { attribute: false },
    locale: {},
    region: {},
    replicates: { type: Number },
    seed: { type: Number },
    months: { type: Number },
    diffVsA: { type: Boolean },
    colours: { attribute: false },
    mainChart: {},
    equalCost: { type: Boolean },
    uncertainty: { type: Boolean },
    budgetA: { type: Number },
    designs: { attribute: false },
    stale: { type: Boolean, reflect: true },
    progress: { type: Number },
    tornado: { attribute: false },
    tornadoDesign: {},
    tornadoOutput: {},
  };

  declare result: ComparisonResult | null;
  declare status: RunStatus;
  declare locale: Locale;
  declare region: string;
  declare replicates: number;
  declare seed: number;
  declare months: number;
  declare diffVsA: boolean;
  /** Each design's colour (the app's assignColours), for the headline cards. */
  declare colours: ReadonlyMap<string, string>;
  /** The chart shown under the headline cards. */
  declare mainChart: string;
  /** Every design on design A's budget (the state's equalCost), and that budget. */
  declare equalCost: boolean;
  /** Draw the uncertain assumptions once per replicate (the state's uncertainty switch). */
  declare uncertainty: boolean;
  declare budgetA: number;
  /** The pinned designs (base scenario and changed levers), written beside exported charts. */
  declare designs: DesignState[];
  /** The charts show numbers for other inputs than the latest: dimmed until the new numbers arrive. */
  declare stale: boolean;
  /** How far the run under way is, 0..1 (a bar under the status line while it runs). */
  declare progress: number;
  /** The tornado chart's runs (the app's TornadoRunner): status, the latest result, and whether it is for older inputs. */
  declare tornado: TornadoView;
  /**
   * The design and figure the tornado ranks the assumptions for (the first pinned design and extra jobs
   * unless chosen), kept in the app's state and so in the link.
   */
  declare tornadoDesign: string;
  declare tornadoOutput: TornadoOutput;
  /** The tornado spec of the latest result, kept so a re-render hands the chart the same object. */
  private tornadoSpec: { result: TornadoResult; locale: string; name: string; chart: ReturnType<typeof tornadoChart> } | null = null;

  constructor() {
    super();
    this.result = null;
    this.status = { state: 'idle' };
    this.locale = 'id';
    this.region = 'town';
    this.replicates = 10;
    this.seed = 1;
    this.months = 36;
    this.diffVsA = false;
    this.colours = new Map();
    this.mainChart = 'jobs';
    this.equalCost = false;
    this.uncertainty = false;
    this.budgetA = 0;
    this.designs = [];
    this.stale = false;
    this.progress = 0;
    this.tornado = { status: { state: 'idle' }, result: null, stale: false };
    this.tornadoDesign = '';
    this.tornadoOutput = 'jobs.effect';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 1rem;
        margin: 1.25rem 0 0.5rem;
      }
      .settings {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.25rem;
        align-items: end;
        border: 1px solid #c9d0d6;
        border-radius: 6px;
        padding: 0.5rem 0.75rem;
      }
      .settings label {
        display: flex;
        flex-direction: column;
        font-size: 0.85rem;
        font-weight: 600;
      }
      .settings label.check {
        flex-direction: row;
        gap: 0.4rem;
        align-items: center;
      }
      .settings input[type='number'] {
        width: 6rem;
      }
      .region {
        flex: 1 1 100%;
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.25rem 1rem;
      }
      .region select {
        max-width: 100%;
      }
      .region .about {
        flex: 1 1 18rem;
        margin: 0;
        font-size: 0.85rem;
        color: #4a5560;
      }
      .status {
        min-height: 1.4rem;
        margin: 0.5rem 0;
        font-size: 0.9rem;
      }
      .status.error {
        color: #a03000;
      }
      /*
       * Its own layer: dimming and undimming only recomposite it (no repaint of the charts). At once, with no
       * transition: a fading layer kept the page's main thread drawing frames while the workers compute.
       */
      .grid,
      pendamping-headline-cards,
      .main-chart {
        will-change: opacity;
      }
      :host([stale]) .grid,
      .grid.behind,
      :host([stale]) pendamping-headline-cards,
      :host([stale]) .main-chart {
        opacity: 0.45;
      }
      .progress {
        display: block;
        width: 100%;
        height: 4px;
        margin: -0.35rem 0 0.5rem;
        appearance: none;
        border: none;
        background: #e3e8ec;
        color: #0072b2;
      }
      .progress::-webkit-progress-bar {
        background: #e3e8ec;
      }
      .progress::-webkit-progress-value {
        background: #0072b2;
      }
      .progress::-moz-progress-bar {
        background: #0072b2;
      }
      .note {
        font-size: 0.85rem;
        color: #4a5560;
      }
      .estimates-head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 1rem;
      }
      .glossary-link {
        background: none;
        border: none;
        padding: 0;
        color: #0057a0;
        text-decoration: underline;
        font: inherit;
        font-size: 0.9rem;
        cursor: pointer;
      }
      dialog.glossary {
        max-width: min(60rem, 95vw);
        max-height: 90vh;
        border: 2px solid #0072b2;
        border-radius: 6px;
        font-size: 0.9rem;
        line-height: 1.45;
      }
      dialog.glossary .close {
        position: sticky;
        top: 0;
        text-align: right;
      }
      dialog.glossary .language-note {
        color: #4a5560;
        font-style: italic;
      }
      dialog.glossary table {
        border-collapse: collapse;
        margin: 0.5rem 0;
      }
      dialog.glossary th,
      dialog.glossary td {
        border: 1px solid #c9d0d6;
        padding: 0.2rem 0.4rem;
        text-align: left;
        vertical-align: top;
      }
      dialog.glossary code {
        background: #f1f4f6;
        padding: 0 0.2rem;
        border-radius: 3px;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.25rem 1rem;
      }
      /* On a wide screen the title, status line and progress bar stay at the top of the results column
         while the page scrolls (a narrow screen has its own bar at the bottom while computing). */
      @media (min-width: 901px) {
        .top {
          position: sticky;
          top: 0;
          z-index: 2;
          background: #ffffff;
          padding: 0.25rem 0;
        }
      }
      @media print {
        .top {
          position: static;
        }
      }
      .top .status {
        margin: 0;
      }
      .top .progress {
        flex: 1 1 100%;
        margin: 0;
      }
      .main-chart {
        margin-top: 0.75rem;
      }
      .main-chart label {
        font-size: 0.9rem;
        font-weight: 600;
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
        margin-bottom: 0.4rem;
      }
      .main-chart select {
        flex: 0 1 36rem;
        min-width: 0;
        max-width: 100%;
      }
      details.more {
        margin: 1rem 0 0;
        border: 1px solid #c9d0d6;
        border-radius: 6px;
        padding: 0.4rem 0.75rem;
      }
      details.more summary {
        cursor: pointer;
        font-weight: 600;
      }
      details.more .settings {
        border: none;
        padding: 0.5rem 0 0;
      }
      .settings label.equal-cost {
        font-weight: 400;
        flex: 1 1 100%;
      }
      .settings label.uncertainty {
        flex: 1 1 100%;
      }
      .tornado-controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
        margin: 0.5rem 0;
      }
      .main-chart .tornado-controls label {
        display: flex;
        flex-direction: column;
        align-items: stretch;
        gap: 0.2rem;
        margin: 0;
        font-size: 0.85rem;
        font-weight: 600;
        min-width: 0;
        max-width: 100%;
      }
      .main-chart .tornado-controls select {
        flex: 0 0 auto;
        max-width: 100%;
      }
      .tornado-chart[data-stale] {
        opacity: 0.55;
      }
      .memo {
        display: none;
      }
      button.print {
        font: inherit;
        font-size: 0.9rem;
      }
      @media print {
        :host {
          font-size: 11px;
        }
        .memo {
          display: block;
          margin: 0 0 0.5rem;
        }
        .memo h2 {
          font-size: 1.2rem;
        }
        .memo ul {
          margin: 0.2rem 0 0.4rem 1.1rem;
          padding: 0;
        }
        .memo p,
        .memo li {
          margin: 0.1rem 0;
        }
        .top,
        .settings,
        details.more,
        .main-chart label,
        .grid,
        h3,
        .estimates-head,
        .note,
        dialog {
          display: none !important;
        }
        pendamping-headline-cards,
        .main-chart {
          break-inside: avoid;
        }
      }
      .ce-help {
        margin: 0.5rem 0 0.25rem;
      }
      ul.ce-status {
        margin: 0.25rem 0 0;
        padding: 0;
        list-style: none;
        font-size: 0.9rem;
      }
      ul.ce-status li {
        margin: 0.2rem 0;
        overflow-wrap: anywhere;
      }
      ul.ce-status .swatch {
        display: inline-block;
        width: 0.75rem;
        height: 0.75rem;
        border-radius: 50%;
        margin-right: 0.35rem;
        vertical-align: -0.05rem;
      }
      .seed-help {
        flex: 1 1 100%;
        margin: 0;
        font-size: 0.8rem;
        color: #4a5560;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr));
        gap: 1rem;
      }
      /* The detailed charts below the screen are laid out and painted only when they come near it, so a
         new comparison redraws what is seen first (their size is kept while skipped). */
      .grid > * {
        content-visibility: auto;
        contain-intrinsic-size: auto 470px;
      }
    `,
  ];

  private setting(name: string, value: number | boolean | string): void {
    this.dispatchEvent(new CustomEvent('settings-change', { detail: { [name]: value }, bubbles: true, composed: true }));
  }

  private numberSetting(name: 'replicates' | 'seed' | 'months', min: number, max: number) {
    return html`<label
      >${t(`compare.${name}`)}
      <input
        type="number"
        data-testid="setting-${name}"
        min=${min}
        max=${max}
        .value=${String(this[name])}
        @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).valueAsNumber;
          if (Number.isFinite(v)) this.setting(name, Math.min(max, Math.max(min, Math.round(v))));
        }}
    /></label>`;
  }

  /**
   * The region choice: the shipped profiles, the chosen one's description and a link to what a profile is.
   * `?selected` picks the option on the first render (the options do not exist yet when `.value` is set);
   * `.value` afterwards, since an option's `selected` attribute no longer moves a select the user has changed.
   */
  private regionSetting() {
    return html`<div class="region">
      <label
        >${t('compare.region')}
        <select
          data-testid="setting-region"
          aria-describedby="region-about"
          .value=${this.region}
          @change=${(e: Event) => this.setting('region', (e.target as HTMLSelectElement).value)}
        >
          ${REGIONS.map((r) => html`<option value=${r} ?selected=${r === this.region}>${t(`region.${r}`)}</option>`)}
        </select></label
      >
      <p class="about" id="region-about" data-testid="region-description">
        ${t(`region.${this.region}.desc`)} ${t('compare.regionHelp')}
        <button class="glossary-link" data-testid="region-about" aria-haspopup="dialog" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.regions-doc')?.showModal()}>
          ${t('region.about')}
        </button>
      </p>
    </div>`;
  }

  /**
   * Each card's export context, kept until what it is made of changes: a re-render for the run's progress
   * or the stale mark hands every card the same object, so the cards do not re-render for it.
   */
  private contexts = new Map<string, () => ExportContext>();

  /**
   * What the detailed charts below the answer show: the latest final comparison. A preview updates only
   * the headline cards and the main chart (drawn at once, beside the workers still computing); the
   * detailed charts keep the numbers before it, dimmed, until the final comparison comes.
   */
  private detail: ComparisonResult | null = null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('result')) {
      const r = this.result;
      if (!r || !r.preview || !this.detail) this.detail = r;
    }
    const inputs = ['result', 'designs', 'equalCost', 'budgetA', 'locale', 'diffVsA', 'replicates', 'seed', 'months', 'region', 'tornado'];
    if (inputs.some((p) => changed.has(p))) this.contexts.clear();
  }

  /**
   * A card's export context, as a function the card calls only for an export: building every card's context
   * on every result (preview and final) cost the main thread ~9 ms per slider press. The same function until
   * an input changes, so a re-render does not hand the card a new value.
   */
  private exportContext(id: string, note: string, r: ComparisonResult | null): () => ExportContext {
    const key = JSON.stringify([id, note, r === this.result]);
    let context = this.contexts.get(key);
    if (!context) {
      let built: ExportContext | undefined;
      this.contexts.set(key, (context = () => (built ??= exportContextFor(this, id, note, r))));
    }
    return context;
  }

  /** The result on screen was run with the assumptions drawn: its ranges are the range over the assumptions. */
  private get overAssumptions(): boolean {
    return this.result?.overAssumptions ?? false;
  }

  /** Written under an exported chart image, so a chart pasted into a report says which district it is for. */
  private get caption(): string {
    return t('region.caption', { region: t(`region.${this.region}`) });
  }

  /**
   * A chart in its card: title, table view, exports named for the district, and the export's context
   * (`note`: what the chart's numbers are) — the same for every kind of chart on the page.
   */
  private card(id: string, title: string, note: string, place: string, chart: TemplateResult, r: ComparisonResult | null = this.result, csvRows?: readonly TidyRow[]) {
    return html`<pendamping-chart-card
      data-testid="${place}-${id}"
      .title=${title}
      .locale=${this.locale}
      .labels=${chartLabelsFor(r?.overAssumptions ?? false)}
      .csvRows=${csvRows ?? rowsOf(r, id)}
      .caption=${this.caption}
      .filename=${`pendamping-${id}-${this.region}`}
      .exportContext=${this.exportContext(id, note, r)}
      >${chart}</pendamping-chart-card
    >`;
  }

  /** A line chart's card; `r` is the comparison it is drawn from (the detailed charts': the latest final one). */
  private line(spec: LineChartSpec, place = 'chart', r: ComparisonResult | null = this.result) {
    return this.card(
      spec.id,
      spec.title,
      spec.yLabel,
      place,
      html`<pendamping-line-chart .spec=${spec} .locale=${this.locale} .labels=${chartLabelsFor(r?.overAssumptions ?? false)}></pendamping-line-chart>`,
      r,
    );
  }

  private showGlossary(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.glossary')?.showModal();
  }

  private estimate(spec: EstimateChartSpec, place = 'chart', r: ComparisonResult | null = this.result) {
    return this.card(
      spec.id,
      spec.title,
      t(this.overAssumptions ? 'export.estimateNote.overAssumptions' : 'export.estimateNote'),
      place,
      html`<pendamping-estimate-chart .spec=${spec} .locale=${this.locale} .labels=${chartLabelsFor(r?.overAssumptions ?? false)}></pendamping-estimate-chart>`,
      r,
    );
  }

  private renderStatus() {
    const s = this.status;
    const r = this.result;
    /** Every run came from the app's build (ui/runner/firstRuns.ts): the line says so, its title how. */
    const built = s.state === 'done' && !!r && !this.overAssumptions && r.computed.fromBuild === r.designs.length * r.replicates;
    const text =
      s.state === 'running' && s.preview && this.result
        ? t('compare.preview', { replicates: this.result.replicates, done: s.done ?? 0, total: s.total ?? 0 })
        : s.state === 'running'
        ? t('compare.running', { done: s.done ?? 0, total: s.total ?? 0 })
        : s.state === 'error'
          ? t('compare.error', { message: s.message ?? '' })
          : s.state === 'done' && this.result
            ? t(this.overAssumptions ? 'compare.done.draws' : built ? 'compare.done.built' : 'compare.done', {
                runs: this.result.designs.length * this.result.replicates,
                replicates: this.result.replicates,
                ms: Math.round(this.result.elapsedMs),
              })
            : '';
    return html`<p class="status ${s.state}" role="status" aria-live="polite" data-testid="run-status" data-state=${s.state} ?data-preview=${!!s.preview} title=${built ? t('compare.done.built.title') : nothing}>${text}</p>
      ${s.state === 'running'
        ? html`<progress class="progress" data-testid="run-progress" max="1" .value=${this.progress} aria-label=${t('compare.progress')}></progress>`
        : nothing}`;
  }

  /**
   * The cost-effectiveness plane (extra jobs or local GDP against cost), what it means, and each design's
   * place on the frontier with its extra cost per extra unit over the frontier option before it.
   */
  private plane(spec: PlaneChartSpec, place = 'chart') {
    return html`${this.card(
        spec.id,
        spec.title,
        `${spec.yLabel} · ${spec.xLabel}`,
        place,
        html`<pendamping-plane-chart .spec=${spec} .locale=${this.locale} .labels=${chartLabelsFor(this.overAssumptions)}></pendamping-plane-chart>`,
      )}
      <p class="note ce-help" data-testid="ce-help">${t(this.overAssumptions ? 'ce.help.plane.overAssumptions' : 'ce.help.plane')}</p>
      <ul class="ce-status" data-testid="ce-status">
        ${spec.designs.map((d) => {
          const icer = icerWords(spec, d, this.locale);
          return html`<li data-testid="ce-status-${d.id}" data-status=${d.status}>
            <span class="swatch" style="background:${d.colour}" aria-hidden="true"></span><strong>${d.label}</strong>: ${d.statusText}${icer ? html`; ${icer}` : nothing}
          </li>`;
        })}
      </ul>`;
  }

  /** The main chart: the one the user picks, drawn full width under the headline cards. */
  private mainChartBlock(r: ComparisonResult) {
    const line = r.lines.find((l) => l.id === this.mainChart);
    const estimate = line ? undefined : r.estimates.find((e) => e.id === this.mainChart);
    const plane = r.cea.planes.find((p) => p.id === this.mainChart);
    const curve = r.cea.curves.find((c) => c.id === this.mainChart);
    const tornado = this.mainChart === TORNADO_CHART ? { id: TORNADO_CHART } : undefined;
    const chosen = line ?? estimate ?? plane ?? curve ?? tornado ?? r.lines.find((l) => l.id === 'jobs') ?? r.lines[0];
    const options = [
      ...r.lines.map((l) => ({ id: l.id, title: l.title })),
      ...r.estimates.map((e) => ({ id: e.id, title: e.title })),
      ...r.cea.planes.map((p) => ({ id: p.id, title: p.title })),
      ...r.cea.curves.map((c) => ({ id: c.id, title: c.title })),
      { id: TORNADO_CHART, title: t('tornado.pick') },
    ];
    const block = !chosen
      ? nothing
      : chosen === tornado
        ? this.tornadoBlock()
        : chosen === plane
        ? this.plane(plane, 'main')
        : chosen === curve
          ? html`${this.line(curve, 'main')}
              <p class="note ce-help" data-testid="ce-help">${t(this.overAssumptions ? 'ce.help.curve.overAssumptions' : 'ce.help.curve')}</p>`
          : 'series' in chosen
            ? this.line(chosen as LineChartSpec, 'main')
            : this.estimate(chosen as EstimateChartSpec, 'main');
    return html`<div class="main-chart" data-testid="main-chart" data-chart=${chosen?.id ?? ''}>
      <label
        >${t('main.pick')}
        <select data-testid="main-chart-select" .value=${chosen?.id ?? ''} @change=${(e: Event) => this.setting('mainChart', (e.target as HTMLSelectElement).value)}>
          ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === chosen?.id}>${o.title}</option>`)}
        </select></label
      >
      ${block}
    </div>`;
  }

  /**
   * The tornado: the design and figure to rank the assumptions for, the button that runs the ranking (its
   * run count), its progress, the chart in its card and what it shows.
   */
  private tornadoBlock() {
    const designs = this.designs;
    const id = designs.some((d) => d.id === this.tornadoDesign) ? this.tornadoDesign : designs[0]?.id ?? '';
    const design = designs.find((d) => d.id === id);
    const runs = design ? tornadoRunCount(designFields(design.base, design.levers as Record<string, Lever>)) : 0;
    const { status, result, stale } = this.tornado;
    const shown = result && result.design.id === id && result.output === this.tornadoOutput ? result : null;
    // Named as the design is named now (a default name follows the language).
    const name = design?.name ?? shown?.design.name ?? '';
    if (shown && (this.tornadoSpec?.result !== shown || this.tornadoSpec.locale !== this.locale || this.tornadoSpec.name !== name)) {
      this.tornadoSpec = { result: shown, locale: this.locale, name, chart: tornadoChart({ ...shown, design: { ...shown.design, name } }, (k, p) => t(k, p), design?.base ?? '', this.locale) };
    }
    const chart = shown ? this.tornadoSpec!.chart : null;
    const running = status.state === 'running';
    return html`<div class="tornado-controls" data-testid="tornado-controls">
        <label
          >${t('tornado.design')}
          <select data-testid="tornado-design" .value=${id} @change=${(e: Event) => this.setting('tornadoDesign', (e.target as HTMLSelectElement).value)}>
            ${designs.map((d) => html`<option value=${d.id} ?selected=${d.id === id}>${d.name}</option>`)}
          </select></label
        >
        <label
          >${t('tornado.output')}
          <select data-testid="tornado-output" .value=${this.tornadoOutput} @change=${(e: Event) => this.setting('tornadoOutput', (e.target as HTMLSelectElement).value)}>
            ${TORNADO_OUTPUTS.map((o) => html`<option value=${o.id} ?selected=${o.id === this.tornadoOutput}>${t(`tornado.output.${o.id}`)}</option>`)}
          </select></label
        >
        <button
          data-testid="tornado-run"
          ?disabled=${running || runs === 0}
          @click=${() => this.dispatchEvent(new CustomEvent('tornado-run', { detail: { design: id, output: this.tornadoOutput }, bubbles: true, composed: true }))}
        >
          ${t('tornado.run', { runs })}
        </button>
      </div>
      <p class="status ${status.state}" role="status" aria-live="polite" data-testid="tornado-status" data-state=${status.state}>
        ${runs === 0
          ? t('tornado.none')
          : running
            ? t('tornado.running', { done: status.done ?? 0, total: status.total || runs })
            : status.state === 'error'
              ? t('tornado.error', { message: status.message ?? '' })
              : shown && stale
                ? t('tornado.stale')
                : ''}
      </p>
      ${running ? html`<progress class="progress" data-testid="tornado-progress" max="1" .value=${status.total ? (status.done ?? 0) / status.total : 0} aria-label=${t('tornado.progress')}></progress>` : nothing}
      ${chart
        ? html`<div class="tornado-chart" ?data-stale=${stale}>
            ${this.card(
              chart.spec.id,
              chart.spec.title,
              chart.spec.xLabel,
              'main',
              html`<pendamping-tornado-chart .spec=${chart.spec} .locale=${this.locale} .labels=${chartLabelsFor()}></pendamping-tornado-chart>`,
              this.result,
              chart.rows,
            )}
          </div>`
        : nothing}
      <p class="note ce-help" data-testid="tornado-help">${t('tornado.help', { runs })}</p>`;
  }

  /**
   * The decision memo's own lines, shown only when printing (the cards and the main chart follow): what
   * was compared, in which district, each design's settings, the main assumptions and what the ranges mean.
   */
  private memoHead(r: ComparisonResult) {
    const designs = exportContextFor(this, this.mainChart, '').designs.filter((d) => d.name !== t('baseline'));
    return html`<section class="memo" data-testid="memo" aria-hidden="true">
      <h2>${t('memo.title')}</h2>
      <p>${t(this.overAssumptions ? 'memo.run.overAssumptions' : 'memo.run', { region: t(`region.${this.region}`), months: r.months, replicates: r.replicates, seed: r.seed })}</p>
      <p><strong>${t('memo.designs')}</strong></p>
      <ul>
        ${designs.map((d) => html`<li><strong>${d.name}</strong>: ${d.settings.join(', ')}</li>`)}
      </ul>
      <p><strong>${t('memo.assumptions')}</strong></p>
      <ul>
        <li>${t(`region.${this.region}.desc`)}</li>
        <li>${t('memo.assumption.counterfactual')}</li>
        <li>${t('memo.assumption.model')}</li>
        ${this.equalCost ? html`<li>${t('memo.assumption.equalCost', { budget: formatRupiah(this.budgetA, this.locale) })}</li>` : nothing}
      </ul>
      <p>${this.intervalNote(r)}</p>
      <p>${t('memo.source', { version: __APP_VERSION__ })}</p>
    </section>`;
  }

  /**
   * Beside a design that pays cash: how the model's cash figures compare with the experimental evidence
   * (docs/model.md §8), so that a reader does not take the gap between cash and services at face value.
   */
  private cashNote(r: ComparisonResult) {
    const shown = new Set(r.designs.map((d) => d.id));
    const cash = this.designs.filter((d) => shown.has(d.id) && parsedScenario(d.base).program.cashTransfer.enabled);
    if (cash.length === 0) return nothing;
    return html`<p class="note" data-testid="cash-note">${t('card.cashNote', { designs: cash.map((d) => d.name).join(', ') })}</p>`;
  }

  /** What the ranges on the cards are: 95% confidence intervals, or the range over the assumptions. */
  private intervalNote(r: ComparisonResult): string {
    return r.overAssumptions ? t('card.intervalNote.overAssumptions', { draws: r.replicates }) : t('card.intervalNote');
  }

  override render() {
    const r = this.result;
    const d = this.detail;
    const byId = new Map(d?.lines.map((l) => [l.id, l]) ?? []);
    const section = (ids: string[]) => ids.map((id) => byId.get(id)).filter((s): s is LineChartSpec => !!s);
    const headline = CHARTED_SERIES.filter((m) => m.headline).map((m) => m.id);
    const summaryWindow = Math.min(12, this.months);
    // The detailed charts are behind a preview on screen: dimmed as stale ones are.
    const behind = d !== r ? 'behind' : '';
    return html`<section data-testid="comparison" aria-labelledby="compare-title">
      ${r ? this.memoHead(r) : nothing}
      <div class="top">
        <h2 id="compare-title">${t('results.title')}</h2>
        ${this.renderStatus()}
        <button class="print" data-testid="print-summary" ?disabled=${!r} @click=${() => window.print()}>${t('memo.print')}</button>
      </div>
      <div class="settings" role="group" aria-label=${t('compare.settings')}>
        ${this.regionSetting()}
        <label class="check equal-cost"
          ><input
            type="checkbox"
            data-testid="equal-cost"
            .checked=${this.equalCost}
            @change=${(e: Event) => this.setting('equalCost', (e.target as HTMLInputElement).checked)}
          />${t('compare.equalCost', { budget: formatRupiah(this.budgetA, this.locale) })}</label
        >
      </div>
      ${r
        ? html`<pendamping-headline-cards
              .cards=${r.headline.map((c) => c)}
              .colours=${this.colours}
              .locale=${this.locale}
              .window=${summaryWindow}
              .months=${r.months}
              ?overAssumptions=${r.overAssumptions}
            ></pendamping-headline-cards>
            <p class="note" data-testid="interval-note" data-interval=${r.overAssumptions ? 'overAssumptions' : 'confidence'}>${this.intervalNote(r)}</p>
            ${this.cashNote(r)}
            ${this.mainChartBlock(r)}`
        : nothing}
      <details class="more" data-testid="simulation-settings">
        <summary>${t('compare.more')}</summary>
        <div class="settings" role="group" aria-label=${t('compare.settings')}>
          ${this.numberSetting('replicates', 2, 50)} ${this.numberSetting('months', 6, 120)}
          <label class="check"
            ><input
              type="checkbox"
              data-testid="diff-toggle"
              .checked=${this.diffVsA}
              @change=${(e: Event) => this.setting('diffVsA', (e.target as HTMLInputElement).checked)}
            />${t('compare.diff')}</label
          >
          ${this.numberSetting('seed', 0, 2 ** 31)}
          <p class="seed-help">${t('compare.seedHelp')}</p>
          <label class="check uncertainty"
            ><input
              type="checkbox"
              data-testid="uncertainty-toggle"
              aria-describedby="uncertainty-help"
              .checked=${this.uncertainty}
              @change=${(e: Event) => this.setting('uncertainty', (e.target as HTMLInputElement).checked)}
            />${t('compare.uncertainty')}</label
          >
          <p class="seed-help" id="uncertainty-help">${t('compare.uncertaintyHelp')}</p>
        </div>
        <p class="note">${t(this.overAssumptions ? 'compare.note.overAssumptions' : 'compare.note')}</p>
      </details>
      ${d
        ? html`<h3>${t('section.headline')}</h3>
            <div class="grid ${behind}">${section(headline).map((s) => this.line(s, 'chart', d))}</div>
            <h3>${t('section.economy')}</h3>
            <div class="grid ${behind}">${section(['jobs', 'localGdp', 'localRawMaterialDemand', 'consumerPriceIndex', 'unemploymentRate']).map((s) => this.line(s, 'chart', d))}</div>
            <div class="estimates-head">
              <h3>${t('section.estimates')}</h3>
              <button class="glossary-link" data-testid="glossary-open" aria-haspopup="dialog" @click=${() => this.showGlossary()}>${t('glossary.open')}</button>
            </div>
            <div class="grid ${behind}">${d.estimates.map((s) => this.estimate(s, 'chart', d))}</div>
            <h3>${t('section.women')}</h3>
            <div class="grid ${behind}">${section(['womenTurnover']).map((s) => this.line(s, 'chart', d))}</div>`
        : nothing}
      ${glossaryDialog()} ${regionsDialog()}
    </section>`;
  }
}

customElements.define('pendamping-comparison-view', ComparisonView);

/** A changed lever in words: its label and value as the design panel shows them ("Anggaran program Rp 750 juta"). */
function leverText(id: string, value: LeverValue, locale: Locale): string {
  const lever = LEVERS.find((l) => l.id === id);
  const label = t(`lever.${id}`);
  if (!lever || lever.kind === 'select') return `${label}: ${typeof value === 'string' ? t(`${id}.${value}`) : String(value)}`;
  if (lever.kind === 'checkbox') return `${label}: ${t(value ? 'export.yes' : 'export.no')}`;
  const n = Number(value);
  if (lever.unit === 'rupiah') return `${label} ${formatRupiah(n, locale)}`;
  if (lever.unit === 'share') return `${label} ${formatShare(n, locale, 0)}`;
  const number = formatNumber(n, Number.isInteger(n) ? 0 : 1, locale);
  return lever.unit === 'months' || lever.unit === 'hours' ? `${label} ${number} ${t(`unit.${lever.unit}`)}` : `${label} ${number}`;
}

/**
 * What an exported chart says about itself: the designs of the result shown (colours as on the chart),
 * each with its base scenario and changed levers, the run's settings and the app's version.
 */
function exportContextFor(view: ComparisonView, chartId: string, subtitle: string, r: ComparisonResult | null = view.result): ExportContext {
  // The tornado ranks one design: only it is listed.
  const tornado = chartId === TORNADO_CHART ? view.tornado.result : null;
  const shown = tornado ? (r?.designs ?? []).filter((d) => d.id === tornado.design.id) : r?.designs ?? [];
  const colours = assignColours(shown.map((d) => ({ id: d.id })));
  const designs = shown.map((d) => {
    const state = view.designs.find((x) => x.id === d.id);
    const baseFile = state?.base ?? (d.id === 'baseline' ? BASELINE_SCENARIO : '');
    const base = baseFile ? scenarioTitle(baseFile, view.locale) : '';
    // Under equal cost a design runs on A's budget with places limited only by it (comparisonDesigns).
    const levers = !state ? {} : view.equalCost ? equalCostLevers(state.levers, view.budgetA) : state.levers;
    const changed = LEVERS.filter((l) => l.id in levers && !(view.equalCost && l.id === 'places')).map((l) => leverText(l.id, levers[l.id], view.locale));
    if (state && view.equalCost) changed.push(t('export.equalCost'));
    // The no-program baseline is named by its own name ("Tanpa program"); it has no settings to list.
    const settings = !state ? [] : changed.length === 0 ? [`${base} (${t('export.unchanged')})`] : [base, ...changed].filter(Boolean);
    return { name: d.name, colour: colours.get(d.id), settings };
  });
  // The plane and the curve are always against no program; the curve's values are shares of replicates.
  const ce = CE_CHARTS.find((c) => c.id === chartId);
  if (tornado) {
    // sensitivity --assumptions's experiment: 2 replicates per point, seed 1 (replicate r uses seed + r).
    return { subtitle, unit: tornado.output === 'jobs.effect' ? 'workers' : 'rupiah', comparison: 'none', designs, replicates: 2, seed: 1, months: tornado.months, region: t(`region.${view.region}`), version: __APP_VERSION__ };
  }
  return {
    subtitle,
    unit: ce ? (ce.kind === 'curve' ? (r?.overAssumptions ? 'share of draws' : 'share of replicates') : undefined) : [...CHARTED_SERIES, ...ESTIMATES].find((m) => m.id === chartId)?.unit,
    // Each design's own figures over the draws are the CLI's comparison `overAssumptions`.
    comparison: view.diffVsA && !ce ? 'diffVsFirst' : r?.overAssumptions && !ce ? 'overAssumptions' : 'none',
    interval: r?.overAssumptions ? 'overAssumptions' : 'confidence',
    designs,
    replicates: r?.replicates ?? view.replicates,
    seed: r?.seed ?? view.seed,
    months: r?.months ?? view.months,
    region: t(`region.${view.region}`),
    version: __APP_VERSION__,
  };
}
