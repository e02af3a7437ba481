// <pendamping-line-chart .spec=${LineChartSpec} .locale=${'id'|'en'}>: each design's mean per month as a
// line with its 95% band, labelled at its right end, a zero line, month and value axes. A pure render
// of its inputs; it resizes with its container.
import { css, nothing, svg } from 'lit';
import { DEFAULT_WIDTH, ResizingChart, chartFigure, chartFrameStyles, yTitle } from './resizingChart.js';
import { formatInterval, formatValue } from '../format/format.js';
import { chartLabels, type ChartLabels } from './labels.js';
import { textColour } from './palette.js';
import { LINE_HEIGHT, layoutLineChart } from './lineLayout.js';
import { lineChartTable, type ChartTable } from './table.js';
import type { LineChartSpec, Locale } from './types.js';

export const LINE_CHART_TAG = 'pendamping-line-chart';

/** What a screen reader hears: title, measure, then each design's last value and interval. */
export function summariseLineChart(spec: LineChartSpec, locale: Locale, labels: ChartLabels): string {
  if (spec.series.length === 0) return `${spec.title}. ${labels.noData}.`;
  const parts = spec.series.map((s) => {
    let i = s.mean.length - 1;
    while (i >= 0 && !Number.isFinite(s.mean[i])) i--;
    if (i < 0) return `${s.label}: ${labels.noData}`;
    const value = formatValue(s.mean[i], spec.kind, locale);
    if (spec.x) return `${s.label}: ${value} (${spec.x.label}: ${formatValue(s.months[i], spec.x.kind, locale)})`;
    const interval = formatInterval(s.low[i], s.high[i], spec.kind, locale);
    return `${s.label}: ${value} ${labels.atMonth} ${s.months[i]} (${labels.interval} ${interval})`;
  });
  return `${spec.title}. ${spec.yLabel}. ${parts.join('; ')}.`;
}

export class LineChart extends ResizingChart<LineChartSpec> {
  static override properties = {
    ...ResizingChart.properties,
    height: { type: Number },
    textScale: { type: Number },
  };

  declare height: number;
  /**
   * Draw everything this many times larger (a projector): the chart is laid out at width ÷ scale and
   * its SVG drawn at the full width, so the 12 px text becomes 12 × scale px. 1 by default.
   */
  declare textScale: number;


  constructor() {
    super();
    this.height = 360;
    this.textScale = 1;
  }

  static override styles = [
    chartFrameStyles,
    css`
    /*
     * No transition between results: a path's 'd' morphing restyles, lays out and repaints the chart on every
     * frame, and with a chart on screen per figure that took the page's main thread from the workers on a
     * 2-core machine (docs/wip/README.md, item 18). A new result is drawn at once; the view's dimming marks
     * what is out of date.
     */
    svg {
      overflow: visible;
    }
  `,
  ];

  /** The last layout and summary, kept while their inputs are the same. */
  private drawn: { key: readonly unknown[]; layout: ReturnType<typeof layoutLineChart>; summary: string } | null = null;

  private layout(spec: LineChartSpec, width: number, height: number, labels: ChartLabels) {
    const key = [spec, width, height, this.locale, this.labels] as const;
    if (!this.drawn || this.drawn.key.some((k, i) => k !== key[i])) {
      this.drawn = { key, layout: layoutLineChart(spec, width, height, this.locale), summary: summariseLineChart(spec, this.locale, labels) };
    }
    return this.drawn;
  }

  /** The chart's data as a table (for the card's Table view). */
  tableData(): ChartTable | null {
    return this.spec ? lineChartTable(this.spec, this.locale, chartLabels(this.locale, this.labels)) : null;
  }


  override render() {
    const spec = this.spec;
    const labels = chartLabels(this.locale, this.labels);
    if (!spec) return nothing;
    const scale = this.textScale > 0 ? this.textScale : 1;
    const width = Math.max(240, (this.width || DEFAULT_WIDTH) / scale);
    const height = Math.max(160, this.height / scale);
    const { layout: L, summary } = this.layout(spec, width, height, labels);
    const { margin } = L;
    const right = width - margin.right;
    const bottom = height - margin.bottom;
    return chartFigure(
      { testId: 'line-chart', chartId: spec.id, title: spec.title, summary, width, height, scale },
      svg`
        ${yTitle(L.yTitle)}
        <g class="y-axis">
          ${L.yTicks.map(
            (t) => svg`<line x1=${margin.left} x2=${right} y1=${t.at} y2=${t.at} stroke="#e3e3e3" stroke-width="1"></line>
              <text x=${margin.left - 6} y=${t.at} dy="0.32em" text-anchor="end" fill="#555555">${t.text}</text>`,
          )}
        </g>
        <g class="x-axis">
          <line x1=${margin.left} x2=${right} y1=${bottom} y2=${bottom} stroke="#888888" stroke-width="1"></line>
          ${L.xTicks.map(
            (t) => svg`<line x1=${t.at} x2=${t.at} y1=${bottom} y2=${bottom + 4} stroke="#888888"></line>
              <text x=${t.at} y=${bottom + 16} text-anchor="middle" fill="#555555">${t.text}</text>`,
          )}
          ${L.xTitle.length
            ? svg`<text class="x-title" fill="#333333">${L.xTitle.map(
                (line, i) => svg`<tspan x=${(margin.left + right) / 2} y=${height - 6 - (L.xTitle.length - 1 - i) * LINE_HEIGHT} text-anchor="middle">${line}${i < L.xTitle.length - 1 ? ' ' : ''}</tspan>`,
              )}</text>`
            : svg`<text class="x-title" x=${(margin.left + right) / 2} y=${height - 6} text-anchor="middle" fill="#333333">${labels.month}</text>`}
        </g>
        <line class="zero" data-testid="line-chart-zero" x1=${margin.left} x2=${right} y1=${L.zeroY} y2=${L.zeroY} stroke="#333333" stroke-width="1.2"></line>
        <g class="bands">
          ${L.series.map(
            (s) => svg`<path class="band" data-testid="line-chart-band" data-series-id=${s.id} d=${s.band} fill=${s.colour} fill-opacity=${s.baseline ? 0.1 : 0.18} stroke="none"></path>`,
          )}
        </g>
        <g class="lines">
          ${L.series.map(
            (s) => svg`<path class="line" data-testid="line-chart-line" data-series-id=${s.id} d=${s.line} fill="none" stroke=${s.colour} stroke-width=${s.baseline ? 1.5 : 2.25} stroke-dasharray=${s.baseline ? '4 3' : 'none'} stroke-linejoin="round" stroke-linecap="round"></path>`,
          )}
        </g>
        <g class="labels">
          ${L.series.map((s) =>
            s.end
              ? svg`${Math.abs(s.labelY - s.end.y) > 2 ? svg`<line class="leader" x1=${s.end.x + 2} y1=${s.end.y} x2=${s.end.x + 8} y2=${s.labelY} stroke=${s.colour} stroke-width="1"></line>` : nothing}
                <text class="series-label" data-testid="line-chart-label" data-series-id=${s.id} x=${s.end.x + 10} y=${s.labelY} dy="0.32em" fill=${textColour(s.colour)} font-weight="600" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round">${s.text !== s.label ? svg`<title>${s.label}</title>` : nothing}${s.lines.length === 1
                  ? s.text
                  : s.lines.map((line, i) => svg`<tspan x=${s.end!.x + 10} y=${s.labelY + (i - (s.lines.length - 1) / 2) * LINE_HEIGHT} dy="0.32em">${line}${i < s.lines.length - 1 ? ' ' : ''}</tspan>`)}</text>`
              : nothing,
          )}
        </g>
        ${spec.series.length === 0
          ? svg`<text x=${width / 2} y=${height / 2} text-anchor="middle" fill="#555555">${labels.noData}</text>`
          : nothing}
      `,
    );
  }
}
