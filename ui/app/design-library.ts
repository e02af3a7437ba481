// Designs kept by name in this browser, and scenario files from the command line opened as designs.
// "Save design" stores the edited design (base, changed levers, name) in localStorage; "Load" puts a saved
// one into the edited design; "Open scenario file" checks a .json file with the CLI's schema and messages
// and pins it as a new design. It emits `design-load` and `design-import` ({ design }); the app owns the state.
import { LitElement, css, html, nothing } from 'lit';
import { t } from '../i18n/i18n.js';
import type { DesignContent } from '../state/actions.js';
import { importScenarioFile, type ImportResult } from '../state/importScenario.js';
import { readSavedDesigns, withSaved, withoutSaved, writeSavedDesigns, type SavedDesign } from '../state/savedDesigns.js';
import { scenarioTitle } from '../state/scenarios.js';
import { LETTERS, MAX_DESIGNS, type DesignState } from '../state/state.js';
import { focusStyles } from './styles.js';

/** The largest scenario file opened (a scenario is a few kilobytes). */
const MAX_FILE_BYTES = 2_000_000;
/** Fields named in the "did not carry over" note before "and N more". */
const FIELDS_SHOWN = 8;

type Opened = { file: string; id: string; result: ImportResult } | { file: string; tooMany: true };

export class DesignLibrary extends LitElement {
  static override properties = {
    design: { attribute: false },
    designIds: { attribute: false },
    locale: {},
    region: {},
    saved: { state: true },
    saveName: { state: true },
    savedAs: { state: true },
    opened: { state: true },
  };

  declare design: DesignState | undefined;
  /** Letters of the pinned designs (to name the one a file becomes, and to refuse a seventh). */
  declare designIds: string[];
  declare locale: 'id' | 'en';
  declare region: string;
  declare saved: SavedDesign[];
  declare saveName: string | undefined;
  declare savedAs: string;
  declare opened: Opened | undefined;
  private lastDesign = '';

  constructor() {
    super();
    this.design = undefined;
    this.designIds = [];
    this.locale = 'id';
    this.region = 'town';
    this.saved = readSavedDesigns();
    this.saveName = undefined;
    this.savedAs = '';
    this.opened = undefined;
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        margin: 0.75rem 0;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.4rem;
      }
      .save {
        display: flex;
        gap: 0.4rem;
        align-items: end;
        flex-wrap: wrap;
      }
      .save label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.85rem;
        font-weight: 600;
        flex: 1 1 10rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.4rem 0;
        display: grid;
        gap: 0.3rem;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto auto;
        gap: 0.4rem;
        align-items: center;
        border: 1px solid #c9d0d6;
        border-radius: 6px;
        padding: 0.3rem 0.5rem;
      }
      small,
      .note {
        display: block;
        color: #4a5560;
        font-size: 0.85rem;
      }
      .save input {
        font-weight: normal;
        width: 100%;
        box-sizing: border-box;
      }
      /* The file input looks like the other buttons (the browser's own "Choose File" is in its language, not the page's). */
      .open {
        display: inline-block;
        margin-top: 0.6rem;
        border: 1px solid #5a6470;
        border-radius: 4px;
        padding: 0.3rem 0.6rem;
        background: #fff;
        cursor: pointer;
      }
      .open:focus-within {
        outline: 3px solid #0072b2;
        outline-offset: 2px;
      }
      .open input {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
        overflow: hidden;
      }
      .ok {
        color: #1d5e20;
        margin: 0.3rem 0;
      }
      .error {
        border-left: 4px solid #b00020;
        padding: 0.2rem 0.5rem;
        margin: 0.4rem 0;
        background: #fdf1f3;
      }
      .error p {
        margin: 0 0 0.2rem;
        font-weight: 600;
      }
      pre {
        white-space: pre-wrap;
        word-break: break-word;
        margin: 0;
        font-size: 0.8rem;
      }
    `,
  ];

  override willUpdate(): void {
    const key = this.design ? `${this.design.id}\u0000${this.design.name}` : '';
    if (key !== this.lastDesign) {
      this.lastDesign = key;
      this.saveName = undefined;
    }
  }

  private emit(type: string, design: DesignContent): void {
    this.dispatchEvent(new CustomEvent(type, { detail: { design }, bubbles: true, composed: true }));
  }

  private save(): void {
    const d = this.design;
    if (!d) return;
    const name = (this.saveName ?? d.name).trim() || d.name;
    this.saved = withSaved(readSavedDesigns(), d, name);
    writeSavedDesigns(this.saved);
    this.savedAs = name;
  }

  private deleteSaved(name: string): void {
    this.saved = withoutSaved(readSavedDesigns(), name);
    writeSavedDesigns(this.saved);
    this.savedAs = '';
  }

  private async open(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (this.designIds.length >= MAX_DESIGNS) {
      this.opened = { file: file.name, tooMany: true };
      return;
    }
    const id = LETTERS.split('').find((l) => !this.designIds.includes(l)) ?? '';
    const result: ImportResult =
      file.size > MAX_FILE_BYTES ? { ok: false, message: `${file.name}: too large (${file.size} bytes) for a scenario file` } : await importScenarioFile(await file.text(), file.name, this.locale, this.region);
    this.opened = { file: file.name, id, result };
    if (result.ok) this.emit('design-import', result.design);
  }

  private openedMessage() {
    const o = this.opened;
    if (!o) return nothing;
    if ('tooMany' in o) return html`<div class="error" role="alert" data-testid="import-error"><p>${t('library.full', { max: MAX_DESIGNS })}</p></div>`;
    const r = o.result;
    if (!r.ok) {
      return html`<div class="error" role="alert" data-testid="import-error">
        <p>${t('library.invalid')}</p>
        <pre>${r.message}</pre>
      </div>`;
    }
    const base = scenarioTitle(r.design.base, this.locale);
    const fields = r.notCarried.length > FIELDS_SHOWN ? `${r.notCarried.slice(0, FIELDS_SHOWN).join(', ')} (+${r.notCarried.length - FIELDS_SHOWN})` : r.notCarried.join(', ');
    return html`<div class="ok" role="status" data-testid="import-result">
      ${t('library.opened', { file: o.file, id: o.id, count: Object.keys(r.design.levers).length, base })}
      <small data-testid="import-not-carried">${r.notCarried.length ? t('library.notCarried', { base, fields }) : t('library.allCarried')}</small>
    </div>`;
  }

  override render() {
    const d = this.design;
    if (!d) return nothing;
    return html`<section data-testid="design-library" aria-labelledby="library-title">
      <h2 id="library-title">${t('library.title')}</h2>
      <div class="save">
        <label
          >${t('library.name')}
          <input
            data-testid="save-name"
            maxlength="60"
            .value=${this.saveName ?? d.name}
            @input=${(e: Event) => (this.saveName = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.save()}
        /></label>
        <button data-testid="save-design" @click=${() => this.save()}>${t('library.save')}</button>
      </div>
      <p class="note" role="status" data-testid="save-status">${this.savedAs ? t('library.savedAs', { name: this.savedAs }) : t('library.note')}</p>
      ${this.saved.length
        ? html`<ul data-testid="saved-list">
            ${this.saved.map(
              (s) => html`<li data-testid="saved-design">
                <span
                  ><span class="name">${s.name}</span>
                  <small>${t('library.saved', { base: scenarioTitle(s.base, this.locale), count: Object.keys(s.levers).length })}</small></span
                >
                <button data-testid="load-design" aria-label=${t('library.loadLabel', { name: s.name })} @click=${() => this.emit('design-load', { name: s.name, base: s.base, levers: s.levers })}>
                  ${t('library.load')}
                </button>
                <button data-testid="delete-design" aria-label=${t('library.delete', { name: s.name })} @click=${() => this.deleteSaved(s.name)}>✕</button>
              </li>`,
            )}
          </ul>`
        : html`<small data-testid="saved-empty">${t('library.empty')}</small>`}
      <label class="open"
        >${t('library.open')}
        <input type="file" accept=".json,application/json" data-testid="open-scenario" @change=${(e: Event) => void this.open(e)} />
      </label>
      <small>${t('library.openHelp')}</small>
      ${this.openedMessage()}
    </section>`;
  }
}

customElements.define('pendamping-design-library', DesignLibrary);
