// The answer first: one card per pinned design against no program — extra jobs, local GDP gained, total
// cost, cost per job and local GDP per rupiah — each with its 95% interval written out in words
// ("antara 15 dan 19 pekerjaan"), so a district official reads the result without a chart. The names are
// docs/metrics.md's; the numbers are ui/runner/headline.ts's (the CLI's compare, same statistics).
import { LitElement, css, html, nothing } from 'lit';
import type { Locale } from '../charts/index.js';
import { formatCount, formatRatio, formatRupiah, isFiniteNumber } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import type { CardValue, HeadlineCard } from '../runner/headline.js';
import { focusStyles } from './styles.js';

type Figure = 'jobs' | 'localGdpGained' | 'programCost' | 'costPerJob' | 'localGdpPerRupiah';
const FIGURES: readonly Figure[] = ['jobs', 'localGdpGained', 'programCost', 'costPerJob', 'localGdpPerRupiah'];

/** A figure's value in its unit: jobs as a signed count, rupiah compact, ratios with two decimals. */
export function figureText(figure: Figure, x: number | null, locale: Locale, sign = false): string {
  // Whole jobs from ten up (a planner reads "+22 jobs", not "+22,0"), one decimal below.
  if (figure === 'jobs') return isFiniteNumber(x) && Math.abs(x) >= 10 ? formatCount(Math.round(x), locale, { sign }) : formatCount(x, locale, { sign });
  if (figure === 'localGdpPerRupiah') return formatRatio(x, locale);
  return formatRupiah(x, locale, { sign });
}

/**
 * The interval in words: "antara 15 dan 19 pekerjaan" / "between 15 and 19 jobs"; for a figure the
 * replicates agree on exactly (the program's cost), "sama di setiap ulangan" / "the same in every replicate";
 * empty when the interval is undefined (fewer than two replicates with a value).
 */
export function intervalWords(figure: Figure, v: CardValue, locale: Locale, overAssumptions = false): string {
  if (!isFiniteNumber(v.low) || !isFiniteNumber(v.high)) return '';
  if (v.high - v.low <= Math.abs(v.mean ?? 0) * 1e-9) return t(overAssumptions ? 'card.sameEveryDraw' : 'card.sameEveryReplicate', {}, locale);
  return t(`card.between.${figure}`, { low: figureText(figure, v.low, locale), high: figureText(figure, v.high, locale) }, locale);
}

export class HeadlineCards extends LitElement {
  static override properties = {
    cards: { attribute: false },
    colours: { attribute: false },
    locale: {},
    window: { type: Number },
    months: { type: Number },
    overAssumptions: { type: Boolean },
  };

  declare cards: HeadlineCard[];
  declare colours: ReadonlyMap<string, string>;
  declare locale: Locale;
  /** Months the jobs figure averages over (the summary window) and the horizon. */
  declare window: number;
  declare months: number;
  /** Each replicate was a draw of the assumptions: the ranges are the range over the assumptions. */
  declare overAssumptions: boolean;

  constructor() {
    super();
    this.cards = [];
    this.colours = new Map();
    this.locale = 'id';
    this.window = 12;
    this.months = 36;
    this.overAssumptions = false;
  }

  static override styles = [
    focusStyles,
    css`
      :host {
        display: block;
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
        gap: 0.75rem;
      }
      article {
        border: 1px solid #c9d0d6;
        border-top: 6px solid var(--colour, #0072b2);
        border-radius: 6px;
        padding: 0.5rem 0.75rem 0.6rem;
        background: #fff;
        min-width: 0;
      }
      h3 {
        margin: 0 0 0.35rem;
        font-size: 1rem;
        overflow-wrap: anywhere;
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0.45rem 0.75rem;
      }
      .jobs {
        grid-column: 1 / -1;
      }
      dt {
        font-size: 0.8rem;
        color: #4a5560;
      }
      dd {
        margin: 0;
      }
      .value {
        font-size: 1.25rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .jobs .value {
        font-size: 1.6rem;
      }
      .words {
        display: block;
        font-size: 0.8rem;
        color: #4a5560;
      }
      .vs {
        font-size: 0.8rem;
        color: #4a5560;
        margin: 0 0 0.4rem;
      }
      /* The printed decision memo: the same cards, compact enough for one A4 page. */
      @media print {
        article {
          padding: 0.3rem 0.5rem;
          break-inside: avoid;
        }
        .value,
        .jobs .value {
          font-size: 1.05rem;
        }
        .words,
        dt,
        .vs {
          font-size: 0.7rem;
        }
        dl {
          gap: 0.2rem 0.5rem;
        }
      }
    `,
  ];

  private figure(card: HeadlineCard, f: Figure) {
    const v = card[f];
    const words = intervalWords(f, v, this.locale, this.overAssumptions);
    return html`<div class=${f} data-testid="card-${card.id}-${f}">
      <dt>${t(`card.${f}`, { window: this.window, months: this.months })}</dt>
      <dd>
        <span class="value" data-testid="card-${card.id}-${f}-value">${figureText(f, v.mean, this.locale, f === 'jobs' || f === 'localGdpGained')}</span>
        ${words ? html`<span class="words" data-testid="card-${card.id}-${f}-interval">${words}</span>` : nothing}
      </dd>
    </div>`;
  }

  override render() {
    if (!this.cards.length) return nothing;
    return html`<div class="cards" data-testid="headline-cards">
      ${this.cards.map(
        (c) => html`<article data-testid="card-${c.id}" style="--colour:${this.colours.get(c.id) ?? '#0072b2'}" aria-label=${c.name}>
          <h3>${c.name}</h3>
          <p class="vs">${t(this.overAssumptions ? 'card.vs.draws' : 'card.vs', { months: this.months, replicates: c.replicates })}</p>
          <dl>${FIGURES.map((f) => this.figure(c, f))}</dl>
        </article>`,
      )}
    </div>`;
  }
}

customElements.define('pendamping-headline-cards', HeadlineCards);
