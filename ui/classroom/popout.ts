// Graphs in their own window: the classroom page broadcasts its live history on a BroadcastChannel and a
// window opened at `#popout=live` draws the same charts, updating as the main window's run goes on (a
// projector shows the graph while the trainer's laptop keeps the controls).
import { LitElement, css, html } from 'lit';
import '../charts/index.js';
import type { Locale } from '../charts/types.js';
import { chartLabelsFor } from '../app/comparison-view.js';
import { setLocale, t } from '../i18n/i18n.js';
import { liveSpecs } from './live-charts.js';
import type { LiveNumbers } from './types.js';

export const CHANNEL = 'pendamping-classroom';

export type PopoutMessage =
  | { type: 'live'; history: LiveNumbers[]; design: string; locale: Locale }
  /** A new pop-out asks the main window for what it has. */
  | { type: 'hello' };

/** The pop-out kind a hash asks for (`#popout=live`), or null for the app itself. */
export function popoutKind(hash: string): 'live' | null {
  return /(?:^#?|&)popout=live(?:&|$)/.test(hash) ? 'live' : null;
}

export function openPopout(kind: 'live'): Window | null {
  const url = `${location.pathname}${location.search}#popout=${kind}`;
  return window.open(url, `pendamping-${kind}`, 'popup,width=960,height=640');
}

/** A chart's least height, and what its card adds around it (title, padding, buttons), in the card's own px. */
const MIN_CHART = 160;
const CARD_CHROME = 115;

export class PopoutView extends LitElement {
  static override properties = { history: { state: true }, design: { state: true }, locale: { state: true }, size: { state: true } };
  declare history: LiveNumbers[];
  /** The window's inner size: the charts' text grows with it, so a projector's window is readable. */
  declare size: { width: number; height: number };
  private readonly onResize = () => (this.size = { width: window.innerWidth, height: window.innerHeight });
  declare design: string;
  declare locale: Locale;
  private channel: BroadcastChannel | null = null;

  constructor() {
    super();
    this.history = [];
    this.design = '';
    this.locale = 'id';
    this.size = { width: 960, height: 640 };
  }

  /** Height of the heading and month line (measured after each render; CSS px). */
  private headHeight = 100;

  /**
   * How the charts fill the window: side by side in a wide one, stacked in a tall one; each drawn narrower
   * and zoomed (`zoom` ≥ 1) so its text, a fixed size in its own pixels, grows with the window; its height
   * chosen so both fit the window's height.
   */
  get fit(): { columns: number; zoom: number; chartHeight: number } {
    const { width, height } = this.size;
    const columns = width / height > 1.3 ? 2 : 1;
    const rows = 2 / columns;
    const colWidth = (width - 32 - (columns - 1) * 8) / columns;
    const free = Math.max(200, height - this.headHeight - 24);
    const zoom = Math.max(1, Math.min(3, colWidth / 420, free / rows / (MIN_CHART + CARD_CHROME)));
    const chartHeight = Math.max(MIN_CHART, Math.floor(free / rows / zoom - CARD_CHROME));
    return { columns, zoom, chartHeight };
  }

  override updated(): void {
    const head = this.renderRoot.querySelector<HTMLElement>('.head');
    const h = head ? Math.ceil(head.getBoundingClientRect().height) : 0;
    if (h > 0 && Math.abs(h - this.headHeight) > 2) {
      this.headHeight = h;
      this.requestUpdate();
    }
  }

  static override styles = css`
    :host {
      display: block;
      padding: 0.75rem 1rem;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
      font-size: 1.3rem;
    }
    .head {
      font-size: clamp(16px, 1.5vw, 30px);
    }
    h1 {
      font-size: 1.4em;
      margin: 0 0 0.25rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
    .grid {
      display: grid;
      gap: 0.5rem;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (e: MessageEvent<PopoutMessage>) => {
      if (e.data.type !== 'live') return;
      setLocale(e.data.locale);
      this.locale = e.data.locale;
      this.design = e.data.design;
      this.history = e.data.history;
    };
    this.channel.postMessage({ type: 'hello' } satisfies PopoutMessage);
    window.addEventListener('resize', this.onResize);
    this.onResize();
  }

  override disconnectedCallback(): void {
    this.channel?.close();
    window.removeEventListener('resize', this.onResize);
    super.disconnectedCallback();
  }

  override render() {
    document.title = t('classroom.popout.title');
    const { columns, zoom, chartHeight } = this.fit;
    return html`<div class="head"><h1 data-testid="popout-title">${t('classroom.popout.heading', { design: this.design })}</h1>
      <p data-testid="popout-month">${this.history.length ? t('classroom.popout.month', { month: this.history.at(-1)!.month }) : t('classroom.popout.waiting')}</p>
      </div>
      <div class="grid" style="grid-template-columns: repeat(${columns}, minmax(0, 1fr))" data-testid="popout-grid" data-zoom=${zoom.toFixed(3)}>
        ${liveSpecs(this.history, this.design).map(
          (spec) => html`<pendamping-chart-card style="zoom: ${zoom.toFixed(3)}" data-testid=${`popout-${spec.id}`} .title=${spec.title} .locale=${this.locale} .labels=${chartLabelsFor()} .csvRows=${[]} .filename=${`pendamping-${spec.id}`}
            ><pendamping-line-chart .spec=${spec} .locale=${this.locale} .labels=${chartLabelsFor()} .height=${chartHeight}></pendamping-line-chart
          ></pendamping-chart-card>`,
        )}
      </div>`;
  }
}

customElements.define('pendamping-popout', PopoutView);
