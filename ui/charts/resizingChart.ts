// What every chart element shares: it follows its container's width (ResizeObserver), tells a surrounding
// <pendamping-chart-card> when its data changes so the table view refreshes, and hands over its <svg>
// for export.
import { LitElement, css } from 'lit';

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

export abstract class ResizingChart extends LitElement {
  declare width: number;
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
