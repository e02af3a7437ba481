// One lever: a native range input paired with a text box for the number (or a checkbox, or a select),
// with its label and unit. Emits `lever-change` { id, value, commit }: commit false while a slider is
// dragged. The box shows the value grouped in the page's language (`500.000.000`) and reads what is
// typed with parseAmount (`750 juta`, `1,5 miliar`, `Rp 750.000.000`...) on Enter or when it loses focus.
// Nothing is clamped or rounded behind the user's back: text that cannot be read, a value outside the
// lever's range or a fraction where the lever takes whole numbers shows an error under the box and emits
// nothing, so the design keeps its last valid value, which the error names in place of the value in words
// beside the box (that would sit next to the refused text); Escape puts that value back in the box.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale } from '../charts/types.js';
import { formatAmountInput, parseAmount, type AmountProblem } from '../format/amount.js';
import { formatRupiah } from '../format/format.js';
import { getLocale, t } from '../i18n/i18n.js';
import { focusStyles } from './styles.js';

/** How a number lever's value is read and described: rupiah, a share 0–1 (a `%` is accepted), or plain. */
export type LeverValueKind = 'rupiah' | 'share' | 'plain';

/** Why the typed text was not taken. */
type EntryError = { problem: AmountProblem | 'range' | 'whole'; value?: number };

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
    valueKind: { attribute: 'value-kind' },
    locale: {},
    error: { state: true },
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
  /** The value in words, e.g. `Rp 500 juta`, shown once next to the box (and the unit, if any). */
  declare hint: string;
  /** What the lever does in the model and the evidence behind its default, behind "what does this mean?". */
  declare help: string;
  declare disabled: boolean;
  declare valueKind: LeverValueKind;
  declare locale: Locale;
  /** The last typed text that was not taken, and why; null when the box shows the lever's value. */
  declare error: EntryError | null;

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
    this.valueKind = 'plain';
    this.locale = getLocale();
    this.error = null;
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
      input.amount {
        width: 4.5rem;
      }
      input.amount.rupiah {
        width: 9.5rem;
      }
      input.amount[aria-invalid='true'] {
        border: 2px solid #b3261e;
        border-radius: 2px;
      }
      .error {
        color: #b3261e;
        font-size: 0.85rem;
        margin: 0.25rem 0 0;
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

  /** A pointer is pressed on the slider (a drag), until it is released anywhere. */
  private dragging = false;

  private onPointerDown(): void {
    this.dragging = true;
    const release = () => {
      this.dragging = false;
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
  }

  /**
   * The slider: its value is always a valid step. Only a drag's inputs are emitted uncommitted; a key
   * press gives an input and then at once a change, and only the change is emitted (committed), so the
   * comparison starts before the page re-renders instead of after a render for the input.
   */
  private onRange(e: Event, commit: boolean): void {
    const input = e.target as HTMLInputElement;
    if (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber)) return;
    if (!commit && !this.dragging) return;
    this.emit(input.valueAsNumber, commit);
  }

  /** The lever's help, closed until asked for (nothing when it has none). */
  private helpText() {
    if (!this.help) return nothing;
    return html`<details class="help" data-testid="lever-${this.leverId}-help">
      <summary aria-label=${t('panel.helpFor', { lever: this.label }, this.locale)}>${t('panel.help', {}, this.locale)}</summary>
      <p>${this.help}</p>
    </details>`;
  }

  /** The box's text for a value. */
  private shown(value: number): string {
    return formatAmountInput(value, this.locale);
  }

  /** Read the box (Enter, change, leaving it): emit a valid value, or show why the text was not taken. */
  private commitText(input: HTMLInputElement): void {
    const current = Number(this.value);
    // Untouched, or just taken (Enter is followed by a change event, maybe before the new value is back).
    if (!this.error && (input.value === this.shown(current) || input.value === this.taken)) return;
    const read = parseAmount(input.value, this.locale, { allowNegative: this.min < 0, allowPercent: this.valueKind === 'share' });
    if (!read.ok) {
      this.error = { problem: read.reason };
      return;
    }
    const value = read.value;
    if (value < this.min || value > this.max) {
      this.error = { problem: 'range', value };
      return;
    }
    if (Number.isInteger(this.step) && !Number.isInteger(value)) {
      this.error = { problem: 'whole', value };
      return;
    }
    this.error = null;
    input.value = this.shown(value);
    this.taken = input.value;
    if (value !== current) this.emit(value, true);
  }

  /** The text of the last value taken from the box, until the lever's value next changes. */
  private taken: string | null = null;

  private onKeydown(e: KeyboardEvent): void {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Enter') this.commitText(input);
    else if (e.key === 'Escape' && (this.error || input.value !== this.shown(Number(this.value)))) {
      input.value = this.shown(Number(this.value));
      this.error = null;
      e.stopPropagation();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new value from elsewhere (the slider, undo, another language) replaces the text that was refused.
    if (changed.has('value') || changed.has('locale')) {
      this.error = null;
      this.taken = null;
    }
  }

  /** One end of the range as the error names it: `Rp 5 miliar`, `0`, `8 kunjungan/bulan` is added after. */
  private bound(x: number): string {
    return this.valueKind === 'rupiah' ? formatRupiah(x, this.locale, { compact: true }) : this.shown(x);
  }

  /** What was wrong and the value the lever keeps: `Di luar rentang Rp 0 – Rp 5 miliar. Nilai tetap Rp 800 juta.` */
  private errorText(error: EntryError, kept: number): string {
    const value = this.hint || [this.shown(kept), this.unit].filter(Boolean).join(' ');
    return `${this.message(error)} ${t('lever.error.kept', { value }, this.locale)}`;
  }

  private message(error: EntryError): string {
    const loc = this.locale;
    switch (error.problem) {
      case 'range':
      case 'negative':
      case 'tooLarge': {
        const unit = this.valueKind === 'plain' && this.unit ? ` ${this.unit}` : '';
        return t('lever.error.range', { min: this.bound(this.min), max: this.bound(this.max) + unit }, loc);
      }
      case 'whole':
        return t('lever.error.whole', { example: this.shown(Math.min(this.max, Math.max(this.min, Math.round(error.value ?? 0)))) }, loc);
      case 'ambiguousUnit':
        return t('lever.error.ambiguousM', {}, loc);
      default:
        if (this.valueKind === 'rupiah') return t('lever.error.unreadable.rupiah', {}, loc);
        if (this.valueKind === 'share') return t('lever.error.unreadable.share', {}, loc);
        return t('lever.error.unreadable.number', { example: this.shown(Number(this.value)) }, loc);
    }
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
          .value=${live(String(this.value))}
          ?disabled=${this.disabled}
          @change=${(e: Event) => this.emit((e.target as HTMLSelectElement).value, true)}
        >
          ${this.options.map((o) => html`<option value=${o.value} ?selected=${o.value === this.value}>${o.label}</option>`)}
        </select>`;
    }
    const v = Number(this.value);
    const error = this.error;
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
          @pointerdown=${() => this.onPointerDown()}
          @input=${(e: Event) => this.onRange(e, false)}
          @change=${(e: Event) => this.onRange(e, true)}
        />
        <input
          id="number"
          type="text"
          inputmode=${this.valueKind === 'rupiah' ? 'text' : 'decimal'}
          autocomplete="off"
          spellcheck="false"
          class="amount ${this.valueKind}"
          data-testid="lever-${id}-number"
          .value=${this.shown(v)}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${error ? 'error' : nothing}
          ?disabled=${this.disabled}
          @change=${(e: Event) => this.commitText(e.target as HTMLInputElement)}
          @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
        />
        ${this.unit ? html`<span class="unit">${this.unit}</span>` : nothing}
        ${this.hint && !error ? html`<span class="hint" data-testid="lever-${id}-hint">${this.hint}</span>` : nothing}
      </div>
      ${error ? html`<p id="error" class="error" role="alert" data-testid="lever-${id}-error">${this.errorText(error, v)}</p>` : nothing}`;
  }
}

customElements.define('pendamping-lever-input', LeverInput);
