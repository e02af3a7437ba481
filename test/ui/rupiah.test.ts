// @vitest-environment happy-dom
// <pendamping-rupiah-view> as rendered, with the model run in-process instead of a worker: stepping rounds,
// the LM shown against the model's, the highlight events, both businesses, the table; and the Sankey layout.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/index.js';
import { parseScenario } from '../../sim/index.js';
import { traceRupiah } from '../../sim/classroom/rupiah.js';
import { accountOf, pickBusinesses, recipientsByRound, recordRupiahRun as recordRun } from '../../sim/classroom/rupiahRun.js';
import { computeRupiahData, type RupiahData } from '../../ui/classroom/rupiah-data.js';
import { CLASS_COLOURS, LABEL_LINE, SANKEY_TRAINER_HEIGHT, SANKEY_TRAINER_LABEL_ROOM, SANKEY_TRAINER_WIDTH, layoutSankey, type SankeyLabels } from '../../ui/classroom/rupiah-sankey.js';
import { trainerBox } from '../../ui/classroom/rupiah-card.js';
import '../../ui/classroom/rupiah-view.js';
import type { RupiahView } from '../../ui/classroom/rupiah-view.js';
import type { Highlight } from '../../ui/classroom/types.js';

const scenarioJson = JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8')) as ScenarioInput;
const SEED = 1;
let data: RupiahData;
let expected: { local: number; outside: number };

beforeAll(() => {
  data = computeRupiahData(scenarioJson, SEED);
  // The model's figures, computed independently of the view's data module.
  const run = recordRun(parseScenario(structuredClone(scenarioJson)), { seed: SEED, months: 12 });
  const picks = pickBusinesses(run);
  expected = {
    local: traceRupiah(run.cells, accountOf(run, picks.local), 1).lm3,
    outside: traceRupiah(run.cells, accountOf(run, picks.outside), 1).lm3,
  };
  expect(data.businesses.local.recipients).toEqual(recipientsByRound(run, picks.local, data.rounds));
});

afterEach(() => {
  document.body.innerHTML = '';
});

async function mountView(locale: 'id' | 'en' = 'en'): Promise<{ view: RupiahView; events: (Highlight | null)[] }> {
  const view = document.createElement('pendamping-rupiah-view') as RupiahView;
  view.runner = async () => data;
  const events: (Highlight | null)[] = [];
  document.body.addEventListener('rupiah-highlight', (e) => events.push((e as CustomEvent<Highlight | null>).detail));
  const ready = new Promise((r) => view.addEventListener('rupiah-ready', r, { once: true }));
  view.scenario = scenarioJson;
  view.seed = SEED;
  view.locale = locale;
  document.body.append(view);
  await ready;
  await view.updateComplete;
  return { view, events };
}

const q = (view: RupiahView, testid: string) => view.shadowRoot!.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
const qa = (view: RupiahView, testid: string) => [...view.shadowRoot!.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
async function click(view: RupiahView, testid: string): Promise<void> {
  q(view, testid).click();
  await view.updateComplete;
}

describe('<pendamping-rupiah-view>', () => {
  it('steps rounds 1 → 2 → 3 and shows the model\'s LM3 for the local buyer; highlights each round\'s recipients', async () => {
    const { view, events } = await mountView();
    expect(q(view, 'rupiah-round').dataset.round).toBe('1');
    expect(Number(q(view, 'rupiah-lm3').dataset.value)).toBe(1);
    expect((q(view, 'rupiah-prev') as HTMLButtonElement).disabled).toBe(true);
    await click(view, 'rupiah-next');
    await click(view, 'rupiah-next');
    const lm = q(view, 'rupiah-lm3');
    expect(lm.dataset.round).toBe('3');
    expect(Number(lm.dataset.value)).toBeCloseTo(expected.local, 12);
    expect(lm.textContent).toContain(expected.local.toFixed(2));
    expect(lm.textContent).toContain('LM3');
    expect(events.map((e) => e?.round)).toEqual([1, 2, 3]);
    expect(events[0]!.businesses).toEqual([data.businesses.local.account.id]);
    expect(events[2]).toEqual({ round: 3, ...pick(data.businesses.local.recipients[2]) });
    await click(view, 'rupiah-reset');
    expect(q(view, 'rupiah-round').dataset.round).toBe('1');
    expect(events.at(-1)).toBeNull();
    // The last round disables "next".
    for (let i = 1; i < data.rounds; i++) await click(view, 'rupiah-next');
    expect((q(view, 'rupiah-next') as HTMLButtonElement).disabled).toBe(true);
    expect(q(view, 'rupiah-round').dataset.round).toBe(String(data.rounds));
  });

  it('draws one column per round so far: the business, then local flows in green and leakage in vermillion, amounts on the nodes', async () => {
    const { view } = await mountView('id');
    await click(view, 'rupiah-next');
    const sankey = q(view, 'rupiah-sankey');
    expect(sankey.dataset.round).toBe('2');
    const rects = [...sankey.querySelectorAll('rect')];
    const roles = rects.map((r) => r.getAttribute('data-role'));
    expect(roles).toContain('start');
    expect(roles).toContain('local');
    expect(roles).toContain('leakage');
    expect(roles).toContain('owner');
    const paths = [...sankey.querySelectorAll('path')];
    for (const p of paths) expect(p.getAttribute('stroke')).toBe(CLASS_COLOURS[p.getAttribute('data-cls') as keyof typeof CLASS_COLOURS]);
    // Nothing of round 3 yet: every node is in the first two columns.
    const xs = new Set(rects.map((r) => r.getAttribute('x')));
    expect(xs.size).toBe(2);
    const text = sankey.textContent!;
    expect(text).toContain('Rp 1 juta');
    expect(text).toContain('Laba pemilik');
    expect(text).toContain('tidak dihitung LM3');
    expect(text).toContain('upah');
    expect(text).toContain('bahan baku lokal');
  });

  it('puts the two businesses side by side: the outside buyer\'s LM3 is the model\'s and lower, the difference in words', async () => {
    const { view, events } = await mountView();
    const select = q(view, 'rupiah-business') as HTMLSelectElement;
    select.value = 'both';
    select.dispatchEvent(new Event('change'));
    await view.updateComplete;
    await click(view, 'rupiah-next');
    await click(view, 'rupiah-next');
    const lms = qa(view, 'rupiah-lm3');
    expect(lms.map((e) => e.dataset.business)).toEqual(['local', 'outside']);
    expect(Number(lms[1].dataset.value)).toBeCloseTo(expected.outside, 12);
    expect(Number(lms[0].dataset.value)).toBeGreaterThan(Number(lms[1].dataset.value));
    expect(qa(view, 'rupiah-sankey')).toHaveLength(2);
    const compare = q(view, 'rupiah-compare').textContent!;
    expect(compare).toContain(expected.local.toFixed(2));
    expect(compare).toContain(expected.outside.toFixed(2));
    // The highlight covers both businesses' recipients.
    expect(events.at(-1)!.round).toBe(3);
    const both = new Set([...data.businesses.local.recipients[2].businesses, ...data.businesses.outside.recipients[2].businesses]);
    expect(new Set(events.at(-1)!.businesses)).toEqual(both);
  });

  it('the table lists each round so far: what entered, local, leakage by kind, running LM; a new amount rescales it', async () => {
    const { view } = await mountView();
    await click(view, 'rupiah-next');
    await click(view, 'rupiah-next');
    await click(view, 'rupiah-table-toggle');
    expect(q(view, 'rupiah-table-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(qa(view, 'rupiah-sankey')).toHaveLength(0);
    const rows = () => [...q(view, 'rupiah-table').querySelectorAll('tbody tr')];
    expect(rows()).toHaveLength(3);
    expect(rows()[1].textContent).toContain('raw materials from outside');
    expect(rows()[2].textContent).toContain(`LM3 = ${expected.local.toFixed(2)}`);
    const input = q(view, 'rupiah-amount') as HTMLInputElement;
    input.value = '5000000';
    input.dispatchEvent(new Event('change'));
    await view.updateComplete;
    expect(rows()[0].textContent).toContain('Rp 5 million');
    expect(q(view, 'rupiah-amount-hint').textContent).toContain('Rp 5,000,000');
    expect(Number(q(view, 'rupiah-lm3').dataset.value)).toBeCloseTo(expected.local, 12);
    // A bad amount is refused, keeping the last good one.
    input.value = '-3';
    input.dispatchEvent(new Event('change'));
    await view.updateComplete;
    expect(input.value).toBe('5000000');
  });
});

describe('Sankey layout', () => {
  const labels: SankeyLabels = {
    node: (n) => n.id,
    note: (_n, kinds) => kinds.join(' · '),
    kind: (k) => k,
    amount: (v) => String(Math.round(v)),
    round: (r) => `R${r}`,
  };

  it('places each round in its own column, links only between neighbouring columns, labels never overlap', () => {
    for (const which of ['local', 'outside'] as const) {
      const trace = traceRupiah(data.cells, data.businesses[which].account, 1_000_000, data.rounds);
      const layout = layoutSankey(trace, labels);
      expect(layout.columns).toHaveLength(data.rounds);
      const byRound = new Map<number, number>();
      for (const n of layout.nodes) {
        if (byRound.has(n.round)) expect(n.x0).toBe(byRound.get(n.round));
        byRound.set(n.round, n.x0);
        expect(n.y0).toBeGreaterThanOrEqual(0);
        expect(n.y1).toBeLessThanOrEqual(layout.height);
      }
      const xs = [...byRound.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
      for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
      const round = new Map(layout.nodes.map((n) => [n.id, n.round]));
      for (const l of layout.links) expect(round.get(l.to)! - round.get(l.from)!).toBe(1);
      // The start node is as tall as the money in round 2 (the amount) and the link widths add up to it.
      const start = layout.nodes.find((n) => n.role === 'start')!;
      const out = layout.links.filter((l) => l.from === start.id).reduce((a, l) => a + l.width, 0);
      expect(out).toBeCloseTo(start.y1 - start.y0, 6);
      for (const r of byRound.keys()) {
        const col = layout.nodes.filter((n) => n.round === r).sort((a, b) => a.labelY - b.labelY);
        for (let i = 1; i < col.length; i++) expect(col[i].labelY - col[i - 1].labelY).toBeGreaterThanOrEqual(LABEL_LINE * (col[i - 1].note ? 2 : 1));
      }
    }
  });

  it('in trainer mode: a box drawn at least 1.7 times its units, the columns clear of the labels\' room, every label on the right', () => {
    expect(trainerBox(1300)).toEqual({ width: SANKEY_TRAINER_WIDTH, labelRoom: SANKEY_TRAINER_LABEL_ROOM });
    for (const px of [800, 1000, 1214]) {
      const box = trainerBox(px);
      expect(px / box.width).toBeGreaterThanOrEqual(1.7);
      const trace = traceRupiah(data.cells, data.businesses.local.account, 1_000_000, data.rounds);
      const layout = layoutSankey(trace, labels, box.width, SANKEY_TRAINER_HEIGHT, box.labelRoom);
      expect(layout.width).toBe(box.width);
      for (const n of layout.nodes) {
        expect(n.x1).toBeLessThanOrEqual(box.width - box.labelRoom);
        expect(n.labelSide).toBe('right');
      }
    }
    // Unknown width (before the first measurement): the widest box.
    expect(trainerBox(0).width).toBe(SANKEY_TRAINER_WIDTH);
  });
});

function pick(r: { businesses: number[]; households: number[]; suppliers: number[] }) {
  return { businesses: r.businesses, households: r.households, suppliers: r.suppliers };
}
