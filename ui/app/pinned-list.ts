// The pinned designs (2–6): each with a name the user can change, a button to edit it in the design
// panel and one to remove it; plus "pin a new design" (a copy of the one being edited).
import { LitElement, css, html } from 'lit';
import { t } from '../i18n/i18n.js';
import { MAX_DESIGNS } from '../state/state.js';
import { focusStyles } from './styles.js';

export interface PinnedItem {
  id: string;
  name: string;
  /** One line on what the design is, e.g. "3 settings changed from full-cycle". */
  description: string;
  colour: string;
}

export class PinnedList extends LitElement {
  static override properties = {
    items: { attribute: false },
    active: { type: Number },
    locale: {},
  };

  declare items: PinnedItem[];
  declare active: number;
  declare locale: string;

  constructor() {
    super();
    this.items = [];
    this.active = 0;
    this.locale = 'id';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.4rem;
      }
      li {
        display: grid;
        grid-template-columns: 0.6rem 1fr auto auto;
        gap: 0.5rem;
        align-items: center;
        border: 1px solid #c9d0d6;
        border-radius: 6px;
        padding: 0.4rem 0.5rem;
      }
      li.active {
        border-color: #d55e00;
        box-shadow: inset 3px 0 0 #d55e00;
      }
      .swatch {
        width: 0.6rem;
        height: 1.6rem;
        border-radius: 2px;
      }
      input {
        width: 100%;
        box-sizing: border-box;
      }
      small {
        display: block;
        color: #4a5560;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      .pin {
        margin-top: 0.5rem;
      }
    `,
  ];

  private emit(type: string, detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const full = this.items.length >= MAX_DESIGNS;
    return html`<section data-testid="pinned-list" aria-labelledby="pinned-title">
      <h2 id="pinned-title">${t('pinned.title')}</h2>
      <ol>
        ${this.items.map(
          (d, i) => html`<li class=${i === this.active ? 'active' : ''} data-testid="design-${d.id}">
            <span class="swatch" style="background:${d.colour}" aria-hidden="true"></span>
            <span>
              <input
                aria-label=${t('pinned.name', { id: d.id })}
                data-testid="design-name-${d.id}"
                .value=${d.name}
                maxlength="60"
                @change=${(e: Event) => this.emit('design-rename', { index: i, name: (e.target as HTMLInputElement).value })}
              />
              <small>${d.description}</small>
            </span>
            <button
              data-testid="design-edit-${d.id}"
              aria-pressed=${i === this.active ? 'true' : 'false'}
              @click=${() => this.emit('design-select', { index: i })}
            >
              ${i === this.active ? t('pinned.editing') : t('pinned.edit')}
            </button>
            <button
              data-testid="design-remove-${d.id}"
              aria-label=${t('pinned.remove', { name: d.name })}
              ?disabled=${this.items.length <= 1}
              @click=${() => this.emit('design-remove', { index: i })}
            >
              ✕
            </button>
          </li>`,
        )}
      </ol>
      <button class="pin" data-testid="pin-design" ?disabled=${full} @click=${() => this.emit('design-pin', {})}>+ ${t('pinned.pin')}</button>
      ${full ? html`<small>${t('pinned.max', { max: MAX_DESIGNS })}</small>` : ''}
    </section>`;
  }
}

customElements.define('pendamping-pinned-list', PinnedList);
