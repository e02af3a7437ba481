// <pendamping-tornado-chart .spec=${TornadoChartSpec} .locale=${'id'|'en'}>: which uncertain assumption
// matters for one output of one design. One horizontal bar per assumption, largest Morris μ* on top, its
// name and range on a line of its own above it; the bar points right when the output rises with the
// assumption, left when it falls; the whisker is μ*'s bootstrap 95% CI. A pure render of its spec; it resizes.
import { nothing, svg } from 'lit';
import { DEFAULT_WIDTH, ResizingChart, chartFigure, chartFrameStyles } from './resizingChart.js';
import { formatValue } from '../format/format.js';
import { chartLabels, type ChartLabels } from './labels.js';
import { FONT_SIZE, LINE_HEIGHT } from './lineLayout.js';
import { BAR_HEIGHT, layoutTornado } from './tornadoLayout.js';
import type { ChartTable } from './table.js';
import type { Locale, TornadoChartSpec } from './types.js';

export const TORNADO_CHART_TAG = 'pendamping-tornado-chart';

/** The tornado as a table: rank, assumption (range), μ*, its 95% CI and the direction. */
export function tornadoChartTable(spec: TornadoChartSpec, locale: Locale): ChartTable {
  const v = (x: number | null) => formatValue(x, spec.kind, locale);
  return {
    caption: `${spec.title}. ${spec.xLabel}`,
    columns: ['#', spec.words.assumption, spec.words.muStar, spec.words.interval, spec.words.direction],
    rows: spec.bars.map((b) => [
      { value: String(b.rank) },
      { value: `${b.label} (${b.range})` },
      { value: v(b.muStar) },
      { value: `${v(b.low)} – ${v(b.high)}` },
      { value: (b.mu ?? 0) < 0 ? spec.words.falls : spec.words.rises },
    ]),
  };
}

export function summariseTornadoChart(spec: TornadoChartSpec, locale: Locale, labels: ChartLabels): string {
  if (spec.bars.length === 0) return `${spec.title}. ${labels.noData}.`;
  return `${spec.title}. ${spec.xLabel}. ${spec.bars.map((b) => `${b.rank}. ${b.label}: ${formatValue(b.muStar, spec.kind, locale)}`).join('; ')}.`;
}

export class TornadoChart extends ResizingChart<TornadoChartSpec> {
  static override styles = chartFrameStyles;

  tableData(): ChartTable | null {
    return this.spec ? tornadoChartTable(this.spec, this.locale) : null;
  }

  override render() {
    const spec = this.spec;
    if (!spec) return nothing;
    const labels = chartLabels(this.locale, this.labels);
    const width = Math.max(260, this.width || DEFAULT_WIDTH);
    const L = layoutTornado(spec, width, this.locale);
    const summary = summariseTornadoChart(spec, this.locale, labels);
    const mid = (y: number) => y + BAR_HEIGHT / 2;
    return chartFigure(
      { testId: 'tornado-chart', chartId: spec.id, title: spec.title, summary, width, height: L.height, fontSize: FONT_SIZE },
      svg`
        <g class="legend">
          ${L.legend.map(
            (item) => svg`<rect x=${L.margin.left} y=${item.y + 2} width="12" height="10" fill=${item.colour}></rect>
              <text fill="#333333">${item.lines.map((line, i) => svg`<tspan x=${L.margin.left + 18} y=${item.y + (i + 0.5) * LINE_HEIGHT} dy="0.32em">${line}${i < item.lines.length - 1 ? ' ' : ''}</tspan>`)}</text>`,
          )}
        </g>
        <g class="grid">
          ${L.ticks.map((t) => svg`<line x1=${t.at} x2=${t.at} y1=${L.rows[0]?.labelY ?? 0} y2=${L.axisY} stroke="#eeeeee"></line>`)}
        </g>
        <g class="rows">
          ${L.rows.map(
            (r) => svg`<text data-testid="tornado-label" data-parameter=${r.parameter} fill="#222222" font-weight="600" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round">${r.lines.map(
                (line, i) => svg`<tspan x=${L.margin.left} y=${r.labelY + (i + 0.5) * LINE_HEIGHT} dy="0.32em">${line}${i < r.lines.length - 1 ? ' ' : ''}</tspan>`,
              )}</text>
              <rect data-testid="tornado-bar" data-parameter=${r.parameter} data-direction=${r.rises ? 'rises' : 'falls'} x=${r.x0} y=${r.y} width=${Math.max(0.5, r.x1 - r.x0)} height=${BAR_HEIGHT} fill=${r.colour}></rect>
              ${r.whisker
                ? svg`<line x1=${r.whisker.x0} x2=${r.whisker.x1} y1=${mid(r.y)} y2=${mid(r.y)} stroke="#222222" stroke-width="1.5"></line>
                  <line x1=${r.whisker.x0} x2=${r.whisker.x0} y1=${mid(r.y) - 4} y2=${mid(r.y) + 4} stroke="#222222" stroke-width="1.5"></line>
                  <line x1=${r.whisker.x1} x2=${r.whisker.x1} y1=${mid(r.y) - 4} y2=${mid(r.y) + 4} stroke="#222222" stroke-width="1.5"></line>`
                : nothing}
              <text data-testid="tornado-value" data-parameter=${r.parameter} x=${r.value.x} y=${mid(r.y)} dy="0.32em" text-anchor=${r.value.anchor} fill="#222222">${r.value.text}</text>`,
          )}
        </g>
        <line class="zero" x1=${L.zero} x2=${L.zero} y1=${L.rows[0]?.labelY ?? 0} y2=${L.axisY} stroke="#333333" stroke-width="1"></line>
        <g class="x-axis">
          <line x1=${L.margin.left} x2=${width - L.margin.right} y1=${L.axisY} y2=${L.axisY} stroke="#888888"></line>
          ${L.ticks.map((t) => (t.text ? svg`<text x=${t.at} y=${L.axisY + 14} text-anchor="middle" fill="#555555">${t.text}</text>` : nothing))}
          <text class="x-title" fill="#333333" font-weight="600">${L.xTitle.map(
            (line, i) => svg`<tspan x=${width / 2} y=${L.axisY + 32 + i * LINE_HEIGHT} text-anchor="middle">${line}${i < L.xTitle.length - 1 ? ' ' : ''}</tspan>`,
          )}</text>
        </g>
        ${spec.bars.length === 0 ? svg`<text x=${width / 2} y="40" text-anchor="middle" fill="#555555">${labels.noData}</text>` : nothing}
      `,
    );
  }
}
