// The live numbers beside the economy's picture, as a Lit template: jobs (or jobs without the program),
// extra jobs, local GDP (or without the program) and local GDP gained per rupiah, each with a small line of its
// months so far, then the businesses open; and the same month in one sentence for screen readers.
import { html, nothing, svg } from 'lit';
import type { Locale } from '../charts/types.js';
import { OKABE_ITO } from '../charts/palette.js';
import { formatCount, formatRatio, formatRupiah } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import { sparklinePath, sparklineZero } from './live-style.js';
import type { LiveNumbers } from './types.js';

/** The month's numbers as the sentence announced to screen readers (the start, before any month). */
export function summaryText(n: LiveNumbers | null | undefined, L: Locale): string {
  if (!n) return t('live.announceStart', {}, L);
  return t('live.announce', {
    month: n.month,
    jobs: formatCount(n.jobs, L),
    jobsEffect: formatCount(n.jobsEffect, L, { sign: true }),
    localGdp: formatRupiah(n.localGdp, L),
    localGdpPerRupiah: formatRatio(n.localGdpPerRupiah, L),
  }, L);
}

export interface NumbersInput {
  /** The month's numbers (null at month 0). */
  numbers: LiveNumbers | null;
  /** The numbers of every month shown so far in this run. */
  history: readonly LiveNumbers[];
  horizon: number;
  /** The picture shows the economy without the program. */
  without: boolean;
  /** Businesses open before the first month's numbers (from the states drawn), or null. */
  openBefore: number | null;
  locale: Locale;
}

export function liveNumbers({ numbers: n, history, horizon, without, openBefore, locale: L }: NumbersInput) {
  const row = (testid: string, label: string, hint: string, value: number | null, text: string, pick: (n: LiveNumbers) => number | null, withZero: boolean) =>
    numberRow({ testid, label, hint, value, text, values: history.map(pick), horizon, withZero, locale: L });
  const open = n ? (without ? n.counterfactualOpen : n.open) : null;
  return html`<h3>${t('live.numbers', {}, L)}</h3>
    <dl class="numbers">
      ${without
        ? row('live-jobs', 'live.jobsWithout', 'live.jobsHint', n?.counterfactualJobs ?? null, n ? formatCount(n.counterfactualJobs, L) : '—', (h) => h.counterfactualJobs, false)
        : row('live-jobs', 'live.jobs', 'live.jobsHint', n?.jobs ?? null, n ? formatCount(n.jobs, L) : '—', (h) => h.jobs, false)}
      ${row('live-jobs-effect', 'live.jobsEffect', 'live.jobsEffectHint', n?.jobsEffect ?? null, n ? formatCount(n.jobsEffect, L, { sign: true }) : '—', (h) => h.jobsEffect, true)}
      ${without
        ? row('live-local-gdp', 'live.localGdpWithout', 'live.localGdpHint', n?.counterfactualLocalGdp ?? null, n ? formatRupiah(n.counterfactualLocalGdp, L) : '—', (h) => h.counterfactualLocalGdp, false)
        : row('live-local-gdp', 'live.localGdp', 'live.localGdpHint', n?.localGdp ?? null, n ? formatRupiah(n.localGdp, L) : '—', (h) => h.localGdp, false)}
      ${row('live-local-gdp-per-rupiah', 'live.localGdpPerRupiah', 'live.localGdpPerRupiahHint', n?.localGdpPerRupiah ?? null, formatRatio(n?.localGdpPerRupiah ?? null, L), (h) => h.localGdpPerRupiah, true)}
    </dl>
    <p class="open">${t(without ? 'live.openWithout' : 'live.open', {}, L)}: <strong data-testid="live-open" data-value=${open === null ? '' : String(open)}>${open !== null ? formatCount(open, L) : openBefore !== null ? formatCount(openBefore, L) : '—'}</strong></p>`;
}

interface RowInput {
  testid: string;
  label: string;
  hint: string;
  value: number | null;
  text: string;
  /** The months so far. */
  values: (number | null)[];
  horizon: number;
  withZero: boolean;
  locale: Locale;
}

function numberRow({ testid, label, hint, value, text, values, horizon, withZero, locale }: RowInput) {
  const W = 120, H = 26;
  // The months so far as a small line across the run's horizon (decoration: the value is the text).
  const path = sparklinePath(values, horizon, W, H, withZero);
  const zero = withZero ? sparklineZero(values, H) : null;
  return html`<div>
    <dt>${t(label, {}, locale)}<span class="hint">${t(hint, {}, locale)}</span></dt>
    <dd data-testid=${testid} data-value=${value === null ? '' : String(value)}>${text}</dd>
    <svg class="spark" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" aria-hidden="true" data-testid=${`${testid}-spark`}>
      ${zero !== null ? svg`<line x1="0" x2=${W} y1=${zero} y2=${zero} stroke="#8a96a3" stroke-dasharray="3 3" vector-effect="non-scaling-stroke"></line>` : nothing}
      ${path ? svg`<path d=${path} fill="none" stroke=${OKABE_ITO.blue} stroke-width="2" vector-effect="non-scaling-stroke"></path>` : nothing}
    </svg>
  </div>`;
}
