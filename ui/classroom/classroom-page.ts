// The classroom page: the live economy beside its live numbers, follow the rupiah, predict-then-reveal
// and the guided lesson, all on the active design. It wires the parts together (the rupiah's recipients
// light up in the economy view); each part is its own element.
import { LitElement, css, html, nothing } from 'lit';
import type { ScenarioInput } from '../../sim/index.js';
import type { Locale } from '../charts/types.js';
import { t } from '../i18n/i18n.js';
import { focusStyles } from '../app/styles.js';
import type { Highlight } from './types.js';

export class ClassroomPage extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    designName: { attribute: false },
    seed: { type: Number },
    locale: { type: String },
    paused: { type: Boolean },
    trainer: { type: Boolean },
    highlight: { state: true },
  };

  declare scenario: ScenarioInput;
  declare designName: string;
  declare seed: number;
  declare locale: Locale;
  declare paused: boolean;
  declare trainer: boolean;
  declare highlight: Highlight | null;

  constructor() {
    super();
    this.seed = 1;
    this.locale = 'id';
    this.paused = false;
    this.trainer = false;
    this.highlight = null;
    this.designName = '';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
      }
      :host([trainer]) {
        font-size: 1.35rem;
      }
      section {
        margin-bottom: 1.5rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.25em;
      }
      .design {
        color: #4a5560;
      }
    `,
  ];

  override render() {
    if (!this.scenario) return nothing;
    const common = { scenario: this.scenario, seed: this.seed, locale: this.locale, paused: this.paused, trainer: this.trainer };
    return html`
      <p class="design" data-testid="classroom-design">${t('classroom.design', { name: this.designName })}</p>
      <section aria-labelledby="live-h">
        <h2 id="live-h">${t('classroom.live.title')}</h2>
        <pendamping-economy-view
          data-testid="economy-view"
          .scenario=${common.scenario}
          .seed=${common.seed}
          .locale=${common.locale}
          ?paused=${common.paused}
          ?trainer=${common.trainer}
          .highlight=${this.highlight}
        ></pendamping-economy-view>
      </section>
      <section aria-labelledby="rupiah-h">
        <h2 id="rupiah-h">${t('classroom.rupiah.title')}</h2>
        <pendamping-rupiah-view
          data-testid="rupiah-view"
          .scenario=${common.scenario}
          .seed=${common.seed}
          .locale=${common.locale}
          ?paused=${common.paused}
          ?trainer=${common.trainer}
          @rupiah-highlight=${(e: CustomEvent<Highlight | null>) => (this.highlight = e.detail)}
        ></pendamping-rupiah-view>
      </section>
    `;
  }
}

customElements.define('pendamping-classroom', ClassroomPage);
