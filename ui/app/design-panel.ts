// The design panel for the edited design: the scenario it starts from, the program cycle, the general
// levers and the levers of the open stage, with advanced ones behind a disclosure. It only emits
// events (`lever-change`, `stage-select` from the cycle, `base-change`); the app owns the state.
import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatRupiah, formatShare } from '../format/format.js';

import { getLocale, t } from '../i18n/i18n.js';
import { LEVERS, STAGES, leverValue, type LeverDef, type StageId } from '../state/levers.js';
import { SCENARIO_NAMES, scenarioSummary, scenarioTitle } from '../state/scenarios.js';
import type { DesignState } from '../state/state.js';
import './cycle-diagram.js';
import './lever-input.js';
import { focusStyles } from './styles.js';

export class DesignPanel extends LitElement {
  static override properties = {
    design: { attribute: false },
    stage: {},
    paused: { type: Boolean },
    locale: {},
  };

  declare design: DesignState | undefined;
  declare stage: StageId;
  /**
   * The cycle's dot stands still: the user paused the animation, or (the app's choice) a comparison is
   * running, when the compositor's 60 frames a second would take CPU from the workers on a 2-core machine.
   */
  declare paused: boolean;
  declare locale: string;

  constructor() {
    super();
    this.design = undefined;
    this.stage = 'mentoring';
    this.paused = false;
    this.locale = 'id';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 1rem;
        margin: 1rem 0 0.25rem;
      }
      fieldset {
        border: 1px solid #c9d0d6;
        border-radius: 6px;
        margin: 0.75rem 0;
        padding: 0.5rem 0.75rem;
      }
      legend {
        font-weight: 700;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
        margin: 0.4rem 0;
      }
      .off {
        color: #4a5560;
        font-style: italic;
      }
      p.summary {
        margin: 0.3rem 0 0.5rem;
        color: #4a5560;
        font-size: 0.9rem;
      }
      label.base select {
        /* As wide as the column, never wider: a long title must not push the page sideways on a phone. */
        width: 100%;
        max-width: 28rem;
      }
      label.base {
        font-weight: 600;
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
    `,
  ];

  private value(id: string) {
    return leverValue(this.design!.base, this.design!.levers, id);
  }

  private hint(lever: LeverDef, v: unknown): string {
    if (typeof v !== 'number') return '';
    if (lever.unit === 'rupiah') return formatRupiah(v, getLocale(), { compact: true });
    if (lever.unit === 'share') return formatShare(v, getLocale(), 0);
    return '';
  }

  // A rupiah lever shows no separate unit: its hint (`Rp 500 juta`) names the currency once.
  private lever(lever: LeverDef, disabled = false) {
    const v = this.value(lever.id);
    return html`<pendamping-lever-input
      data-testid="lever-${lever.id}"
      lever-id=${lever.id}
      .label=${t(`lever.${lever.id}`)}
      .unit=${lever.unit === 'rupiah' ? '' : t(`unit.${lever.unit}`)}
      .valueKind=${lever.unit === 'rupiah' || lever.unit === 'share' ? lever.unit : 'plain'}
      .locale=${getLocale()}
      .kind=${lever.kind}
      .min=${lever.min ?? 0}
      .max=${lever.max ?? 100}
      .step=${lever.step ?? 1}
      .value=${v}
      .options=${(lever.options ?? []).map((o) => ({ value: o, label: t(`targeting.${o}`) }))}
      .hint=${this.hint(lever, v)}
      .help=${t(`help.${lever.id}`)}
      ?disabled=${disabled}
    ></pendamping-lever-input>`;
  }

  private group(levers: readonly LeverDef[], testid: string, disabled = false) {
    const basic = levers.filter((l) => !l.advanced);
    const advanced = levers.filter((l) => l.advanced);
    return html`${basic.map((l) => this.lever(l, disabled))}
    ${advanced.length
      ? html`<details data-testid=${testid}>
          <summary>${t('panel.advanced')}</summary>
          ${advanced.map((l) => this.lever(l, disabled))}
        </details>`
      : nothing}`;
  }

  override render() {
    const d = this.design;
    if (!d) return nothing;
    const enabled = Object.fromEntries(STAGES.map((s) => [s, Boolean(this.value(`${s}.enabled`))])) as Record<StageId, boolean>;
    const stageLevers = LEVERS.filter((l) => l.stage === this.stage);
    const toggle = stageLevers.filter((l) => l.id === `${this.stage}.enabled`);
    const rest = stageLevers.filter((l) => l.id !== `${this.stage}.enabled`);
    const on = enabled[this.stage];
    const lang = this.locale === 'en' ? 'en' : 'id';
    return html`<section data-testid="design-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">${t('panel.title', { name: d.name })}</h2>
      <label class="base"
        >${t('panel.base')}
        <select
          data-testid="base-scenario"
          aria-describedby="base-summary"
          .value=${live(d.base)}
          @change=${(e: Event) =>
            this.dispatchEvent(new CustomEvent('base-change', { detail: { base: (e.target as HTMLSelectElement).value }, bubbles: true, composed: true }))}
        >
          ${SCENARIO_NAMES.map((n) => html`<option value=${n} ?selected=${n === d.base}>${scenarioTitle(n, lang)}</option>`)}
        </select></label
      >
      <p class="summary" id="base-summary" data-testid="base-summary">${scenarioSummary(d.base, lang)}</p>
      <pendamping-cycle-diagram .enabled=${enabled} .selected=${this.stage} ?paused=${this.paused} .locale=${this.locale}></pendamping-cycle-diagram>
      <fieldset data-testid="stage-levers" data-stage=${this.stage}>
        <legend>${t('panel.stageLevers', { stage: t(`stage.${this.stage}`) })}</legend>
        ${toggle.map((l) => this.lever(l))}
        ${on ? nothing : html`<p class="off">${t('panel.stageOff')}</p>`}
        ${this.group(rest, 'advanced-stage', !on)}
      </fieldset>
      <fieldset data-testid="general-levers">
        <legend>${t('panel.general')}</legend>
        ${this.group(
          LEVERS.filter((l) => l.stage === 'general'),
          'advanced-general',
        )}
      </fieldset>
    </section>`;
  }
}

customElements.define('pendamping-design-panel', DesignPanel);
