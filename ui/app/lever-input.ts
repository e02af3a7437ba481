// One lever: a native range input paired with a number box (or a checkbox, or a select), with its
// label and unit. Emits `lever-change` { id, value, commit }: commit false while a slider is dragged.
import { LitElement, css, html, nothing } from 'lit';
import { t } from '../i18n/i18n.js';
import { focusStyles } from './styles.js';

export interface LeverOption {
  value: string;
  label: string;
}

export class LeverInput extends LitElement {
  static override properties = {
    leverId: { attribute: 'lever-id' },
    label: {},
    unit: {},
    kind: {},
    min: { type: Number },
    max: { type: Number },
    step: { type: Number },
    value: { attribute: false },
    options: { attribute: false },
    hint: {},
    help: {},
    disabled: { type: Boolean },
  };

  declare leverId: string;
  declare label: string;
  declare unit: string;
  declare kind: 'number' | 'checkbox' | 'select';
  declare min: number;
  declare max: number;
  declare step: number;
  declare value: number | boolean | string;
  declare options: LeverOption[];
  /** The value in words, e.g. `Rp 500 juta`, shown next to the unit. */
  declare hint: string;
  /** What the lever does in the model and the evidence behind its default, behind "what does this mean?". */
  declare help: string;
  declare disabled: boolean;

  constructor() {
    super();
    this.leverId = '';
    this.label = '';
    this.unit = '';
    this.kind = 'number';
    this.min = 0;
    this.max = 100;
    this.step = 1;
    this.value = 0;
    this.options = [];
    this.hint = '';
    this.help = '';
    this.disabled = false;
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        margin: 0.5rem 0;
      }
      label {
        display: block;
        font-weight: 600;
        font-size: 0.9rem;
      }
      .row {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      input[type='range'] {
        flex: 1 1 10rem;
        min-width: 8rem;
        accent-color: #0072b2;
      }
      input[type='number'] {
        width: 8.5rem;
      }
      .unit,
      .hint {
        color: #4a5560;
        font-size: 0.85rem;
      }
      details.help {
        font-size: 0.85rem;
        margin: 0.1rem 0 0.2rem;
      }
      details.help summary {
        cursor: pointer;
        color: #005a8c;
        width: fit-content;
      }
      details.help p {
        margin: 0.2rem 0 0.3rem;
        color: #2b333b;
        max-width: 40rem;
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        font-weight: 600;
        font-size: 0.9rem;
      }
    `,
  ];

  private emit(value: number | boolean | string, commit: boolean): void {
    this.dispatchEvent(new CustomEvent('lever-change', { detail: { id: this.leverId, value, commit }, bubbles: true, composed: true }));
  }

  private onNumber(e: Event, commit: boolean): void {
    const input = e.target as HTMLInputElement;
    if (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber)) return;
    this.emit(input.valueAsNumber, commit);
  }

  /** The lever's help, closed until asked for (nothing when it has none). */
  private helpText() {
    if (!this.help) return nothing;
    return html`<details class="help" data-testid="lever-${this.leverId}-help">
      <summary aria-label=${t('panel.helpFor', { lever: this.label })}>${t('panel.help')}</summary>
      <p>${this.help}</p>
    </details>`;
  }

  override render() {
    const id = this.leverId;
    if (this.kind === 'checkbox') {
      return html`<label class="check"
        ><input
          type="checkbox"
          data-testid="lever-${id}-checkbox"
          .checked=${Boolean(this.value)}
          ?disabled=${this.disabled}
          @change=${(e: Event) => this.emit((e.target as HTMLInputElement).checked, true)}
        />${this.label}</label
      >${this.helpText()}`;
    }
    if (this.kind === 'select') {
      return html`<label for="select">${this.label}</label>${this.helpText()}
        <select
          id="select"
          data-testid="lever-${id}-select"
          ?disabled=${this.disabled}
          @change=${(e: Event) => this.emit((e.target as HTMLSelectElement).value, true)}
        >
          ${this.options.map((o) => html`<option value=${o.value} ?selected=${o.value === this.value}>${o.label}</option>`)}
        </select>`;
    }
    const v = Number(this.value);
    return html`<label for="number">${this.label}</label>${this.helpText()}
      <div class="row">
        <input
          type="range"
          aria-label=${this.label}
          data-testid="lever-${id}-range"
          min=${this.min}
          max=${this.max}
          step=${this.step}
          .value=${String(v)}
          ?disabled=${this.disabled}
          @input=${(e: Event) => this.onNumber(e, false)}
          @change=${(e: Event) => this.onNumber(e, true)}
        />
        <input
          id="number"
          type="number"
          data-testid="lever-${id}-number"
          min=${this.min}
          max=${this.max}
          step=${this.step}
          .value=${String(v)}
          ?disabled=${this.disabled}
          @change=${(e: Event) => this.onNumber(e, true)}
        />
        <span class="unit">${this.unit}</span>
        ${this.hint ? html`<span class="hint" data-testid="lever-${id}-hint">${this.hint}</span>` : nothing}
      </div>`;
  }
}

customElements.define('pendamping-lever-input', LeverInput);
