// What every chart element shares: its spec, locale and word labels, a width that follows its container
// (ResizeObserver), an event that tells a surrounding <pendamping-chart-card> when its data changes so the
// table view refreshes, and its <svg> handed over for export.
import { LitElement, css, html, svg, type TemplateResult } from 'lit';
import { LINE_HEIGHT } from './lineLayout.js';
import type { ChartLabels } from './labels.js';
import type { Locale } from './types.js';

/** A chart's width before its container has been measured. */
export const DEFAULT_WIDTH = 640;

/** The frame every chart draws in: a focusable figure holding an SVG that fills the element's width. */
export const chartFrameStyles = css`
  :host {
    display: block;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
  }
  figure {
    margin: 0;
    border-radius: 4px;
  }
  figure:focus-visible {
    outline: 3px solid #0072b2;
    outline-offset: 2px;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
  }
`;

export abstract class ResizingChart<Spec> extends LitElement {
  static override properties = {
    spec: { attribute: false },
    locale: { reflect: true },
    labels: { attribute: false },
    width: { state: true },
  };

  declare spec: Spec | undefined;
  declare locale: Locale;
  /** The app's translations of the chart's own words; defaults per locale. */
  declare labels: Partial<ChartLabels> | undefined;
  declare width: number;

  constructor() {
    super();
    this.locale = 'id';
    this.width = DEFAULT_WIDTH;
  }

  private resizeObserver: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'undefined') return;
    this.resizeObserver = new ResizeObserver((entries) => {
      const w = Math.round(entries[entries.length - 1]?.contentRect.width ?? 0);
      if (w > 0 && Math.abs(w - this.width) >= 1) this.width = w;
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // Lets a surrounding <pendamping-chart-card> refresh its table view.
    if (changed.has('spec') || changed.has('locale')) this.dispatchEvent(new CustomEvent('chart-data-change', { bubbles: true, composed: true }));
  }

  /** The drawn <svg>, for export. */
  svgElement(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }
}

/** What the figure around a chart's SVG says about it. */
export interface ChartFrame {
  /** The element's test id (`line-chart`, `plane-chart`, …) and the chart's id. */
  testId: string;
  chartId: string;
  title: string;
  /** The chart in words: the figure's accessible name and the SVG's description. */
  summary: string;
  /** The drawing's size in its own units, and how much larger it is shown (a projector). */
  width: number;
  height: number;
  scale?: number;
  fontSize?: number;
}

/** A chart's focusable figure and its SVG (title and description first), holding `body` (SVG content). */
export function chartFigure(frame: ChartFrame, body: unknown): TemplateResult {
  const scale = frame.scale ?? 1;
  return html`<figure tabindex="0" role="img" aria-label=${frame.summary} data-testid=${frame.testId} data-chart-id=${frame.chartId}>
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 ${frame.width} ${frame.height}"
      width=${frame.width * scale}
      height=${frame.height * scale}
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
      font-size=${frame.fontSize ?? 12}
    >
      <title>${frame.title}</title>
      <desc>${frame.summary}</desc>
      ${body}
    </svg>
  </figure>`;
}

/** The y axis's title over the chart's top left, one tspan per wrapped line. */
export function yTitle(lines: readonly string[]): TemplateResult {
  return svg`<text class="y-title" x="0" y="12" fill="#333333" font-weight="600">${lines.map((line, i) => svg`<tspan x="0" y=${12 + i * LINE_HEIGHT}>${line}${i < lines.length - 1 ? ' ' : ''}</tspan>`)}</text>`;
}
