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

export class PopoutView extends LitElement {
  static override properties = { history: { state: true }, design: { state: true }, locale: { state: true } };
  declare history: LiveNumbers[];
  declare design: string;
  declare locale: Locale;
  private channel: BroadcastChannel | null = null;

  constructor() {
    super();
    this.history = [];
    this.design = '';
    this.locale = 'id';
  }

  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
      font-size: 1.3rem;
    }
    .grid {
      display: grid;
      gap: 1rem;
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
  }

  override disconnectedCallback(): void {
    this.channel?.close();
    super.disconnectedCallback();
  }

  override render() {
    document.title = t('classroom.popout.title');
    return html`<h1 data-testid="popout-title">${t('classroom.popout.heading', { design: this.design })}</h1>
      <p data-testid="popout-month">${this.history.length ? t('classroom.popout.month', { month: this.history.at(-1)!.month }) : t('classroom.popout.waiting')}</p>
      <div class="grid">
        ${liveSpecs(this.history).map(
          (spec) => html`<pendamping-chart-card data-testid=${`popout-${spec.id}`} .title=${spec.title} .locale=${this.locale} .labels=${chartLabelsFor()} .csvRows=${[]} .filename=${`pendamping-${spec.id}`}
            ><pendamping-line-chart .spec=${spec} .locale=${this.locale} .labels=${chartLabelsFor()} .height=${360}></pendamping-line-chart
          ></pendamping-chart-card>`,
        )}
      </div>`;
  }
}

customElements.define('pendamping-popout', PopoutView);
