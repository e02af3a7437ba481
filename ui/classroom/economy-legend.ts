// The keys to the live economy's picture: the legend (each state's small picture, as the canvas draws it,
// with its count), the note on a follow-the-rupiah highlight with its households and suppliers as rows of
// marks (Lit templates), the canvas's description for screen readers, and the sectors' names in the page's
// language.
import { html, nothing, svg } from 'lit';
import type { Locale } from '../charts/types.js';
import { OKABE_ITO } from '../charts/palette.js';
import { formatCount } from '../format/format.js';
import { MESSAGES, t } from '../i18n/i18n.js';
import { COLOURS, LEGEND, RING_COLOUR, type LegendKey, type StateCounts } from './live-style.js';
import type { Highlight } from './types.js';

/** The legend: every state with its count (none before the first month), then the ties. */
export function legendList(counts: StateCounts | null, locale: Locale) {
  return html`<h3 id="legend-h">${t('live.legend', {}, locale)}</h3>
    <ul class="legend" data-testid="live-legend" aria-labelledby="legend-h">
      ${LEGEND.map((key) => html`<li data-key=${key}>${swatch(key)}<span>${t(`live.legend.${key}`, {}, locale)}</span><span class="count">${counts ? formatCount(counts[key], locale) : ''}</span></li>`)}
      <li data-key="ties">${swatch('ties')}<span>${t('live.legend.ties', {}, locale)}</span></li>
    </ul>`;
}

/** What the canvas shows, in words (its aria-label): the month's businesses by state, and which economy. */
export function canvasDescription(shown: { count: number; month: number; counts: StateCounts } | null, without: boolean, L: Locale): string {
  const c = shown?.counts;
  const described = shown && c
    ? t('live.canvas', { businesses: formatCount(shown.count, L), month: shown.month, growing: c.growing, steady: c.steady, struggling: c.struggling, closed: c.closed, mentored: c.mentored, digital: c.digital }, L)
    : t('live.label', {}, L);
  return without ? t('live.canvasWithout', { text: described }, L) : described;
}

/** A sector's name in the page's language (the default sectors are translated; others shown as written). */
export function sectorLabel(name: string, locale: Locale): string {
  const key = `live.sector.${name}`;
  return MESSAGES[locale][key] ?? MESSAGES.id[key] ?? name;
}

/** What a highlight lights up, in words and marks; `without`: the picture shows the economy without the program. */
export function highlightNote(h: Highlight, without: boolean, locale: Locale) {
  return html`<p class="highlight" data-testid="live-highlight">
    ${t('live.highlight', { round: h.round, businesses: h.businesses.length, households: h.households.length, suppliers: h.suppliers.length }, locale)}
    <span class="places">${t('live.highlightPlaces', {}, locale)}</span>
    ${without ? html`<span class="program-only" data-testid="live-highlight-program-only">${t('live.highlightProgramOnly', {}, locale)}</span>` : nothing}
    ${recipientMarks(h.households.length, h.suppliers.length, locale)}
  </p>`;
}

/**
 * The households and suppliers of a highlight as rows of small marks (households: sky-blue dots,
 * suppliers: orange diamonds), at most MAX_MARKS each with "+N" for the rest.
 */
function recipientMarks(households: number, suppliers: number, locale: Locale) {
  const MAX_MARKS = 40;
  const row = (count: number, mark: (i: number) => unknown, label: string) => {
    if (count === 0) return nothing;
    const shown = Math.min(count, MAX_MARKS);
    const width = shown * 9 + 2;
    return html`<span class="marks"
      ><svg width=${width} height="12" viewBox="0 0 ${width} 12" aria-hidden="true">${Array.from({ length: shown }, (_, i) => mark(i))}</svg
      >${count > shown ? ` +${formatCount(count - shown, locale)}` : ''} ${label}</span
    >`;
  };
  return html`<span class="recipients" data-testid="live-highlight-recipients"
    >${row(households, (i) => svg`<circle cx=${5 + i * 9} cy="6" r="3.5" fill=${OKABE_ITO.skyBlue} stroke="#1f2933" stroke-width="0.6"></circle>`, t('live.households', {}, locale))}
    ${row(suppliers, (i) => svg`<rect x=${2 + i * 9} y="2.5" width="6" height="6" transform="rotate(45 ${5 + i * 9} 5.5)" fill=${OKABE_ITO.orange} stroke="#1f2933" stroke-width="0.6"></rect>`, t('live.suppliers', {}, locale))}</span
  >`;
}

/** The legend's small picture of each state, as drawn on the canvas. */
function swatch(key: LegendKey | 'ties') {
  const size = 18;
  const c = size / 2;
  const shape = (() => {
    switch (key) {
      case 'growing':
      case 'steady':
      case 'struggling':
        return svg`<circle cx=${c} cy=${c} r="6" fill=${COLOURS[key]}></circle>`;
      case 'closed':
        return svg`<circle cx=${c} cy=${c} r="4.5" fill="none" stroke=${COLOURS.closed} stroke-width="1.5"></circle>`;
      case 'digital':
        return svg`<rect x="3.5" y="3.5" width="11" height="11" fill=${COLOURS.steady}></rect>`;
      case 'mentored':
        return svg`<circle cx=${c} cy=${c} r="5" fill=${COLOURS.steady}></circle><circle cx=${c} cy=${c} r="7.2" fill="none" stroke=${RING_COLOUR} stroke-width="2"></circle>`;
      case 'ties':
        return svg`<line x1="2" y1="14" x2="16" y2="4" stroke="rgba(60,70,80,0.6)" stroke-width="1.5"></line>`;
    }
  })();
  return html`<svg width=${size} height=${size} viewBox="0 0 ${size} ${size}" aria-hidden="true">${shape}</svg>`;
}
