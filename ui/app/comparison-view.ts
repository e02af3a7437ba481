// The comparison: settings (the district's region, replicates, seed, months, difference vs design A), the
// run status and the charts in their cards — Figure 2 first, then the local economy, the summary estimates and women.
import { LitElement, css, html, nothing } from 'lit';
import '../charts/index.js';
import type { ChartLabels, EstimateChartSpec, LineChartSpec, Locale } from '../charts/index.js';
import { getLocale, t } from '../i18n/i18n.js';
import type { ComparisonResult } from '../runner/compare.js';
import { CHARTED_SERIES } from '../runner/metrics.js';
import { REGIONS } from '../state/regions.js';
import { glossaryDialog, regionsDialog } from './doc-dialogs.js';
import { focusStyles } from './styles.js';

export interface RunStatus {
  state: 'idle' | 'running' | 'done' | 'error';
  done?: number;
  total?: number;
  message?: string;
  /** The result on screen is a preview (the first replicates) of this run. */
  preview?: boolean;
}

const labelsByLocale = new Map<string, Partial<ChartLabels>>();
/**
 * The charts' table labels in the current language: one object per language, so a re-render of the page
 * (a progress line, say) hands the charts the same labels and they do not redraw.
 */
export function chartLabelsFor(): Partial<ChartLabels> {
  const locale = getLocale();
  let labels = labelsByLocale.get(locale);
  if (!labels) {
    labels = { month: t('table.month'), design: t('table.design'), mean: t('table.mean'), low: t('table.low'), high: t('table.high') };
    labelsByLocale.set(locale, labels);
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
    paused: { type: Boolean },
    stale: { type: Boolean, reflect: true },
    progress: { type: Number },
  };

  declare result: ComparisonResult | null;
  declare status: RunStatus;
  declare locale: Locale;
  declare region: string;
  declare replicates: number;
  declare seed: number;
  declare months: number;
  declare diffVsA: boolean;
  declare paused: boolean;
  /** The charts show numbers for other inputs than the latest: dimmed until the new numbers arrive. */
  declare stale: boolean;
  /** How far the run under way is, 0..1 (a bar under the status line while it runs). */
  declare progress: number;

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
    this.paused = false;
    this.stale = false;
    this.progress = 0;
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
      /* Its own layer: dimming and undimming only recomposite it (no repaint of the charts). */
      .grid {
        transition: opacity 0.2s ease 0.05s;
        will-change: opacity;
      }
      :host([stale]) .grid {
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
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr));
        gap: 1rem;
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

  /** Written under an exported chart image, so a chart pasted into a report says which district it is for. */
  private get caption(): string {
    return t('region.caption', { region: t(`region.${this.region}`) });
  }

  private line(spec: LineChartSpec) {
    return html`<pendamping-chart-card
      data-testid="chart-${spec.id}"
      .title=${spec.title}
      .locale=${this.locale}
      .labels=${chartLabelsFor()}
      .csvRows=${this.result?.rows[spec.id] ?? []}
      .caption=${this.caption}
      .filename=${`pendamping-${spec.id}-${this.region}`}
      ><pendamping-line-chart .spec=${spec} .locale=${this.locale} .labels=${chartLabelsFor()} ?animate=${!this.paused && this.status.state !== 'running'}></pendamping-line-chart
    ></pendamping-chart-card>`;
  }

  private showGlossary(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.glossary')?.showModal();
  }

  private estimate(spec: EstimateChartSpec) {
    return html`<pendamping-chart-card
      data-testid="chart-${spec.id}"
      .title=${spec.title}
      .locale=${this.locale}
      .labels=${chartLabelsFor()}
      .csvRows=${this.result?.rows[spec.id] ?? []}
      .caption=${this.caption}
      .filename=${`pendamping-${spec.id}-${this.region}`}
      ><pendamping-estimate-chart .spec=${spec} .locale=${this.locale} .labels=${chartLabelsFor()}></pendamping-estimate-chart
    ></pendamping-chart-card>`;
  }

  private renderStatus() {
    const s = this.status;
    const text =
      s.state === 'running' && s.preview && this.result
        ? t('compare.preview', { replicates: this.result.replicates, done: s.done ?? 0, total: s.total ?? 0 })
        : s.state === 'running'
        ? t('compare.running', { done: s.done ?? 0, total: s.total ?? 0 })
        : s.state === 'error'
          ? t('compare.error', { message: s.message ?? '' })
          : s.state === 'done' && this.result
            ? t('compare.done', {
                runs: this.result.designs.length * this.result.replicates,
                replicates: this.result.replicates,
                ms: Math.round(this.result.elapsedMs),
              })
            : '';
    return html`<p class="status ${s.state}" role="status" aria-live="polite" data-testid="run-status" data-state=${s.state} ?data-preview=${!!s.preview}>${text}</p>
      ${s.state === 'running'
        ? html`<progress class="progress" data-testid="run-progress" max="1" .value=${this.progress} aria-label=${t('compare.progress')}></progress>`
        : nothing}`;
  }

  override render() {
    const r = this.result;
    const byId = new Map(r?.lines.map((l) => [l.id, l]) ?? []);
    const section = (ids: string[]) => ids.map((id) => byId.get(id)).filter((s): s is LineChartSpec => !!s);
    const headline = CHARTED_SERIES.filter((m) => m.headline).map((m) => m.id);
    return html`<section data-testid="comparison" aria-labelledby="compare-title">
      <h2 id="compare-title">${t('compare.title')}</h2>
      <div class="settings" role="group" aria-label=${t('compare.settings')}>
        ${this.regionSetting()} ${this.numberSetting('replicates', 2, 50)} ${this.numberSetting('seed', 0, 2 ** 31)} ${this.numberSetting('months', 6, 120)}
        <label class="check"
          ><input
            type="checkbox"
            data-testid="diff-toggle"
            .checked=${this.diffVsA}
            @change=${(e: Event) => this.setting('diffVsA', (e.target as HTMLInputElement).checked)}
          />${t('compare.diff')}</label
        >
      </div>
      ${this.renderStatus()}
      <p class="note">${t('compare.note')}</p>
      ${r
        ? html`<h3>${t('section.headline')}</h3>
            <div class="grid">${section(headline).map((s) => this.line(s))}</div>
            <h3>${t('section.economy')}</h3>
            <div class="grid">${section(['jobs', 'localGdp', 'localRawMaterialDemand', 'consumerPriceIndex', 'unemploymentRate']).map((s) => this.line(s))}</div>
            <div class="estimates-head">
              <h3>${t('section.estimates')}</h3>
              <button class="glossary-link" data-testid="glossary-open" aria-haspopup="dialog" @click=${() => this.showGlossary()}>${t('glossary.open')}</button>
            </div>
            <div class="grid">${r.estimates.map((s) => this.estimate(s))}</div>
            <h3>${t('section.women')}</h3>
            <div class="grid">${section(['womenTurnover']).map((s) => this.line(s))}</div>`
        : nothing}
      ${glossaryDialog()} ${regionsDialog()}
    </section>`;
  }
}

customElements.define('pendamping-comparison-view', ComparisonView);
