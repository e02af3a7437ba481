// Predict-then-reveal: the class sketches (pointer) or sets (keyboard, number boxes) its guess of a
// curve — e.g. the jobs the design adds over two years — before the model runs; then the model's answer
// (mean and 95% band over replicates, program − counterfactual on common random numbers) is laid over the
// guess. Rounds make a session, exported as a link and as a tidy CSV.
import { LitElement, css, html, nothing, svg } from 'lit';
import { NarrowController } from '../controllers/narrow.js';
import { scaleLinear } from 'd3';
import type { ScenarioInput } from '../../sim/index.js';
import { OKABE_ITO } from '../charts/palette.js';
import { downloadBlob } from '../charts/export.js';
import type { Locale } from '../charts/types.js';
import { formatValue, tickFormatter } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import { focusStyles } from '../app/styles.js';
import { StaleError, Task } from '../controllers/task.js';
import type { RunDigest } from '../runner/protocol.js';
import type { WorkerPool } from '../runner/pool.js';
import {
  GUESS_MONTHS, HORIZON, QUESTIONS, REVEAL_REPLICATES, answerFrom, decodeSession, encodeSession, guessDomain, guessText, questionById,
  sessionCsv, verdict, type Question, type QuestionId, type Round, type Session,
} from './predict-model.js';

/** The page's hash when the app started (a shared session link carries `&p=…`; the app rewrites the hash). */
const INITIAL_HASH = typeof location === 'undefined' ? '' : location.hash;

/** Right of the month-24 handle (radius 11 plus its focus ring), so an end label never covers it. */
const LABEL_GAP = 18;
/** The chart's frame (viewBox units): wide, or narrow on a phone so its text is not shrunk to a few pixels. */
const WIDE_BOX = { W: 640, H: 320, M: { top: 16, right: 172, bottom: 44, left: 96 } };
const NARROW_BOX = { W: 400, H: 300, M: { top: 16, right: 120, bottom: 44, left: 70 } };

export class PredictView extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    designName: { attribute: false },
    seed: { type: Number },
    locale: { type: String },
    trainer: { type: Boolean, reflect: true },
    pool: { attribute: false },
    session: { state: true },
    question: { state: true },
    guess: { state: true },
    error: { state: true },
    link: { state: true },
  };

  declare scenario: ScenarioInput | undefined;
  declare designName: string;
  declare seed: number;
  declare locale: Locale;
  declare trainer: boolean;
  declare pool: WorkerPool | undefined;
  declare session: Session;
  declare question: QuestionId;
  declare guess: number[];
  declare error: string;
  declare link: string;
  /** A phone-sized window: the chart uses its narrow frame. */
  private readonly narrowWindow = new NarrowController(this);

  private get box() {
    return this.narrowWindow.matches ? NARROW_BOX : WIDE_BOX;
  }
  /** The model's runs for a reveal: REVEAL_REPLICATES replicates of the design in the page's workers. */
  private readonly runs = new Task<{ pool: WorkerPool; scenario: ScenarioInput; seed: number }, RunDigest[]>(
    ({ pool, scenario, seed }, signal) =>
      Promise.all(Array.from({ length: REVEAL_REPLICATES }, (_, r) => pool.run(scenario, seed + r, HORIZON, { signal }).then((x) => x.digest))),
    this,
  );

  constructor() {
    super();
    this.designName = '';
    this.seed = 1;
    this.locale = 'id';
    this.trainer = false;
    this.session = decodeSession(INITIAL_HASH) ?? { rounds: [] };
    // A shared session opens on its last revealed round.
    this.guessLocked = this.session.rounds.at(-1)?.answer != null;
    this.question = 'jobs';
    this.guess = GUESS_MONTHS.map(() => 0);
    this.error = '';
    this.link = '';
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin: 0.5rem 0;
      }
      svg {
        width: 100%;
        max-width: 56rem;
        height: auto;
        touch-action: none;
        background: #fff;
        border: 1px solid #c9d0d6;
        border-radius: 4px;
      }
      svg text {
        font-size: 13px;
        fill: #1b1f23;
      }
      :host([trainer]) svg text {
        font-size: 17px;
      }
      .handle:focus {
        outline: none;
      }
      .handle:focus-visible circle.ring,
      .handle:focus circle.ring {
        stroke: #0072b2;
        stroke-width: 3;
      }
      table {
        border-collapse: collapse;
      }
      td,
      th {
        padding: 0.2rem 0.5rem;
        text-align: right;
      }
      input[type='number'] {
        width: 8rem;
        max-width: 100%;
      }
      label.question {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.5rem;
        align-items: center;
        max-width: 100%;
      }
      select {
        max-width: 100%;
        white-space: normal;
      }
      .verdict {
        font-size: 1.15em;
        font-weight: 600;
      }
      .error {
        color: #b00020;
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .link {
        width: min(100%, 40rem);
      }
    `,
  ];

  private get q(): Question {
    return questionById(this.question);
  }

  private get current(): Round | null {
    const last = this.session.rounds.at(-1);
    return last && !last.answer ? last : null;
  }

  /** The round on show: the one being guessed, or the last revealed one. */
  private get shown(): Round | null {
    return this.session.rounds.at(-1) ?? null;
  }

  private businesses(): number {
    const e = (this.scenario as { economy?: { businesses?: number } } | undefined)?.economy;
    return typeof e?.businesses === 'number' ? e.businesses : 500;
  }

  /** The y range: the guessing range while guessing; after a reveal, what fits the guess and the answer. */
  private domain(round: Round | null): [number, number] {
    const question = round ? questionById(round.question) : this.q;
    let [lo, hi] = round?.answer ? [0, 0] : guessDomain(question, this.businesses());
    const values = [...(round?.guess ?? this.guess), ...(round?.answer ? [...round.answer.low, ...round.answer.high] : [])];
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return [lo, hi];
  }

  private step(): number {
    const [lo, hi] = guessDomain(this.q, this.businesses());
    const raw = (hi - lo) / 60;
    const mag = 10 ** Math.floor(Math.log10(raw));
    return Math.max(1, Math.round(raw / mag) * mag);
  }

  /**
   * Set the guess at GUESS_MONTHS[k]. A typed or keyed value is kept exactly; only a sketch with the pointer
   * (`snap`) is rounded to the step, since nobody said its value.
   */
  private setGuess(k: number, value: number, snap = false): void {
    if (this.isRevealed()) return;
    const next = [...this.guess];
    next[k] = snap ? Math.round(value / this.step()) * this.step() : value;
    this.guess = next;
    this.dispatchEvent(new CustomEvent('predict-guess', { detail: { guess: next }, bubbles: true, composed: true }));
  }

  private isRevealed(): boolean {
    return this.session.rounds.length > 0 && this.session.rounds.at(-1)!.answer !== null && this.guessLocked;
  }
  /** After a reveal the guess is locked until a new round starts. */
  private guessLocked = false;

  /** Start a new round (after a reveal): unlock the guess and reset it. */
  newRound(): void {
    this.guessLocked = false;
    this.guess = GUESS_MONTHS.map(() => 0);
    this.error = '';
    this.requestUpdate();
  }

  /** A reveal's runs are under way. */
  get running(): boolean {
    return this.runs.pending;
  }

  /** Run the design and lay the model's answer over the guess (leaving the page stops the runs). */
  async reveal(): Promise<void> {
    if (!this.pool || !this.scenario || this.running || this.isRevealed()) return;
    const round: Round = { question: this.question, design: this.designName, seed: this.seed, guess: [...this.guess], answer: null };
    this.error = '';
    try {
      const runs = await this.runs.run({ pool: this.pool, scenario: this.scenario, seed: this.seed });
      round.answer = answerFrom(runs, questionById(round.question));
      this.session = { rounds: [...this.session.rounds, round] };
      this.guessLocked = true;
      this.link = '';
      this.dispatchEvent(new CustomEvent('predict-reveal', { detail: { round, index: this.session.rounds.length - 1 }, bubbles: true, composed: true }));
    } catch (e) {
      if (!(e instanceof StaleError)) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  private onKey(k: number, e: KeyboardEvent): void {
    const step = this.step();
    const [lo, hi] = this.domain(null);
    const v = this.guess[k];
    const moves: Record<string, number> = { ArrowUp: v + step, ArrowRight: v + step, ArrowDown: v - step, ArrowLeft: v - step, PageUp: v + 10 * step, PageDown: v - 10 * step, Home: lo, End: hi };
    if (!(e.key in moves)) return;
    e.preventDefault();
    this.setGuess(k, moves[e.key]);
  }

  /** Pointer sketching: press and move across the chart; each guess month under the pointer takes its height. */
  private sketch(e: PointerEvent): void {
    if (this.isRevealed()) return;
    if (e.type === 'pointerdown') (e.currentTarget as Element).setPointerCapture(e.pointerId);
    else if (!(e.buttons & 1)) return;
    const svgEl = e.currentTarget as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    const { W, H } = this.box;
    const px = ((e.clientX - box.left) / box.width) * W;
    const py = ((e.clientY - box.top) / box.height) * H;
    const { x, y } = this.scales(null);
    const month = x.invert(px);
    const k = GUESS_MONTHS.reduce((best, m, i) => (Math.abs(m - month) < Math.abs(GUESS_MONTHS[best] - month) ? i : best), 0);
    if (Math.abs(GUESS_MONTHS[k] - month) > 4) return;
    this.setGuess(k, y.invert(py), true);
  }

  private scales(round: Round | null) {
    const { W, H, M } = this.box;
    const x = scaleLinear().domain([0, HORIZON]).range([M.left, W - M.right]);
    const y = scaleLinear().domain(this.domain(round)).nice().range([H - M.bottom, M.top]);
    return { x, y };
  }

  private exportCsv(): void {
    downloadBlob(new Blob([sessionCsv(this.session)], { type: 'text/csv' }), 'pendamping-tebakan.csv');
  }

  private makeLink(): void {
    const base = location.href.split('#')[0];
    const state = location.hash.replace(/^#/, '').split('&').filter((p) => !p.startsWith('p='));
    this.link = `${base}#${[...state, encodeSession(this.session)].join('&')}`;
    void navigator.clipboard?.writeText(this.link).catch(() => undefined);
  }

  private renderChart(round: Round | null) {
    const guess = round && this.isRevealed() ? round.guess : this.guess;
    const answer = round && this.isRevealed() ? round.answer : null;
    const question = round && this.isRevealed() ? questionById(round.question) : this.q;
    const { x, y } = this.scales(answer ? round : null);
    const { W, H, M } = this.box;
    const fmt = tickFormatter(question.kind, this.locale, y.ticks(6));
    const guessPts: [number, number][] = [[0, 0], ...GUESS_MONTHS.map((m, k): [number, number] => [m, guess[k]])];
    const path = (pts: [number, number][]) => pts.map(([m, v], i) => `${i ? 'L' : 'M'}${x(m).toFixed(1)},${y(v).toFixed(1)}`).join('');
    const band = answer
      ? path(answer.months.map((m, t): [number, number] => [m, answer.high[t]])) + answer.months.slice().reverse().map((m) => `L${x(m).toFixed(1)},${y(answer.low[m]).toFixed(1)}`).join('') + 'Z'
      : '';
    const last = answer ? answer.months.length - 1 : 0;
    // End-of-line labels, pushed apart when the lines end close together.
    let guessY = y(guess[guess.length - 1]) + 4;
    let modelY = answer ? y(answer.mean[last]) + 4 : 0;
    if (answer && Math.abs(guessY - modelY) < 18) {
      const mid = (guessY + modelY) / 2;
      [guessY, modelY] = guessY >= modelY ? [mid + 9, mid - 9] : [mid - 9, mid + 9];
    }
    return html`<svg
      viewBox="0 0 ${W} ${H}"
      role="group"
      aria-label=${t('classroom.predict.chartLabel')}
      data-testid="predict-chart"
      @pointerdown=${(e: PointerEvent) => this.sketch(e)}
      @pointermove=${(e: PointerEvent) => this.sketch(e)}
    >
      ${svg`
        <g>${y.ticks(6).map((v) => svg`<line x1=${M.left} x2=${W - M.right} y1=${y(v)} y2=${y(v)} stroke=${v === 0 ? '#5a6470' : '#e3e7ea'} />
          <text x=${M.left - 6} y=${y(v) + 4} text-anchor="end">${fmt(v)}</text>`)}</g>
        <g>${[0, 6, 12, 18, 24].map((m) => svg`<text x=${x(m)} y=${H - M.bottom + 18} text-anchor="middle">${m}</text>`)}
          <text x=${(M.left + W - M.right) / 2} y=${H - 4} text-anchor="middle" data-testid="predict-x-title">${t('classroom.predict.xAxis')}</text></g>
        <text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-weight="600" data-testid="predict-y-title">${t(`classroom.predict.yAxis.${question.id}`)}</text>
        ${answer ? svg`<path d=${band} fill=${OKABE_ITO.blue} fill-opacity="0.18" data-testid="predict-band" />
          <path d=${path(answer.months.map((m, i): [number, number] => [m, answer.mean[i]]))} fill="none" stroke=${OKABE_ITO.blue} stroke-width="3" data-testid="predict-model-line" />
          <text x=${x(HORIZON) + LABEL_GAP} y=${modelY} fill=${OKABE_ITO.blue} font-weight="600" data-testid="predict-model-label">${t('classroom.predict.model')}</text>` : nothing}
        <path d=${path(guessPts)} fill="none" stroke=${OKABE_ITO.vermillion} stroke-width="3" stroke-dasharray="8 5" data-testid="predict-guess-line" />
        <text x=${x(HORIZON) + LABEL_GAP} y=${guessY} fill=${OKABE_ITO.vermillion} font-weight="600" data-testid="predict-guess-label">${t('classroom.predict.guess')}</text>
        ${GUESS_MONTHS.map((m, k) => {
          const label = t('classroom.predict.handle', { month: m });
          const value = guessText(guess[k], question.kind, this.locale);
          return svg`<g class="handle" tabindex=${answer ? -1 : 0} role="slider" aria-label=${label} aria-valuenow=${guess[k]} aria-valuetext=${value}
              aria-readonly=${answer ? 'true' : 'false'} data-testid=${`predict-handle-${m}`} @keydown=${(e: KeyboardEvent) => this.onKey(k, e)}>
            <circle class="ring" cx=${x(m)} cy=${y(guess[k])} r="11" fill="#fff" stroke=${OKABE_ITO.vermillion} stroke-width="2" />
            <circle cx=${x(m)} cy=${y(guess[k])} r="5" fill=${OKABE_ITO.vermillion} /></g>`;
        })}
      `}
    </svg>`;
  }

  override render() {
    const shown = this.isRevealed() ? this.shown : null;
    const v = shown ? verdict(shown) : null;
    const q = shown ? questionById(shown.question) : this.q;
    const fmt = (x: number) => formatValue(x, q.kind, this.locale, { sign: true });
    return html`
      <p>${t('classroom.predict.intro')}</p>
      <div class="row">
        <label class="question"
          >${t('classroom.predict.question')}
          <select data-testid="predict-question" ?disabled=${this.isRevealed() || this.running} @change=${(e: Event) => {
            this.question = (e.target as HTMLSelectElement).value as QuestionId;
            this.guess = GUESS_MONTHS.map(() => 0);
          }}>
            ${QUESTIONS.map((x) => html`<option value=${x.id} ?selected=${x.id === this.question}>${t(`classroom.predict.q.${x.id}`)}</option>`)}
          </select></label
        >
      </div>
      ${this.renderChart(shown)}
      <table data-testid="predict-table">
        <caption class="sr">${t('classroom.predict.tableCaption')}</caption>
        <tr>
          <th scope="col">${t('classroom.predict.months')}</th>
          <th scope="col">${t('classroom.predict.guess')}</th>
          ${shown?.answer ? html`<th scope="col">${t('classroom.predict.model')}</th>` : nothing}
        </tr>
        ${GUESS_MONTHS.map(
          (m, k) => html`<tr>
            <th scope="row">${m}</th>
            <td><input type="number" step="any" inputmode="decimal" .value=${String((shown ?? { guess: this.guess }).guess[k])} ?disabled=${this.isRevealed()}
              aria-label=${t('classroom.predict.handle', { month: m })} data-testid=${`predict-input-${m}`}
              @change=${(e: Event) => { const raw = (e.target as HTMLInputElement).value; const n = Number(raw); if (raw.trim() !== '' && Number.isFinite(n)) this.setGuess(k, n); }} /></td>
            ${shown?.answer ? html`<td data-testid=${`predict-model-${m}`} data-value=${shown.answer.mean[m]}>${fmt(shown.answer.mean[m])}</td>` : nothing}
          </tr>`,
        )}
      </table>
      <div class="row">
        ${this.isRevealed()
          ? html`<button data-testid="predict-new-round" @click=${() => this.newRound()}>${t('classroom.predict.newRound')}</button>`
          : html`<button data-testid="predict-reveal" ?disabled=${this.running || !this.pool} @click=${() => void this.reveal()}>
              ${this.running ? t('classroom.predict.running') : t('classroom.predict.reveal')}
            </button>`}
        <button data-testid="predict-csv" ?disabled=${this.session.rounds.length === 0} @click=${() => this.exportCsv()}>${t('classroom.predict.csv')}</button>
        <button data-testid="predict-link" ?disabled=${this.session.rounds.length === 0} @click=${() => this.makeLink()}>${t('classroom.predict.link')}</button>
      </div>
      ${this.link ? html`<label>${t('classroom.predict.linkLabel')} <input class="link" readonly .value=${this.link} data-testid="predict-link-text" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div aria-live="polite" data-testid="predict-verdict">
        ${v && shown?.answer
          ? html`<p class="verdict">
              ${t('classroom.predict.verdict', {
                guess: guessText(shown.guess[shown.guess.length - 1], q.kind, this.locale),
                model: fmt(shown.answer.mean[HORIZON]),
                low: fmt(shown.answer.low[HORIZON]),
                high: fmt(shown.answer.high[HORIZON]),
                replicates: shown.answer.replicates,
              })}
              ${v.inside ? t('classroom.predict.inside') : v.difference > 0 ? t('classroom.predict.above') : t('classroom.predict.below')}
            </p>`
          : nothing}
      </div>
      ${this.session.rounds.length
        ? html`<details data-testid="predict-session">
            <summary>${t('classroom.predict.sessionTitle', { count: this.session.rounds.length })}</summary>
            <ol>
              ${this.session.rounds.map((r) => {
                const rq = questionById(r.question);
                const f = (x: number) => formatValue(x, rq.kind, this.locale, { sign: true });
                return html`<li>${t(`classroom.predict.q.${r.question}`)} — ${r.design}: ${t('classroom.predict.guess')} ${guessText(r.guess[r.guess.length - 1], rq.kind, this.locale)}${r.answer ? html`, ${t('classroom.predict.model')} ${f(r.answer.mean[HORIZON])}` : nothing}</li>`;
              })}
            </ol>
          </details>`
        : nothing}
    `;
  }
}

customElements.define('pendamping-predict', PredictView);
