// <pendamping-chart-card .title .locale .csvRows .filename .labels .caption .exportContext>: a heading, a
// Chart/Table toggle and PNG / SVG / CSV downloads around one chart given in its slot. The table is the
// slotted chart's own data (its tableData()). The default CSV is the effects and intervals the chart
// draws (from its spec); the second is the raw replicate rows the app passes. The images carry the title,
// subtitle and designs above the chart and how it was run and its source below (exportContext), or, without
// a context, the caption under it.
import { LitElement, css, html, nothing } from 'lit';
import { effectsCsv, planeCsv, tidyCsv, tornadoCsv } from './csv.js';
import { downloadBlob, serializeSvg, svgSize, svgToPng, withExtension, type SerializeOptions } from './export.js';
import { chartLabels, fillLabel, type ChartLabels } from './labels.js';
import type { ChartTable } from './table.js';
import type { EstimateChartSpec, ExportContext, LineChartSpec, Locale, PlaneChartSpec, TidyRow, TornadoChartSpec } from './types.js';

export const CHART_CARD_TAG = 'pendamping-chart-card';
const CHART_TAGS = 'pendamping-line-chart, pendamping-estimate-chart, pendamping-plane-chart, pendamping-tornado-chart';

export type ChartView = 'chart' | 'table';
/** Exported images are drawn at least this wide (px), however narrow the card is on screen. */
export const MIN_EXPORT_WIDTH = 640;
/** `csv`: the effects the chart shows; `csv-raw`: every replicate's values behind them. */
export type ExportFormat = 'png' | 'svg' | 'csv' | 'csv-raw';

/** What a chart in the slot offers the card (both chart components do). */
export interface ChartSource extends HTMLElement {
  tableData(): ChartTable | null;
  svgElement(): SVGSVGElement | null;
  /** What it draws (every chart component has it): the effects CSV is written from it. */
  spec?: LineChartSpec | EstimateChartSpec | PlaneChartSpec | TornadoChartSpec;
}

const isChartSource = (el: Element): el is ChartSource =>
  typeof (el as Partial<ChartSource>).tableData === 'function' && typeof (el as Partial<ChartSource>).svgElement === 'function';

/** A property given as a value or as a function that builds it (called only when the value is needed). */
const now = <T extends object | undefined>(x: T | (() => T)): T => (typeof x === 'function' ? (x as () => T)() : x);

export class ChartCard extends LitElement {
  static override properties = {
    title: {},
    locale: { reflect: true },
    csvRows: { attribute: false },
    filename: {},
    caption: {},
    exportContext: { attribute: false },
    labels: { attribute: false },
    view: { reflect: true },
    table: { state: true },
  };

  declare locale: Locale;
  /**
   * Every replicate's values behind the chart, for the raw CSV: the CLI's tidy run columns plus the design (no
   * raw button when empty). Or a function that gives them, called only for a download (the comparison's
   * rows are built on demand).
   */
  declare csvRows: readonly TidyRow[] | (() => readonly TidyRow[]);
  /** The downloads' name without extension (".png", ".svg", ".csv" are added; the raw CSV's ends "-replicates"). */
  declare filename: string;
  /** A line written under the exported PNG and SVG when there is no exportContext (which names the region itself); none when empty. */
  declare caption: string;
  /** What the exported images and effects CSV say about the chart: designs and settings, run, version. */
  declare exportContext: ExportContext | (() => ExportContext) | undefined;
  declare labels: Partial<ChartLabels> | undefined;
  /** Which view is shown; the toggle sets it and fires `view-change` (detail: { view }). */
  declare view: ChartView;
  declare table: ChartTable | null;

  constructor() {
    super();
    this.title = '';
    this.locale = 'id';
    this.csvRows = [];
    this.filename = 'chart';
    this.caption = '';
    this.exportContext = undefined;
    this.view = 'chart';
    this.table = null;
  }

  static override styles = css`
      @media print {
        header .group {
          display: none;
        }
      }
    :host {
      display: block;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
      color: #222;
    }
    section {
      border: 1px solid #d6d6d6;
      border-radius: 6px;
      padding: 12px 16px 16px;
      background: #fff;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 8px;
    }
    h3 {
      flex: 1 1 16rem;
      margin: 0;
      font-size: calc(1.05rem * var(--chart-text-scale, 1));
    }
    .group {
      display: inline-flex;
      gap: 0;
    }
    button {
      font: inherit;
      font-size: calc(0.85rem * var(--chart-text-scale, 1));
      padding: 4px 10px;
      border: 1px solid #777;
      background: #fff;
      color: #222;
      cursor: pointer;
    }
    .group button + button {
      border-left-width: 0;
    }
    .group button:first-child {
      border-radius: 4px 0 0 4px;
    }
    .group button:last-child {
      border-radius: 0 4px 4px 0;
    }
    button[aria-pressed='true'] {
      background: #0072b2;
      border-color: #0072b2;
      color: #fff;
    }
    button:focus-visible,
    .table-wrap:focus-visible {
      outline: 3px solid #e69f00;
      outline-offset: 2px;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    [hidden] {
      display: none !important;
    }
    .table-wrap {
      overflow: auto;
      max-height: 28rem;
    }
    table {
      border-collapse: collapse;
      font-size: calc(0.85rem * var(--chart-text-scale, 1));
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      font-size: calc(0.8rem * var(--chart-text-scale, 1));
      color: #555;
      padding-bottom: 4px;
    }
    th,
    td {
      padding: 3px 10px;
      border-bottom: 1px solid #eee;
      text-align: right;
      vertical-align: top;
      white-space: nowrap;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    thead th {
      position: sticky;
      top: 0;
      background: #fff;
      border-bottom: 1px solid #999;
    }
    .interval {
      display: block;
      color: #666;
      font-size: calc(0.78rem * var(--chart-text-scale, 1));
    }
  `;

  /** The chart in the slot (directly, or inside what was slotted). */
  chartElement(): ChartSource | null {
    const slot = this.renderRoot?.querySelector('slot');
    for (const el of slot?.assignedElements({ flatten: true }) ?? []) {
      if (isChartSource(el)) return el;
      const inner = el.querySelector(CHART_TAGS);
      if (inner && isChartSource(inner)) return inner;
    }
    return null;
  }

  /** The table view's rows, built from the chart only while the table is shown (not on every chart update). */
  private refreshTable = () => {
    this.table = this.view === 'table' ? (this.chartElement()?.tableData() ?? null) : null;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('chart-data-change', this.refreshTable);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('chart-data-change', this.refreshTable);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // The app may set `view` itself (from the URL); the table is then built from the chart as it is now.
    if (changed.has('view') && this.view === 'table') this.refreshTable();
  }

  private setView(view: ChartView) {
    if (view === this.view) return;
    this.view = view;
    this.refreshTable();
    this.dispatchEvent(new CustomEvent('view-change', { detail: { view }, bubbles: true, composed: true }));
  }

  /** The export's context, built now if it was given as a function (the comparison's are built only for an export). */
  private context(): ExportContext | undefined {
    return now(this.exportContext);
  }

  /** What is written around the exported image: title, subtitle, designs, then the run and the source. */
  exportFrame(): SerializeOptions {
    const ctx = this.context();
    if (!ctx) return { title: this.title || undefined, caption: this.caption || undefined };
    const labels = chartLabels(this.locale, this.labels);
    const spec = this.chartElement()?.spec;
    const subtitle = ctx.subtitle ?? (spec && 'yLabel' in spec ? spec.yLabel : undefined);
    return {
      title: this.title || spec?.title,
      subtitle,
      designs: ctx.designs,
      notes: [
        fillLabel(labels.exportRun, { region: ctx.region, replicates: ctx.replicates, seed: ctx.seed, months: ctx.months }),
        fillLabel(labels.exportSource, { version: ctx.version }),
      ],
    };
  }

  /** The effects CSV: what the chart draws, a row per design × month (or per design; on the plane, per design and replicate). */
  effectsCsv(): string {
    const spec = this.chartElement()?.spec;
    const ctx = this.context();
    const options = { unit: ctx?.unit, comparison: ctx?.comparison, interval: ctx?.interval };
    // The plane: each design's mean cost and effect with its frontier status, then every replicate's.
    if (spec && 'frontier' in spec) return planeCsv(spec);
    // The tornado: sensitivity --assumptions's own CSV (output, then each ranked row's fields).
    if (spec && 'bars' in spec) return tornadoCsv(spec);
    return spec ? effectsCsv(spec, options) : effectsCsv({ id: '', title: '', kind: 'count', estimates: [] }, options);
  }

  /**
   * `work` on the chart's SVG drawn at least MIN_EXPORT_WIDTH wide: a chart in a narrow card (a phone, the
   * desktop's results column) is redrawn wider for the moment of the export and then back, so the image
   * reads as a figure whatever the screen. Null when there is no chart.
   */
  private async atExportWidth<T>(work: (svg: SVGSVGElement) => T): Promise<T | null> {
    const chart = this.chartElement() as (ChartSource & { width?: number; updateComplete?: Promise<unknown> }) | null;
    if (!chart) return null;
    const before = chart.width;
    const widen = typeof before === 'number' && before < MIN_EXPORT_WIDTH;
    if (widen) {
      chart.width = MIN_EXPORT_WIDTH;
      await chart.updateComplete;
    }
    try {
      const svg = chart.svgElement();
      return svg ? work(svg) : null;
    } finally {
      if (widen) chart.width = before;
    }
  }

  /** Downloads the chart or its data; resolves once the file has been handed to the browser. */
  async download(format: ExportFormat): Promise<void> {
    const name = this.filename || this.title || 'chart';
    const filename = format === 'csv-raw' ? withExtension(`${name}-replicates`, 'csv') : withExtension(name, format);
    let blob: Blob;
    if (format === 'csv') {
      blob = new Blob([this.effectsCsv()], { type: 'text/csv;charset=utf-8' });
    } else if (format === 'csv-raw') {
      blob = new Blob([tidyCsv(now(this.csvRows) ?? [])], { type: 'text/csv;charset=utf-8' });
    } else {
      const frame = this.exportFrame();
      const image = await this.atExportWidth((svg) => ({ text: serializeSvg(svg, frame), size: svgSize(svg, frame) }));
      if (!image) return;
      blob = format === 'svg' ? new Blob([image.text], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(image.text, image.size.width, image.size.height, 2);
    }
    downloadBlob(blob, filename);
    this.dispatchEvent(new CustomEvent('chart-export', { detail: { format, filename }, bubbles: true, composed: true }));
  }

  private renderTable(labels: ChartLabels) {
    const t = this.table;
    if (!t) return html`<p>${labels.noData}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t.caption}>
      <table data-testid="chart-card-table">
        <caption>${t.caption}</caption>
        <thead>
          <tr>
            ${t.columns.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${t.rows.map(
            (row) => html`<tr>
              ${row.map((cell, i) =>
                i === 0
                  ? html`<th scope="row">${cell.value}</th>`
                  : html`<td>
                      <span class="value">${cell.value}</span>${cell.interval ? html`<span class="interval">${cell.interval}</span>` : nothing}
                    </td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const labels = chartLabels(this.locale, this.labels);
    const exportButton = (format: ExportFormat, text: string) =>
      html`<button
        type="button"
        data-testid="chart-card-export-${format}"
        aria-label="${labels.download} ${text}"
        @click=${() => void this.download(format)}
      >
        ${text}
      </button>`;
    return html`<section data-testid="chart-card" aria-label=${this.title}>
      <header>
        <h3>${this.title}</h3>
        <div class="group" role="group" aria-label=${labels.view}>
          <button
            type="button"
            data-testid="chart-card-view-chart"
            aria-pressed=${this.view === 'chart' ? 'true' : 'false'}
            @click=${() => this.setView('chart')}
          >
            ${labels.chart}
          </button>
          <button
            type="button"
            data-testid="chart-card-view-table"
            aria-pressed=${this.view === 'table' ? 'true' : 'false'}
            @click=${() => this.setView('table')}
          >
            ${labels.table}
          </button>
        </div>
        <div class="group" role="group" aria-label=${labels.download}>
          ${exportButton('png', labels.png)} ${exportButton('svg', labels.svg)} ${exportButton('csv', labels.csv)}
          ${typeof this.csvRows === 'function' || this.csvRows?.length ? exportButton('csv-raw', labels.csvRaw) : nothing}
        </div>
      </header>
      <div class="chart" ?hidden=${this.view !== 'chart'}><slot @slotchange=${this.refreshTable}></slot></div>
      ${this.view === 'table' ? this.renderTable(labels) : nothing}
    </section>`;
  }
}
