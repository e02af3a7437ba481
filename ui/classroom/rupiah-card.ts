// Follow the rupiah's cards, as Lit templates: for one lesson business, its title, the running LM shown big
// with what it means, the round in one sentence, and the rounds so far as a Sankey diagram (one column per
// round, geometry from rupiah-sankey.ts) or as a table; and the sentence comparing the two businesses.
// They draw the traces sim/classroom/rupiah.ts computed; no figure is made here.
import { html, nothing, svg } from 'lit';
import type { RoundSummary, RupiahTrace, TraceNode } from '../../sim/classroom/rupiah.js';
import type { Locale } from '../charts/types.js';
import { formatRatio, formatRupiah, formatShare } from '../format/format.js';
import { t } from '../i18n/i18n.js';
import type { LessonAccount, LessonBusiness } from './rupiah-data.js';
import { LABEL_LINE, SANKEY_HEIGHT, SANKEY_LABEL_ROOM, SANKEY_TRAINER_HEIGHT, SANKEY_TRAINER_LABEL_ROOM, SANKEY_TRAINER_WIDTH, SANKEY_WIDTH, layoutSankey, type SankeyLabels, type SankeyLayout } from './rupiah-sankey.js';

export interface CardInput {
  which: LessonBusiness;
  lesson: LessonAccount;
  trace: RupiahTrace;
  round: number;
  amount: number;
  view: 'chart' | 'table';
  /** Trainer mode (a projector): the diagram in a smaller box, so its text is drawn at least 20 px high. */
  trainer: boolean;
  /** The width the diagram is drawn at (CSS px; 0 if not known yet). */
  width: number;
  locale: Locale;
  onDownload(which: LessonBusiness, format: 'png' | 'svg'): void;
}

export function rupiahCard(c: CardInput) {
  const { which, trace, locale: l } = c;
  const share = formatShare(trace.localInputShare, l, 0);
  const title =
    which === 'local'
      ? t('rupiah.card.local', { id: trace.business, share }, l)
      : t('rupiah.card.outside', { id: trace.business, share, mentored: c.lesson.mentored ? t('rupiah.mentored', {}, l) : '' }, l);
  // Only the round on screen is labelled, in room kept on the right, so no label lies over a flow (the
  // rounds before keep their colours; the table view has every figure). On the projector the text is
  // drawn large, without the notes under the names.
  const box = trainerBox(c.width);
  const layout = c.trainer
    ? layoutSankey(trace, sankeyLabels(trace, l, false), box.width, SANKEY_TRAINER_HEIGHT, box.labelRoom)
    : layoutSankey(trace, sankeyLabels(trace, l, true), SANKEY_WIDTH, SANKEY_HEIGHT, SANKEY_LABEL_ROOM);
  return html`<section class="card" data-testid="rupiah-card-${which}" aria-label=${title}>
    <header>
      <h3>${title}</h3>
      ${c.view === 'chart'
        ? html`<div class="downloads" role="group" aria-label=${t('rupiah.download', {}, l)}>
            <button type="button" data-testid="rupiah-export-png-${which}" @click=${() => c.onDownload(which, 'png')}>${t('rupiah.png', {}, l)}</button>
            <button type="button" data-testid="rupiah-export-svg-${which}" @click=${() => c.onDownload(which, 'svg')}>${t('rupiah.svg', {}, l)}</button>
          </div>`
        : nothing}
    </header>
    ${lm(c)}
    <p class="sentence" data-testid="rupiah-sentence-${which}">${sentence(trace, c.round, l)}</p>
    ${c.view === 'chart' ? sankey(c, layout) : html`<div class="table-wrap">${table(trace, c.round, l)}</div>`}
  </section>`;
}

/**
 * The diagram's box in trainer mode for a drawing `px` wide: narrow enough that it is drawn at least
 * 1.7 times its units (its 12- to 14-unit text 20 px and more), at most SANKEY_TRAINER_WIDTH; the labels'
 * room shrinks with it but keeps space for a name and an amount.
 */
export function trainerBox(px: number): { width: number; labelRoom: number } {
  const width = px > 0 ? Math.min(SANKEY_TRAINER_WIDTH, Math.max(420, Math.floor(px / 1.7))) : SANKEY_TRAINER_WIDTH;
  return { width, labelRoom: Math.round(SANKEY_TRAINER_LABEL_ROOM * Math.max(0.8, width / SANKEY_TRAINER_WIDTH)) };
}

/** The two businesses side by side: what each has spent locally so far, and the difference. */
export function rupiahCompare(local: RupiahTrace, outside: RupiahTrace, round: number, amount: number, l: Locale) {
  if (round < 2) return html`<p class="compare" data-testid="rupiah-compare">${t('rupiah.compareStart', {}, l)}</p>`;
  const a = localSoFar(local, round);
  const b = localSoFar(outside, round);
  return html`<p class="compare" data-testid="rupiah-compare" aria-live="polite">
    ${t('rupiah.compare', {
      round,
      amount: formatRupiah(amount, l),
      localTotal: formatRupiah(a, l),
      localLm: formatRatio(local.rounds[round - 1].running, l),
      outsideTotal: formatRupiah(b, l),
      outsideLm: formatRatio(outside.rounds[round - 1].running, l),
      difference: formatRupiah(a - b, l),
    }, l)}
  </p>`;
}

/** Local spending so far, in rupiah: R1 + … + Rn, which the trace's running LM holds as a share of R1 (the amount). */
const localSoFar = (trace: RupiahTrace, round: number) => trace.rounds[round - 1].running * trace.amount;

function sankeyLabels(trace: RupiahTrace, l: Locale, notes: boolean): SankeyLabels {
  return {
    node: (n: TraceNode) => {
      if (n.role === 'start') return t('rupiah.node.business', { id: trace.business }, l);
      if (n.role === 'owner') return t('rupiah.node.owner', {}, l);
      if (n.role === 'kept') return t('rupiah.node.kept', {}, l);
      return t(`rupiah.sector.${n.sector}`, {}, l);
    },
    note: (n: TraceNode, kinds: string[]) => {
      if (!notes) return '';
      if (n.role === 'owner') return t('rupiah.node.ownerNote', {}, l);
      if (n.role === 'start' || n.role === 'kept') return '';
      return kinds.join(' · ');
    },
    kind: (k) => t(`rupiah.kind.${k}`, {}, l),
    amount: (v) => formatRupiah(v, l),
    round: (r) => t('rupiah.roundShort', { round: r }, l),
  };
}

function sankey({ which, trace, round, amount, locale, trainer }: CardInput, layout: SankeyLayout) {
  // Columns closer than a heading is wide ("Putaran 2" at 13 units is about 75): the headings are the round
  // numbers alone (the sentence above the diagram names the round).
  const crowded = layout.columns.length > 1 && layout.columns[1].x - layout.columns[0].x < 110;
  const shown = (r: number) => r <= round;
  const label = t('rupiah.sankeyLabel', { amount: formatRupiah(amount, locale), id: trace.business, round }, locale);
  return html`<svg
    viewBox="0 0 ${layout.width} ${layout.height}"
    role="img"
    aria-label=${label}
    data-testid="rupiah-sankey"
    data-business=${which}
    data-round=${round}
  >
    <title>${label}</title>
    ${layout.columns.map(
      // 13 units on the projector's closer columns: drawn about 22 px high there, and "Putaran 1" clears "Putaran 2".
      (c) => svg`<text x=${c.x} y="16" text-anchor=${c.anchor} font-size=${trainer ? 13 : 15} font-weight="700" class=${c.round > round ? 'future' : ''} fill="#33404c">${crowded ? String(c.round) : c.label}</text>`,
    )}
    <g fill="none">
      ${layout.links
        .filter((k) => shown(k.round))
        .map(
          (k) => svg`<path class=${k.round === round ? 'appear' : ''} d=${k.path} stroke=${k.colour} stroke-opacity="0.45" stroke-width=${Math.max(1, k.width)} data-cls=${k.cls}><title>${k.kind}: ${formatRupiah(k.value, locale)}</title></path>`,
        )}
    </g>
    <g>
      ${layout.nodes
        .filter((n) => shown(n.round))
        .map(
          (n) => svg`<rect class=${n.round === round && round > 1 ? 'appear' : ''} x=${n.x0} y=${n.y0} width=${n.x1 - n.x0} height=${Math.max(1, n.y1 - n.y0)} fill=${n.colour} data-role=${n.role}><title>${n.title}: ${n.amount}</title></rect>`,
        )}
    </g>
    <g font-size="14">
      ${layout.nodes
        .filter((n) => n.round === round)
        .map((n) => {
          const right = n.labelSide === 'right';
          const x = right ? n.x1 + 6 : n.x0 - 6;
          return svg`<text class=${n.round === round && round > 1 ? 'appear' : ''} x=${x} y=${n.labelY} text-anchor=${right ? 'start' : 'end'} fill=${n.textColour} data-node=${n.id}>
            <tspan font-weight="700">${n.title}</tspan><tspan fill="#1d2730"> ${n.amount}</tspan>
            ${n.note ? svg`<tspan x=${x} dy=${LABEL_LINE} font-size="12" fill="#4a5560">${n.note}</tspan>` : nothing}
          </text>`;
        })}
    </g>
  </svg>`;
}

function table(trace: RupiahTrace, round: number, l: Locale) {
  const rp = (v: number) => formatRupiah(v, l);
  const rows = trace.rounds.slice(0, round);
  const leakKinds = (r: RoundSummary) =>
    Object.entries(r.leakageByKind)
      .filter(([, v]) => (v ?? 0) >= 0.5)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([k, v]) => html`<span class="kinds">${t(`rupiah.kind.${k}`, {}, l)}: ${rp(v ?? 0)}</span>`);
  return html`<table data-testid="rupiah-table">
    <caption>${t('rupiah.tableCaption', { amount: rp(trace.amount), id: trace.business }, l)}</caption>
    <thead>
      <tr>
        ${['round', 'entered', 'local', 'leakage', 'owner', 'kept', 'running'].map((c) => html`<th scope="col">${t(`rupiah.col.${c}`, {}, l)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) => html`<tr data-round=${r.round}>
          <th scope="row">${r.round}</th>
          <td>${rp(r.entered)}</td>
          <td>${rp(r.local)}</td>
          <td>${r.round === 1 ? '—' : html`${rp(r.leakage)}${leakKinds(r)}`}</td>
          <td>${r.round === 1 ? '—' : rp(r.owner + r.ownSector)}</td>
          <td>${r.round === 1 ? '—' : rp(r.kept)}</td>
          <td>LM${r.round} = ${formatRatio(r.running, l)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function lm({ which, trace, round, locale: l }: CardInput) {
  const r = trace.rounds[round - 1];
  return html`<div>
    <div class="lm" data-testid="rupiah-lm3" data-business=${which} data-round=${round} data-value=${String(r.running)} aria-live="polite">
      <span class="name">${t('rupiah.lm', { round }, l)}</span>
      <span class="value">${formatRatio(r.running, l)}</span>
    </div>
    <p class="lm-explain">
      ${round === 1 ? t('rupiah.lmStart', {}, l) : t('rupiah.lmExplain', { value: `Rp ${formatRatio(r.running, l)}`, round }, l)}
      ${round > 3 ? html` · ${t('rupiah.lm3Note', { value: formatRatio(trace.lm3, l) }, l)}` : nothing}
    </p>
  </div>`;
}

function sentence(trace: RupiahTrace, round: number, l: Locale): string {
  const r = trace.rounds[round - 1];
  const rp = (v: number) => formatRupiah(v, l);
  if (r.round === 1) return t('rupiah.sentence.round1', { amount: rp(trace.amount) }, l);
  if (r.round === 2) return t('rupiah.sentence.round2', { local: rp(r.local), leak: rp(r.leakage), owner: rp(r.owner + r.ownSector), kept: rp(r.kept) }, l);
  return t('rupiah.sentence.roundN', { round: r.round, local: rp(r.local), leak: rp(r.leakage) }, l);
}
