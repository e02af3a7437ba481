// The guided lesson: five short steps from "a rupiah spent locally" to "what mentoring changes", ending
// in the free sandbox. Each step names the part of the page it uses, says what to do, offers a button that
// does it (so the lesson runs from the keyboard without hunting through the page), and ticks itself off
// when the class has done it. The page performs the actions; this element only knows the script.
import { LitElement, css, html, nothing } from 'lit';
import type { Locale } from '../charts/types.js';
import { t } from '../i18n/i18n.js';
import { focusStyles } from '../app/styles.js';

export type LessonAction = 'rupiah-local' | 'rupiah-next' | 'rupiah-outside' | 'predict-reveal' | 'live-play' | 'live-arm' | 'sandbox';
export type LessonTarget = 'rupiah' | 'predict' | 'live';

export interface LessonStep {
  id: string;
  target: LessonTarget;
  /** Buttons the step offers, in order. */
  actions: readonly LessonAction[];
  /** What completes the step (reported by the page as it happens). */
  done: LessonEvent;
}

/** What the page reports to the lesson. */
export type LessonEvent = 'rupiah-round-3' | 'rupiah-outside-round-3' | 'predict-revealed' | 'live-month-12' | 'sandbox';

export const LESSON: readonly LessonStep[] = [
  { id: 'spend', target: 'rupiah', actions: ['rupiah-local', 'rupiah-next'], done: 'rupiah-round-3' },
  { id: 'leak', target: 'rupiah', actions: ['rupiah-outside', 'rupiah-next'], done: 'rupiah-outside-round-3' },
  { id: 'predict', target: 'predict', actions: ['predict-reveal'], done: 'predict-revealed' },
  { id: 'live', target: 'live', actions: ['live-play'], done: 'live-month-12' },
  { id: 'mentoring', target: 'live', actions: ['live-arm', 'sandbox'], done: 'sandbox' },
];

export class LessonPanel extends LitElement {
  static override properties = {
    locale: { type: String },
    step: { type: Number },
    completed: { attribute: false },
  };

  declare locale: Locale;
  /** Index of the current step; -1 before the lesson starts, LESSON.length in the sandbox. */
  declare step: number;
  declare completed: ReadonlySet<LessonEvent>;

  constructor() {
    super();
    this.locale = 'id';
    this.step = -1;
    this.completed = new Set();
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
        border: 2px solid #0072b2;
        border-radius: 6px;
        padding: 0.75rem 1rem;
        background: #f3f8fc;
      }
      h2 {
        margin: 0 0 0.3rem;
        font-size: 1.2em;
      }
      ol.progress {
        display: flex;
        gap: 0.4rem;
        list-style: none;
        padding: 0;
        margin: 0 0 0.5rem;
      }
      ol.progress li {
        border: 1px solid #5a6470;
        border-radius: 999px;
        padding: 0 0.55rem;
        background: #fff;
      }
      ol.progress li[aria-current='step'] {
        background: #0072b2;
        color: #fff;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      .done {
        color: #006b4f;
        font-weight: 600;
      }
      /*
       * The step's buttons, its tick and Back / Next stay visible when the panel scrolls (the page keeps it
       * on screen with a height of its own); only the explanation above them scrolls.
       */
      .foot {
        position: sticky;
        bottom: 0;
        background: #f3f8fc;
        padding-bottom: 0.6rem;
        border-top: 1px solid #c9dbe8;
      }
      .foot p {
        margin: 0.3rem 0 0;
      }

      button.primary {
        background: #0072b2;
        color: #fff;
        border-color: #0072b2;
      }
    `,
  ];

  private go(step: number): void {
    this.dispatchEvent(new CustomEvent('lesson-step', { detail: { step }, bubbles: true, composed: true }));
  }

  private act(action: LessonAction): void {
    this.dispatchEvent(new CustomEvent('lesson-action', { detail: { action }, bubbles: true, composed: true }));
  }

  /** Focus the lesson's heading (after a step change, so keyboard users continue from the lesson). */
  focusHeading(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true }));
  }

  override render() {
    if (this.step < 0) {
      return html`<h2 tabindex="-1">${t('lesson.title')}</h2>
        <p>${t('lesson.intro')}</p>
        <div class="row"><button class="primary" data-testid="lesson-start" @click=${() => this.go(0)}>${t('lesson.start')}</button></div>`;
    }
    if (this.step >= LESSON.length) {
      return html`<h2 tabindex="-1" data-testid="lesson-sandbox">${t('lesson.sandbox.title')}</h2>
        <p>${t('lesson.sandbox.text')}</p>
        <div class="row"><button data-testid="lesson-restart" @click=${() => this.go(0)}>${t('lesson.restart')}</button></div>`;
    }
    const step = LESSON[this.step];
    const done = this.completed.has(step.done);
    return html`<h2 tabindex="-1" data-testid="lesson-heading">${t('lesson.stepOf', { step: this.step + 1, total: LESSON.length })}: ${t(`lesson.${step.id}.title`)}</h2>
      <ol class="progress" aria-label=${t('lesson.progress')}>
        ${LESSON.map((s, i) => html`<li aria-current=${i === this.step ? 'step' : 'false'}>${i + 1}${this.completed.has(s.done) ? ' ✓' : ''}</li>`)}
      </ol>
      <p data-testid="lesson-text">${t(`lesson.${step.id}.text`)}</p>
      <p><strong>${t('lesson.task')}</strong> ${t(`lesson.${step.id}.task`)}</p>
      <div class="foot">
      <div class="row">
        ${step.actions.map((a) => html`<button data-testid=${`lesson-action-${a}`} @click=${() => this.act(a)}>${t(`lesson.action.${a}`)}</button>`)}
      </div>
      <p aria-live="polite" data-testid="lesson-done">${done ? html`<span class="done">✓ ${t(`lesson.${step.id}.done`)}</span>` : nothing}</p>
      <div class="row">
        <button data-testid="lesson-back" ?disabled=${this.step === 0} @click=${() => this.go(this.step - 1)}>← ${t('lesson.back')}</button>
        <button class="primary" data-testid="lesson-next" @click=${() => this.go(this.step + 1)}>
          ${this.step === LESSON.length - 1 ? t('lesson.finish') : t('lesson.next')} →
        </button>
      </div>
      </div>`;
  }
}

customElements.define('pendamping-lesson', LessonPanel);
