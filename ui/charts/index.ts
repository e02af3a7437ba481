// The charts of the web app: pure renderers of the specs in types.ts. Importing this module registers
// <pendamping-line-chart>, <pendamping-estimate-chart>, <pendamping-plane-chart>, <pendamping-tornado-chart>
// and <pendamping-chart-card>.
import { ChartCard, CHART_CARD_TAG } from './chartCard.js';
import { EstimateChart, ESTIMATE_CHART_TAG } from './estimateChart.js';
import { LineChart, LINE_CHART_TAG } from './lineChart.js';
import { PlaneChart, PLANE_CHART_TAG } from './planeChart.js';
import { TornadoChart, TORNADO_CHART_TAG } from './tornadoChart.js';

export * from './types.js';
export { ChartCard, CHART_CARD_TAG, type ChartView, type ExportFormat } from './chartCard.js';
export { EstimateChart, ESTIMATE_CHART_TAG, summariseEstimateChart } from './estimateChart.js';
export { LineChart, LINE_CHART_TAG, summariseLineChart } from './lineChart.js';
export { PlaneChart, PLANE_CHART_TAG, icerWords, planeChartTable, summarisePlaneChart } from './planeChart.js';
export { TornadoChart, TORNADO_CHART_TAG, tornadoChartTable, summariseTornadoChart } from './tornadoChart.js';
export { tidyCsv, TIDY_HEADER, planeCsv, PLANE_HEADER } from './csv.js';
export * from '../format/format.js';
export { chartLabels, DEFAULT_LABELS, type ChartLabels } from './labels.js';
export { assignColours, OKABE_ITO, BASELINE_COLOUR, DESIGN_COLOURS } from './palette.js';
export { lineChartTable, estimateChartTable, type ChartTable } from './table.js';

const define = (tag: string, ctor: CustomElementConstructor) => {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, ctor);
};
define(LINE_CHART_TAG, LineChart);
define(ESTIMATE_CHART_TAG, EstimateChart);
define(PLANE_CHART_TAG, PlaneChart);
define(TORNADO_CHART_TAG, TornadoChart);
define(CHART_CARD_TAG, ChartCard);

declare global {
  interface HTMLElementTagNameMap {
    'pendamping-line-chart': LineChart;
    'pendamping-estimate-chart': EstimateChart;
    'pendamping-plane-chart': PlaneChart;
    'pendamping-tornado-chart': TornadoChart;
    'pendamping-chart-card': ChartCard;
  }
}
