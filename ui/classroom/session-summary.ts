// The session's summary slide, shown at the end of the guided lesson: what the class predicted for month 24,
// what the model said (mean and 95% band over its replicates), and the lesson in one sentence. Drawn as one
// 16:9 SVG so the same picture is on screen, printed (the browser's print) and exported as PNG.
import { LitElement, css, html, nothing, svg } from 'lit';
import type { Locale } from '../charts/types.js';
import { OKABE_ITO } from '../charts/palette.js';
import { downloadBlob, serializeSvg, svgToPng } from '../charts/export.js';
import { formatValue } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import { focusStyles } from '../app/styles.js';
import { HORIZON, guessText, questionById, verdict, type Round } from './predict-model.js';

const W = 1280;
const H = 720;

/** Lines of at most `max` characters (the SVG does not wrap text). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export class SessionSummary extends LitElement {
  static override properties = {
    round: { attribute: false },
    design: { attribute: false },
    locale: { type: String },
  };

  /** The last revealed predict-then-reveal round (null when the class did not reveal one). */
  declare round: Round | null;
  declare design: string;
  declare locale: Locale;

  constructor() {
    super();
    this.round = null;
    this.design = '';
    this.locale = 'id';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
      }
      svg {
        display: block;
        width: 100%;
        max-width: 64rem;
        height: auto;
        border: 1px solid #c9d0d6;
        border-radius: 6px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      @media print {
        .row {
          display: none;
        }
        svg {
          border: none;
          max-width: none;
        }
      }
    `,
  ];

  private slide(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  private async png(): Promise<void> {
    const el = this.slide();
    if (!el) return;
    downloadBlob(await svgToPng(serializeSvg(el), W, H, 1), 'pendamping-ringkasan-sesi.png');
  }

  /** The numbers the slide states (also read by the tests). */
  get lines(): { predicted: string; model: string; lesson: string } {
    const r = this.round;
    const L = this.locale;
    if (!r?.answer) return { predicted: t('summary.noRound', {}, L), model: '', lesson: t('summary.lesson', {}, L) };
    const q = questionById(r.question);
    const fmt = (x: number) => formatValue(x, q.kind, L, { sign: true });
    const v = verdict(r)!;
    return {
      predicted: t('summary.predicted', { question: t(`summary.q.${r.question}`, {}, L), guess: guessText(r.guess[r.guess.length - 1], q.kind, L) }, L),
      model: t('summary.model', { model: fmt(r.answer.mean[HORIZON]), low: fmt(r.answer.low[HORIZON]), high: fmt(r.answer.high[HORIZON]), replicates: r.answer.replicates }, L) +
        ' ' + (v.inside ? t('classroom.predict.inside', {}, L) : v.difference > 0 ? t('classroom.predict.above', {}, L) : t('classroom.predict.below', {}, L)),
      lesson: t('summary.lesson', {}, L),
    };
  }

  override render() {
    const L = this.locale;
    const { predicted, model, lesson } = this.lines;
    const block = (y: number, label: string, text: string, colour: string, size: number) => {
      const rows = wrapWords(text, Math.floor(2000 / size));
      return svg`<text x="80" y=${y} font-size="26" font-weight="700" fill=${colour}>${label}</text>
        ${rows.map((row, i) => svg`<text x="80" y=${y + 46 + i * size * 1.3} font-size=${size} fill="#1b1f23">${row}</text>`)}`;
    };
    return html`<svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img" aria-label=${t('summary.title', {}, L)} data-testid="summary-slide"
        font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif">
        <rect width=${W} height=${H} fill="#ffffff"></rect>
        <rect width=${W} height="14" fill=${OKABE_ITO.blue}></rect>
        <text x="80" y="92" font-size="46" font-weight="800" fill="#1b1f23">${t('summary.title', {}, L)}</text>
        <text x="80" y="136" font-size="26" fill="#4a5560">${this.design}</text>
        ${block(210, t('summary.predictedLabel', {}, L), predicted, OKABE_ITO.vermillion, 32)}
        ${model ? block(360, t('summary.modelLabel', {}, L), model, OKABE_ITO.blue, 32) : nothing}
        ${block(530, t('summary.lessonLabel', {}, L), lesson, '#1b1f23', 34)}
      </svg>
      <div class="row">
        <button data-testid="summary-print" @click=${() => window.print()}>${t('summary.print', {}, L)}</button>
        <button data-testid="summary-png" @click=${() => void this.png()}>${t('summary.png', {}, L)}</button>
      </div>`;
  }
}

customElements.define('pendamping-session-summary', SessionSummary);
