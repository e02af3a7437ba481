// <pendamping-plane-chart .spec=${PlaneChartSpec} .locale=${'id'|'en'}>: the cost-effectiveness plane.
// Program cost across, the effect (extra jobs, or local GDP gained) up; every replicate a small dot in its
// design's colour, each design's mean a larger marker (hollow when it is off the frontier) labelled with
// its name and, off the frontier, the word for why; "no program" at the origin; the efficiency frontier a
// black line from the origin through the frontier designs. A pure render of its inputs; it resizes.
import { nothing, svg } from 'lit';
import { DEFAULT_WIDTH, ResizingChart, chartFigure, chartFrameStyles, yTitle } from './resizingChart.js';
import { formatValue } from '../format/format.js';
import { chartLabels, fillLabel, type ChartLabels } from './labels.js';
import { LINE_HEIGHT } from './lineLayout.js';
import { textColour } from './palette.js';
import { DOT_RADIUS, MEAN_RADIUS, layoutPlaneChart, type PlaneLabel } from './planeLayout.js';
import type { ChartTable } from './table.js';
import type { Locale, PlaneChartSpec, PlaneDesign } from './types.js';

export const PLANE_CHART_TAG = 'pendamping-plane-chart';

/** A frontier design's extra cost per extra unit over the option before it, in words ("Rp 12 juta per extra job over Design A"). */
export function icerWords(spec: PlaneChartSpec, d: PlaneDesign, locale: Locale): string {
  if (d.status !== 'frontier' || d.icer === undefined) return '';
  const amount = spec.effect === 'jobs' ? formatValue(d.icer, 'rupiah', locale) : formatValue(d.icer, 'ratio', locale);
  return fillLabel(spec.words.icerOver, { amount, previous: d.previous ?? spec.words.nothing });
}

/** The plane as a table: each design's mean cost and effect, its status and its incremental cost. */
export function planeChartTable(spec: PlaneChartSpec, locale: Locale, labels: ChartLabels): ChartTable {
  return {
    caption: `${spec.title}. ${spec.yLabel}`,
    columns: [labels.design, spec.words.cost, spec.words.effect, spec.words.status, spec.words.icer],
    rows: spec.designs.map((d) => [
      { value: d.label },
      { value: formatValue(d.cost, 'rupiah', locale) },
      { value: formatValue(d.effect, spec.effectKind, locale) },
      { value: d.statusText },
      { value: icerWords(spec, d, locale) || '—' },
    ]),
  };
}

export function summarisePlaneChart(spec: PlaneChartSpec, locale: Locale, labels: ChartLabels): string {
  if (spec.designs.length === 0) return `${spec.title}. ${labels.noData}.`;
  const parts = spec.designs.map((d) => {
    const icer = icerWords(spec, d, locale);
    return `${d.label}: ${formatValue(d.cost, 'rupiah', locale)}, ${formatValue(d.effect, spec.effectKind, locale)}; ${d.statusText}${icer ? `, ${icer}` : ''}`;
  });
  return `${spec.title}. ${spec.xLabel}; ${spec.yLabel}. ${parts.join('; ')}.`;
}

export class PlaneChart extends ResizingChart<PlaneChartSpec> {
  static override styles = chartFrameStyles;

  tableData(): ChartTable | null {
    return this.spec ? planeChartTable(this.spec, this.locale, chartLabels(this.locale, this.labels)) : null;
  }

  private label(text: PlaneLabel, colour: string, testid: string, id: string) {
    const fill = textColour(colour);
    return svg`${text.leader ? svg`<line class="leader" x1=${text.leader.x1} y1=${text.leader.y1} x2=${text.leader.x2} y2=${text.leader.y2} stroke=${fill} stroke-width="1"></line>` : nothing}
      <text data-testid=${testid} data-series-id=${id} data-box=${`${text.x.toFixed(1)},${text.y.toFixed(1)},${text.width.toFixed(1)},${text.height.toFixed(1)}`} fill=${fill} font-weight="600" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round">${text.lines.map(
        (line, i) => svg`<tspan x=${text.x + 2} y=${text.y + 1 + (i + 0.5) * LINE_HEIGHT} dy="0.32em">${line}${i < text.lines.length - 1 ? ' ' : ''}</tspan>`,
      )}</text>`;
  }

  override render() {
    const spec = this.spec;
    if (!spec) return nothing;
    const labels = chartLabels(this.locale, this.labels);
    const width = Math.max(260, this.width || DEFAULT_WIDTH);
    const L = layoutPlaneChart(spec, width, this.locale);
    const { margin, height } = L;
    const right = width - margin.right;
    const bottom = height - margin.bottom;
    const summary = summarisePlaneChart(spec, this.locale, labels);
    return chartFigure(
      { testId: 'plane-chart', chartId: spec.id, title: spec.title, summary, width, height },
      svg`
        ${yTitle(L.yTitle)}
        <g class="y-axis">
          ${L.yTicks.map(
            (t) => svg`<line x1=${margin.left} x2=${right} y1=${t.at} y2=${t.at} stroke="#e3e3e3" stroke-width="1"></line>
              ${t.text ? svg`<text x=${margin.left - 6} y=${t.at} dy="0.32em" text-anchor="end" fill="#555555">${t.text}</text>` : nothing}`,
          )}
        </g>
        <g class="x-axis">
          ${L.xTicks.map(
            (t) => svg`<line x1=${t.at} x2=${t.at} y1=${margin.top} y2=${bottom} stroke="#eeeeee"></line>
              <line x1=${t.at} x2=${t.at} y1=${bottom} y2=${bottom + 4} stroke="#888888"></line>
              ${t.text ? svg`<text x=${t.at} y=${bottom + 16} text-anchor="middle" fill="#555555">${t.text}</text>` : nothing}`,
          )}
          <line x1=${margin.left} x2=${right} y1=${bottom} y2=${bottom} stroke="#888888" stroke-width="1"></line>
          <text class="x-title" fill="#333333" font-weight="600">${L.xTitle.map(
            (line, i) => svg`<tspan x=${(margin.left + right) / 2} y=${bottom + 34 + i * LINE_HEIGHT} text-anchor="middle">${line}${i < L.xTitle.length - 1 ? ' ' : ''}</tspan>`,
          )}</text>
        </g>
        <line class="zero" x1=${margin.left} x2=${right} y1=${L.y(0)} y2=${L.y(0)} stroke="#333333" stroke-width="1"></line>
        <g class="cloud">
          ${L.dots.map(
            (d) => svg`<circle data-testid="plane-dot" data-series-id=${d.id} data-seed=${d.seed} cx=${d.x} cy=${d.y} r=${DOT_RADIUS} fill=${d.colour} fill-opacity="0.45" stroke="none"></circle>`,
          )}
        </g>
        <path class="frontier" data-testid="plane-frontier" d=${L.frontier} fill="none" stroke="#222222" stroke-width="2" stroke-linejoin="round"></path>
        <g class="means">
          <rect data-testid="plane-origin" x=${L.origin.x - 5} y=${L.origin.y - 5} width="10" height="10" fill="#000000" stroke="#ffffff" stroke-width="1.5" transform="rotate(45 ${L.origin.x} ${L.origin.y})"></rect>
          ${L.means.map((m) =>
            m.status === 'frontier'
              ? svg`<circle data-testid="plane-mean" data-series-id=${m.id} data-status=${m.status} cx=${m.x} cy=${m.y} r=${MEAN_RADIUS} fill=${m.colour} stroke="#222222" stroke-width="1.5"></circle>`
              : svg`<circle data-testid="plane-mean" data-series-id=${m.id} data-status=${m.status} cx=${m.x} cy=${m.y} r=${MEAN_RADIUS} fill="#ffffff" stroke=${m.colour} stroke-width="3"></circle>`,
          )}
        </g>
        <g class="labels">
          ${this.label(L.origin.text, '#000000', 'plane-label', 'none')} ${L.means.map((m) => this.label(m.text, m.colour, 'plane-label', m.id))}
        </g>
        <g class="legend">
          ${L.legend.map(
            (item) => svg`${item.kind === 'dot'
              ? svg`<circle cx=${item.x + 5} cy=${item.y} r=${DOT_RADIUS} fill="#666666" fill-opacity="0.6"></circle><circle cx=${item.x + 12} cy=${item.y - 2} r=${DOT_RADIUS} fill="#666666" fill-opacity="0.6"></circle><circle cx=${item.x + 17} cy=${item.y + 2} r=${DOT_RADIUS} fill="#666666" fill-opacity="0.6"></circle>`
              : item.kind === 'mean'
                ? svg`<circle cx=${item.x + 10} cy=${item.y} r=${MEAN_RADIUS} fill="#666666" stroke="#222222" stroke-width="1.5"></circle>`
                : svg`<line x1=${item.x} x2=${item.x + 20} y1=${item.y} y2=${item.y} stroke="#222222" stroke-width="2"></line>`}
              <text fill="#333333">${item.lines.map((line, i) => svg`<tspan x=${item.x + 26} y=${item.y + i * LINE_HEIGHT} dy="0.32em">${line}${i < item.lines.length - 1 ? ' ' : ''}</tspan>`)}</text>`,
          )}
        </g>
        ${spec.designs.length === 0 ? svg`<text x=${width / 2} y=${margin.top + 40} text-anchor="middle" fill="#555555">${labels.noData}</text>` : nothing}
      `,
    );
  }
}
