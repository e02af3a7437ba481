// <pendamping-estimate-chart .spec=${EstimateChartSpec} .locale=${'id'|'en'}>: one row per design, a dot
// at the mean with a horizontal 95% whisker, the value at the right and a reference line at zero (one
// for ratios). A pure render of its inputs; it resizes with its container.
import { nothing, svg } from 'lit';
import { DEFAULT_WIDTH, ResizingChart, chartFigure, chartFrameStyles } from './resizingChart.js';
import { formatInterval, formatValue } from '../format/format.js';
import { layoutEstimateChart } from './estimateLayout.js';
import { LINE_HEIGHT } from './lineLayout.js';
import { chartLabels, type ChartLabels } from './labels.js';
import { textColour } from './palette.js';
import { estimateChartTable, type ChartTable } from './table.js';
import type { EstimateChartSpec, Locale } from './types.js';

export const ESTIMATE_CHART_TAG = 'pendamping-estimate-chart';

export function summariseEstimateChart(spec: EstimateChartSpec, locale: Locale, labels: ChartLabels): string {
  if (spec.estimates.length === 0) return `${spec.title}. ${labels.noData}.`;
  const parts = spec.estimates.map(
    (e) => `${e.label}: ${formatValue(e.mean, spec.kind, locale)} (${labels.interval} ${formatInterval(e.low, e.high, spec.kind, locale)})`,
  );
  return `${spec.title}. ${parts.join('; ')}.`;
}

export class EstimateChart extends ResizingChart<EstimateChartSpec> {
  static override styles = chartFrameStyles;

  tableData(): ChartTable | null {
    return this.spec ? estimateChartTable(this.spec, this.locale, chartLabels(this.locale, this.labels)) : null;
  }


  override render() {
    const spec = this.spec;
    if (!spec) return nothing;
    const labels = chartLabels(this.locale, this.labels);
    const width = Math.max(240, this.width || DEFAULT_WIDTH);
    const L = layoutEstimateChart(spec, width, this.locale);
    const { margin, height } = L;
    const bottom = height - margin.bottom;
    const summary = summariseEstimateChart(spec, this.locale, labels);
    return chartFigure(
      { testId: 'estimate-chart', chartId: spec.id, title: spec.title, summary, width, height },
      svg`
        <g class="x-axis">
          ${L.ticks.map(
            (t) => svg`<line x1=${t.at} x2=${t.at} y1=${margin.top} y2=${bottom} stroke="#e3e3e3"></line>
              ${t.text ? svg`<text x=${t.at} y=${bottom + 16} text-anchor="middle" fill="#555555">${t.text}</text>` : nothing}`,
          )}
        </g>
        ${L.referenceX === null
          ? nothing
          : svg`<line class="reference" data-testid="estimate-chart-reference" x1=${L.referenceX} x2=${L.referenceX} y1=${margin.top} y2=${bottom} stroke="#333333" stroke-width="1.2"></line>`}
        ${L.rows.map(
          (r) => svg`<g class="row" data-testid="estimate-chart-row" data-series-id=${r.id}>
            <text x=${margin.left - 8} y=${r.y} dy="0.32em" text-anchor="end" fill="#222222">${r.text !== r.label ? svg`<title>${r.label}</title>` : nothing}${r.lines.length === 1
              ? r.text
              : r.lines.map((line, i) => svg`<tspan x=${margin.left - 8} y=${r.y + (i - (r.lines.length - 1) / 2) * LINE_HEIGHT} dy="0.32em">${line}${i < r.lines.length - 1 ? ' ' : ''}</tspan>`)}</text>
            ${r.x1 !== null && r.x2 !== null
              ? svg`<line class="whisker" data-testid="estimate-chart-whisker" x1=${r.x1} x2=${r.x2} y1=${r.y} y2=${r.y} stroke=${r.colour} stroke-width="2.5" stroke-linecap="round"></line>
                <line x1=${r.x1} x2=${r.x1} y1=${r.y - 5} y2=${r.y + 5} stroke=${r.colour} stroke-width="1.5"></line>
                <line x1=${r.x2} x2=${r.x2} y1=${r.y - 5} y2=${r.y + 5} stroke=${r.colour} stroke-width="1.5"></line>`
              : nothing}
            ${r.cx !== null
              ? svg`<circle class="dot" data-testid="estimate-chart-dot" cx=${r.cx} cy=${r.y} r="5" fill=${r.colour} stroke="#ffffff" stroke-width="1.5"></circle>`
              : nothing}
            <text class="value" data-testid="estimate-chart-value" x=${width - 4} y=${r.y} dy="0.32em" text-anchor="end" fill=${textColour(r.colour)} font-weight="600">${r.valueText}</text>
          </g>`,
        )}
        ${spec.estimates.length === 0
          ? svg`<text x=${width / 2} y=${margin.top + 16} text-anchor="middle" fill="#555555">${labels.noData}</text>`
          : nothing}
      `,
    );
  }
}
