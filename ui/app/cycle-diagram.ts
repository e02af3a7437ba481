// The study's program cycle as an SVG ring of six stages. Each stage is a button (Tab, Enter, Space):
// choosing it opens its levers. On a phone the ring's text would be 7–8 px high, so there the same six
// buttons are an ordered list in two columns, in the page's own text size.
import { LitElement, css, html, svg } from 'lit';
import { t } from '../i18n/i18n.js';
import { STAGES, type StageId } from '../state/levers.js';
import { focusStyles } from './styles.js';
import { NarrowController } from '../controllers/narrow.js';

const W = 560;
const H = 380;
const CX = W / 2;
const CY = H / 2;
const RX = 200;
const RY = 135;
const BOX_W = 150;
const BOX_H = 58;

const position = (i: number) => {
  const a = -Math.PI / 2 + (i * 2 * Math.PI) / STAGES.length;
  return { x: CX + RX * Math.cos(a), y: CY + RY * Math.sin(a) };
};

/** Split a label into at most two lines at the space nearest its middle. */
function lines(label: string): string[] {
  if (label.length <= 18) return [label];
  const mid = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++) if (label[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return best < 0 ? [label] : [label.slice(0, best), label.slice(best + 1)];
}

export class CycleDiagram extends LitElement {
  static override properties = {
    enabled: { attribute: false },
    selected: {},
    paused: { type: Boolean },
    locale: {},
  };

  /** Stage → on in the edited design. */
  declare enabled: Record<StageId, boolean>;
  declare selected: StageId;
  declare paused: boolean;
  declare locale: string;

  private readonly narrow = new NarrowController(this);

  constructor() {
    super();
    this.enabled = Object.fromEntries(STAGES.map((s) => [s, false])) as Record<StageId, boolean>;
    this.selected = 'mentoring';
    this.paused = false;
    this.locale = 'id';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
      }
      svg {
        width: 100%;
        max-width: 560px;
        height: auto;
        display: block;
      }
      .stage {
        cursor: pointer;
      }
      .stage rect {
        fill: #f2f2f2;
        stroke: #8a939c;
        stroke-width: 1.5;
      }
      .stage.on rect {
        fill: #d9ecf7;
        stroke: #0072b2;
      }
      .stage.selected rect {
        stroke-width: 4;
        stroke: #d55e00;
      }
      .stage:focus {
        outline: none;
      }
      .stage:focus-visible rect {
        stroke: #000;
        stroke-width: 4;
        stroke-dasharray: 6 3;
      }
      .stage text {
        font: 600 13px system-ui, sans-serif;
        fill: #1b1f23;
        pointer-events: none;
      }
      .stage text.state {
        font-weight: 400;
        font-size: 11px;
        fill: #4a5560;
      }
      .ring {
        fill: none;
        stroke: #b8c0c8;
        stroke-width: 2;
        stroke-dasharray: 4 4;
      }
      .orbit {
        transform-origin: ${CX}px ${CY}px;
        animation: spin 14s linear infinite;
      }
      :host([paused]) .orbit {
        animation-play-state: paused;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      .hint {
        font-size: 0.85rem;
        color: #4a5560;
        margin: 0.25rem 0 0;
      }
      ol.stages {
        list-style: none;
        counter-reset: stage;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.4rem;
      }
      ol.stages button {
        width: 100%;
        min-height: 3rem;
        text-align: left;
        font: inherit;
        font-weight: 600;
        padding: 0.35rem 0.5rem;
        border: 1.5px solid #8a939c;
        border-radius: 8px;
        background: #f2f2f2;
        color: #1b1f23;
        cursor: pointer;
      }
      ol.stages button.on {
        background: #d9ecf7;
        border-color: #0072b2;
      }
      ol.stages button.selected {
        border: 3px solid #d55e00;
      }
      ol.stages button::before {
        counter-increment: stage;
        content: counter(stage) '. ';
      }
      ol.stages .state {
        display: block;
        font-weight: 400;
        font-size: 0.85em;
        color: #4a5560;
      }
    `,
  ];

  /** Looking is not changing: choosing a stage opens its settings; switching it on or off is the panel's own checkbox. */
  private activate(stage: StageId): void {
    this.dispatchEvent(new CustomEvent('stage-select', { detail: { stage }, bubbles: true, composed: true }));
  }

  private onKey(e: KeyboardEvent, stage: StageId): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.activate(stage);
    }
  }

  /** A phone: the six stages as a list of buttons, in the cycle's order. */
  private renderList() {
    return html`<figure style="margin:0" data-testid="cycle-diagram">
      <ol class="stages" aria-label=${t('cycle.label')}>
        ${STAGES.map((stage) => {
          const on = this.enabled[stage];
          const label = t(`stage.${stage}`);
          return html`<li>
            <button type="button" class=${`${on ? 'on' : ''}${this.selected === stage ? ' selected' : ''}`} aria-current=${this.selected === stage ? 'true' : 'false'}
              aria-label=${`${label}: ${t(on ? 'stage.on' : 'stage.off')}`} data-testid="stage-${stage}" data-on=${on ? 'true' : 'false'}
              @click=${() => this.activate(stage)}>
              ${label}<span class="state">${on ? '● ' + t('stage.on') : '○ ' + t('stage.off')}</span>
            </button>
          </li>`;
        })}
      </ol>
      <figcaption class="hint">${t('cycle.hint')}</figcaption>
    </figure>`;
  }

  override render() {
    if (this.narrow.matches) return this.renderList();
    return html`<figure style="margin:0" data-testid="cycle-diagram">
      <svg viewBox="0 0 ${W} ${H}" role="group" aria-label=${t('cycle.label')}>
        <ellipse class="ring" cx=${CX} cy=${CY} rx=${RX} ry=${RY}></ellipse>
        <g class="orbit" aria-hidden="true">
          <circle cx=${CX} cy=${CY - RY} r="7" fill="#E69F00"></circle>
        </g>
        <text x=${CX} y=${CY} text-anchor="middle" font-size="13" fill="#4a5560" aria-hidden="true">${t('cycle.label')}</text>
        ${STAGES.map((stage, i) => {
          const { x, y } = position(i);
          const on = this.enabled[stage];
          const label = t(`stage.${stage}`);
          const ls = lines(label);
          const cls = `stage${on ? ' on' : ''}${this.selected === stage ? ' selected' : ''}`;
          return svg`<g class=${cls} role="button" tabindex="0" aria-current=${this.selected === stage ? 'true' : 'false'}
              aria-label=${`${label}: ${t(on ? 'stage.on' : 'stage.off')}`} data-testid="stage-${stage}" data-on=${on ? 'true' : 'false'}
              @click=${() => this.activate(stage)} @keydown=${(e: KeyboardEvent) => this.onKey(e, stage)}>
            <rect x=${x - BOX_W / 2} y=${y - BOX_H / 2} width=${BOX_W} height=${BOX_H} rx="10"></rect>
            ${ls.map((l, k) => svg`<text x=${x} y=${y - (ls.length - 1) * 8 + k * 15 - 6} text-anchor="middle">${l}</text>`)}
            <text class="state" x=${x} y=${y + BOX_H / 2 - 7} text-anchor="middle">${on ? '● ' + t('stage.on') : '○ ' + t('stage.off')}</text>
          </g>`;
        })}
      </svg>
      <figcaption class="hint">${t('cycle.hint')}</figcaption>
    </figure>`;
  }
}

customElements.define('pendamping-cycle-diagram', CycleDiagram);
